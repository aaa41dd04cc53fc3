-- After a formatting-only edit of an applied migration whose file lists the recorded
-- checksum on a `-- pdmon:previous-checksum` line: the record takes the file's new
-- checksum ($1 name, $2 the recorded checksum, $3 the file's checksum).
update public.schema_migrations
set checksum = $3::text
where name = $1::text and checksum = $2::text
