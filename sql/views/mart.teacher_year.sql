-- The yearly census with readable names. A teacher is identified only by
-- teacher_number, the warehouse's own surrogate key: an opaque number that means
-- nothing outside this warehouse, never the HMAC pseudonym (which could be
-- recomputed and joined elsewhere by anyone holding the key and an identifier).
create or replace view mart.teacher_year with (security_barrier = true) as
select f.teacher_key as teacher_number,
       y.label as academic_year,
       f.academic_year_key as year_start,
       s.school_code,
       coalesce(cur.name, s.name) as school_name,
       f.position,
       f.staff_category,
       f.subject,
       f.experience_years,
       f.experience_years <= 3 as is_young,
       f.qualification_category,
       f.has_deficit_diagnostic,
       coalesce(d.deficits, '{}') as deficits,
       f.has_individual_route,
       f.mentoring_role,
       coalesce(r.expert_roles, '{}') as expert_roles,
       f.is_methodological_asset,
       f.network_communities,
       f.is_subject_club_member,
       f.has_interregional,
       f.conferences,
       f.seminars,
       f.webinars,
       f.internships,
       f.publications
from dw.fact_teacher_year as f
inner join dw.dim_academic_year as y on y.academic_year_key = f.academic_year_key
inner join dw.dim_school as s on s.school_key = f.school_key
left join dw.dim_school as cur on cur.school_code = s.school_code and cur.is_current
left join lateral (
    select array_agg(a.code order by a.deficit_area_key) as deficits
    from dw.bridge_teacher_year_deficit as b
    inner join dw.dim_deficit_area as a on a.deficit_area_key = b.deficit_area_key
    where b.teacher_key = f.teacher_key and b.academic_year_key = f.academic_year_key
) as d on true
left join lateral (
    select array_agg(e.code order by e.expert_role_key) as expert_roles
    from dw.bridge_teacher_year_expert_role as b
    inner join dw.dim_expert_role as e on e.expert_role_key = b.expert_role_key
    where b.teacher_key = f.teacher_key and b.academic_year_key = f.academic_year_key
) as r on true
where case
    when (select dw.readable_school_codes(current_user)) is null then true
    else s.school_code = any((select dw.readable_school_codes(current_user))::text[])
end;

grant select on mart.teacher_year to pdmon_reader;

comment on view mart.teacher_year is
    'Yearly monitoring census, one row per teacher and academic year, with readable names. Teachers appear only as teacher_number, an opaque per-warehouse number (never the pseudonym). / Ежегодный мониторинг: строка на педагога и учебный год. Педагог обозначен только номером teacher_number, который ничего не значит вне этого хранилища.';
comment on column mart.teacher_year.teacher_number is
    'Opaque per-warehouse teacher number (the same teacher has the same number in every year and in mart.course_enrolment); meaningless outside this warehouse. / Внутренний номер педагога (один и тот же во всех годах и в mart.course_enrolment).';
comment on column mart.teacher_year.academic_year is
    'Academic year, e.g. 2023-2024. / Учебный год.';
comment on column mart.teacher_year.year_start is
    'Start year of the academic year (2023 for 2023-2024), for arithmetic such as year_start - 1. / Год начала учебного года.';
comment on column mart.teacher_year.school_code is
    'Code of the teacher''s main school. / Код основной ОО педагога.';
comment on column mart.teacher_year.school_name is
    'Current name of the school. / Текущее наименование ОО.';
comment on column mart.teacher_year.position is
    'Position (должность). / Должность.';
comment on column mart.teacher_year.staff_category is
    'teaching or leadership. / Категория: teaching (педагогический) или leadership (руководящий).';
comment on column mart.teacher_year.subject is
    'Subject taught. / Предмет.';
comment on column mart.teacher_year.experience_years is
    'Teaching experience in years. / Педагогический стаж, лет.';
comment on column mart.teacher_year.is_young is
    'True when experience_years ≤ 3 (a young teacher). / Молодой педагог (стаж ≤ 3 лет).';
comment on column mart.teacher_year.qualification_category is
    'highest, first, compliance or none. / Квалификационная категория.';
comment on column mart.teacher_year.has_deficit_diagnostic is
    'Passed the professional deficit diagnostic. / Прошёл диагностику дефицитов.';
comment on column mart.teacher_year.deficits is
    'Deficit areas found (codes: subject, methodological, psychological, digital, communicative, regulatory); empty array when none. / Выявленные дефициты (коды); пустой массив, если нет.';
comment on column mart.teacher_year.has_individual_route is
    'Has an individual educational route (ИОМ). / Есть ИОМ.';
comment on column mart.teacher_year.mentoring_role is
    'mentor, mentee or none. / Роль в наставничестве.';
comment on column mart.teacher_year.expert_roles is
    'Expert activity (codes: exam_commission, attestation, competitions, other); empty array when none. / Экспертная деятельность (коды).';
comment on column mart.teacher_year.is_methodological_asset is
    'Member of the methodological asset. / Входит в методический актив.';
comment on column mart.teacher_year.network_communities is
    'Number of network communities. / Число сетевых сообществ.';
comment on column mart.teacher_year.is_subject_club_member is
    'Member of a subject club. / Участник предметного клуба.';
comment on column mart.teacher_year.has_interregional is
    'Takes part in interregional cooperation. / Межрегиональное взаимодействие.';
comment on column mart.teacher_year.conferences is
    'Talks at conferences. / Выступления на конференциях.';
comment on column mart.teacher_year.seminars is
    'Talks at seminars. / Выступления на семинарах.';
comment on column mart.teacher_year.webinars is
    'Talks at webinars. / Выступления на вебинарах.';
comment on column mart.teacher_year.internships is
    'Internships at base schools. / Стажировки.';
comment on column mart.teacher_year.publications is
    'Publications. / Публикации.';
