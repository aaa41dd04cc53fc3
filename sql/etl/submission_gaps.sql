-- What `etl run` warns about at its end: for the latest academic year of mart.submission, the
-- schools that sent nothing of an expected kind (status missing) and those whose rows fell by
-- more than $1 (a share, 0..1) against the year before (status drop). One row per problem.
with latest as (
    select max(year_start) as year_start
    from mart.submission
)
select s.academic_year,
       s.kind,
       case when not s.is_received then 'missing' else 'drop' end as status,
       s.school_code
from mart.submission as s
inner join latest as l on l.year_start = s.year_start
where not s.is_received or s.drop_share > $1::numeric
order by s.kind desc, status asc, s.school_code asc
