-- Indicator values per school and academic year (written by the mart refresh).
create or replace view mart.school_year_indicator with (security_barrier = true) as
select v.indicator_id,
       i.name_ru as indicator_name_ru,
       i.name_en as indicator_name_en,
       i.unit,
       i.direction,
       y.label as academic_year,
       v.academic_year_key as year_start,
       v.school_code,
       s.name as school_name,
       v.numerator,
       v.denominator,
       v.value,
       v.refreshed_at
from dw.agg_indicator_value as v
inner join dw.indicator as i on i.indicator_id = v.indicator_id
inner join dw.dim_academic_year as y on y.academic_year_key = v.academic_year_key
left join dw.dim_school as s on s.school_code = v.school_code and s.is_current
where v.grain = 'school'
  and case
      when (select dw.readable_school_codes(current_user)) is null then true
      else v.school_code = any((select dw.readable_school_codes(current_user))::text[])
  end;

grant select on mart.school_year_indicator to pdmon_reader;

comment on view mart.school_year_indicator is
    'Indicator values: one row per indicator, academic year and school, with numerator, denominator and value (null when the denominator is 0). Refreshed after every load and by pdmon db refresh. / Значения показателей: строка на показатель, учебный год и ОО; значение пусто при нулевом знаменателе.';
comment on column mart.school_year_indicator.indicator_id is
    'Indicator id (mart.indicator). / Код показателя.';
comment on column mart.school_year_indicator.indicator_name_ru is
    'Indicator name in Russian. / Название показателя.';
comment on column mart.school_year_indicator.indicator_name_en is
    'Indicator name in English. / Название показателя (англ.).';
comment on column mart.school_year_indicator.unit is
    'percent or hours. / Единица.';
comment on column mart.school_year_indicator.direction is
    'higher or lower: which way of change is an improvement. / Направление улучшения.';
comment on column mart.school_year_indicator.academic_year is
    'Academic year, e.g. 2023-2024. / Учебный год.';
comment on column mart.school_year_indicator.year_start is
    'Start year of the academic year (2023 for 2023-2024); the previous year is year_start - 1. / Год начала учебного года.';
comment on column mart.school_year_indicator.school_code is
    'School code. / Код ОО.';
comment on column mart.school_year_indicator.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.school_year_indicator.numerator is
    'Numerator (see mart.indicator). / Числитель.';
comment on column mart.school_year_indicator.denominator is
    'Denominator (see mart.indicator). / Знаменатель.';
comment on column mart.school_year_indicator.value is
    'percent: 100 × numerator / denominator; hours: numerator / denominator; one decimal, rounded half away from zero; null when the denominator is 0. / Значение с одним знаком после запятой; пусто при нулевом знаменателе.';
comment on column mart.school_year_indicator.refreshed_at is
    'When the values were computed. / Время расчёта.';
