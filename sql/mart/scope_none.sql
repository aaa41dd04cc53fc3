-- A full refresh recomputes every cell: an empty mart_scope (the statements that read it
-- are the same in both modes; a full refresh ignores it).
create temp table if not exists mart_scope (
    academic_year_key integer,
    school_code       text,
    window_years      integer
) on commit drop
