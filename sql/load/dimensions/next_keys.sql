-- A block of new keys from a dimension's identity sequence ($1 sequence, $2 how many).
-- Sequences are not transactional: a rolled-back load only leaves gaps.
select nextval($1::regclass) as next_key
from generate_series(1, $2::integer)
