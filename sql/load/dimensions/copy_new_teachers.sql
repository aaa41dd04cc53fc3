-- The teachers met for the first time in a batch, keys allocated by the loader.
copy dw.dim_teacher (teacher_key, teacher_pseudonym, first_seen_batch_key) from stdin
