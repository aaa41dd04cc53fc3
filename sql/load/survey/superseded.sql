-- The staged submissions settle_stage.sql dropped because the census already holds a later
-- submission of the same teacher and year: line, the staged and the stored submission times
-- (ISO text) and the batch that stored the later one.
select x.line_number,
       to_char(x.submitted_at, 'YYYY-MM-DD HH24:MI:SS') as submitted_at,
       to_char(x.stored_submitted_at, 'YYYY-MM-DD HH24:MI:SS') as stored_submitted_at,
       x.stored_batch_key
from survey_superseded as x
order by x.line_number
