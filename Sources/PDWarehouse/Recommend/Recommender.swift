import PDContract
import PDPostgres
import PDReport

extension IndicatorHistory {
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
        for row in try connection.execute(try sql.statement("recommend/indicator_targets.sql"), [String(lastYear)]).rows {
            guard let indicator = row[0], let start = row[1].flatMap({ Int($0) }),
                  let value = row[3].flatMap(OneDecimal.init), let source = row[4] else { continue }
            if let school = row[2] {
                history.schoolTargets[school, default: [:]][indicator, default: [:]][start]
                    = IndicatorTarget(value: value, source: source, isSchoolTarget: true)
            } else {
                history.cityTargets[indicator, default: [:]][start] = IndicatorTarget(value: value, source: source)
            }
        }
        return history
    }
}

/// Targeted recommendations for a year from the warehouse: loads the rules (merged with a
/// rules file), the catalogue and the indicator values, and hands them to PDReport
/// (`RecommendationResult`), which runs the rules for the city and each school.
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
    public typealias Result = RecommendationResult

    /// Recommendations for `year` (an academic year such as `2023-2024`): the city section
    /// first, then one section per school — the given `schools`, or every school with data
    /// that year; none with `cityOnly`.
    public func recommend(year: String, schools: [String] = [], cityOnly: Bool = false,
                          rulesFile: RecommendationRuleFile? = nil, top: Int = 0) throws -> Result {
        guard let academicYear = AcademicYear.parse(year) else {
            throw RecommendError.badYear(year)
        }
        let label = academicYear.label, start = academicYear.start
        let catalogue = try IndicatorCatalogue.load(connection, sql: sql)
        let indicators = try RecommendationTheme.indicators(catalogue, connection, sql: sql)
        let themes = try RecommendationTheme.load(connection, sql: sql)
        var rules = try RuleSet.load(connection, sql: sql)
        if let rulesFile {
            rules = try RuleSet.merge(rules, with: rulesFile, indicators: indicators.map(\.id))
        }
        let history = try IndicatorHistory.load(connection, sql: sql, upTo: start)
        let choices = ReportChoices(connection: connection, sql: sql, language: language)
        guard history.years.contains(where: { $0.start == start }) else {
            throw try choices.explained(UnknownChoice(.year, value: label, option: "--year", choices: try choices.years(), language: language))
        }
        try choices.checkSchools(schools, year: label, option: "--school")
        let codes = cityOnly ? [] : (schools.isEmpty ? history.schoolsWithData(year: start) : schools)
        var result = RecommendationResult(
            rules: rules, indicators: indicators, themes: themes, history: history, year: start, label: label,
            schools: codes, selectedSchools: schools, top: top, language: language)
        result.dataAsOf = try Self.dataAsOf(connection, sql: sql)
        return result
    }

    /// The last batch that loaded data and when (`sql/etl/data_as_of.sql`): the "data as of"
    /// line of a document's header block. Nil before the first load.
    public static func dataAsOf(_ connection: Connection, sql: SQLDirectory) throws -> (batch: Int, loadedAt: String)? {
        let row = try connection.execute(try sql.statement("etl/data_as_of.sql")).rows.first
        guard let row, let batch = row[0].flatMap({ Int($0) }), let loadedAt = row[1] else { return nil }
        return (batch, loadedAt)
    }
}
