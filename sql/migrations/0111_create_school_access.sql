-- Per-school access to the mart. A row gives the role named role_name (a login:
-- compared with current_user) the rows of one school in every mart view, or of
-- every school when school_code is null. Written only by `pdmon access grant` and
-- `pdmon access revoke` under the owner's login: pdmon_loader may read it but not
-- change it (else a loader's password would be a key to every school).
--
-- The mart views filter their rows with dw.readable_school_codes(current_user)
-- (sql/views/): a view runs with its owner's rights on dw, so the filter must be in
-- the view itself; it is a security barrier, so no function of the reader's query
-- sees a row before the filter. The filter is one stable function of a constant
-- (the role), evaluated once per query (an InitPlan), with no subquery over a
-- reference table in a policy: what Citus can push down to its workers.
create table dw.school_access (
    school_access_key bigint generated always as identity primary key,
    role_name         text not null,
    school_code       text,
    granted_at        timestamptz not null default now(),
    constraint school_access_role_school_unique unique nulls not distinct (role_name, school_code),
    constraint school_access_role_name_not_blank check (role_name <> ''),
    constraint school_access_school_code_not_blank check (school_code <> '')
);

comment on table dw.school_access is
    'Which schools a role (a login) sees through mart: one row per role and school, or one row with a null school for every school. A role without a row sees nothing of mart unless it can read dw itself (the owner, pdmon_loader). Written by pdmon access grant|revoke. / Доступ к школам: какие ОО видит роль (логин) в витринах mart; пустой код ОО — все ОО. Роль без строк не видит ничего.';
comment on column dw.school_access.school_access_key is
    'Surrogate key (identity). / Суррогатный ключ.';
comment on column dw.school_access.role_name is
    'PostgreSQL role the access is for, as current_user names it (the login, not a group it belongs to). / Роль PostgreSQL (логин), как её называет current_user.';
comment on column dw.school_access.school_code is
    'School code (dw.dim_school.school_code) the role sees; null: every school. / Код ОО; пусто — все ОО.';
comment on column dw.school_access.granted_at is
    'When access was granted. / Когда выдан доступ.';

revoke insert, update, delete on dw.school_access from pdmon_loader;

-- The school codes a role may read in mart: null for every school (a role that can
-- read dw.agg_indicator_value itself — the owner, a superuser, pdmon_loader — or one
-- granted every school), an empty array for none. SECURITY DEFINER: readers have no
-- right on dw; they reach it only through the mart views, which pass current_user
-- (readers have no usage on schema dw, so they cannot call it with another name).
create function dw.readable_school_codes(reader name)
returns text[]
language sql
stable
security definer
set search_path = pg_catalog, pg_temp
as $$
    select case
        when has_table_privilege(reader, 'dw.agg_indicator_value', 'select') then null
        when exists (
            select 1 from dw.school_access as a where a.role_name = reader::text and a.school_code is null
        ) then null
        else coalesce(
            (
                select array_agg(a.school_code order by a.school_code)
                from dw.school_access as a
                where a.role_name = reader::text
            ),
            '{}'::text[]
        )
    end
$$;

comment on function dw.readable_school_codes(name) is
    'School codes the role may read through mart: null for every school, an empty array for none (dw.school_access; roles that read dw themselves see every school). / Коды ОО, доступные роли в mart: null — все, пустой массив — ни одной.';

revoke all on function dw.readable_school_codes(name) from public;
grant execute on function dw.readable_school_codes(name) to pdmon_reader, pdmon_loader;
