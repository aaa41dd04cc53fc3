-- One definition version the refresh used: $1 indicator, $2 first academic year key (0
-- for the first version), $3 file under sql/, $4 and $5 the reason in Russian and English.
insert into dw.indicator_version (indicator_id, from_year_key, definition_file, reason_ru, reason_en)
values ($1::text, $2::integer, $3::text, $4::text, $5::text)
