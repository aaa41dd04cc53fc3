-- Records a view file as applied ($1 view name, $2 SHA-256 of its file), in the
-- transaction that ran it.
insert into public.schema_views (name, checksum)
values ($1::text, $2::text)
on conflict (name) do update
    set checksum = excluded.checksum, applied_at = now()
