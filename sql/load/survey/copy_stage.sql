-- The validated rows of one census file, keys resolved by the loader, streamed into the staging
-- table of stage.sql; deficits and expert roles as sorted arrays of codes, then the form
-- service's timestamp (empty when the file has none).
copy stage_teacher_year (
    line_number, teacher_key, academic_year_key, school_key, school_code, position,
    staff_category, subject, experience_years, qualification_category, has_deficit_diagnostic,
    has_individual_route, mentoring_role, is_methodological_asset, network_communities,
    is_subject_club_member, has_interregional, conferences, seminars, webinars, internships,
    publications, deficit_codes, expert_role_codes, submitted_at
) from stdin
