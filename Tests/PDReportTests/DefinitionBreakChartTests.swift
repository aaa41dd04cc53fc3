import Testing
@testable import PDReport

/// The trend chart marks a changed indicator definition as the trend table does (issue 13 §5:
/// "trend tables and charts mark a break where the definition changed, with the reason").
@Suite struct DefinitionBreakChartTests {
    static func trend() -> ResultTable {
        ResultTable(
            title: "Охват КПК",
            columns: [ResultColumn(name: "school_code"), ResultColumn(name: "school_name"),
                      ResultColumn(name: "2023-2024", type: .decimal), ResultColumn(name: "2024-2025", type: .decimal),
                      ResultColumn(name: "2025-2026", type: .decimal)],
            rows: [["101001", "Школа № 1", "40.0", "45.5", "71.0"], [nil, nil, "38.0", "44.0", "69.5"]])
    }

    static let change = DefinitionBreak(fromYear: "2025-2026", reasonRU: "приказ № 266 отменил минимум 16 часов",
                                        reasonEN: "order No. 266 dropped the 16-hour minimum")

    @Test func theChartDrawsTheBreakBeforeTheFirstYearOfTheNewDefinitionWithItsReason() {
        let presentation = ReportPresentation(language: .ru)
        let marked = presentation.markingDefinitionBreaks(Self.trend(), breaks: [Self.change])
        let chart = ReportHTML.trendChart(marked, indicatorID: "pd_coverage", isPercent: true, language: .ru)
        #expect(chart.breaks == [false, false, true])
        #expect(chart.shownLabel(2) == "2025-2026 ‡")
        #expect(chart.shownLabel(1) == "2024-2025")
        let html = SVGLineChart.render(chart, language: .ru)
        #expect(html.components(separatedBy: "<line class=\"definition-break\"").count == 2)
        #expect(html.contains("приказ № 266 отменил минимум 16 часов"))
        #expect(html.contains("<li class=\"caveat definition-break\">‡ С 2025-2026 определение показателя изменилось"))
    }

    @Test func aChartWithoutABreakIsUnchanged() {
        let chart = ReportHTML.trendChart(Self.trend(), indicatorID: "pd_coverage", isPercent: true, language: .en)
        #expect(!chart.breaks.contains(true))
        #expect(chart.breakNotes.isEmpty)
        #expect(!SVGLineChart.render(chart, language: .en).contains("definition-break"))
        // A break before the first year shown is not one the chart crosses.
        let early = DefinitionBreak(fromYear: "2023-2024", reasonRU: nil, reasonEN: nil)
        let marked = ReportPresentation(language: .en).markingDefinitionBreaks(Self.trend(), breaks: [early])
        #expect(!SVGLineChart.render(ReportHTML.trendChart(marked, indicatorID: "pd_coverage", isPercent: true, language: .en),
                                  language: .en).contains("definition-break"))
    }
}
