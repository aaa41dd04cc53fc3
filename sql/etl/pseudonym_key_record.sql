-- Records the key fingerprint on the first load of teacher data. $1 the
-- fingerprint, $2 whether it is the public demo key.
insert into dw.pseudonym_key (key_fingerprint, is_demo_key)
values ($1::text, $2::boolean)
on conflict (is_singleton) do nothing
