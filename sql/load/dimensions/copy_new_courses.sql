-- The course members met for the first time in a batch, keys allocated by the loader.
copy dw.dim_course (
    course_key, course_title, program_kind, hours, delivery, focus_area_key, provider, funding
) from stdin
