-- Merges the staged targets into dw.fact_indicator_target: a target of the same indicator,
-- academic year and level (the city, or one school) is replaced by the file's; a row identical
-- to the stored one is left alone. Targets absent from the file are kept: a targets file may
-- cover some indicators or years only. The batch is current_setting('pdmon.batch_key').
insert into dw.fact_indicator_target (
    indicator_id, academic_year_key, school_code, target_value, source_document, source_date, batch_key
)
select s.indicator_id, s.academic_year_key, s.school_code, s.target_value, s.source_document, s.source_date,
       current_setting('pdmon.batch_key')::bigint
from stage_indicator_target as s
on conflict (indicator_id, academic_year_key, school_code) do update
set target_value = excluded.target_value,
    source_document = excluded.source_document,
    source_date = excluded.source_date,
    batch_key = excluded.batch_key
where (fact_indicator_target.target_value, fact_indicator_target.source_document, fact_indicator_target.source_date)
      is distinct from (excluded.target_value, excluded.source_document, excluded.source_date)
