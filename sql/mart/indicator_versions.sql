-- The definition versions of one indicator ($1) for the reports, oldest first.
select v.from_year_key, v.from_academic_year, v.reason_ru, v.reason_en
from mart.indicator_version as v
where v.indicator_id = $1::text
order by v.from_year_key
