-- One row per mart refresh that completed or failed: which loaded batches the
-- indicator values cover. A load commits before the refresh that follows it, so
-- a killed process or a dead server can leave the mart behind the facts; the next
-- `pdmon etl run` or `pdmon load` compares the last loaded batch with the last
-- completed refresh (sql/mart/refresh_state.sql) and refreshes when it is behind,
-- even when no file is new.
create table dw.mart_refresh (
    refresh_key      bigint generated always as identity primary key,
    status           text        not null,
    covers_batch_key bigint,
    indicator_values integer,
    message          text,
    finished_at      timestamptz not null default now(),
    constraint mart_refresh_status_valid check (status in ('completed', 'failed')),
    constraint mart_refresh_completed_has_count check (status <> 'completed' or indicator_values is not null)
);

comment on table dw.mart_refresh is
    'Mart refreshes (dw.agg_indicator_value rebuilt): completed ones are written in the refresh''s own transaction, failed ones afterwards. / Пересчёты витрин: завершённые записываются в транзакции пересчёта, неудачные — после неё.';
comment on column dw.mart_refresh.refresh_key is
    'Surrogate key (identity). / Суррогатный ключ.';
comment on column dw.mart_refresh.status is
    'completed or failed. / completed (завершён) или failed (ошибка).';
comment on column dw.mart_refresh.covers_batch_key is
    'The newest loaded batch (dw.etl_batch) the values include; null when nothing was loaded yet. / Последний загруженный пакет, учтённый в значениях.';
comment on column dw.mart_refresh.indicator_values is
    'Rows of dw.agg_indicator_value written (completed refreshes). / Записано значений показателей.';
comment on column dw.mart_refresh.message is
    'Why a refresh failed (the database''s message); never personal data. / Причина ошибки (сообщение базы данных); без персональных данных.';
comment on column dw.mart_refresh.finished_at is
    'When the refresh completed or failed. / Время завершения или ошибки.';
