import PDContract
import PDPostgres
import PDReport

/// The management cycle's reports and records (issue 13 §2, §3): `report reconcile`,
/// `report effect` and `measures add`. The reports read `mart` only (`sql/cycle/`,
/// definitions and identities in `sql/cycle/README.md`) and hand the rows to PDReport's
/// `ReconcileReport` and `EffectReport`; `measures add` writes one row of `dw.measure`.
public struct ManagementCycle {
    public let connection: Connection
    public let sql: SQLDirectory
    public let language: ReportLanguage

    public init(connection: Connection, sql: SQLDirectory, language: ReportLanguage = .defaultLanguage) {
        self.connection = connection
        self.sql = sql
        self.language = language
    }

    /// `report reconcile --year Y`: requested vs planned (the issued plan) vs enrolled vs
    /// completed, per school and subject and per school and focus area.
    /// - Throws: `RecommendError.badYear` (exit 2) for a value that is not an academic year;
    ///   `PostgresError` (exit 3).
    public func reconcile(year: String, forPeople: Bool) throws -> ReconcileReport {
        guard let academicYear = AcademicYear.parse(year) else { throw RecommendError.badYear(year) }
        let start = [String(academicYear.start)]
        let subjects = try connection.execute(try sql.statement("cycle/reconcile_by_subject.sql"), start)
        let areas = try connection.execute(try sql.statement("cycle/reconcile_by_area.sql"), start)
        let issuedAt = try connection.execute(try sql.statement("cycle/plan_issued.sql"), start).rows.first?.first ?? nil
        return ReconcileReport(yearLabel: academicYear.label, subjectRows: subjects.rows, areaRows: areas.rows,
                               planIssuedAt: issuedAt, language: language, forPeople: forPeople)
    }

    /// `report effect --year Y`: the measures of Y-1 and their indicators' change by Y against
    /// the comparison group.
    /// - Throws: `RecommendError.badYear` (exit 2); `PostgresError` (exit 3).
    public func effect(year: String) throws -> EffectReport {
        guard let academicYear = AcademicYear.parse(year) else { throw RecommendError.badYear(year) }
        let rows = try connection.execute(try sql.statement("cycle/effect.sql"), [String(academicYear.start)])
        return EffectReport(start: academicYear.start, rows: rows.rows, language: language)
    }

    /// What `measures add` records: the recommendation answered is `ruleCode` + `year` +
    /// `schoolCode` (nil: the city).
    public struct MeasureEntry: Sendable {
        public var year: String?
        public var schoolCode: String?
        public var ruleCode: String?
        public var indicator: String?
        public var text: String
        public var date: String
        public var responsibleRole: String?

        public init(year: String?, schoolCode: String?, ruleCode: String?, indicator: String?, text: String, date: String,
                    responsibleRole: String?) {
            self.year = year
            self.schoolCode = schoolCode
            self.ruleCode = ruleCode
            self.indicator = indicator
            self.text = text
            self.date = date
            self.responsibleRole = responsibleRole
        }
    }

    /// The outcome of `measures add`: the measure's number, and whether it was already recorded
    /// (the same year, level, rule, indicator, date and text: nothing written).
    public struct MeasureAdded: Sendable, Equatable {
        public let number: Int
        public let alreadyRecorded: Bool
        public let record: MeasureRecord
    }

    /// `measures add`: checks the entry as a row of a measures file would be (the school in the
    /// directory, the rule and indicator in the warehouse, the date) and records it.
    /// - Throws: `MeasureError` (exit 2) for a bad entry; `PostgresError` (exit 3).
    public func addMeasure(_ entry: MeasureEntry) throws -> MeasureAdded {
        guard let text = TextFold.clean(entry.text) else { throw MeasureError.emptyText }
        guard case let .success(date) = CivilDate.parse(entry.date) else { throw MeasureError.badDate(entry.date) }
        var year = AcademicYear.containing(date)
        if let given = entry.year {
            guard let parsed = AcademicYear.parse(given) else { throw RecommendError.badYear(given) }
            year = parsed
        }
        let school = entry.schoolCode.flatMap(TextFold.clean)
        if let school {
            let known = try connection.execute(try sql.statement("load/dimensions/current_schools.sql")).rows.contains { $0.first == school }
            guard known else { throw MeasureError.unknownSchool(school) }
        }
        var indicators: Set<String> = []
        var rules: [String: String?] = [:]
        for row in try connection.execute(try sql.statement("load/dimensions/measure_aims.sql")).rows {
            guard let code = row[1] else { continue }
            if row[0] == "rule" { rules[code] = .some(row[2]) } else { indicators.insert(code) }
        }
        let rule = entry.ruleCode.flatMap(TextFold.clean)
        let aimed: String
        switch MeasureRecord.aim(rule: rule, indicator: entry.indicator.flatMap(TextFold.clean),
                                 aims: MeasureAims(indicators: indicators, rules: rules)) {
        case let .success(id): aimed = id
        case let .failure(problem): throw MeasureError.aim(problem)
        }
        let record = MeasureRecord(line: 0, academicYear: year, schoolCode: school, ruleCode: rule, indicator: aimed, text: text,
                                   date: date, responsibleRole: entry.responsibleRole.flatMap(TextFold.clean))
        let row = try connection.execute(try sql.statement("measures/add.sql"), [
            String(year.start), school, rule, aimed, text, String(date.key), record.responsibleRole,
        ]).rows.first ?? []
        guard let number = (row.first ?? nil).flatMap({ Int($0) }) else { preconditionFailure("measures/add.sql returns the measure") }
        return MeasureAdded(number: number, alreadyRecorded: row[1] == "f", record: record)
    }
}

/// Why `measures add` refused an entry (exit 2).
public enum MeasureError: Error, Equatable, CustomStringConvertible {
    case emptyText
    case badDate(String)
    case unknownSchool(String)
    case aim(MeasureRecord.AimProblem)

    public var description: String {
        switch self {
        case .emptyText:
            return "--text: текст меры пуст / the measure's text is empty."
        case let .badDate(value):
            return "--date: «\(value)» — не дата (дд.мм.гггг или гггг-мм-дд) / not a date (dd.mm.yyyy or yyyy-mm-dd)."
        case let .unknownSchool(code):
            return "--school: ОО «\(code)» нет в справочнике школ / school «\(code)» is not in the school directory."
        case let .aim(problem):
            return problem.description + "."
        }
    }
}
