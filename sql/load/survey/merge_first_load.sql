-- The census of academic years that hold no census rows yet (a first load of its years):
-- nothing can be replaced or unchanged, so the staged rows and their bridges are inserted
-- as they are, without the comparison tables of merge_survey.sql.
-- The batch is current_setting('pdmon.batch_key').

insert into dw.fact_teacher_year (
    teacher_key, academic_year_key, school_key, position, staff_category, subject, experience_years,
    qualification_category, has_deficit_diagnostic, has_individual_route, mentoring_role,
    is_methodological_asset, network_communities, is_subject_club_member, has_interregional,
    conferences, seminars, webinars, internships, publications, submitted_at, batch_key
)
select s.teacher_key, s.academic_year_key, s.school_key, s.position, s.staff_category, s.subject,
       s.experience_years, s.qualification_category, s.has_deficit_diagnostic, s.has_individual_route,
       s.mentoring_role, s.is_methodological_asset, s.network_communities, s.is_subject_club_member,
       s.has_interregional, s.conferences, s.seminars, s.webinars, s.internships, s.publications, s.submitted_at,
       current_setting('pdmon.batch_key')::bigint
from stage_teacher_year as s;

insert into dw.bridge_teacher_year_deficit (teacher_key, academic_year_key, deficit_area_key, batch_key)
select s.teacher_key, s.academic_year_key, a.deficit_area_key, current_setting('pdmon.batch_key')::bigint
from stage_teacher_year as s
cross join lateral unnest(s.deficit_codes) as u (code)
inner join dw.dim_deficit_area as a on a.code = u.code;

insert into dw.bridge_teacher_year_expert_role (teacher_key, academic_year_key, expert_role_key, batch_key)
select s.teacher_key, s.academic_year_key, r.expert_role_key, current_setting('pdmon.batch_key')::bigint
from stage_teacher_year as s
cross join lateral unnest(s.expert_role_codes) as u (code)
inner join dw.dim_expert_role as r on r.code = u.code;
