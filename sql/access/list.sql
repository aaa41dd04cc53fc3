-- Every grant of dw.school_access by role and school (the every-school grant, a null
-- school, first), with the school's current name, whether the role exists and whether it
-- is a member of pdmon_reader. $1: one role, or null for all.
select a.role_name,
       a.school_code,
       s.name as school_name,
       r.oid is not null as role_exists,
       coalesce(pg_has_role(r.oid, 'pdmon_reader', 'member'), false) as is_reader,
       to_char(a.granted_at, 'YYYY-MM-DD HH24:MI') as granted_at
from dw.school_access as a
left join dw.dim_school as s on s.school_code = a.school_code and s.is_current
left join pg_catalog.pg_roles as r on r.rolname = a.role_name
where $1::text is null or a.role_name = $1::text
order by a.role_name, a.school_code nulls first
