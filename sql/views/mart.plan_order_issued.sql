-- The plan-order in force for each academic year, as issued (pdmon plan --for-year Y --issue):
-- the rows of both tables of pdmon plan, with the issue's time. Counts only. School rows are
-- those of the schools the reader may see (dw.school_access); city rows only for a reader of
-- every school, who could not compute them from some schools (as in sql/plan/).
create or replace view mart.plan_order_issued with (security_barrier = true) as
select r.plan_order_issued_row_key as issued_row_number,
       y.label as academic_year,
       r.academic_year_key as year_start,
       i.issued_at,
       i.issued_by,
       r.section,
       r.level,
       r.school_code,
       r.school_name,
       r.subject,
       r.deficit_area,
       r.teachers,
       r.teachers_due,
       r.never_trained,
       r.deficits_unaddressed,
       r.leaders_due
from dw.plan_order_issued_row as r
inner join dw.plan_order_issue as i on i.plan_order_issue_key = r.plan_order_issue_key
inner join dw.dim_academic_year as y on y.academic_year_key = r.academic_year_key
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    when r.school_code is null then false
    else r.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.plan_order_issued to pdmon_reader;

comment on view mart.plan_order_issued is
    'The issued plan-order of each academic year (pdmon plan --issue; the latest issue of a year replaces the earlier): the rows of both plan tables, counts only. City rows only for a reader of every school. / Выпущенный план-заказ КПК на год: строки обеих таблиц плана, только числа.';
comment on column mart.plan_order_issued.issued_row_number is
    'Warehouse number of the row. / Номер строки в хранилище.';
comment on column mart.plan_order_issued.academic_year is
    'Academic year of the plan, e.g. 2024-2025. / Учебный год плана.';
comment on column mart.plan_order_issued.year_start is
    'Start year of the plan''s academic year. / Год начала учебного года плана.';
comment on column mart.plan_order_issued.issued_at is
    'When the plan in force was issued. / Когда выпущен действующий план.';
comment on column mart.plan_order_issued.issued_by is
    'Login that issued it. / Кто выпустил.';
comment on column mart.plan_order_issued.section is
    'subject (by school and subject) or deficit_area (by school and deficit area). / Таблица плана.';
comment on column mart.plan_order_issued.level is
    'subject, school, city_subject or city. / Уровень строки.';
comment on column mart.plan_order_issued.school_code is
    'School code; null on city rows. / Код ОО; пусто в строках города.';
comment on column mart.plan_order_issued.school_name is
    'School name when issued. / Наименование ОО на момент выпуска.';
comment on column mart.plan_order_issued.subject is
    'Subject (section subject; empty = not given in the census). / Предмет.';
comment on column mart.plan_order_issued.deficit_area is
    'Deficit area code (section deficit_area). / Область дефицита.';
comment on column mart.plan_order_issued.teachers is
    'Teachers (subject: current teachers; deficit_area: teachers with the deficit not addressed). / Педагогов.';
comment on column mart.plan_order_issued.teachers_due is
    'Teachers due a course under the three-year rule (the planned number of the subject section). / Педагогов, которым нужен курс (план).';
comment on column mart.plan_order_issued.never_trained is
    'Teachers never trained. / Ни разу не обучавшихся.';
comment on column mart.plan_order_issued.deficits_unaddressed is
    'Teachers with a deficit not addressed. / С незакрытыми дефицитами.';
comment on column mart.plan_order_issued.leaders_due is
    'Leaders due a course. / Руководителей, которым нужен курс.';
