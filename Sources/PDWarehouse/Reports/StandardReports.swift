import PDContract
import PDPostgres
import PDReport

/// The bundled reports behind `pdmon report list|indicators|trend|compare|run`: each runs a
/// file of `sql/reports/` with bound parameters and hands the rows to `ReportPresentation`
/// (PDReport), which shapes them for people (trend pivot, change marks, indicator names,
/// captions in the chosen language).
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

    /// The years, schools and indicators the mart has: a value it has not is refused.
    var choices: ReportChoices {
        ReportChoices(connection: connection, sql: library.sql, language: language)
    }

    /// How the results are shown.
    public var presentation: ReportPresentation {
        ReportPresentation(language: language, indicatorNames: indicatorNames)
    }

    // MARK: - list

    /// The catalogued indicators, then the bundled reports with their parameters.
    public func list() throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        return presentation.list(catalogue: catalogue, reports: try library.all())
    }

    // MARK: - indicators

    /// One row per school (or the city) and indicator for `year`; columns
    /// `academic_year, school_code, school_name, indicator, numerator, denominator, value`.
    public func indicators(year: String, by grain: ReportGrain = .school, schools: [String] = [], indicators ids: [String] = []) throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        try choices.checkIndicators(ids, catalogue: catalogue, option: "--indicator")
        try choices.checkYears([year], option: "--year")
        try choices.checkSchools(schools, year: year, option: "--school")
        var values: [String: [String]] = ["year": [year], "by": [grain.rawValue]]
        if !schools.isEmpty { values["school"] = schools }
        if !ids.isEmpty { values["indicator"] = ids }
        let table = try ReportRunner(connection: connection).run(try library.report("indicators"), values: values)
        return presentation.indicators(table, year: year, by: grain, catalogue: catalogue)
    }

    // MARK: - trend

    /// One row per school (or the city), one column per academic year, then the change over
    /// the last two years (percentage points, or hours) and a mark that knows whether higher
    /// or lower is better.
    public func trend(indicator id: String, from: String? = nil, to: String? = nil, by grain: ReportGrain = .school, schools: [String] = []) throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        try choices.checkIndicators([id], catalogue: catalogue, option: "--indicator")
        guard let info = catalogue[id] else { throw ReportError.unknownIndicator(id, known: []) }
        try choices.checkYears([from].compactMap { $0 }, option: "--from")
        try choices.checkYears([to].compactMap { $0 }, option: "--to")
        try choices.checkSchools(schools, year: nil, option: "--school")
        var values: [String: [String]] = ["indicator": [id], "by": [grain.rawValue]]
        if let from { values["from"] = [from] }
        if let to { values["to"] = [to] }
        if !schools.isEmpty { values["school"] = schools }
        let long = try ReportRunner(connection: connection).run(try library.report("trend"), values: values)
        let firstYear = try choices.years().compactMap { AcademicYear.parse($0.value)?.start }.min()
        let table = presentation.trend(long, indicator: info, firstYear: firstYear)
        return presentation.markingDefinitionBreaks(table, breaks: try definitionBreaks(of: id))
    }

    /// The versions of an indicator's definition after its first (`mart.indicator_version`,
    /// written by the mart refresh; issue 13 §5), oldest first.
    public func definitionBreaks(of id: String) throws -> [DefinitionBreak] {
        try connection.execute(try library.sql.statement("mart/indicator_versions.sql"), [id]).rows.compactMap { row in
            guard row.count >= 4, let key = row[0].flatMap({ Int($0) }), key > 0, let label = row[1] else { return nil }
            return DefinitionBreak(fromYear: label, reasonRU: row[2], reasonEN: row[3])
        }
    }

    /// The trend as a self-contained HTML page: a line chart (the city, then the schools) and
    /// the table. For a school-level trend the city's line is drawn too, for reference.
    public func trendHTML(indicator id: String, from: String? = nil, to: String? = nil, by grain: ReportGrain = .school,
                          schools: [String] = []) throws -> String {
        let table = try trend(indicator: id, from: from, to: to, by: grain, schools: schools)
        let city = grain == .school ? try trend(indicator: id, from: from, to: to, by: .city) : nil
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        return presentation.trendHTML(table, city: city, indicatorID: id, isPercent: catalogue[id]?.unit == .percent,
                                      higherIsBetter: catalogue[id]?.direction != .lower)
    }

    // MARK: - compare

    /// For each school and indicator: the values in `base` and `target`, the change, the
    /// school's rank in each year and a change mark; the city row last for each indicator.
    public func compare(base: String, target: String, indicators ids: [String] = [], schools: [String] = []) throws -> ResultTable {
        let catalogue = try IndicatorCatalogue.load(connection, sql: library.sql)
        try choices.checkIndicators(ids, catalogue: catalogue, option: "--indicator")
        try choices.checkYears([base], option: "--base")
        try choices.checkYears([target], option: "--target")
        try choices.checkSchools(schools, year: nil, option: "--school")
        var values: [String: [String]] = ["base": [base], "target": [target]]
        if !ids.isEmpty { values["indicator"] = ids }
        if !schools.isEmpty { values["school"] = schools }
        let table = try ReportRunner(connection: connection).run(try library.report("compare"), values: values)
        return presentation.compare(table, base: base, target: target, catalogue: catalogue)
    }

    // MARK: - run

    /// Any report file (or bundled report name) with `--param name=value` arguments, checked
    /// against its header before anything runs.
    public func run(_ nameOrPath: String, assignments: [String]) throws -> ResultTable {
        let report = try library.report(nameOrPath)
        let values = try ParameterAssignments.parse(assignments)
        try choices.checkParameters(of: report, values: values)
        let table = try ReportRunner(connection: connection).run(report, values: values)
        let catalogue = indicatorNames ? (try? IndicatorCatalogue.load(connection, sql: library.sql)) : nil
        return presentation.run(table, report: report, catalogue: catalogue)
    }
}
