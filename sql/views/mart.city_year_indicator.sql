-- Indicator values for the whole city per academic year: the same formulas over
-- all schools, each teacher counted once (written by the mart refresh).
create or replace view mart.city_year_indicator with (security_barrier = true) as
select v.indicator_id,
       i.name_ru as indicator_name_ru,
       i.name_en as indicator_name_en,
       i.unit,
       i.direction,
       y.label as academic_year,
       v.academic_year_key as year_start,
       v.numerator,
       v.denominator,
       v.value,
       v.refreshed_at
from dw.agg_indicator_value as v
inner join dw.indicator as i on i.indicator_id = v.indicator_id
inner join dw.dim_academic_year as y on y.academic_year_key = v.academic_year_key
where v.grain = 'city'
  and coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.city_year_indicator to pdmon_reader;

comment on view mart.city_year_indicator is
    'Indicator values for the whole city: one row per indicator and academic year; the same formulas over all schools, each teacher counted once, enrolment-based indicators over the enrolments of all schools. / Значения показателей по городу: строка на показатель и учебный год; те же формулы по всем ОО, педагог учитывается один раз.';
comment on column mart.city_year_indicator.indicator_id is
    'Indicator id (mart.indicator). / Код показателя.';
comment on column mart.city_year_indicator.indicator_name_ru is
    'Indicator name in Russian. / Название показателя.';
comment on column mart.city_year_indicator.indicator_name_en is
    'Indicator name in English. / Название показателя (англ.).';
comment on column mart.city_year_indicator.unit is
    'percent or hours. / Единица.';
comment on column mart.city_year_indicator.direction is
    'higher or lower: which way of change is an improvement. / Направление улучшения.';
comment on column mart.city_year_indicator.academic_year is
    'Academic year, e.g. 2023-2024. / Учебный год.';
comment on column mart.city_year_indicator.year_start is
    'Start year of the academic year (2023 for 2023-2024). / Год начала учебного года.';
comment on column mart.city_year_indicator.numerator is
    'Numerator over the whole city (see mart.indicator). / Числитель по городу.';
comment on column mart.city_year_indicator.denominator is
    'Denominator over the whole city. / Знаменатель по городу.';
comment on column mart.city_year_indicator.value is
    'percent: 100 × numerator / denominator; hours: numerator / denominator; one decimal, rounded half away from zero; null when the denominator is 0. / Значение; пусто при нулевом знаменателе.';
comment on column mart.city_year_indicator.refreshed_at is
    'When the values were computed. / Время расчёта.';
