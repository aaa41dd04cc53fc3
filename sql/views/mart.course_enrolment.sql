-- Course enrolments, denormalised with readable names: one row per enrolment.
-- Teachers appear only as teacher_number (see mart.teacher_year). An enrolment from ФИС ФРДО
-- whose teacher is in no census yet has no school (school_code null) until one is loaded; only a
-- reader of every school sees it.
create or replace view mart.course_enrolment with (security_barrier = true) as
select e.enrolment_key as enrolment_number,
       e.teacher_key as teacher_number,
       y.label as academic_year,
       e.academic_year_key as year_start,
       s.school_code,
       coalesce(cur.name, s.name) as school_name,
       e.staff_category,
       e.position,
       e.subject,
       c.course_title,
       c.program_kind,
       c.hours,
       c.delivery,
       a.code as focus_area,
       c.provider,
       c.funding,
       sd.full_date as start_date,
       ed.full_date as end_date,
       e.status,
       e.is_requested_by_school,
       e.has_certificate,
       (e.document_key is not null) as is_from_register
from dw.fact_course_enrolment as e
inner join dw.dim_academic_year as y on y.academic_year_key = e.academic_year_key
left join dw.dim_school as s on s.school_key = e.school_key
left join dw.dim_school as cur on cur.school_code = s.school_code and cur.is_current
inner join dw.dim_course as c on c.course_key = e.course_key
left join dw.dim_deficit_area as a on a.deficit_area_key = c.focus_area_key
inner join dw.dim_date as sd on sd.date_key = e.start_date_key
inner join dw.dim_date as ed on ed.date_key = e.end_date_key
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    else s.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.course_enrolment to pdmon_reader;

comment on view mart.course_enrolment is
    'Course enrolments (КПК, retraining, internships), one row per enrolment, with readable names. Teachers appear only as teacher_number. / Записи на обучение (КПК, переподготовка, стажировки): строка на запись. Педагог обозначен только номером teacher_number.';
comment on column mart.course_enrolment.enrolment_number is
    'Warehouse number of the enrolment. / Номер записи в хранилище.';
comment on column mart.course_enrolment.teacher_number is
    'Opaque per-warehouse teacher number, as in mart.teacher_year. / Внутренний номер педагога, как в mart.teacher_year.';
comment on column mart.course_enrolment.academic_year is
    'Academic year of the enrolment, e.g. 2023-2024. / Учебный год.';
comment on column mart.course_enrolment.year_start is
    'Start year of the academic year (2023 for 2023-2024). / Год начала учебного года.';
comment on column mart.course_enrolment.school_code is
    'Code of the school the enrolment was exported for; for a ФИС ФРДО enrolment the teacher''s school in the census (null while unknown). / Код ОО записи; для записи из ФИС ФРДО — ОО педагога по мониторингу (пусто, пока неизвестна).';
comment on column mart.course_enrolment.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.course_enrolment.staff_category is
    'teaching or leadership. / Категория работника.';
comment on column mart.course_enrolment.position is
    'Position. / Должность.';
comment on column mart.course_enrolment.subject is
    'Subject taught. / Предмет.';
comment on column mart.course_enrolment.course_title is
    'Programme title. / Наименование программы.';
comment on column mart.course_enrolment.program_kind is
    'advanced_training, retraining or internship. / Вид программы.';
comment on column mart.course_enrolment.hours is
    'Programme hours. / Объём, часов.';
comment on column mart.course_enrolment.delivery is
    'in_person, distance or blended. / Форма обучения.';
comment on column mart.course_enrolment.focus_area is
    'Deficit area the course addresses (code), if any. / Направленность (область дефицита).';
comment on column mart.course_enrolment.provider is
    'Training provider. / Организация ДПО.';
comment on column mart.course_enrolment.funding is
    'state_assignment, paid or other. / Источник финансирования.';
comment on column mart.course_enrolment.start_date is
    'Start date. / Дата начала.';
comment on column mart.course_enrolment.end_date is
    'End date. / Дата окончания.';
comment on column mart.course_enrolment.status is
    'completed, in_progress, dropped or not_started. / Статус обучения.';
comment on column mart.course_enrolment.is_requested_by_school is
    'Requested by the school. / По заявке ОО.';
comment on column mart.course_enrolment.has_certificate is
    'A certificate number was exported. / Указан номер удостоверения.';
comment on column mart.course_enrolment.is_from_register is
    'True for an enrolment derived from a ФИС ФРДО document (docs/exports.md §5.4): start and end are the issue date. / Запись из ФИС ФРДО: даты начала и окончания — дата выдачи документа.';
