-- The new key's fingerprint ($1) replaces the old one ($2 whether it is the demo key).
insert into dw.pseudonym_key (key_fingerprint, is_demo_key)
values ($1::text, $2::boolean)
on conflict (is_singleton) do update
set key_fingerprint = excluded.key_fingerprint,
    is_demo_key = excluded.is_demo_key,
    recorded_at = now()
