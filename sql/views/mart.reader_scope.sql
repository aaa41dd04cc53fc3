-- Who is reading and which schools they see (dw.school_access): one row for the
-- current role. pdmon reads it to leave out the city totals it cannot compute from a
-- school's rows (the plan-order) and to say which schools a login sees.
create or replace view mart.reader_scope with (security_barrier = true) as
with scope as (
    select dw.readable_school_codes(current_user) as codes
)
select current_user::text as role_name,
       s.codes is null as reads_every_school,
       coalesce(s.codes, '{}') as school_codes
from scope as s;

grant select on mart.reader_scope to pdmon_reader;

comment on view mart.reader_scope is
    'The current role and the schools it sees through mart (one row). / Текущая роль и ОО, которые она видит в витринах (одна строка).';
comment on column mart.reader_scope.role_name is
    'The role reading (current_user). / Роль, от имени которой идёт чтение.';
comment on column mart.reader_scope.reads_every_school is
    'True when every school is visible (granted every school, or a role that reads dw itself). / Видны все ОО.';
comment on column mart.reader_scope.school_codes is
    'The visible school codes when not every school; empty when none. / Видимые коды ОО (если не все); пусто — ни одной.';
