import PDContract

/// Ready-made HTML reports for the commands: a trend (`pdmon report trend --format html`)
/// and the targeted recommendations (`pdmon recommend --format html`).
public enum ReportHTML {
    /// A trend as a self-contained HTML page: the line chart of the indicator (one line per
    /// row: the city and each school) and the trend table under it.
    ///
    /// `trend` is the pivoted trend table (`ReportPresentation.pivotTrend`): columns
    /// `school_code`, `school_name`, one column per academic year (`yyyy-yyyy`), then any
    /// others (change, mark), which stay in the table only. A row without a school code is
    /// the city.
    ///
    /// More than `maxLines` schools are never drawn as lines on one plot (twenty lines and a
    /// legend taller than the plot cannot be read): the chart then shows the city's line with
    /// the band of the schools' middle half (quartiles), and a heat table (`HeatTable`) shows
    /// every school × year, coloured by value knowing which way is better.
    public static func trend(_ trend: ResultTable, indicatorID: String, isPercent: Bool, language: ReportLanguage,
                             higherIsBetter: Bool = true) -> String {
        var chart = trendChart(trend, indicatorID: indicatorID, isPercent: isPercent, language: language)
        let schools = chart.series.filter { !$0.isCity }
        var blocks: [HTMLDocument.Block] = []
        let years = trend.columns.filter { isAcademicYear($0.name) }.map(\.name)
        // The years the presentation marked (it knows the first year of data); else the
        // first two of the table's own years.
        let marked = Set(trend.columns.filter { isAcademicYear($0.name) && ($0.caption ?? "").hasSuffix("†") }.map(\.name))
        let incomplete = !marked.isEmpty ? marked : ThreeYearWindow.incompleteYears(
            indicator: indicatorID, years: years.compactMap { label in AcademicYear.parse(label).map { ($0.start, label) } })
        chart.incomplete = years.map { incomplete.contains($0) }
        if schools.count > maxLines {
            chart.band = years.indices.map { index in
                let values = schools.compactMap { index < $0.values.count ? $0.values[index] : nil }.sorted()
                guard values.count >= 4 else { return nil }
                return (LineChart.quartile(values, 0.25), LineChart.quartile(values, 0.75))
            }
            chart.bandName = language == .ru ? "половина ОО: от нижнего до верхнего квартиля" : "middle half of the schools (quartiles)"
            chart.series = chart.series.filter(\.isCity)
            let code = trend.columns.firstIndex { $0.name == "school_code" }
            let rows = trend.rows.indices.compactMap { row -> HeatTable.Row? in
                guard let schoolCode = code.flatMap({ trend.cell(row: row, column: $0) }) else { return nil }
                let series = schoolSeries(trend, row: row, language: language)
                return HeatTable.Row(code: schoolCode, name: series.name, values: series.values)
            }
            let city = trend.rows.indices.first { row in code.flatMap { trend.cell(row: row, column: $0) } == nil }
                .map { schoolSeries(trend, row: $0, language: language) }
                .map { HeatTable.Row(code: nil, name: $0.name, values: $0.values) }
            blocks.append(.charts([chart]))
            blocks.append(.heatTable(HeatTable(id: indicatorID, title: chart.title, unit: chart.unit, higherIsBetter: higherIsBetter,
                                               years: years, city: city, rows: rows, incompleteYears: incomplete)))
        } else {
            blocks.append(.charts([chart]))
        }
        blocks.append(.table(trend))
        return HTMLDocument(title: trend.title, language: language, blocks: blocks).render()
    }

    /// More schools than this are shown as a heat table, not as lines.
    public static let maxLines = 6

    static func schoolSeries(_ trend: ResultTable, row: Int, language: ReportLanguage) -> LineChart.Series {
        let yearColumns = trend.columns.indices.filter { isAcademicYear(trend.columns[$0].name) }
        let code = trend.columns.firstIndex { $0.name == "school_code" }
        let name = trend.columns.firstIndex { $0.name == "school_name" }
        let schoolCode = code.flatMap { trend.cell(row: row, column: $0) }
        return LineChart.Series(
            name: name.flatMap { trend.cell(row: row, column: $0) } ?? schoolCode ?? ReportCatalogue.text("city", in: language),
            values: yearColumns.map { trend.cell(row: row, column: $0).flatMap(OneDecimal.init) }, isCity: schoolCode == nil)
    }

    /// The chart of a pivoted trend table (see `trend`).
    public static func trendChart(_ trend: ResultTable, indicatorID: String, isPercent: Bool, language: ReportLanguage) -> LineChart {
        let yearColumns = trend.columns.indices.filter { isAcademicYear(trend.columns[$0].name) }
        let code = trend.columns.firstIndex { $0.name == "school_code" }
        let name = trend.columns.firstIndex { $0.name == "school_name" }
        let series = trend.rows.indices.map { row -> LineChart.Series in
            let schoolCode = code.flatMap { trend.cell(row: row, column: $0) }
            let label = name.flatMap { trend.cell(row: row, column: $0) } ?? schoolCode
                ?? ReportCatalogue.text("city", in: language)
            return LineChart.Series(
                name: label,
                values: yearColumns.map { trend.cell(row: row, column: $0).flatMap(OneDecimal.init) },
                isCity: schoolCode == nil)
        }
        let unit = isPercent ? "%" : ReportCatalogue.text("unit.hours", in: language)
        // The caption adds the unit itself: drop it from a title that already ends with it.
        let title = trend.title.hasSuffix(", " + unit) ? String(trend.title.dropLast(unit.count + 2)) : trend.title
        var chart = LineChart(
            id: indicatorID, title: title,
            unit: unit, isPercent: isPercent,
            xLabels: yearColumns.map { trend.columns[$0].name }, series: series)
        // `markingDefinitionBreaks` marked the first year of a changed definition and explained it in a note.
        let mark = " " + ReportPresentation.definitionBreakMark
        chart.breaks = yearColumns.map { trend.columns[$0].caption?.hasSuffix(mark) ?? false }
        if chart.breaks.contains(true) {
            chart.breakNotes = trend.notes.filter { $0.hasPrefix(ReportPresentation.definitionBreakMark) }
        }
        return chart
    }

    /// `2023-2024`: an academic year in its canonical spelling (a column of the pivoted trend).
    static func isAcademicYear(_ text: String) -> Bool {
        AcademicYear.parse(text)?.label == text
    }

    /// The recommendations report: the recommendations (city first, then each school on a
    /// new printed page), then a chart per indicator over the years, then the tables.
    public static func recommendations(
        _ report: RecommendationReport, charts: [LineChart], tables: [ResultTable], language: ReportLanguage
    ) -> String {
        recommendationDocument(report, charts: charts, tables: tables, language: language, header: nil).render()
    }
}
