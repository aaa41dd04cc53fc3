-- Indicator definition versions (written by the mart refresh from sql/indicators/):
-- the reports mark a break in a trend where a version begins.
create or replace view mart.indicator_version with (security_barrier = true) as
select v.indicator_id,
       v.from_year_key,
       y.label as from_academic_year,
       v.definition_file,
       v.reason_ru,
       v.reason_en
from dw.indicator_version as v
left join dw.dim_academic_year as y on y.academic_year_key = v.from_year_key
where coalesce(cardinality((select dw.readable_school_codes(current_user))) > 0, true);

grant select on mart.indicator_version to pdmon_reader;

comment on view mart.indicator_version is
    'Versions of the indicator definitions: from which academic year each applies and why it changed (the order). A trend across a version''s first year compares values computed by different rules. / Версии определений показателей: с какого года действует каждая и почему изменилась (приказ); динамика через первый год версии сравнивает значения, рассчитанные по разным правилам.';
comment on column mart.indicator_version.indicator_id is
    'Indicator id (mart.indicator). / Код показателя.';
comment on column mart.indicator_version.from_year_key is
    'First academic year of the version (start year); 0 for the first version. / Первый год действия (год начала); 0 — первая версия.';
comment on column mart.indicator_version.from_academic_year is
    'First academic year as a label, e.g. 2025-2026; null for the first version. / Первый учебный год действия, например 2025-2026.';
comment on column mart.indicator_version.definition_file is
    'Definition file under sql/. / Файл определения.';
comment on column mart.indicator_version.reason_ru is
    'Why the definition changed, in Russian. / Причина изменения.';
comment on column mart.indicator_version.reason_en is
    'Why the definition changed, in English. / Причина изменения (англ.).';
