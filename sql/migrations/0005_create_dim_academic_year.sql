-- pdmon:previous-checksum ae255d2a4f34c79f8de5bc066d8e443ede04e03a0a0116e9d412786048f04252
-- Academic years (1 September .. 31 August). The key is a smart integer: the
-- start year (2021 = 2021-2022), so facts and reports can do arithmetic on it
-- (the 3-year window of 2023-2024 is keys 2021..2023).
-- Filled for 1999..2049 so that every date of dw.dim_date (2000-01-01 ..
-- 2049-12-31) has its academic year: January-August 2000 belong to 1999-2000.
create table dw.dim_academic_year (
    academic_year_key integer primary key,
    label             text not null,
    start_date        date not null,
    end_date          date not null,
    constraint dim_academic_year_label_unique unique (label),
    constraint dim_academic_year_start_date_unique unique (start_date),
    constraint dim_academic_year_end_date_unique unique (end_date),
    constraint dim_academic_year_key_range check (academic_year_key between 1900 and 2999),
    constraint dim_academic_year_label_matches_key
        check (label = academic_year_key::text || '-' || (academic_year_key + 1)::text),
    constraint dim_academic_year_start_is_1_september
        check (start_date = make_date(academic_year_key, 9, 1)),
    constraint dim_academic_year_end_is_31_august
        check (end_date = make_date(academic_year_key + 1, 8, 31))
);

insert into dw.dim_academic_year (academic_year_key, label, start_date, end_date)
select y,
       y::text || '-' || (y + 1)::text,
       make_date(y, 9, 1),
       make_date(y + 1, 8, 31)
from generate_series(1999, 2049) as y;

comment on table dw.dim_academic_year is
    'Academic years, 1 September to 31 August; filled for 1999-2000 .. 2049-2050. / Учебные годы с 1 сентября по 31 августа; заполнено для 1999-2000 .. 2049-2050.';
comment on column dw.dim_academic_year.academic_year_key is
    'Smart key: the start year (2021 means 2021-2022); year arithmetic on it is valid. / Смысловой ключ: год начала (2021 = 2021-2022); с ним можно считать как с годом.';
comment on column dw.dim_academic_year.label is
    'Canonical label yyyy-yyyy, e.g. 2021-2022, as written by pdmon and accepted on input. / Каноническая запись yyyy-yyyy, например 2021-2022.';
comment on column dw.dim_academic_year.start_date is
    'First day: 1 September of the start year. / Первый день: 1 сентября года начала.';
comment on column dw.dim_academic_year.end_date is
    'Last day: 31 August of the following year. / Последний день: 31 августа следующего года.';
