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
        guard let year = AcademicYear.parse(forYear) else {
            throw RecommendError.badYear(forYear)
        }
        let start = year.start
        let previous = "\(start - 1)-\(start)"
        let census = try connection.execute(try sql.statement("plan/census_size.sql"), [String(start - 1)]).scalarInt ?? 0
        guard census > 0 else { throw RecommendError.noData(year: previous) }

        let subjects = try connection.execute(try sql.statement("plan/plan_by_subject.sql"), [String(start)])
        let areas = try connection.execute(try sql.statement("plan/plan_by_deficit_area.sql"), [String(start)])
        var report = PlanOrderReport(start: start, label: year.label, subjectRows: subjects.rows, areaRows: areas.rows, language: language)
        report.dataAsOf = try Recommender.dataAsOf(connection, sql: sql)
        return report
    }
}
