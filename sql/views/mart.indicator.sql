-- The indicator catalogue for SQL consumers.
create or replace view mart.indicator with (security_barrier = true) as
select i.indicator_id,
       i.sort_order,
       i.name_ru,
       i.name_en,
       i.unit,
       i.direction,
       i.source,
       i.description_ru,
       i.description_en,
       i.numerator_ru,
       i.numerator_en,
       i.denominator_ru,
       i.denominator_en
from dw.indicator as i
where coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.indicator to pdmon_reader;

comment on view mart.indicator is
    'Indicator catalogue: id, names, unit, which direction is better, numerator and denominator. Values are in mart.school_year_indicator and mart.city_year_indicator. / Каталог показателей: код, названия, единица, направление улучшения, числитель и знаменатель.';
comment on column mart.indicator.indicator_id is
    'Indicator id, e.g. pd_coverage_3y. / Код показателя.';
comment on column mart.indicator.sort_order is
    'Position in reports. / Порядок в отчётах.';
comment on column mart.indicator.name_ru is
    'Russian name. / Название по-русски.';
comment on column mart.indicator.name_en is
    'English name. / Название по-английски.';
comment on column mart.indicator.unit is
    'percent or hours. / Единица: percent (%) или hours (часы).';
comment on column mart.indicator.direction is
    'higher or lower: which way of change is an improvement. / higher — лучше больше, lower — лучше меньше.';
comment on column mart.indicator.source is
    'survey, enrolments or survey+enrolments. / Источник данных.';
comment on column mart.indicator.description_ru is
    'Description in Russian. / Описание.';
comment on column mart.indicator.description_en is
    'Description in English. / Описание (англ.).';
comment on column mart.indicator.numerator_ru is
    'Numerator in Russian. / Числитель.';
comment on column mart.indicator.numerator_en is
    'Numerator in English. / Числитель (англ.).';
comment on column mart.indicator.denominator_ru is
    'Denominator in Russian. / Знаменатель.';
comment on column mart.indicator.denominator_en is
    'Denominator in English. / Знаменатель (англ.).';
