-- The years the next definition computes (dw.refresh_years()): $1 is a comma-separated
-- list of academic year keys, for the rest of the refresh's transaction.
select set_config('pdmon.refresh_years', $1::text, true)
