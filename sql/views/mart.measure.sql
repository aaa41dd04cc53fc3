-- Measures taken on recommendations (dw.measure): of the city (school_code null) or a school,
-- answering the recommendation identified by rule_id + academic year + school_code, aimed at
-- an indicator. School rows are those of the schools the reader may see; the city's measures
-- are shown to any reader with a grant, as the city's aggregates are.
create or replace view mart.measure with (security_barrier = true) as
select m.measure_key as measure_number,
       y.label as academic_year,
       m.academic_year_key as year_start,
       case when m.school_code is null then 'city' else 'school' end as level,
       m.school_code,
       s.name as school_name,
       m.rule_id,
       m.indicator_id,
       i.name_ru as indicator_name_ru,
       i.name_en as indicator_name_en,
       m.measure_text,
       to_date(m.measure_date_key::text, 'YYYYMMDD') as measure_date,
       m.responsible_role,
       m.source
from dw.measure as m
inner join dw.dim_academic_year as y on y.academic_year_key = m.academic_year_key
inner join dw.indicator as i on i.indicator_id = m.indicator_id
left join dw.dim_school as s on s.school_code = m.school_code and s.is_current
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    when m.school_code is null then cardinality((select dw.readable_school_codes(current_user))) > 0
    else m.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.measure to pdmon_reader;

comment on view mart.measure is
    'Measures and management decisions taken on recommendations (pdmon measures add, the measures export): one row per measure, with the recommendation it answers (rule_id, academic year, school_code) and the indicator it aims at. / Принятые меры по рекомендациям: строка на меру.';
comment on column mart.measure.measure_number is
    'Warehouse number of the measure. / Номер меры.';
comment on column mart.measure.academic_year is
    'Academic year of the recommendation answered (the year the measure is taken). / Учебный год рекомендации.';
comment on column mart.measure.year_start is
    'Start year of that academic year; pdmon report effect --year (year_start + 1) judges it. / Год начала учебного года.';
comment on column mart.measure.level is
    'city or school. / Уровень: город или ОО.';
comment on column mart.measure.school_code is
    'School code; null for a measure of the city. / Код ОО; пусто — мера города.';
comment on column mart.measure.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.measure.rule_id is
    'Rule of the recommendation answered; null when the measure names only an indicator. / Код правила рекомендации.';
comment on column mart.measure.indicator_id is
    'Indicator aimed at (mart.indicator). / Показатель.';
comment on column mart.measure.indicator_name_ru is
    'Indicator name in Russian. / Название показателя.';
comment on column mart.measure.indicator_name_en is
    'Indicator name in English. / Название показателя (англ.).';
comment on column mart.measure.measure_text is
    'What was decided. / Содержание меры.';
comment on column mart.measure.measure_date is
    'Date of the decision. / Дата решения.';
comment on column mart.measure.responsible_role is
    'Role responsible (never a name). / Ответственный (роль).';
comment on column mart.measure.source is
    'file or command. / Источник: файл или команда.';
