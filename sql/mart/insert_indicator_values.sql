-- Stores the rows of one indicator definition with their value: percent
-- indicators 100 × numerator / denominator, hours indicators numerator /
-- denominator, both rounded half away from zero to one decimal (numeric round),
-- null for a zero denominator. $1 is the indicator id; the marker line inside
-- "from ( ... ) as q" is replaced by the text of sql/indicators/<id>.sql.
insert into dw.agg_indicator_value
    (indicator_id, academic_year_key, grain, school_code, numerator, denominator, value)
select i.indicator_id,
       q.academic_year_key,
       q.grain,
       q.school_code,
       q.numerator,
       q.denominator,
       case when q.denominator = 0 then null
            when i.unit = 'percent' then round(100.0 * q.numerator / q.denominator, 1)
            else round(q.numerator::numeric / q.denominator, 1)
       end
from (
-- @definition
) as q
join dw.indicator as i on i.indicator_id = $1::text
