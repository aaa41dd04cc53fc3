-- The fingerprint of the pseudonym key the warehouse's teachers were pseudonymised
-- with: an HMAC of a fixed label under the key (never the key). A load under
-- another key would turn every teacher into a new one (the three-year coverage of
-- a city fell from 94.5 % to 63.2 % in a test), so pdmon refuses it before
-- reading the file. One row at most.
create table dw.pseudonym_key (
    is_singleton    boolean     not null default true primary key,
    key_fingerprint text        not null,
    is_demo_key     boolean     not null default false,
    recorded_at     timestamptz not null default now(),
    constraint pseudonym_key_one_row check (is_singleton),
    constraint pseudonym_key_fingerprint_hex check (key_fingerprint ~ '^[0-9a-f]{64}$')
);

comment on table dw.pseudonym_key is
    'The fingerprint of the pseudonym key in use (one row); loads under another key are refused. / Отпечаток ключа псевдонимизации (одна строка); загрузка с другим ключом отклоняется.';
comment on column dw.pseudonym_key.is_singleton is
    'Always true: keeps the table to one row. / Всегда истина: в таблице не больше одной строки.';
comment on column dw.pseudonym_key.key_fingerprint is
    'HMAC-SHA256 of a fixed label under the key, hex; identifies the key without revealing it. / HMAC-SHA256 фиксированной строки под ключом (hex); опознаёт ключ, не раскрывая его.';
comment on column dw.pseudonym_key.is_demo_key is
    'True when the public demo key was used (sample data only). / Истина для публичного демо-ключа (только примеры).';
comment on column dw.pseudonym_key.recorded_at is
    'When the first load under the key recorded it. / Когда ключ записан первой загрузкой.';
