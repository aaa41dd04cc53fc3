-- Replaces the census of every (academic year, school) the file contains, and the census row
-- of every teacher the file lists for that year at another school (the newest file wins),
-- except a census row whose form submission is later than the file's (settle_stage.sql).
-- A form-service export (rows with submitted_at) replaces only its own teachers' rows.
-- Rows identical to what is stored (facts and bridges alike) are left untouched, so loading
-- the same data twice changes nothing. The batch is current_setting('pdmon.batch_key').

-- Citus (sql/citus/README.md): the stored rows are read by joins of the facts with CTEs of the
-- temporary tables (no correlated subquery names a temporary or a distributed table), and the
-- bridges' codes are aggregated once per scope rather than per row.
create temp table survey_existing on commit drop as
with scope as (
    -- A form-service export's rows (with submitted_at) are single submissions, not a school's
    -- whole census: they replace only the rows of their own teachers (the second branch).
    select distinct s.academic_year_key, s.school_code
    from stage_teacher_year as s
    where s.submitted_at is null
),

staged_keys as (
    select s.teacher_key, s.academic_year_key
    from stage_teacher_year as s
),

superseded as (
    select x.teacher_key, x.academic_year_key
    from survey_superseded as x
),

in_scope as (
    select f.teacher_key, f.academic_year_key
    from dw.fact_teacher_year as f
    inner join dw.dim_school as d on d.school_key = f.school_key
    inner join scope on scope.academic_year_key = f.academic_year_key and scope.school_code = d.school_code
    left join superseded as x on x.teacher_key = f.teacher_key and x.academic_year_key = f.academic_year_key
    where x.teacher_key is null
    union
    select f.teacher_key, f.academic_year_key
    from dw.fact_teacher_year as f
    inner join staged_keys as s on s.teacher_key = f.teacher_key and s.academic_year_key = f.academic_year_key
),

deficits as (
    select b.teacher_key, b.academic_year_key, array_agg(a.code order by a.code) as codes
    from dw.bridge_teacher_year_deficit as b
    inner join in_scope as i on i.teacher_key = b.teacher_key and i.academic_year_key = b.academic_year_key
    inner join dw.dim_deficit_area as a on a.deficit_area_key = b.deficit_area_key
    group by b.teacher_key, b.academic_year_key
),

expert_roles as (
    select b.teacher_key, b.academic_year_key, array_agg(r.code order by r.code) as codes
    from dw.bridge_teacher_year_expert_role as b
    inner join in_scope as i on i.teacher_key = b.teacher_key and i.academic_year_key = b.academic_year_key
    inner join dw.dim_expert_role as r on r.expert_role_key = b.expert_role_key
    group by b.teacher_key, b.academic_year_key
)

select f.teacher_key, f.academic_year_key, f.school_key, f.position, f.staff_category, f.subject,
       f.experience_years, f.qualification_category, f.has_deficit_diagnostic, f.has_individual_route,
       f.mentoring_role, f.is_methodological_asset, f.network_communities, f.is_subject_club_member,
       f.has_interregional, f.conferences, f.seminars, f.webinars, f.internships, f.publications, f.submitted_at,
       coalesce(dc.codes, '{}') as deficit_codes,
       coalesce(ec.codes, '{}') as expert_role_codes
from dw.fact_teacher_year as f
inner join in_scope as i on i.teacher_key = f.teacher_key and i.academic_year_key = f.academic_year_key
left join deficits as dc on dc.teacher_key = f.teacher_key and dc.academic_year_key = f.academic_year_key
left join expert_roles as ec on ec.teacher_key = f.teacher_key and ec.academic_year_key = f.academic_year_key;

create temp table survey_unchanged on commit drop as
select e.teacher_key, e.academic_year_key
from survey_existing as e
inner join stage_teacher_year as s
    on s.teacher_key = e.teacher_key
   and s.academic_year_key = e.academic_year_key
   and (s.school_key, s.position, s.staff_category, s.subject, s.experience_years, s.qualification_category,
        s.has_deficit_diagnostic, s.has_individual_route, s.mentoring_role, s.is_methodological_asset,
        s.network_communities, s.is_subject_club_member, s.has_interregional, s.conferences, s.seminars,
        s.webinars, s.internships, s.publications, s.deficit_codes, s.expert_role_codes, s.submitted_at)
       is not distinct from
       (e.school_key, e.position, e.staff_category, e.subject, e.experience_years, e.qualification_category,
        e.has_deficit_diagnostic, e.has_individual_route, e.mentoring_role, e.is_methodological_asset,
        e.network_communities, e.is_subject_club_member, e.has_interregional, e.conferences, e.seminars,
        e.webinars, e.internships, e.publications, e.deficit_codes, e.expert_role_codes, e.submitted_at);

create temp table survey_replaced on commit drop as
select e.teacher_key, e.academic_year_key
from survey_existing as e
where not exists (
    select 1 from survey_unchanged as u
    where u.teacher_key = e.teacher_key and u.academic_year_key = e.academic_year_key);

delete from dw.bridge_teacher_year_deficit b
using survey_replaced r
where b.teacher_key = r.teacher_key and b.academic_year_key = r.academic_year_key;

delete from dw.bridge_teacher_year_expert_role b
using survey_replaced r
where b.teacher_key = r.teacher_key and b.academic_year_key = r.academic_year_key;

delete from dw.fact_teacher_year f
using survey_replaced r
where f.teacher_key = r.teacher_key and f.academic_year_key = r.academic_year_key;

create temp table survey_new on commit drop as
select s.teacher_key, s.academic_year_key, s.school_key, s.position, s.staff_category, s.subject,
       s.experience_years, s.qualification_category, s.has_deficit_diagnostic, s.has_individual_route,
       s.mentoring_role, s.is_methodological_asset, s.network_communities, s.is_subject_club_member,
       s.has_interregional, s.conferences, s.seminars, s.webinars, s.internships, s.publications,
       s.deficit_codes, s.expert_role_codes, s.submitted_at
from stage_teacher_year as s
where not exists (
    select 1 from survey_unchanged as u
    where u.teacher_key = s.teacher_key and u.academic_year_key = s.academic_year_key);

insert into dw.fact_teacher_year (
    teacher_key, academic_year_key, school_key, position, staff_category, subject, experience_years,
    qualification_category, has_deficit_diagnostic, has_individual_route, mentoring_role,
    is_methodological_asset, network_communities, is_subject_club_member, has_interregional,
    conferences, seminars, webinars, internships, publications, submitted_at, batch_key
)
select n.teacher_key, n.academic_year_key, n.school_key, n.position, n.staff_category, n.subject,
       n.experience_years, n.qualification_category, n.has_deficit_diagnostic, n.has_individual_route,
       n.mentoring_role, n.is_methodological_asset, n.network_communities, n.is_subject_club_member,
       n.has_interregional, n.conferences, n.seminars, n.webinars, n.internships, n.publications, n.submitted_at,
       current_setting('pdmon.batch_key')::bigint
from survey_new as n;

insert into dw.bridge_teacher_year_deficit (teacher_key, academic_year_key, deficit_area_key, batch_key)
select n.teacher_key, n.academic_year_key, a.deficit_area_key, current_setting('pdmon.batch_key')::bigint
from survey_new as n
cross join lateral unnest(n.deficit_codes) as u (code)
inner join dw.dim_deficit_area as a on a.code = u.code;

insert into dw.bridge_teacher_year_expert_role (teacher_key, academic_year_key, expert_role_key, batch_key)
select n.teacher_key, n.academic_year_key, r.expert_role_key, current_setting('pdmon.batch_key')::bigint
from survey_new as n
cross join lateral unnest(n.expert_role_codes) as u (code)
inner join dw.dim_expert_role as r on r.code = u.code;
