-- The teachers met for the first time in a batch, keys allocated by the loader; the
-- pseudonym in bytea's hex input form (\x followed by 64 hex digits).
copy dw.dim_teacher (teacher_key, teacher_pseudonym, first_seen_batch_key) from stdin
