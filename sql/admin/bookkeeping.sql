-- The migrator's own bookkeeping, created (if missing) by every `pdmon db migrate`
-- before anything else: the migrations applied and the view files applied, each with
-- the SHA-256 of its file. Idempotent; the comments are restated every time.
create table if not exists public.schema_migrations (
    version    integer primary key,
    name       text not null unique,
    checksum   text not null,
    applied_at timestamptz not null default now()
);
comment on table public.schema_migrations is
    'Migrations applied by pdmon db migrate (name, SHA-256 of the file, when).';

create table if not exists public.schema_views (
    name       text primary key,
    checksum   text not null,
    applied_at timestamptz not null default now()
);
comment on table public.schema_views is
    'View files of sql/views/ applied by pdmon db migrate (view name, SHA-256 of the file, when); a view is applied again when its file changes or the view is missing.';
