-- Gives role $1 the rows of school $2 in mart (every school when $2 is null). Granting
-- what is already granted changes nothing. Returns 1 when a row was added.
insert into dw.school_access (role_name, school_code)
values ($1::text, $2::text)
on conflict do nothing
returning 1 as added
