-- Takes school $2 (the every-school grant when $2 is null) away from role $1. Returns the
-- rows removed.
delete from dw.school_access as a
where a.role_name = $1::text
  and a.school_code is not distinct from $2::text
returning a.school_code
