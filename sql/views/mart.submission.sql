-- Who has reported (issue 13 §4): for every school of the current directory, every academic
-- year the warehouse has data for and each expected export kind (the census, survey; the
-- enrolments, enrolments — counting the ФИС ФРДО register's rows too), whether rows arrived,
-- how many, when, the reject share of the files that brought them and the rows of the year
-- before. A school with no rows of a kind in a year is a row with rows = 0 (not received).
create or replace view mart.submission with (security_barrier = true) as
with years as (
    select academic_year_key from dw.fact_teacher_year
    union
    select academic_year_key from dw.fact_course_enrolment
),
schools as (
    select s.school_key, s.school_code, s.name
    from dw.dim_school as s
    where s.is_current
),
kinds as (
    select k.kind
    from (values ('survey'), ('enrolments')) as k (kind)
),
census as (
    select s.school_code, f.academic_year_key, 'survey'::text as kind, count(*) as row_count,
           0::bigint as register_rows, array_agg(distinct f.batch_key) as batch_keys
    from dw.fact_teacher_year as f
    inner join dw.dim_school as s on s.school_key = f.school_key
    group by s.school_code, f.academic_year_key
),
courses as (
    select s.school_code, e.academic_year_key, 'enrolments'::text as kind, count(*) as row_count,
           count(*) filter (where e.document_key is not null) as register_rows,
           array_agg(distinct e.batch_key) as batch_keys
    from dw.fact_course_enrolment as e
    inner join dw.dim_school as s on s.school_key = e.school_key
    group by s.school_code, e.academic_year_key
),
received as (
    select * from census
    union all
    select * from courses
),
batches as (
    select r.school_code, r.academic_year_key, r.kind,
           max(b.finished_at) as received_at,
           sum(b.rows_rejected) as rows_rejected,
           sum(b.rows_read) as rows_read
    from received as r
    cross join lateral unnest(r.batch_keys) as u (batch_key)
    inner join dw.etl_batch as b on b.batch_key = u.batch_key
    group by r.school_code, r.academic_year_key, r.kind
),
grid as (
    select s.school_code, s.name as school_name, y.academic_year_key, k.kind
    from schools as s
    cross join years as y
    cross join kinds as k
)
select g.school_code,
       g.school_name,
       ay.label as academic_year,
       g.academic_year_key as year_start,
       g.kind,
       coalesce(r.row_count, 0) > 0 as is_received,
       b.received_at,
       coalesce(r.row_count, 0) as row_count,
       coalesce(r.register_rows, 0) as register_rows,
       round(b.rows_rejected::numeric / nullif(b.rows_read, 0), 3) as rejected_share,
       p.row_count as previous_row_count,
       case
           when coalesce(p.row_count, 0) > 0
               then round(1 - coalesce(r.row_count, 0)::numeric / p.row_count, 3)
       end as drop_share
from grid as g
inner join dw.dim_academic_year as ay on ay.academic_year_key = g.academic_year_key
left join received as r
    on r.school_code = g.school_code and r.academic_year_key = g.academic_year_key and r.kind = g.kind
left join batches as b
    on b.school_code = g.school_code and b.academic_year_key = g.academic_year_key and b.kind = g.kind
left join received as p
    on p.school_code = g.school_code and p.academic_year_key = g.academic_year_key - 1 and p.kind = g.kind
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    else g.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.submission to pdmon_reader;

comment on view mart.submission is
    'Data completeness: one row per school of the current directory, academic year with data and expected export kind (survey: the census; enrolments: course enrolments, the ФИС ФРДО register''s included), with the rows received, when, the reject share of the files that brought them and the change against the year before. row_count = 0 means nothing was received. / Полнота данных: строка на ОО справочника, учебный год и ожидаемый вид выгрузки (survey — мониторинг, enrolments — обучение, включая реестр ФИС ФРДО): получено ли, сколько строк, когда, доля отклонённых строк в файлах и изменение к прошлому году.';
comment on column mart.submission.school_code is
    'School code. / Код ОО.';
comment on column mart.submission.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.submission.academic_year is
    'Academic year, e.g. 2023-2024. / Учебный год.';
comment on column mart.submission.year_start is
    'Start year of the academic year. / Год начала учебного года.';
comment on column mart.submission.kind is
    'Expected export kind: survey (the census) or enrolments. / Ожидаемый вид выгрузки: survey (мониторинг) или enrolments (обучение).';
comment on column mart.submission.is_received is
    'True when the warehouse holds rows of this kind for the school and year. / Истина, если строки получены.';
comment on column mart.submission.received_at is
    'When the last file that brought such rows finished loading; null when none. / Когда загружен последний файл с такими строками.';
comment on column mart.submission.row_count is
    'Rows held: census teachers, or enrolments. / Строк в хранилище: педагогов мониторинга или записей об обучении.';
comment on column mart.submission.register_rows is
    'Of the enrolments, those that come from the ФИС ФРДО register. / Из них записей из реестра ФИС ФРДО.';
comment on column mart.submission.rejected_share is
    'Rejected rows over rows read in the files that brought the rows (0..1, three decimals); null when none. / Доля отклонённых строк в файлах, из которых получены строки (0..1).';
comment on column mart.submission.previous_row_count is
    'Rows of the same kind the year before; null when none. / Строк того же вида годом раньше.';
comment on column mart.submission.drop_share is
    'Drop against the year before: 1 - row_count / previous_row_count (0.5 = half as many rows; negative when it grew); null without rows the year before. / Снижение к прошлому году: 1 − строк / строк годом раньше.';
