-- pdmon:previous-checksum 432e62ed5be72a77be92e89e57949d6e418c206fcdf5f6d0d16869ad936d2803
-- The calendar. The key is a smart integer yyyymmdd (20230902 = 2 September
-- 2023), which the loader computes in the client from an ISO date; its integer
-- order is the date order, so "end >= start" checks can compare keys.
-- Names are written out here rather than taken from to_char(), whose month and
-- day names depend on the server's lc_time.
create table dw.dim_date (
    date_key               integer primary key,
    full_date              date not null,
    year                   integer not null,
    quarter                integer not null,
    month                  integer not null,
    day                    integer not null,
    day_of_week            integer not null,
    day_of_year            integer not null,
    iso_year               integer not null,
    iso_week               integer not null,
    is_weekend             boolean not null,
    month_name_en          text not null,
    month_name_ru          text not null,
    month_name_ru_genitive text not null,
    day_name_en            text not null,
    day_name_ru            text not null,
    academic_year_key      integer not null references dw.dim_academic_year (academic_year_key),
    academic_month         integer not null,
    constraint dim_date_full_date_unique unique (full_date),
    constraint dim_date_key_is_yyyymmdd check (
        date_key = (extract(year from full_date) * 10000
                  + extract(month from full_date) * 100
                  + extract(day from full_date))::integer),
    constraint dim_date_quarter_range check (quarter between 1 and 4),
    constraint dim_date_month_range check (month between 1 and 12),
    constraint dim_date_day_range check (day between 1 and 31),
    constraint dim_date_day_of_week_range check (day_of_week between 1 and 7),
    constraint dim_date_day_of_year_range check (day_of_year between 1 and 366),
    constraint dim_date_iso_week_range check (iso_week between 1 and 53),
    constraint dim_date_academic_month_matches_month check (academic_month = (month + 3) % 12 + 1),
    constraint dim_date_academic_year_matches_date check (
        academic_year_key = extract(year from full_date)::integer
                          - case when extract(month from full_date) >= 9 then 0 else 1 end)
);

insert into dw.dim_date (
    date_key, full_date, year, quarter, month, day, day_of_week, day_of_year,
    iso_year, iso_week, is_weekend,
    month_name_en, month_name_ru, month_name_ru_genitive, day_name_en, day_name_ru,
    academic_year_key, academic_month)
select
    (extract(year from d) * 10000 + extract(month from d) * 100 + extract(day from d))::integer,
    d,
    extract(year from d)::integer,
    extract(quarter from d)::integer,
    extract(month from d)::integer,
    extract(day from d)::integer,
    extract(isodow from d)::integer,
    extract(doy from d)::integer,
    extract(isoyear from d)::integer,
    extract(week from d)::integer,
    extract(isodow from d) in (6, 7),
    (array['January', 'February', 'March', 'April', 'May', 'June', 'July',
           'August', 'September', 'October', 'November', 'December'])[extract(month from d)::integer],
    (array['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль',
           'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'])[extract(month from d)::integer],
    (array['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля',
           'августа', 'сентября', 'октября', 'ноября', 'декабря'])[extract(month from d)::integer],
    (array['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
           'Sunday'])[extract(isodow from d)::integer],
    (array['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота',
           'воскресенье'])[extract(isodow from d)::integer],
    extract(year from d)::integer - case when extract(month from d) >= 9 then 0 else 1 end,
    (extract(month from d)::integer + 3) % 12 + 1
from generate_series(date '2000-01-01', date '2049-12-31', interval '1 day') as g (ts)
-- (x names each day d once: a per-row lateral alias, which no CTE can replace.)
cross join lateral (select g.ts::date as d) as x;  -- noqa: ST05

comment on table dw.dim_date is
    'Calendar: one row per day from 2000-01-01 to 2049-12-31. / Календарь: строка на каждый день с 2000-01-01 по 2049-12-31.';
comment on column dw.dim_date.date_key is
    'Smart key yyyymmdd (20230902 = 2023-09-02); integer order equals date order. / Смысловой ключ yyyymmdd (20230902 = 02.09.2023); порядок чисел совпадает с порядком дат.';
comment on column dw.dim_date.full_date is
    'The date itself. / Сама дата.';
comment on column dw.dim_date.year is
    'Calendar year. / Календарный год.';
comment on column dw.dim_date.quarter is
    'Calendar quarter, 1..4. / Календарный квартал, 1..4.';
comment on column dw.dim_date.month is
    'Calendar month, 1 = January .. 12 = December. / Месяц, 1 = январь .. 12 = декабрь.';
comment on column dw.dim_date.day is
    'Day of the month, 1..31. / День месяца, 1..31.';
comment on column dw.dim_date.day_of_week is
    'ISO day of the week, 1 = Monday .. 7 = Sunday. / День недели по ISO, 1 = понедельник .. 7 = воскресенье.';
comment on column dw.dim_date.day_of_year is
    'Day of the calendar year, 1..366. / День года, 1..366.';
comment on column dw.dim_date.iso_year is
    'ISO 8601 week-numbering year (differs from year around 1 January). / Год по нумерации недель ISO 8601 (около 1 января может отличаться от year).';
comment on column dw.dim_date.iso_week is
    'ISO 8601 week number, 1..53. / Номер недели по ISO 8601, 1..53.';
comment on column dw.dim_date.is_weekend is
    'True on Saturday and Sunday. / Истина в субботу и воскресенье.';
comment on column dw.dim_date.month_name_en is
    'Month name in English, e.g. September. / Название месяца по-английски.';
comment on column dw.dim_date.month_name_ru is
    'Month name in Russian, nominative, lower case, e.g. сентябрь. / Название месяца по-русски, именительный падеж.';
comment on column dw.dim_date.month_name_ru_genitive is
    'Month name in Russian, genitive, for dates like 2 сентября. / Название месяца в родительном падеже (2 сентября).';
comment on column dw.dim_date.day_name_en is
    'Day name in English, e.g. Monday. / Название дня недели по-английски.';
comment on column dw.dim_date.day_name_ru is
    'Day name in Russian, lower case, e.g. понедельник. / Название дня недели по-русски.';
comment on column dw.dim_date.academic_year_key is
    'Academic year the date falls in (1 September .. 31 August), see dw.dim_academic_year. / Учебный год, к которому относится дата (dw.dim_academic_year).';
comment on column dw.dim_date.academic_month is
    'Month within the academic year, 1 = September .. 12 = August, for ordering. / Месяц учебного года, 1 = сентябрь .. 12 = август (для сортировки).';
