-- Distributes one fact or bridge table ($1, schema-qualified) by teacher_key in the
-- default colocation group, so every fact and bridge of one teacher lives on one shard
-- group and teacher-level joins stay on one worker. Existing rows are copied.
select create_distributed_table($1::regclass, 'teacher_key', colocate_with => 'default')
