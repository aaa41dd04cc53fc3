-- The deficit areas (the codes of mart.teacher_year.deficits and of
-- mart.course_enrolment.focus_area) with their names, in listing order.
create or replace view mart.deficit_area with (security_barrier = true) as
select a.code,
       a.deficit_area_key as sort_order,
       a.name_ru,
       a.name_en
from dw.dim_deficit_area as a
where coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.deficit_area to pdmon_reader;

comment on view mart.deficit_area is
    'Deficit areas: code and names, in listing order (the codes of mart.teacher_year.deficits and mart.course_enrolment.focus_area). / Области профессиональных дефицитов: код и названия.';
comment on column mart.deficit_area.code is
    'Deficit area code, e.g. methodological. / Код области дефицита.';
comment on column mart.deficit_area.sort_order is
    'Position in listings. / Порядок в списках.';
comment on column mart.deficit_area.name_ru is
    'Name in Russian. / Название.';
comment on column mart.deficit_area.name_en is
    'Name in English. / Название (англ.).';
