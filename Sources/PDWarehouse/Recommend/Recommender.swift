import PDContract
import PDPostgres
import PDReport

/// Indicator values of the mart up to a year, for the city and every school.
public struct IndicatorHistory: Sendable {
    /// Academic years present, oldest first: start year and label.
    public var years: [(start: Int, label: String)]
    /// indicator → year start → figure.
    public var city: [String: [Int: IndicatorFigure]]
    /// school code → indicator → year start → figure.
    public var schools: [String: [String: [Int: IndicatorFigure]]]
    /// school code → current name.
    public var schoolNames: [String: String]

    public init(years: [(start: Int, label: String)] = [], city: [String: [Int: IndicatorFigure]] = [:],
                schools: [String: [String: [Int: IndicatorFigure]]] = [:], schoolNames: [String: String] = [:]) {
        self.years = years
        self.city = city
        self.schools = schools
        self.schoolNames = schoolNames
    }

    /// Reads `sql/recommend/indicator_values.sql` for years up to `lastYear` (start year).
    public static func load(_ connection: Connection, sql: SQLDirectory, upTo lastYear: Int) throws -> IndicatorHistory {
        let result = try connection.execute(try sql.statement("recommend/indicator_values.sql"), [String(lastYear)])
        var history = IndicatorHistory()
        var labels: [Int: String] = [:]
        for row in result.rows {
            guard let start = row[3].flatMap({ Int($0) }), let indicator = row[5] else { continue }
            labels[start] = row[4] ?? String(start)
            let figure = IndicatorFigure(
                numerator: row[6].flatMap { Int($0) } ?? 0, denominator: row[7].flatMap { Int($0) } ?? 0,
                value: row[8].flatMap(OneDecimal.init))
            if row[0] == "city" {
                history.city[indicator, default: [:]][start] = figure
            } else if let code = row[1] {
                history.schools[code, default: [:]][indicator, default: [:]][start] = figure
                if let name = row[2] { history.schoolNames[code] = name }
            }
        }
        history.years = labels.keys.sorted().map { ($0, labels[$0] ?? String($0)) }
        return history
    }

    /// The figures of `year` for the city (`school` nil) or a school, keyed by indicator.
    public func figures(school: String?, year: Int) -> [String: IndicatorFigure] {
        let source = school.map { schools[$0] ?? [:] } ?? city
        var result: [String: IndicatorFigure] = [:]
        for (indicator, byYear) in source {
            if let figure = byYear[year] { result[indicator] = figure }
        }
        return result
    }

    /// Schools with any data (a non-zero denominator) in `year`, by code.
    public func schoolsWithData(year: Int) -> [String] {
        schools.keys.filter { code in
            schools[code]?.values.contains { ($0[year]?.denominator ?? 0) > 0 } ?? false
        }.sorted()
    }
}

/// Targeted recommendations for a year from the warehouse: loads the rules (merged with a
/// rules file), the catalogue and the indicator values, and runs the pure
/// `RecommendationEngine` for the city and each school.
public struct Recommender {
    public let connection: Connection
    public let sql: SQLDirectory
    public let language: ReportLanguage

    public init(connection: Connection, sql: SQLDirectory, language: ReportLanguage = .defaultLanguage) {
        self.connection = connection
        self.sql = sql
        self.language = language
    }

    /// Everything a recommendation report shows.
    public struct Result: Sendable {
        public var report: RecommendationReport
        public var history: IndicatorHistory
        public var year: Int
        /// The schools of the report (charts draw the city and these).
        public var schools: [String]
        /// The schools named with --school (charts draw the city and these only).
        public var selectedSchools: [String]
    }

    /// Recommendations for `year` (an academic year such as `2023-2024`): the city section
    /// first, then one section per school — the given `schools`, or every school with data
    /// that year; none with `cityOnly`.
    public func recommend(year: String, schools: [String] = [], cityOnly: Bool = false,
                          rulesFile: RecommendationRuleFile? = nil) throws -> Result {
        guard let label = ReportScalarType.academicYear.normalise(year), let start = Int(label.prefix(4)) else {
            throw RecommendError.badYear(year)
        }
        let catalogue = try IndicatorCatalogue.load(connection, sql: sql)
        let indicators = catalogue.indicators.map {
            IndicatorMeta(id: $0.id, nameRU: $0.nameRU, nameEN: $0.nameEN, isPercent: $0.unit == .percent,
                          higherIsBetter: $0.direction == .higher)
        }
        var rules = try RuleSet.load(connection, sql: sql)
        if let rulesFile {
            rules = try RuleSet.merge(rules, with: rulesFile, indicators: indicators.map(\.id))
        }
        let history = try IndicatorHistory.load(connection, sql: sql, upTo: start)
        guard history.years.contains(where: { $0.start == start }) else { throw RecommendError.noData(year: label) }
        for code in schools where history.schools[code] == nil {
            throw RecommendError.unknownSchool(code, year: label)
        }
        let codes = cityOnly ? [] : (schools.isEmpty ? history.schoolsWithData(year: start) : schools)
        let engine = RecommendationEngine(rules: rules, indicators: indicators, yearLabel: label)
        let city = history.figures(school: nil, year: start)
        let cityName = ReportCatalogue.text("city", in: language)
        var sections = [RecommendationSection(
            schoolCode: nil, name: cityName,
            recommendations: engine.evaluate(RecommendationSubject(
                schoolCode: nil, name: cityName, current: city,
                previous: history.figures(school: nil, year: start - 1), city: city)))]
        for code in codes {
            let name = history.schoolNames[code] ?? code
            sections.append(RecommendationSection(
                schoolCode: code, name: name,
                recommendations: engine.evaluate(RecommendationSubject(
                    schoolCode: code, name: name, current: history.figures(school: code, year: start),
                    previous: history.figures(school: code, year: start - 1), city: city))))
        }
        return Result(
            report: RecommendationReport(yearLabel: label, sections: sections, indicators: indicators),
            history: history, year: start, schools: codes, selectedSchools: schools)
    }
}

extension Recommender.Result {
    /// One chart per indicator over the years up to the report's year: the city and the
    /// selected schools.
    public func charts(language: ReportLanguage) -> [LineChart] {
        let years = history.years.filter { $0.start <= year }
        let labels = years.map(\.label)
        return report.indicators.map { indicator in
            func byLabel(_ figures: [Int: IndicatorFigure]?) -> [String: IndicatorFigure] {
                var result: [String: IndicatorFigure] = [:]
                for (start, label) in years { if let figure = figures?[start] { result[label] = figure } }
                return result
            }
            var subjects: [(name: String, isCity: Bool, figures: [String: IndicatorFigure])] = [
                (ReportCatalogue.text("city", in: language), true, byLabel(history.city[indicator.id])),
            ]
            for code in selectedSchools {
                subjects.append((history.schoolNames[code] ?? code, false, byLabel(history.schools[code]?[indicator.id])))
            }
            return LineChart(indicator: indicator, years: labels, subjects: subjects, language: language)
        }
    }

    /// The year's values: one row per indicator, the city then each selected school
    /// (value with numerator/denominator; `*` marks a denominator under 10).
    public func valuesTable(language: ReportLanguage) -> ResultTable {
        let subjects: [(String?, String)] = [(nil, ReportCatalogue.text("city", in: language))]
            + selectedSchools.map { ($0, history.schoolNames[$0] ?? $0) }
        var rows: [[String?]] = []
        var small = false
        for indicator in report.indicators {
            var row: [String?] = [indicator.name(in: language)]
            for (code, _) in subjects {
                let figure = code.map { history.schools[$0]?[indicator.id]?[year] } ?? history.city[indicator.id]?[year]
                guard let figure else { row.append(nil); continue }
                let value = figure.value.map { $0.text(in: language) } ?? "—"
                let mark = figure.isSmall && figure.value != nil ? "*" : ""
                if !mark.isEmpty { small = true }
                row.append("\(value)\(mark) (\(figure.numerator)/\(figure.denominator))")
            }
            rows.append(row)
        }
        return ResultTable(
            title: ReportCatalogue.text("title.indicators", in: language) + ", " + report.yearLabel,
            columns: [ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language))]
                + subjects.map { ResultColumn(name: $0.0 ?? "city", caption: $0.1) },
            rows: rows,
            notes: small ? [ReportCatalogue.text("caveat.small_denominator", in: language)] : [])
    }

    /// The whole HTML report: recommendations, charts, the values table.
    public func html(language: ReportLanguage) -> String {
        ReportHTML.recommendations(report, charts: charts(language: language), tables: [valuesTable(language: language)], language: language)
    }
}
