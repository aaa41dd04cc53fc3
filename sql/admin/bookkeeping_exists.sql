-- Whether `pdmon db migrate` ever ran here (its bookkeeping tables exist); db status asks
-- before the first migrate too.
select
    to_regclass('public.schema_migrations') is not null as has_migrations,
    to_regclass('public.schema_views') is not null as has_views
