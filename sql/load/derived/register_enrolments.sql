-- The completed enrolments of the ФИС ФРДО documents, derived again from what the warehouse
-- holds (docs/exports.md §5.4). Run in the transaction of every load of register documents,
-- enrolments or a census, after its merge, so the result is a function of the loaded data
-- alone and never of the order in which the files arrived. The invariant it keeps:
--
--   dw.fact_course_enrolment holds, for every document that is not cancelled and whose course
--   no enrolment export lists (same teacher, same title ignoring case and ё/е, end date = issue
--   date; dw.fold_title folds the case without the server's locale),
--   one completed enrolment (document_key set, start and end on the issue date, certificate
--   held), at the teacher's school in the census of the document's academic year, else of the
--   latest earlier census, else with school_key null; and no other row with a document_key.
--
-- Rows already as they should be are left alone; the others are deleted and inserted (stamped
-- with the current batch, current_setting('pdmon.batch_key')). With no documents (every
-- warehouse without ФИС ФРДО loads) it reads two empty sets.

create temp table register_enrolment on commit drop as
-- Titles are folded once per programme, not once per row (dw.fold_title costs microseconds).
with course_title as (
    select c.course_key, dw.fold_title(c.course_title) as title_key
    from dw.dim_course as c
),

documents as (
    select d.document_key, d.teacher_key, d.academic_year_key, d.issue_date_key, d.course_key, k.title_key
    from dw.fact_qualification_document as d
    inner join course_title as k on k.course_key = d.course_key
    where d.status <> 'cancelled'
),

exported as (
    select e.teacher_key, e.end_date_key, k.title_key
    from dw.fact_course_enrolment as e
    inner join course_title as k on k.course_key = e.course_key
    where e.document_key is null
),

not_exported as (
    select doc.document_key, doc.teacher_key, doc.academic_year_key, doc.issue_date_key, doc.course_key
    from documents as doc
    left join exported as x
        on x.teacher_key = doc.teacher_key
       and x.end_date_key = doc.issue_date_key
       and x.title_key = doc.title_key
    where x.teacher_key is null
),

-- The census of the document's year, else of the latest earlier year: the first row of the
-- teacher's census years up to the document's, latest first.
census as (
    select distinct on (n.teacher_key, n.document_key)
        n.teacher_key, n.document_key, f.school_key, f.position, f.subject, f.staff_category
    from not_exported as n
    inner join dw.fact_teacher_year as f
        on f.teacher_key = n.teacher_key
       and f.academic_year_key <= n.academic_year_key
    order by n.teacher_key asc, n.document_key asc, f.academic_year_key desc
),

placed as (
    select n.document_key, n.teacher_key, n.academic_year_key, n.issue_date_key, n.course_key,
           c.school_key, c.position, c.subject,
           coalesce(c.staff_category, 'teaching') as staff_category
    from not_exported as n
    left join census as c on c.teacher_key = n.teacher_key and c.document_key = n.document_key
),

-- An enrolment export's row of the same natural key keeps it.
exported_keys as (
    select e.teacher_key, e.academic_year_key, e.start_date_key, e.course_key
    from dw.fact_course_enrolment as e
    where e.document_key is null
)

-- Two documents of one course on one day are one enrolment (the natural key), and a row of an
-- enrolment export already holding that key keeps it.
select distinct on (p.teacher_key, p.academic_year_key, p.issue_date_key, p.course_key)
    p.document_key,
    p.teacher_key,
    p.academic_year_key,
    p.issue_date_key,
    p.course_key,
    p.school_key,
    p.position,
    p.subject,
    p.staff_category
from placed as p
left join exported_keys as e
    on e.teacher_key = p.teacher_key
   and e.academic_year_key = p.academic_year_key
   and e.start_date_key = p.issue_date_key
   and e.course_key = p.course_key
where e.teacher_key is null
order by p.teacher_key asc, p.academic_year_key asc, p.issue_date_key asc, p.course_key asc, p.document_key asc;

-- The rows with a document_key that are not as they should be: found by a join of the facts
-- with the temporary table, then deleted by their keys (Citus runs neither a correlated
-- subquery on a temporary table nor a distributed table's anti-join inside a delete).
create temp table register_stale on commit drop as
select f.teacher_key, f.enrolment_key
from dw.fact_course_enrolment as f
left join register_enrolment as r
    on r.teacher_key = f.teacher_key
   and r.document_key = f.document_key
   and (r.academic_year_key, r.school_key, r.course_key, r.issue_date_key, r.issue_date_key,
        r.staff_category, r.position, r.subject)
       is not distinct from
       (f.academic_year_key, f.school_key, f.course_key, f.start_date_key, f.end_date_key,
        f.staff_category, f.position, f.subject)
where f.document_key is not null
  and r.teacher_key is null;

delete from dw.fact_course_enrolment as f
using register_stale as x
where f.teacher_key = x.teacher_key
  and f.enrolment_key = x.enrolment_key;

insert into dw.fact_course_enrolment (
    teacher_key, academic_year_key, school_key, course_key, start_date_key, end_date_key,
    staff_category, position, subject, status, is_requested_by_school, has_certificate, document_key, batch_key
)
select r.teacher_key, r.academic_year_key, r.school_key, r.course_key,
       r.issue_date_key as start_date_key, r.issue_date_key as end_date_key, r.staff_category,
       r.position, r.subject, 'completed', true, true, r.document_key,
       current_setting('pdmon.batch_key')::bigint
from register_enrolment as r
left join dw.fact_course_enrolment as f
    on f.teacher_key = r.teacher_key
   and f.document_key = r.document_key
where f.teacher_key is null;
