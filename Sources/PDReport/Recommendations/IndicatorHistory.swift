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
    /// The programme's targets (`mart.indicator_target`): indicator → year start → the city's.
    public var cityTargets: [String: [Int: IndicatorTarget]] = [:]
    /// school code → indicator → year start → the school's own target.
    public var schoolTargets: [String: [String: [Int: IndicatorTarget]]] = [:]

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

    /// The targets of `year` for the city (`school` nil) or a school, keyed by indicator: the
    /// school's own target where it has one, else the city's.
    public func targets(school: String?, year: Int) -> [String: IndicatorTarget] {
        var result: [String: IndicatorTarget] = [:]
        for (indicator, byYear) in cityTargets {
            if let target = byYear[year] { result[indicator] = target }
        }
        if let school, let own = schoolTargets[school] {
            for (indicator, byYear) in own {
                if let target = byYear[year] { result[indicator] = target }
            }
        }
        return result
    }

    /// The indicators with any target, for any year or level.
    public var indicatorsWithTargets: Set<String> {
        Set(cityTargets.keys).union(schoolTargets.values.flatMap(\.keys))
    }

    /// Schools with any data (a non-zero denominator) in `year`, by code.
    public func schoolsWithData(year: Int) -> [String] {
        schools.keys.filter { code in
            schools[code]?.values.contains { ($0[year]?.denominator ?? 0) > 0 } ?? false
        }.sorted()
    }
}

/// A target of the municipal or regional programme for one indicator, year and level.
public struct IndicatorTarget: Sendable, Hashable {
    public var value: OneDecimal
    /// The document that set it, with its date when known: «Муниципальная программа … (20.12.2019)».
    public var source: String
    /// Whether it is the school's own target (else the city's).
    public var isSchoolTarget: Bool

    public init(value: OneDecimal, source: String, isSchoolTarget: Bool = false) {
        self.value = value
        self.source = source
        self.isSchoolTarget = isSchoolTarget
    }
}
