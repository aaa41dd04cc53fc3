import PDPostgres
import PDReport

/// The plan-order of advanced-training courses for an academic year Y, from the data up to
/// Y-1 (`sql/plan/`; definitions in `sql/plan/README.md`): counts per school and subject,
/// per school, per subject for the city and for the whole city, and per deficit area.
/// Teachers appear only as counts.
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
    public struct Result: Sendable {
        public var yearLabel: String
        /// Columns: level, school_code, school_name, subject, teachers, teachers_due,
        /// never_trained, deficits_unaddressed, leaders_due.
        public var bySubject: ResultTable
        /// Columns: level, school_code, school_name, deficit_area, teachers.
        public var byDeficitArea: ResultTable
    }

    /// The plan-order for `forYear` (e.g. `2024-2025`).
    public func plan(forYear: String) throws -> Result {
        guard let label = ReportScalarType.academicYear.normalise(forYear), let start = Int(label.prefix(4)) else {
            throw RecommendError.badYear(forYear)
        }
        let previous = "\(start - 1)-\(start)"
        let census = try connection.execute(try sql.statement("plan/census_size.sql"), [String(start - 1)]).scalarInt ?? 0
        guard census > 0 else { throw RecommendError.noData(year: previous) }

        let subjects = try connection.execute(try sql.statement("plan/plan_by_subject.sql"), [String(start)])
        let notGiven = language == .ru ? "(не указан)" : "(not given)"
        let total = ReportCatalogue.text("total", in: language)
        let city = ReportCatalogue.text("city", in: language)
        let bySubjectRows: [[String?]] = subjects.rows.map { row in
            let level = row[0] ?? ""
            let subject: String? = switch level {
            case "subject", "city_subject": (row[3] ?? "").isEmpty ? notGiven : row[3]
            default: total
            }
            let name: String? = level.hasPrefix("city") ? city : row[2]
            return [level, row[1], name, subject] + Array(row[4...8])
        }
        let counts = ["teachers", "teachers_due", "never_trained", "deficits_unaddressed", "leaders_due"]
        let bySubject = ResultTable(
            title: ReportCatalogue.text("title.plan", in: language) + ", " + label
                + (language == .ru ? " (по данным до \(previous) включительно)" : " (from the data up to \(previous))"),
            columns: [
                ResultColumn(name: "level", caption: language == .ru ? "Уровень" : "Level"),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "subject", caption: ReportCatalogue.text("subject", in: language)),
            ] + counts.map { ResultColumn(name: $0, type: .integer, caption: Self.caption($0, language)) },
            rows: bySubjectRows,
            notes: [language == .ru
                ? "Педагоги — по мониторингу \(previous). «Нужен курс»: нет завершённого обучения в \(start - 2)-\(start - 1) и \(previous) (последний курс — \(start - 3)-\(start - 2) или раньше, или не было). «Дефициты не закрыты»: по области дефицита из мониторинга \(previous) нет завершённого в том же году курса той же направленности."
                : "Teachers: the census of \(previous). Due: no course completed in \(start - 2)-\(start - 1) or \(previous) (the last one in \(start - 3)-\(start - 2) or earlier, or none). Deficits not addressed: a deficit area of the \(previous) census without a completed course of that focus in the same year."])

        let areas = try connection.execute(try sql.statement("plan/plan_by_deficit_area.sql"), [String(start)])
        let byAreaRows: [[String?]] = areas.rows.map { row in
            let isCity = row[0] == "city"
            return [row[0], row[1], isCity ? city : row[2], language == .ru ? row[4] : row[5], row[6]]
        }
        let byDeficitArea = ResultTable(
            title: (language == .ru ? "Незакрытые дефициты по областям, " : "Deficits not addressed by area, ") + label,
            columns: [
                ResultColumn(name: "level", caption: language == .ru ? "Уровень" : "Level"),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "deficit_area", caption: ReportCatalogue.text("deficit_area", in: language)),
                ResultColumn(name: "teachers", type: .integer, caption: ReportCatalogue.text("teachers", in: language)),
            ],
            rows: byAreaRows)
        return Result(yearLabel: label, bySubject: bySubject, byDeficitArea: byDeficitArea)
    }

    static func caption(_ column: String, _ language: ReportLanguage) -> String {
        switch column {
        case "never_trained": language == .ru ? "Ни разу не обучались" : "Never trained"
        case "deficits_unaddressed": language == .ru ? "С незакрытыми дефицитами" : "With deficits not addressed"
        case "leaders_due": language == .ru ? "Руководителям нужен курс" : "Leaders due"
        default: ReportCatalogue.text(column, in: language)
        }
    }
}

extension PlanOrder.Result {
    /// Both tables as one JSON object: `{"for_year": …, "by_subject": […], "by_deficit_area": […]}`.
    public func json() -> String {
        "{\"for_year\":\(JSONRenderer.quoted(yearLabel)),\n\"by_subject\":"
            + JSONRenderer.render(bySubject).trimmingTrailingNewlines()
            + ",\n\"by_deficit_area\":" + JSONRenderer.render(byDeficitArea).trimmingTrailingNewlines() + "}\n"
    }

    /// Both tables as a self-contained HTML page.
    public func html(language: ReportLanguage) -> String {
        HTMLDocument(title: bySubject.title, language: language,
                     blocks: [.table(bySubject), .table(byDeficitArea)]).render()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
