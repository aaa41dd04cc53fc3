-- Merges the staged measures into dw.measure (docs/exports.md §5.6). A measure is its
-- natural key: year, level, rule, indicator, date and text. Of several rows of one measure in
-- the file the last line wins; a stored measure gets the file's responsible role when it
-- differs, and is otherwise left alone, so loading the same file twice changes nothing. The
-- batch is current_setting('pdmon.batch_key').

create temp table measure_incoming on commit drop as
select distinct on (
    s.academic_year_key, s.school_code, s.rule_id, s.indicator_id, s.measure_date_key, s.measure_text
)
    s.academic_year_key,
    s.school_code,
    s.rule_id,
    s.indicator_id,
    s.measure_text,
    s.measure_date_key,
    s.responsible_role
from stage_measure as s
order by
    s.academic_year_key asc, s.school_code asc, s.rule_id asc, s.indicator_id asc, s.measure_date_key asc,
    s.measure_text asc, s.line_number desc;

insert into dw.measure as m (
    academic_year_key, school_code, rule_id, indicator_id, measure_text, measure_date_key, responsible_role, source,
    batch_key
)
select i.academic_year_key, i.school_code, i.rule_id, i.indicator_id, i.measure_text, i.measure_date_key,
       i.responsible_role, 'file', current_setting('pdmon.batch_key')::bigint
from measure_incoming as i
on conflict on constraint measure_natural_key do update
    set responsible_role = excluded.responsible_role,
        source = 'file',
        batch_key = excluded.batch_key
    where m.responsible_role is distinct from excluded.responsible_role;
