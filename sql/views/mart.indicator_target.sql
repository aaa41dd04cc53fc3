-- Indicator targets of the municipal or regional programme (dw.fact_indicator_target), for the
-- city and for schools. A reader sees the city's targets when it has any grant, and the
-- targets of the schools granted to it.
create or replace view mart.indicator_target with (security_barrier = true) as
select t.indicator_id,
       i.name_ru as indicator_name_ru,
       i.name_en as indicator_name_en,
       i.unit,
       i.direction,
       y.label as academic_year,
       t.academic_year_key as year_start,
       case when t.school_code is null then 'city' else 'school' end as level,
       t.school_code,
       s.name as school_name,
       t.target_value,
       t.source_document,
       t.source_date
from dw.fact_indicator_target as t
inner join dw.indicator as i on i.indicator_id = t.indicator_id
inner join dw.dim_academic_year as y on y.academic_year_key = t.academic_year_key
left join dw.dim_school as s on s.school_code = t.school_code and s.is_current
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    when t.school_code is null then cardinality((select dw.readable_school_codes(current_user))) > 0
    else t.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.indicator_target to pdmon_reader;

comment on view mart.indicator_target is
    'Indicator targets: one row per indicator, academic year and level (the city, or one school), with the document that set the target. Reports show a school''s own target, else the city''s. / Целевые значения показателей: строка на показатель, учебный год и уровень (город или ОО) с документом-основанием. В отчётах для ОО берётся её цель, иначе цель города.';
comment on column mart.indicator_target.indicator_id is
    'Indicator id (mart.indicator). / Код показателя.';
comment on column mart.indicator_target.indicator_name_ru is
    'Indicator name in Russian. / Название показателя.';
comment on column mart.indicator_target.indicator_name_en is
    'Indicator name in English. / Название показателя (англ.).';
comment on column mart.indicator_target.unit is
    'percent or hours. / Единица.';
comment on column mart.indicator_target.direction is
    'higher or lower: which side of the target is met. / Направление улучшения: с какой стороны цель достигнута.';
comment on column mart.indicator_target.academic_year is
    'Academic year of the target, e.g. 2023-2024. / Учебный год цели.';
comment on column mart.indicator_target.year_start is
    'Start year of the academic year. / Год начала учебного года.';
comment on column mart.indicator_target.level is
    'city or school. / Уровень: город или ОО.';
comment on column mart.indicator_target.school_code is
    'School code of a school''s target; null for the city. / Код ОО; пусто для города.';
comment on column mart.indicator_target.school_name is
    'Current name of the school; null for the city. / Текущее наименование ОО.';
comment on column mart.indicator_target.target_value is
    'Target value in the indicator''s unit, one decimal. / Целевое значение в единицах показателя.';
comment on column mart.indicator_target.source_document is
    'The document that set the target. / Документ-основание.';
comment on column mart.indicator_target.source_date is
    'Date of the document; null when not given. / Дата документа.';
