import PDContract
import PDPostgres
import PDReport

/// The plan-order of advanced-training courses for an academic year Y, from the data up to
/// Y-1 (`sql/plan/`; definitions in `sql/plan/README.md`): counts per school and subject,
/// per school, per subject for the city and for the whole city, and per deficit area.
/// Teachers appear only as counts. Reads the figures; `PlanOrderReport` (PDReport) lays
/// them out.
public struct PlanOrder {
    public let connection: Connection
    public let sql: SQLDirectory
    public let language: ReportLanguage

    public init(connection: Connection, sql: SQLDirectory, language: ReportLanguage = .defaultLanguage) {
        self.connection = connection
        self.sql = sql
        self.language = language
    }

    /// The two tables of the plan-order.
    public typealias Result = PlanOrderReport

    /// The plan-order for `forYear` (e.g. `2024-2025`).
    public func plan(forYear: String) throws -> Result {
        try report(try figures(forYear: forYear))
    }

    /// The rows of `plan/plan_by_subject.sql` and `plan/plan_by_deficit_area.sql` for `forYear`.
    private func figures(forYear: String) throws -> (year: AcademicYear, subjects: [[String?]], areas: [[String?]]) {
        guard let year = AcademicYear.parse(forYear) else {
            throw RecommendError.badYear(forYear)
        }
        let start = year.start
        let previous = "\(start - 1)-\(start)"
        let census = try connection.execute(try sql.statement("plan/census_size.sql"), [String(start - 1)]).scalarInt ?? 0
        guard census > 0 else { throw RecommendError.noData(year: previous) }
        let subjects = try connection.execute(try sql.statement("plan/plan_by_subject.sql"), [String(start)])
        let areas = try connection.execute(try sql.statement("plan/plan_by_deficit_area.sql"), [String(start)])
        return (year, subjects.rows, areas.rows)
    }

    private func report(_ figures: (year: AcademicYear, subjects: [[String?]], areas: [[String?]])) throws -> Result {
        var report = PlanOrderReport(
            start: figures.year.start, label: figures.year.label, subjectRows: figures.subjects, areaRows: figures.areas,
            language: language)
        report.dataAsOf = try Recommender.dataAsOf(connection, sql: sql)
        return report
    }

    /// An issued plan-order (`pdmon plan --for-year Y --issue`).
    public struct Issue: Sendable {
        /// The snapshot's number (`dw.plan_order_issue`).
        public let issueNumber: Int
        /// When it was issued, as PostgreSQL writes a timestamptz.
        public let issuedAt: String
        /// Rows stored (both tables, every level).
        public let rows: Int
        /// When the issue it replaced was made; nil for the year's first issue.
        public let replacedIssuedAt: String?
    }

    /// `plan --for-year Y --issue`: computes the plan-order as `plan(forYear:)` does and stores
    /// it as the year's issued snapshot (`dw.plan_order_issued_row`), in one transaction: a
    /// re-issue replaces the rows and records the issue it replaced (`dw.plan_order_issue`).
    /// The report returned is the one `plan` shows. Needs a login that writes `dw` (the owner
    /// or pdmon_loader). Errors: those of `plan(forYear:)`; `PostgresError` (exit 3).
    public func issue(forYear: String) throws -> (report: Result, issue: Issue) {
        try connection.transaction {
            let rows = try figures(forYear: forYear)
            let year = String(rows.year.start)
            let stored = rows.subjects.count + rows.areas.count
            let recorded = try connection.execute(try sql.statement("plan/issue_record.sql"), [year, String(stored)])
            let row = recorded.rows.first ?? []
            guard let number = (row.first ?? nil).flatMap({ Int($0) }), let issuedAt = row[1] else {
                preconditionFailure("plan/issue_record.sql returns the issue")
            }
            try connection.execute(try sql.statement("plan/issue_clear.sql"), [year, String(number)])
            let insert = try sql.statement("plan/issue_row.sql")
            for subject in rows.subjects {
                // level, school_code, school_name, subject, teachers, teachers_due, never_trained,
                // deficits_unaddressed, leaders_due
                try connection.execute(insert, [String(number), year, "subject", subject[0], subject[1], subject[2],
                                                subject[3], nil] + Array(subject[4...8]))
            }
            for area in rows.areas {
                // level, school_code, school_name, deficit_area, name_ru, name_en, teachers
                try connection.execute(insert, [String(number), year, "deficit_area", area[0], area[1], area[2], nil,
                                                area[3], area[6], nil, nil, nil, nil])
            }
            return (try report(rows), Issue(issueNumber: number, issuedAt: issuedAt, rows: stored, replacedIssuedAt: row[2]))
        }
    }
}
