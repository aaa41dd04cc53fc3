-- The pairs of the rekey, streamed by pdmon.
copy rekey_map (old_pseudonym, new_pseudonym) from stdin
