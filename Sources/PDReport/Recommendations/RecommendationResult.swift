/// Everything a recommendation report shows: the fired rules per section, and the history
/// behind the charts and the values table.
public struct RecommendationResult: Sendable {
    public var report: RecommendationReport
    public var history: IndicatorHistory
    public var year: Int
    /// The schools of the report (charts draw the city and these).
    public var schools: [String]
    /// The schools named with --school (charts draw the city and these only).
    public var selectedSchools: [String]
    /// The last batch that loaded data (`DocumentHeader.dataAsOf`), read by the warehouse.
    public var dataAsOf: (batch: Int, loadedAt: String)?

    public init(report: RecommendationReport, history: IndicatorHistory, year: Int, schools: [String], selectedSchools: [String]) {
        self.report = report
        self.history = history
        self.year = year
        self.schools = schools
        self.selectedSchools = selectedSchools
    }

    /// Runs `rules` over the figures of the year starting in `year` (labelled `label`): the
    /// city section first, then one section per school of `schools`; each section's fired
    /// rules folded and ranked (`RecommendationRanking`), the first `top` shown in full (0: all).
    public init(rules: [RecommendationRule], indicators: [IndicatorMeta], themes: [RecommendationTheme] = [],
                history: IndicatorHistory, year: Int, label: String, schools codes: [String], selectedSchools: [String],
                top: Int = 0, language: ReportLanguage) {
        let engine = RecommendationEngine(rules: rules, indicators: indicators, yearLabel: label)
        let ranking = RecommendationRanking(indicators: indicators)
        let city = history.figures(school: nil, year: year)
        let cityName = ReportCatalogue.text("city", in: language)
        let targeted = history.indicatorsWithTargets
        func section(_ code: String?, _ name: String, current: [String: IndicatorFigure], previous: [String: IndicatorFigure]) -> RecommendationSection {
            let ranked = ranking.rank(engine.evaluate(RecommendationSubject(
                schoolCode: code, name: name, current: current, previous: previous, city: city,
                targets: history.targets(school: code, year: year), targetedIndicators: targeted)))
            return RecommendationSection(schoolCode: code, name: name, recommendations: ranked, shown: top > 0 ? top : nil)
        }
        var sections = [section(nil, cityName, current: city, previous: history.figures(school: nil, year: year - 1))]
        for code in codes {
            sections.append(section(code, history.schoolNames[code] ?? code, current: history.figures(school: code, year: year),
                                    previous: history.figures(school: code, year: year - 1)))
        }
        self.init(
            report: RecommendationReport(yearLabel: label, sections: sections, indicators: indicators, themes: themes, top: top),
            history: history, year: year, schools: codes, selectedSchools: selectedSchools)
    }

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
            var chart = LineChart(indicator: indicator, years: labels, subjects: subjects, language: language)
            // The schools' spread behind the lines, and the years of an incomplete window marked.
            let spread = LineChart.cityWithSpread(indicator: indicator, history: history, upTo: year, language: language)
            chart.band = spread.band
            chart.bandName = spread.bandName
            chart.incomplete = spread.incomplete
            return chart
        }
    }

    /// The year's values: one row per indicator, the city then each selected school
    /// (value with numerator/denominator; `*` marks a small denominator).
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
