/// Indicator values of the mart up to a year, for the city and every school (read by the
/// warehouse from `sql/recommend/indicator_values.sql`).
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
