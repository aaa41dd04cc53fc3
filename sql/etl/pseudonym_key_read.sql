-- The recorded key fingerprint (none before the first load of teacher data) and
-- whether teachers were already pseudonymised.
select
    (select k.key_fingerprint from dw.pseudonym_key as k) as key_fingerprint,
    (select k.is_demo_key from dw.pseudonym_key as k) as is_demo_key,
    exists(select 1 from dw.dim_teacher) as has_teachers
