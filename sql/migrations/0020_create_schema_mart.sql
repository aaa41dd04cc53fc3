-- The reporting schema for SQL consumers (psql, spreadsheets, BI tools):
-- documented views over the warehouse. Analysts' logins get the role
-- pdmon_reader, which may read mart and nothing else.
create schema if not exists mart;

comment on schema mart is
    'pdmon reporting views for SQL consumers: the indicator catalogue, indicator values per school and for the city, the yearly census and course enrolments with readable names. No teacher pseudonyms. / Витрины pdmon для SQL-пользователей: каталог показателей, значения по ОО и по городу, мониторинг и записи на курсы с понятными названиями. Без псевдонимов педагогов.';
