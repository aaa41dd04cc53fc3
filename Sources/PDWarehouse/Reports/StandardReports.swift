import PDPostgres
import PDReport

/// Whether a report shows schools or the whole city.
public enum ReportGrain: String, Sendable, CaseIterable {
    case school
    case city
}

/// The bundled reports behind `pdmon report list|indicators|trend|compare|run`: each runs a
/// file of `sql/reports/` with bound parameters and shapes the result for people (trend
/// pivot, change marks, indicator names, captions in the chosen language).
public struct StandardReports {
    public let connection: Connection
    public let library: ReportLibrary
    public let language: ReportLanguage
    /// Show indicator names instead of ids (for table and markdown output). CSV and JSON keep
    /// ids, which are stable for machines.
    public let indicatorNames: Bool

    public init(connection: Connection, sql: SQLDirectory, language: ReportLanguage = .defaultLanguage, indicatorNames: Bool = false) {
        self.connection = connection
        self.library = ReportLibrary(sql: sql)
        self.language = language
        self.indicatorNames = indicatorNames
    }

    // MARK: - list

    /// The catalogued indicators, then the bundled reports with their parameters.
    public func list() throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        var rows: [[String?]] = []
        let unitText: (IndicatorInfo) -> String = { ReportCatalogue.text("unit." + $0.unit.rawValue, in: language) }
        for info in catalogue.indicators {
            let better = ReportCatalogue.text("direction." + info.direction.rawValue, in: language)
            let detail = language == .ru ? "\(unitText(info)), лучше, когда \(better)" : "\(unitText(info)), better when \(better)"
            rows.append([text(ru: "показатель", en: "indicator"), info.id, info.name(in: language), detail])
        }
        for report in try library.all() {
            let parameters = report.parameters.map { parameter in
                let need = parameter.isRequired ? text(ru: "обязательный", en: "required") : text(ru: "необязательный", en: "optional")
                return "\(parameter.name) \(parameter.type) (\(need))"
            }
            rows.append([text(ru: "отчёт", en: "report"), report.name, report.description(in: language), parameters.joined(separator: "; ")])
        }
        return ResultTable(
            title: ReportCatalogue.text("title.report_list", in: language),
            columns: [
                ResultColumn(name: "kind", caption: text(ru: "Вид", en: "Kind")),
                ResultColumn(name: "name", caption: text(ru: "Код", en: "Id")),
                ResultColumn(name: "title", caption: ReportCatalogue.text("name", in: language)),
                ResultColumn(name: "details", caption: text(ru: "Подробности", en: "Details")),
            ],
            rows: rows)
    }

    // MARK: - indicators

    /// One row per school (or the city) and indicator for `year`; columns
    /// `academic_year, school_code, indicator, numerator, denominator, value`.
    public func indicators(year: String, by grain: ReportGrain = .school, schools: [String] = [], indicators ids: [String] = []) throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        try catalogue.check(ids)
        var values: [String: [String]] = ["year": [year], "by": [grain.rawValue]]
        if !schools.isEmpty { values["school"] = schools }
        if !ids.isEmpty { values["indicator"] = ids }
        var table = try ReportRunner(connection: connection).run(try library.report("indicators"), values: values)
        table = table.localized(language, titleID: "title.indicators")
        table.title += ", " + (ReportScalarType.academicYear.normalise(year) ?? year)
        if grain == .city { table.title += " — " + ReportCatalogue.text("city", in: language) }
        return named(table, catalogue: catalogue)
    }

    // MARK: - trend

    /// One row per school (or the city), one column per academic year, then the change over
    /// the last two years (percentage points, or hours) and a mark that knows whether higher
    /// or lower is better.
    public func trend(indicator id: String, from: String? = nil, to: String? = nil, by grain: ReportGrain = .school, schools: [String] = []) throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        try catalogue.check([id])
        guard let info = catalogue[id] else { throw ReportError.unknownIndicator(id, known: []) }
        var values: [String: [String]] = ["indicator": [id], "by": [grain.rawValue]]
        if let from { values["from"] = [from] }
        if let to { values["to"] = [to] }
        if !schools.isEmpty { values["school"] = schools }
        let long = try ReportRunner(connection: connection).run(try library.report("trend"), values: values)
        return Self.pivotTrend(long, indicator: info, language: language)
    }

    /// The trend as a self-contained HTML page: a line chart (the city, then the schools) and
    /// the table. For a school-level trend the city's line is drawn too, for reference.
    public func trendHTML(indicator id: String, from: String? = nil, to: String? = nil, by grain: ReportGrain = .school,
                          schools: [String] = []) throws -> String {
        var table = try trend(indicator: id, from: from, to: to, by: grain, schools: schools)
        if grain == .school {
            let city = try trend(indicator: id, from: from, to: to, by: .city)
            if city.columns.map(\.name) == table.columns.map(\.name) { table.rows = city.rows + table.rows }
        }
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        return ReportHTML.trend(table, indicatorID: id, isPercent: catalogue[id]?.unit == .percent, language: language)
    }

    /// Pivots the long form of `sql/reports/trend.sql` (columns school_code, school_name,
    /// academic_year, year_start, value) to one row per school and one column per year.
    public static func pivotTrend(_ long: ResultTable, indicator: IndicatorInfo, language: ReportLanguage) -> ResultTable {
        let column = { (name: String) in long.columns.firstIndex { $0.name == name } }
        let code = column("school_code"), name = column("school_name"), year = column("academic_year"),
            start = column("year_start"), value = column("value"), denominator = column("denominator")
        func cell(_ row: Int, _ index: Int?) -> String? { index.flatMap { long.cell(row: row, column: $0) } }

        var years: [(start: Int, label: String)] = []
        var order: [String?] = []
        var names: [String?: String?] = [:]
        var grid: [String?: [String: String?]] = [:]
        var smallYears: [String?: [String]] = [:]
        for row in long.rows.indices {
            guard let label = cell(row, year) else { continue }
            let yearStart = cell(row, start).flatMap { Int($0) } ?? 0
            if !years.contains(where: { $0.label == label }) { years.append((yearStart, label)) }
            let school = cell(row, code)
            if grid[school] == nil { order.append(school); names[school] = cell(row, name); grid[school] = [:] }
            grid[school]?[label] = cell(row, value)
            if let den = cell(row, denominator).flatMap({ Int($0) }), Self.isSmall(denominator: den) {
                smallYears[school, default: []].append(label)
            }
        }
        years.sort { $0.start < $1.start }

        let changeCaption = indicator.unit == .percent
            ? ReportCatalogue.text("change_pp", in: language)
            : (language == .ru ? "Изменение, ч" : "Change, h")
        var columns = [
            ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
            ResultColumn(name: "school_name", caption: ReportCatalogue.text("school_name", in: language)),
        ]
        columns += years.map { ResultColumn(name: $0.label, type: .decimal) }
        columns.append(ResultColumn(name: "change", type: .decimal, caption: changeCaption))
        columns.append(ResultColumn(name: "mark", caption: ReportCatalogue.text("mark", in: language)))
        columns.append(ResultColumn(name: "caveat", caption: language == .ru ? "Оговорка" : "Caveat"))

        let cityName = ReportCatalogue.text("city", in: language)
        let rows: [[String?]] = order.map { school in
            let cells = years.map { grid[school]?[$0.label] ?? nil }
            let change = cells.count >= 2 ? ChangeMark.difference(cells[cells.count - 1], cells[cells.count - 2]) : nil
            let mark = ChangeMark.mark(change: change, direction: indicator.direction, language: language)
            let displayName: String? = school == nil ? cityName : (names[school] ?? nil)
            let caveat = smallYears[school].map { "n<10: " + $0.joined(separator: ", ") }
            return [school, displayName] + cells + [change, mark, caveat]
        }
        let unit = ReportCatalogue.text("unit." + indicator.unit.rawValue, in: language)
        var notes: [String] = []
        if years.count >= 2 {
            let last = years[years.count - 1].label, previous = years[years.count - 2].label
            notes.append(language == .ru
                ? "Изменение: \(last) к \(previous); лучше, когда значение \(indicator.direction == .higher ? "выше" : "ниже")."
                : "Change: \(last) against \(previous); \(indicator.direction == .higher ? "higher" : "lower") is better.")
        }
        if !smallYears.isEmpty { notes.append(Self.smallDenominatorNote(language)) }
        return ResultTable(
            title: ReportCatalogue.text("title.trend", in: language) + ": " + indicator.name(in: language) + ", " + unit,
            columns: columns, rows: rows, notes: notes)
    }

    // MARK: - compare

    /// For each school and indicator: the values in `base` and `target`, the change, the
    /// school's rank in each year and a change mark; the city row last for each indicator.
    public func compare(base: String, target: String, indicators ids: [String] = [], schools: [String] = []) throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        try catalogue.check(ids)
        var values: [String: [String]] = ["base": [base], "target": [target]]
        if !ids.isEmpty { values["indicator"] = ids }
        if !schools.isEmpty { values["school"] = schools }
        var table = try ReportRunner(connection: connection).run(try library.report("compare"), values: values)
        let change = table.columns.firstIndex { $0.name == "change" }
        let indicator = table.columns.firstIndex { $0.name == "indicator" }
        let school = table.columns.firstIndex { $0.name == "school_code" }
        let name = table.columns.firstIndex { $0.name == "school_name" }
        if let direction = table.columns.firstIndex(where: { $0.name == "direction" }) {
            table.columns[direction] = ResultColumn(name: "mark")
            for row in table.rows.indices {
                let info = indicator.flatMap { table.cell(row: row, column: $0) }.flatMap { catalogue[$0] }
                let delta = change.flatMap { table.cell(row: row, column: $0) }
                table.rows[row][direction] = ChangeMark.mark(change: delta, direction: info?.direction ?? .higher, language: language)
            }
        }
        if let school, let name {
            for row in table.rows.indices where table.cell(row: row, column: school) == nil {
                table.rows[row][name] = ReportCatalogue.text("city", in: language)
            }
        }
        table = table.localized(language, titleID: "title.compare")
        let baseLabel = ReportScalarType.academicYear.normalise(base) ?? base
        let targetLabel = ReportScalarType.academicYear.normalise(target) ?? target
        table.title += ": \(baseLabel) → \(targetLabel)"
        for index in table.columns.indices {
            switch table.columns[index].name {
            case "base_value": table.columns[index].caption = baseLabel
            case "target_value": table.columns[index].caption = targetLabel
            default: break
            }
        }
        if let caveat = table.columns.firstIndex(where: { $0.name == "caveat" }) {
            table.columns[caveat].caption = language == .ru ? "Оговорка" : "Caveat"
            if table.rows.contains(where: { $0[caveat] != nil }) { table.notes.append(Self.smallDenominatorNote(language)) }
        }
        return named(table, catalogue: catalogue)
    }

    /// A denominator under 10 makes a percentage swing with a single teacher: such values are
    /// marked in trend and compare, and rules 11 and 12 of the recommendations skip them.
    public static func isSmall(denominator: Int) -> Bool { (1..<10).contains(denominator) }

    static func smallDenominatorNote(_ language: ReportLanguage) -> String {
        language == .ru
            ? "n<10: знаменатель меньше 10 — процент меняется от одного педагога, сравнивайте осторожно."
            : "n<10: the denominator is under 10 — one teacher moves the percentage; compare with care."
    }

    // MARK: - run

    /// Any report file (or bundled report name) with `--param name=value` arguments, checked
    /// against its header before anything runs.
    public func run(_ nameOrPath: String, assignments: [String]) throws -> ResultTable {
        let report = try library.report(nameOrPath)
        let values = try ParameterAssignments.parse(assignments)
        var table = try ReportRunner(connection: connection).run(report, values: values)
        table = table.localized(language)
        for index in table.columns.indices where table.columns[index].caption == nil {
            table.columns[index].caption = Self.extraCaptions[table.columns[index].name]?.text(in: language)
        }
        let description = report.description(in: language)
        table.title = description.isEmpty ? report.name : report.name + ": " + description
        guard indicatorNames, let catalogue = try? IndicatorCatalogue.load(connection, sql: library.sql) else { return table }
        return named(table, catalogue: catalogue)
    }

    /// Captions of bundled-report columns that the shared catalogue does not know.
    static let extraCaptions: [String: Caption] = [
        "previous_year": Caption(ru: "Прошлый год", en: "Previous year"),
        "previous_value": Caption(ru: "Было", en: "Previous value"),
        "city_change": Caption(ru: "Изменение по городу", en: "City change"),
        "year_start": Caption(ru: "Год начала", en: "Start year"),
    ]

    // MARK: - Helpers

    /// Replaces indicator ids in the `indicator` column by their names, when asked to.
    private func named(_ table: ResultTable, catalogue: IndicatorCatalogue) -> ResultTable {
        guard indicatorNames, let column = table.columns.firstIndex(where: { $0.name == "indicator" }) else { return table }
        var copy = table
        for row in copy.rows.indices {
            if let id = copy.cell(row: row, column: column), let info = catalogue[id] {
                copy.rows[row][column] = info.name(in: language)
            }
        }
        return copy
    }

    private func text(ru: String, en: String) -> String {
        language == .ru ? ru : en
    }
}
