-- The warehouse lives in a schema of its own so that it can be granted,
-- dumped and documented as one unit, apart from the runner's bookkeeping
-- (public.schema_migrations) and the later reporting schema (mart).
create schema if not exists dw;

comment on schema dw is
    'pdmon star schema: dimensions (dim_*), facts (fact_*), bridges (bridge_*) and load lineage (etl_*). / Звёздная схема pdmon: измерения (dim_*), факты (fact_*), мосты (bridge_*) и история загрузок (etl_*).';
