-- Takes every school away from role $1. Returns the rows removed.
delete from dw.school_access as a
where a.role_name = $1::text
returning a.school_code
