import Foundation
import PDPostgres
import PDReport
import PDWarehouse

/// Builds a small warehouse by hand with plain inserts into the dw tables (one etl_batch
/// row first, then dimensions, then facts), for tests whose expected numerators and
/// denominators are worked out on paper.
final class IndicatorFixture {
    let database: TestDatabase
    let connection: Connection
    let batchKey: String
    private var schools: [String: String] = [:]
    private var teachers: [String: String] = [:]
    private var enrolments = 0

    init() throws {
        database = try TestDatabase()
        connection = try database.connect()
        batchKey = try connection.execute("""
            insert into dw.etl_batch (file_name, file_sha256, kind, status, finished_at)
            values ('fixture.csv', repeat('0', 64), 'survey', 'loaded', now())
            returning batch_key
            """).value(0, 0) ?? "?"
    }

    deinit {
        connection.close()
    }

    var sql: SQLDirectory { TestDatabase.sqlDirectory }

    /// A school (current version) by code.
    func school(_ code: String, name: String? = nil) throws {
        schools[code] = try connection.execute("""
            insert into dw.dim_school (school_code, name, school_type, valid_from, batch_key)
            values ($1, $2, 'general', date '2000-01-01', $3::bigint) returning school_key
            """, [code, name ?? "Школа \(code)", batchKey]).value(0, 0)
    }

    /// The teacher key of `label`, creating the teacher (pseudonym = SHA-256 of the label).
    @discardableResult
    func teacher(_ label: String) throws -> String {
        if let key = teachers[label] { return key }
        let key = try connection.execute("""
            insert into dw.dim_teacher (teacher_pseudonym, first_seen_batch_key)
            values (sha256(convert_to($1, 'UTF8')), $2::bigint) returning teacher_key
            """, [label, batchKey]).value(0, 0) ?? "?"
        teachers[label] = key
        return key
    }

    /// A course member; returns its key.
    func course(_ title: String, kind: String = "advanced_training", hours: Int? = 72,
                delivery: String = "in_person", focus: String? = nil) throws -> String {
        try connection.execute("""
            insert into dw.dim_course (course_title, program_kind, hours, delivery, focus_area_key, provider, funding)
            values ($1, $2, $3::integer, $4, (select deficit_area_key from dw.dim_deficit_area where code = $5), 'ИРО', 'state_assignment')
            returning course_key
            """, [title, kind, hours.map(String.init), delivery, focus]).value(0, 0) ?? "?"
    }

    /// One census row (dw.fact_teacher_year) with its deficit and expert-role bridges.
    func census(
        _ label: String, year: Int, school: String,
        staff: String = "teaching", experience: Int = 10, category: String = "none",
        diagnostic: Bool = false, deficits: [String] = [], route: Bool = false,
        mentoring: String = "none", expertRoles: [String] = [], asset: Bool = false,
        networks: Int = 0, club: Bool = false, interregional: Bool = false,
        conferences: Int = 0, seminars: Int = 0, webinars: Int = 0, internships: Int = 0, publications: Int = 0
    ) throws {
        let teacher = try teacher(label)
        try connection.execute("""
            insert into dw.fact_teacher_year (
                teacher_key, academic_year_key, school_key, position, staff_category, experience_years,
                qualification_category, has_deficit_diagnostic, has_individual_route, mentoring_role,
                is_methodological_asset, network_communities, is_subject_club_member, has_interregional,
                conferences, seminars, webinars, internships, publications, batch_key)
            values ($1::bigint, $2::integer, $3::bigint, $4, $5, $6::integer, $7, $8::boolean, $9::boolean, $10,
                    $11::boolean, $12::integer, $13::boolean, $14::boolean,
                    $15::integer, $16::integer, $17::integer, $18::integer, $19::integer, $20::bigint)
            """, [
                teacher, String(year), try schoolKey(school), staff == "leadership" ? "директор" : "учитель", staff,
                String(experience), category, String(diagnostic), String(route), mentoring,
                String(asset), String(networks), String(club), String(interregional),
                String(conferences), String(seminars), String(webinars), String(internships), String(publications), batchKey,
            ])
        for code in deficits {
            try connection.execute("""
                insert into dw.bridge_teacher_year_deficit (teacher_key, academic_year_key, deficit_area_key, batch_key)
                select $1::bigint, $2::integer, deficit_area_key, $4::bigint from dw.dim_deficit_area where code = $3
                """, [teacher, String(year), code, batchKey])
        }
        for code in expertRoles {
            try connection.execute("""
                insert into dw.bridge_teacher_year_expert_role (teacher_key, academic_year_key, expert_role_key, batch_key)
                select $1::bigint, $2::integer, expert_role_key, $4::bigint from dw.dim_expert_role where code = $3
                """, [teacher, String(year), code, batchKey])
        }
    }

    /// One enrolment (dw.fact_course_enrolment) in academic year `year`, exported for `school`;
    /// each gets its own start date in October/November of that year.
    func enrol(_ label: String, year: Int, school: String, course: String,
               status: String = "completed", requested: Bool = true, staff: String = "teaching") throws {
        let day = 1 + enrolments % 28
        let month = 10 + (enrolments / 28) % 2
        enrolments += 1
        let dateKey = String(year * 10000 + month * 100 + day)
        try connection.execute("""
            insert into dw.fact_course_enrolment (
                teacher_key, academic_year_key, school_key, course_key, start_date_key, end_date_key,
                staff_category, status, is_requested_by_school, batch_key)
            values ($1::bigint, $2::integer, $3::bigint, $4::bigint, $5::integer, $5::integer, $6, $7, $8::boolean, $9::bigint)
            """, [try teacher(label), String(year), try schoolKey(school), course, dateKey, staff, status, String(requested), batchKey])
    }

    /// Runs the mart refresh; returns the number of values written.
    @discardableResult
    func refresh() throws -> Int {
        try MartRefresher(connection: connection, sql: sql).refresh().indicatorValues
    }

    /// The stored numerator, denominator and value of an indicator (school nil = the city).
    func value(_ indicator: String, year: Int, school: String?) throws -> Fraction? {
        let result = try connection.execute("""
            select numerator, denominator, value::text from dw.agg_indicator_value
            where indicator_id = $1 and academic_year_key = $2::integer
              and grain = case when $3::text is null then 'city' else 'school' end
              and school_code is not distinct from $3::text
            """, [indicator, String(year), school])
        guard let row = result.rows.first else { return nil }
        return Fraction(numerator: Int(row[0] ?? "") ?? -1, denominator: Int(row[1] ?? "") ?? -1, value: row[2])
    }

    private func schoolKey(_ code: String) throws -> String {
        guard let key = schools[code] else { throw PostgresError(kind: .query, message: "fixture: unknown school \(code)") }
        return key
    }
}

/// An indicator's numerator, denominator and value as text (nil = empty value).
struct Fraction: Equatable, CustomStringConvertible {
    var numerator: Int
    var denominator: Int
    var value: String?

    init(numerator: Int, denominator: Int, value: String?) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }

    /// `Fraction(1, 4, "25.0")`.
    init(_ numerator: Int, _ denominator: Int, _ value: String?) {
        self.init(numerator: numerator, denominator: denominator, value: value)
    }

    var description: String { "\(numerator)/\(denominator) = \(value ?? "∅")" }
}

extension IndicatorFixture {
    /// The worked example of the indicator tests (academic years 2020, 2021 and 2023 start
    /// years; 2022-2023 is missing entirely):
    ///
    /// - S01: census 2023 t1 (several completed courses, one of them exported by S02), t2
    ///   (leader; completed only in 2021), t3 (young mentee; dropped in 2023, completed in
    ///   2020), t4 (young; not started); census 2021 t2 and t3.
    /// - S02: census 2023 t5 (young mentee, digital deficit, courses off-focus), t6 (nothing);
    ///   no leadership staff.
    /// - S03: no census, one completed enrolment of t7 (a teacher in no census).
    static func workedExample() throws -> IndicatorFixture {
        let f = try IndicatorFixture()
        try f.school("S01", name: "Гимназия № 1")
        try f.school("S02", name: "Школа № 2")
        try f.school("S03", name: "Лицей № 3")
        let method = try f.course("Методика урока", hours: 72, delivery: "distance", focus: "methodological")
        let retraining = try f.course("Педагогика и психология", kind: "retraining", hours: 250)
        let short = try f.course("Функциональная грамотность", hours: 36)
        let digital = try f.course("Цифровая школа", hours: 48, delivery: "distance", focus: "digital")

        try f.census("t1", year: 2023, school: "S01", category: "highest", diagnostic: true,
                     deficits: ["methodological", "digital"], route: true, mentoring: "mentor",
                     expertRoles: ["attestation", "competitions"], asset: true, networks: 2, club: true,
                     interregional: true, conferences: 1, internships: 1)
        try f.census("t2", year: 2023, school: "S01", staff: "leadership", experience: 20, category: "first",
                     diagnostic: true, deficits: ["subject"], expertRoles: ["exam_commission"], asset: true, networks: 1)
        try f.census("t3", year: 2023, school: "S01", experience: 2, diagnostic: true, mentoring: "mentee",
                     club: true, webinars: 1)
        try f.census("t4", year: 2023, school: "S01", experience: 1, category: "compliance")
        try f.census("t5", year: 2023, school: "S02", experience: 3, category: "highest", diagnostic: true,
                     deficits: ["digital"], route: true, mentoring: "mentee", interregional: true, seminars: 2)
        try f.census("t6", year: 2023, school: "S02", experience: 4, category: "compliance")
        try f.census("t2", year: 2021, school: "S01", staff: "leadership", experience: 18, category: "first")
        try f.census("t3", year: 2021, school: "S01", experience: 0)

        try f.enrol("t1", year: 2023, school: "S01", course: method)
        try f.enrol("t1", year: 2023, school: "S01", course: retraining)
        try f.enrol("t1", year: 2023, school: "S02", course: short, requested: false)
        try f.enrol("t2", year: 2023, school: "S01", course: method, status: "in_progress", staff: "leadership")
        try f.enrol("t3", year: 2023, school: "S01", course: short, status: "dropped")
        try f.enrol("t4", year: 2023, school: "S01", course: method, status: "not_started", requested: false)
        try f.enrol("t5", year: 2023, school: "S02", course: method)
        try f.enrol("t7", year: 2023, school: "S03", course: short)
        try f.enrol("t2", year: 2021, school: "S01", course: short, staff: "leadership")
        try f.enrol("t3", year: 2020, school: "S01", course: short)
        try f.enrol("t5", year: 2021, school: "S02", course: digital)
        return f
    }
}
