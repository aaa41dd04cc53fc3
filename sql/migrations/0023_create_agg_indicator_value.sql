-- pdmon:previous-checksum 988eb1571d975aabff317d02fc3e8a8936239dec48d515cb0742eefc15db7c4e
-- Computed indicator values: what the mart refresh writes (every definition in
-- sql/indicators/ for every catalogued indicator), in one transaction, and what
-- mart.school_year_indicator and mart.city_year_indicator expose. Rebuilt as a
-- whole on every refresh, so it never holds values from an older load.
-- Schools are identified by school_code, which follows a school across the
-- versions of dw.dim_school (type 2).
create table dw.agg_indicator_value (
    indicator_id      text not null references dw.indicator (indicator_id),
    academic_year_key integer not null references dw.dim_academic_year (academic_year_key),
    grain             text not null,
    school_code       text,
    numerator         bigint not null,
    denominator       bigint not null,
    value             numeric,
    refreshed_at      timestamptz not null default now(),
    constraint agg_indicator_value_grain_valid check (grain in ('school', 'city')),
    constraint agg_indicator_value_school_iff_school_grain check ((grain = 'school') = (school_code is not null)),
    constraint agg_indicator_value_counts_nonnegative check (numerator >= 0 and denominator >= 0),
    constraint agg_indicator_value_null_iff_zero_denominator check ((value is null) = (denominator = 0)),
    constraint agg_indicator_value_unique unique nulls not distinct
        (indicator_id, academic_year_key, grain, school_code)
);

create index agg_indicator_value_year_idx on dw.agg_indicator_value (academic_year_key, indicator_id);

comment on table dw.agg_indicator_value is
    'Indicator values computed by the mart refresh (pdmon db refresh, and after every load): one row per indicator, academic year and school, plus one city row per indicator and year. Rebuilt whole in one transaction. / Значения показателей, рассчитанные при обновлении витрин: строка на показатель, год и ОО, и строка города на показатель и год. Пересчитывается целиком в одной транзакции.';
comment on column dw.agg_indicator_value.indicator_id is
    'Indicator (dw.indicator). / Показатель.';
comment on column dw.agg_indicator_value.academic_year_key is
    'Academic year (dw.dim_academic_year, start year). / Учебный год (год начала).';
comment on column dw.agg_indicator_value.grain is
    'school (one school) or city (all schools, each teacher counted once). / school — одна ОО, city — весь город (педагог учитывается один раз).';
comment on column dw.agg_indicator_value.school_code is
    'School code (dw.dim_school.school_code); null on city rows. / Код ОО; пусто в строках города.';
comment on column dw.agg_indicator_value.numerator is
    'Numerator as defined in dw.indicator (a count, or hours for avg_pd_hours). / Числитель (число, или часы для avg_pd_hours).';
comment on column dw.agg_indicator_value.denominator is
    'Denominator as defined in dw.indicator. / Знаменатель.';
comment on column dw.agg_indicator_value.value is
    'percent: 100 × numerator / denominator; hours: numerator / denominator; rounded half away from zero to one decimal; null when the denominator is 0. / Значение, округлённое до 0,1; пусто при нулевом знаменателе.';
comment on column dw.agg_indicator_value.refreshed_at is
    'When the refresh that wrote the row started. / Время обновления.';
comment on index dw.agg_indicator_value_year_idx is
    'Values of a year: the indicators and compare reports. / Значения за год: отчёты indicators и compare.';
