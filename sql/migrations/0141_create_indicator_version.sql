-- Versions of indicator definitions (issue 13 §5): a definition changes when the rules
-- change (an order replaces another), from an academic year on. The definitions are
-- files (sql/indicators/<id>.sql, the first version, and <id>@<yyyy-yyyy>.sql, the
-- version from that academic year, with its reason in its header); the mart refresh
-- writes the versions it used here, in its own transaction, so the reports mark a break
-- in a trend where the definition changed (view mart.indicator_version).
create table dw.indicator_version (
    indicator_id    text not null,
    from_year_key   integer not null,
    definition_file text not null,
    reason_ru       text,
    reason_en       text,
    constraint indicator_version_pkey primary key (indicator_id, from_year_key)
);

comment on table dw.indicator_version is
    'Indicator definition versions used by the last refresh: from which academic year each applies, its file and why it changed. The first version of every indicator has from_year_key 0. / Версии определений показателей, использованные последним пересчётом: с какого учебного года действует, файл, причина изменения. Первая версия — from_year_key 0.';
comment on column dw.indicator_version.indicator_id is
    'Indicator (dw.indicator). / Показатель.';
comment on column dw.indicator_version.from_year_key is
    'First academic year (start year, dw.dim_academic_year) the version applies to; 0 for the first version. / Первый учебный год действия версии (год начала); 0 — первая версия.';
comment on column dw.indicator_version.definition_file is
    'The definition file under sql/, e.g. indicators/pd_coverage@2025-2026.sql. / Файл определения.';
comment on column dw.indicator_version.reason_ru is
    'Why the definition changed (the order that changed the rule), in Russian; null for the first version. / Причина изменения определения (приказ), по-русски.';
comment on column dw.indicator_version.reason_en is
    'Why the definition changed, in English. / Причина изменения (англ.).';
