-- Records a migration as applied ($1 version, $2 name, $3 SHA-256 of its file), in the
-- migration's own transaction.
insert into public.schema_migrations (version, name, checksum)
values ($1::integer, $2::text, $3::text)
