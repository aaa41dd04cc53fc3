-- Staging for one census (survey) file: validated rows with keys resolved by the loader;
-- deficits and expert roles travel as arrays of codes and become bridge rows on merge;
-- submitted_at is the form service's timestamp (null for a census without one).
create temp table stage_teacher_year (
    line_number             bigint not null,
    teacher_key             bigint not null,
    academic_year_key       integer not null,
    school_key              bigint not null,
    school_code             text not null,
    position                text,
    staff_category          text not null,
    subject                 text,
    experience_years        integer not null,
    qualification_category  text not null,
    has_deficit_diagnostic  boolean not null,
    has_individual_route    boolean not null,
    mentoring_role          text not null,
    is_methodological_asset boolean not null,
    network_communities     integer not null,
    is_subject_club_member  boolean not null,
    has_interregional       boolean not null,
    conferences             integer not null,
    seminars                integer not null,
    webinars                integer not null,
    internships             integer not null,
    publications            integer not null,
    deficit_codes           text[] not null,
    expert_role_codes       text[] not null,
    submitted_at            timestamp
) on commit drop
