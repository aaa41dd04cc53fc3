-- The role named $1: whether it can log in and whether it is a member of pdmon_reader
-- (without it the role reads nothing of mart, whatever schools it is granted). No row:
-- no such role.
select r.rolname::text as role_name,
       r.rolcanlogin as can_login,
       pg_has_role(r.oid, 'pdmon_reader', 'member') as is_reader
from pg_catalog.pg_roles as r
where r.rolname = $1::text
