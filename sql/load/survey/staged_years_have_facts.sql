-- Whether any academic year of the staged census already holds census facts; when none does,
-- merge_first_load.sql inserts the rows without comparing them with stored ones.
select exists(
    select 1
    from dw.fact_teacher_year as f
    where f.academic_year_key in (
        select distinct s.academic_year_key
        from stage_teacher_year as s
    )
) as staged_years_have_facts
