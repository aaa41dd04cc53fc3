-- pdmon:previous-checksum 2ae040c1d6dc7b7a23ddd3f1077a785d3f11f6dde7b6f88fd4ac4fa6549a51a6
-- Kinds of expert activity a teacher reports in the census (survey
-- "экспертная деятельность"). Fixed keys, like dw.dim_deficit_area.
create table dw.dim_expert_role (
    expert_role_key integer primary key,
    code            text not null,
    name_ru         text not null,
    name_en         text not null,
    constraint dim_expert_role_code_unique unique (code),
    constraint dim_expert_role_name_ru_unique unique (name_ru),
    constraint dim_expert_role_name_en_unique unique (name_en),
    constraint dim_expert_role_key_positive check (expert_role_key > 0),
    constraint dim_expert_role_code_format check (code ~ '^[a-z][a-z_]*$')
);

insert into dw.dim_expert_role (expert_role_key, code, name_ru, name_en) values
    (1, 'exam_commission', 'Предметная комиссия ГИА (ЕГЭ, ОГЭ)', 'State exam subject commission'),
    (2, 'attestation', 'Аттестация педагогов', 'Teacher attestation'),
    (3, 'competitions', 'Жюри конкурсов и олимпиад', 'Competition and olympiad juries'),
    (4, 'other', 'Другое', 'Other');

comment on table dw.dim_expert_role is
    'Kinds of expert activity (exam commissions, attestation, juries, other); fixed list seeded by the migration. / Виды экспертной деятельности (комиссии ГИА, аттестация, жюри, другое); фиксированный список.';
comment on column dw.dim_expert_role.expert_role_key is
    'Fixed key 1..4 (seeded; never renumbered). / Постоянный ключ 1..4.';
comment on column dw.dim_expert_role.code is
    'Canonical code used in the data contract: exam_commission, attestation, competitions, other. / Канонический код из контракта выгрузок.';
comment on column dw.dim_expert_role.name_ru is
    'Name in Russian. / Название по-русски.';
comment on column dw.dim_expert_role.name_en is
    'Name in English. / Название по-английски.';
