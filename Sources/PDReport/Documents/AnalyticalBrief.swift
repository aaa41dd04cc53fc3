/// The «аналитическая справка» of `pdmon brief --year Y`: what the monitoring shows for the
/// year, built from the same figures and recommendations as `pdmon recommend`.
///
/// The city's brief:
/// 1. the header block and a paragraph on the data (schools, years);
/// 2. one section per theme of `dw.recommendation_theme` (in its order; indicators of no
///    theme last): a table of the theme's indicators for the city over the years with the
///    change since the previous year and its mark (direction-aware), the schools that lead and
///    lag on each indicator in the year (small denominators left out), and a chart per
///    indicator — the city's line with the band of the schools' middle half;
/// 3. the recommendations: the city's in full, each school's strongest `--top` briefly;
/// 4. an appendix: each indicator's heat table, schools × years.
///
/// A school's brief (`--per-school`): the same themes with the school's values over the
/// years beside the city's, charts of the school and the city, then its recommendations in
/// full. Three-year indicators mark the years of an incomplete window (`ThreeYearWindow`).
public struct AnalyticalBrief: Sendable {
    public let result: RecommendationResult
    public let language: ReportLanguage
    /// The measures of the year before and their effect (`pdmon report effect`): when set, the
    /// city's brief has the «анализ эффективности принятых мер» section after the
    /// recommendations.
    public var effect: EffectReport?

    public init(result: RecommendationResult, language: ReportLanguage) {
        self.result = result
        self.language = language
    }

    var ru: Bool { language == .ru }
    var report: RecommendationReport { result.report }
    var history: IndicatorHistory { result.history }
    var years: [(start: Int, label: String)] { history.years.filter { $0.start <= result.year } }

    /// `Аналитическая справка по итогам мониторинга профессионального развития педагогов, 2023-2024`.
    public var title: String {
        (ru ? "Аналитическая справка по итогам мониторинга профессионального развития педагогов, "
            : "Analytical brief: monitoring of teachers' professional development, ") + report.yearLabel
    }

    /// The themes in order with their indicators (a theme without indicators left out).
    public var themes: [(theme: RecommendationTheme, indicators: [IndicatorMeta])] {
        var ordered = report.themes
        if report.indicators.contains(where: { indicator in !ordered.contains { $0.id == indicator.theme } }) {
            ordered.append(RecommendationTheme.other)
        }
        return ordered.compactMap { theme in
            let indicators = report.indicators.filter { indicator in
                indicator.theme == theme.id || (theme.id == RecommendationTheme.otherID && !report.themes.contains { $0.id == indicator.theme })
            }
            return indicators.isEmpty ? nil : (theme, indicators)
        }
    }

    // MARK: - The city's brief

    /// The city's brief as a document.
    public func cityDocument(header: DocumentHeader?) -> HTMLDocument {
        var blocks: [HTMLDocument.Block] = [.paragraph(introduction)]
        for (number, group) in themes.enumerated() {
            blocks.append(.heading("\(number + 1). " + group.theme.name(in: language), level: 2))
            blocks.append(.table(cityTable(group.indicators)))
            let lines = group.indicators.compactMap { leadersAndLaggards($0) }
            if !lines.isEmpty {
                blocks.append(.heading(ru ? "Лидеры и отстающие, \(report.yearLabel)" : "Leading and lagging schools, \(report.yearLabel)", level: 3))
                blocks.append(.bullets(lines))
            }
            blocks.append(.charts(group.indicators.map {
                LineChart.cityWithSpread(indicator: $0, history: history, upTo: result.year, language: language)
            }))
        }
        blocks.append(.pageBreak)
        blocks.append(.heading("\(themes.count + 1). " + (ru ? "Рекомендации" : "Recommendations"), level: 2))
        blocks.append(.paragraph(report.introduction(in: language)))
        if let city = report.sections.first(where: { $0.schoolCode == nil }) {
            blocks.append(.recommendations(city, report: report))
        }
        for section in report.sections where section.schoolCode != nil {
            blocks.append(.heading(section.heading, level: 3))
            blocks.append(.bullets(section.top.isEmpty
                ? [ru ? "Правила не сработали: показатели в пределах ориентиров." : "No rule fired: the indicators are within their benchmarks."]
                : section.top.map { report.briefLine($0, language: language) }))
        }
        if let effect {
            blocks.append(.pageBreak)
            blocks.append(.heading("\(themes.count + 2). " + effect.sectionTitle, level: 2))
            blocks.append(.paragraph(ru
                ? "Меры, принятые в \(effect.previousLabel) по рекомендациям, и изменение показателя, на который направлена мера, "
                    + "к \(effect.yearLabel) — рядом с тем же изменением в ОО, не принимавших такой меры."
                : "The measures taken in \(effect.previousLabel) on the recommendations, and the change of the indicator each aims at by "
                    + "\(effect.yearLabel), beside the same change in the schools that took no such measure."))
            blocks.append(.bullets(effect.lines()))
            blocks.append(.table(effect.table()))
        }
        blocks.append(.pageBreak)
        blocks.append(.heading(ru ? "Приложение. Динамика показателей по ОО" : "Appendix. Indicators by school over the years", level: 2))
        for indicator in themes.flatMap(\.indicators) {
            blocks.append(.heatTable(HeatTable(indicator: indicator, history: history, upTo: result.year, schools: result.schools,
                                               language: language)))
        }
        return HTMLDocument(title: title, language: language, blocks: blocks, header: header)
    }

    /// Which data the brief covers.
    var introduction: String {
        let schools = result.schools.count
        let span = years.first.map { first in first.label == report.yearLabel ? first.label : "\(first.label) — \(report.yearLabel)" } ?? report.yearLabel
        return ru
            ? "Справка составлена по данным мониторинга за \(span) учебные годы (\(RussianPlural.organisation.counted(schools))). "
                + "По каждому направлению — показатели города по годам, изменение за год (лучше или хуже — с учётом того, "
                + "в какую сторону показатель улучшается), ОО-лидеры и отстающие ОО, динамика; затем рекомендации; "
                + "в приложении — значения каждой ОО по годам."
            : "This brief covers the monitoring data of \(span) (\(EnglishPlural.counted(schools, "school"))). For each area: the "
                + "city's indicators over the years, the change in a year (better or worse, knowing which way the indicator improves), "
                + "the leading and lagging schools, the trend; then the recommendations; the appendix has every school's values over the years."
    }

    /// The city's values of `indicators` over the years, the change and its mark.
    func cityTable(_ indicators: [IndicatorMeta]) -> ResultTable {
        let incomplete = indicators.reduce(into: Set<String>()) {
            $0.formUnion(ThreeYearWindow.incompleteYears(indicator: $1.id, years: history.years))
        }
        var columns = [ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language))]
        columns += years.map { ResultColumn(name: $0.label, type: .decimal, caption: incomplete.contains($0.label) ? $0.label + " †" : $0.label,
                                            unit: .indicatorValue) }
        columns.append(ResultColumn(name: "change", type: .decimal, caption: ReportCatalogue.text("change", in: language), unit: .indicatorChange))
        columns.append(ResultColumn(name: "mark", caption: ReportCatalogue.text("mark", in: language)))
        var rows: [[String?]] = []
        var units: [IndicatorInfo.Unit?] = []
        for indicator in indicators {
            let values = years.map { history.city[indicator.id]?[$0.start]?.value?.description }
            let current = history.city[indicator.id]?[result.year]?.value?.description
            let previous = history.city[indicator.id]?[result.year - 1]?.value?.description
            let incompletePrevious = ThreeYearWindow.incompleteYears(indicator: indicator.id, years: history.years)
                .contains(years.first { $0.start == result.year - 1 }?.label ?? "")
            let change = incompletePrevious ? nil : ChangeMark.difference(current, previous)
            let mark = ChangeMark.mark(change: change, direction: indicator.higherIsBetter ? .higher : .lower, language: language)
            rows.append([indicator.name(in: language) + ", " + (indicator.isPercent ? "%" : ReportCatalogue.text("unit.hours", in: language))]
                        + values + [change, mark])
            units.append(indicator.isPercent ? .percent : .hours)
        }
        var notes = [ru ? "Изменение — \(report.yearLabel) к предыдущему году: п. п. для процентов, часы для часов."
                        : "Change: \(report.yearLabel) against the year before, pp for percentages, hours for hours."]
        if !incomplete.isEmpty {
            let names = indicators.filter { ThreeYearWindow.applies(to: $0.id) }.map { "«\($0.name(in: language))»" }.joined(separator: ", ")
            notes.append(ru ? "† для трёхлетних показателей (\(names)) окно трёх лет в этом году неполное: данных за предшествующие годы нет, значение занижено; изменение после такого года не считается."
                            : "† for the three-year indicators (\(names)) the window of this year is incomplete: no data for the years before, so the value is understated; no change is computed after such a year.")
        }
        return ResultTable(title: ru ? "Показатели города" : "The city's indicators", columns: columns, rows: rows, notes: notes,
                           rowUnits: units)
    }

    /// `«Охват КПК за год»: лучше всех — 101001 МАОУ «Гимназия № 1» (92,0 %), …; хуже всех — …`;
    /// nil with fewer than two schools of a sound denominator.
    func leadersAndLaggards(_ indicator: IndicatorMeta) -> String? {
        let ranked = result.schools.compactMap { code -> (code: String, value: OneDecimal)? in
            guard let figure = history.schools[code]?[indicator.id]?[result.year], !figure.isSmall, let value = figure.value else { return nil }
            return (code, value)
        }.sorted { indicator.higherIsBetter ? ($0.value, $1.code) > ($1.value, $0.code) : ($0.value, $0.code) < ($1.value, $1.code) }
        guard ranked.count >= 2 else { return nil }
        let count = ranked.count >= 6 ? 3 : 1
        let unit = indicator.isPercent ? " %" : (ru ? " ч" : " h")
        func list(_ items: ArraySlice<(code: String, value: OneDecimal)>) -> String {
            items.map { "\($0.code) \(history.schoolNames[$0.code] ?? "") (\($0.value.text(in: language))\(unit))" }.joined(separator: ", ")
        }
        let name = indicator.name(in: language)
        return ru
            ? "«\(name)»: лучше всех — \(list(ranked.prefix(count))); хуже всех — \(list(ranked.suffix(count).reversed()[...]))"
            : "\"\(name)\": best — \(list(ranked.prefix(count))); worst — \(list(ranked.suffix(count).reversed()[...]))"
    }

    // MARK: - A school's brief

    /// The brief of school `code`; nil for a school the report has no section for.
    public func schoolDocument(_ code: String, header: DocumentHeader?) -> HTMLDocument? {
        guard let section = report.sections.first(where: { $0.schoolCode == code }) else { return nil }
        var blocks: [HTMLDocument.Block] = []
        var charts = result
        charts.selectedSchools = [code]
        let allCharts = charts.charts(language: language)
        for (number, group) in themes.enumerated() {
            blocks.append(.heading("\(number + 1). " + group.theme.name(in: language), level: 2))
            blocks.append(.table(schoolTable(code, group.indicators)))
            let ids = Set(group.indicators.map(\.id))
            blocks.append(.charts(allCharts.filter { ids.contains($0.id) }))
        }
        blocks.append(.pageBreak)
        blocks.append(.heading("\(themes.count + 1). " + (ru ? "Рекомендации" : "Recommendations"), level: 2))
        blocks.append(.recommendations(section, report: report))
        let title = (ru ? "Аналитическая справка: " : "Analytical brief: ") + section.heading + ", " + report.yearLabel
        return HTMLDocument(title: title, language: language, blocks: blocks, header: header)
    }

    /// The school's values of `indicators` over the years, the city's in the year, the change and its mark.
    func schoolTable(_ code: String, _ indicators: [IndicatorMeta]) -> ResultTable {
        var columns = [ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language))]
        columns += years.map { ResultColumn(name: $0.label, type: .decimal, unit: .indicatorValue) }
        columns.append(ResultColumn(name: "city", type: .decimal, caption: (ru ? "Город, " : "City, ") + report.yearLabel, unit: .indicatorValue))
        columns.append(ResultColumn(name: "change", type: .decimal, caption: ReportCatalogue.text("change", in: language), unit: .indicatorChange))
        columns.append(ResultColumn(name: "mark", caption: ReportCatalogue.text("mark", in: language)))
        var rows: [[String?]] = []
        var small = false
        var incompleteSeen = false
        for indicator in indicators {
            let incomplete = ThreeYearWindow.incompleteYears(indicator: indicator.id, years: history.years)
            let figures = history.schools[code]?[indicator.id]
            let values = years.map { year -> String? in
                guard let figure = figures?[year.start], let value = figure.value else { return nil }
                if figure.isSmall { small = true }
                if incomplete.contains(year.label) { incompleteSeen = true }
                return value.text(in: language) + (figure.isSmall ? "*" : "") + (incomplete.contains(year.label) ? " †" : "")
            }
            let change = ChangeMark.difference(figures?[result.year]?.value?.description, figures?[result.year - 1]?.value?.description)
            rows.append([indicator.name(in: language) + ", " + (indicator.isPercent ? "%" : ReportCatalogue.text("unit.hours", in: language))]
                        + values + [history.city[indicator.id]?[result.year]?.value?.description, change,
                                    ChangeMark.mark(change: change, direction: indicator.higherIsBetter ? .higher : .lower, language: language)])
        }
        // The year columns hold marked texts (`*`, `†`): shown as text.
        for index in columns.indices where years.contains(where: { $0.label == columns[index].name }) {
            columns[index].type = .text
            columns[index].unit = nil
        }
        var notes: [String] = []
        if small { notes.append(ReportCatalogue.text("caveat.small_denominator", in: language)) }
        if incompleteSeen { notes.append(HeatTable.incompleteNote(language)) }
        return ResultTable(title: ru ? "Показатели ОО и города" : "The school's and the city's indicators", columns: columns, rows: rows,
                           notes: notes, rowUnits: indicators.map { $0.isPercent ? .percent : .hours })
    }
}
