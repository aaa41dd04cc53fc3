-- The teacher pseudonym as 32 bytes instead of 64 hex characters (issue 12, "a
-- first load in which every teacher is new"). Copying 100 000 new teachers cost
-- 2.7 s, of which about 1.2 s was the regular expression on the hex text (about
-- 12 µs a row) and 0.6 s the row-by-row foreign key to dw.etl_batch; as bytea with
-- a length check and the unique index the same copy takes 0.7–0.9 s.
--
-- The value is the same HMAC-SHA256: decode(hex) now, encode(…, 'hex') to read it
-- as before. The batch reference is checked set-based by the loader instead of by a
-- foreign key (sql/load/dimensions/check_new_teachers.sql: the batch that a COPY
-- of new teachers names exists, once per COPY, not once per row); batches are
-- never deleted.
alter table dw.dim_teacher
drop constraint dim_teacher_pseudonym_is_hmac_sha256_hex,
drop constraint dim_teacher_first_seen_batch_key_fkey;

alter table dw.dim_teacher
alter column teacher_pseudonym type bytea using decode(teacher_pseudonym, 'hex');

alter table dw.dim_teacher
add constraint dim_teacher_pseudonym_is_hmac_sha256 check (octet_length(teacher_pseudonym) = 32);

comment on column dw.dim_teacher.teacher_pseudonym is
    'HMAC-SHA256 (32 bytes) of the normalised teacher identifier under the installation key; never the raw identifier. Read as text with encode(teacher_pseudonym, ''hex''). / HMAC-SHA256 (32 байта) нормализованного идентификатора педагога на ключе установки; не сам идентификатор. Как текст: encode(teacher_pseudonym, ''hex'').';
comment on column dw.dim_teacher.first_seen_batch_key is
    'Batch in which the teacher first appeared (dw.etl_batch; checked by the loader once per batch, not by a row-by-row foreign key). / Пакет, в котором педагог встретился впервые (dw.etl_batch; проверяется загрузчиком один раз на пакет).';
