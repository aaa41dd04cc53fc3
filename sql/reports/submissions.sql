-- name: submissions
-- description: Who has reported: per school and expected export kind, received or not, when, rows, rejected share and the drop against the previous year / Кто прислал данные: по ОО и ожидаемому виду выгрузки — получено ли, когда, строк, доля отклонённых и снижение к прошлому году
-- param: year academic_year required -- the academic year to check
-- param: drop_threshold numeric optional -- a drop in rows against the previous year beyond this share (0..1) is flagged; 0.3 when not given
-- param: school text[] optional -- school codes; all when not given
--
-- status: missing (no rows of the kind for the school and year), drop (rows fell by more
-- than drop_threshold against the year before: more likely a partial export than staff
-- leaving), received. Every school of the current directory is expected to send a census
-- (survey) and enrolments every year; ФИС ФРДО register rows count as enrolments.
select s.school_code,
       s.school_name,
       s.kind,
       case
           when not s.is_received then 'missing'
           when s.drop_share > coalesce($2::numeric, 0.3) then 'drop'
           else 'received'
       end as status,
       s.received_at,
       s.row_count,
       s.register_rows,
       s.rejected_share,
       s.previous_row_count,
       s.drop_share
from mart.submission as s
where s.academic_year = $1::text
  and ($3::text[] is null or s.school_code = any($3::text[]))
order by s.school_code asc, s.kind desc
