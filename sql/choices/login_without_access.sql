-- The current login when it reads no school at all through mart (a pdmon_reader login
-- with no row in dw.school_access): its choice lists are empty because of access, not
-- data, and the refusal says so (ReportChoices). No row otherwise.
select r.role_name
from mart.reader_scope as r
where not r.reads_every_school
  and cardinality(r.school_codes) = 0
