import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PDReport

/// The self-contained HTML report: well-formed (parses as XML), one chart per indicator with
/// one point per value, escaped text, no URL, and a non-blank render in headless Chromium.
@Suite struct HTMLReportTests {
    static let indicators = [
        IndicatorMeta(id: "diagnostic_share", nameRU: "Доля прошедших диагностику", nameEN: "Diagnostic share"),
        IndicatorMeta(id: "deficit_share", nameRU: "Доля с дефицитами", nameEN: "Deficit share", higherIsBetter: false),
        IndicatorMeta(id: "avg_pd_hours", nameRU: "Часы на педагога", nameEN: "Hours", isPercent: false),
    ]
    static let years = ["2020-2021", "2021-2022", "2022-2023", "2023-2024"]

    static func figure(_ value: String?, _ denominator: Int = 20) -> IndicatorFigure {
        IndicatorFigure(numerator: 5, denominator: denominator, value: value.flatMap(OneDecimal.init))
    }

    /// City: 4 values per indicator; school «<Школа> & "1"»: 3 values (2021-2022 missing), one small.
    static func document() -> String {
        let charts = indicators.map { indicator in
            LineChart(indicator: indicator, years: years, subjects: [
                (name: "Город", isCity: true, figures: Dictionary(uniqueKeysWithValues: years.map { ($0, figure("50.5")) })),
                (name: "<Школа> & \"1\"", isCity: false, figures: [
                    "2020-2021": figure("40.0"), "2022-2023": figure("45.0", 8), "2023-2024": figure("60.0"),
                ]),
            ], language: .ru)
        }
        let recommendation = Recommendation(
            ruleID: "R01", priority: 10, schoolCode: "S<1>", subjectName: "<Школа> & \"1\"", indicator: "diagnostic_share",
            evidence: Evidence(indicator: "diagnostic_share", value: OneDecimal("45.0"), numerator: 9, denominator: 20,
                               cityValue: OneDecimal("50.5"), previousValue: OneDecimal("47.0"), change: OneDecimal("-2.0"), isSmall: false),
            textRU: "Усилить <script>alert('x')</script> & проверить", textEN: "Intensify")
        let report = RecommendationReport(
            yearLabel: "2023-2024",
            sections: [RecommendationSection(schoolCode: nil, name: "Город", recommendations: []),
                       RecommendationSection(schoolCode: "S<1>", name: "<Школа> & \"1\"", recommendations: [recommendation])],
            indicators: indicators)
        let table = ResultTable(title: "Значения", columns: [ResultColumn(name: "indicator"), ResultColumn(name: "value", type: .decimal)],
                                rows: [["<b>x</b>", "12.5"]], notes: ["* примечание"])
        return ReportHTML.recommendations(report, charts: charts, tables: [table], language: .ru)
    }

    /// The `<svg class="chart" …>…</svg>` fragments.
    static func svgs(_ html: String) -> [Substring] {
        html.components(separatedBy: "<svg class=\"chart\"").dropFirst().map { piece in
            Substring(piece.components(separatedBy: "</svg>")[0])
        }
    }

    final class Collector: NSObject, XMLParserDelegate, @unchecked Sendable {
        var elements: [String: Int] = [:]
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test func isWellFormedMarkupThatParsesAsXML() throws {
        let html = Self.document()
        // XMLParser does not know the HTML doctype; the rest must be XML-compatible.
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        #expect(collector.elements["html"] == 1)
        #expect(collector.elements["svg"] == Self.indicators.count)
        #expect(collector.elements["script"] == nil, "a script element leaked through escaping")
        #expect(collector.text.contains("Усилить <script>alert('x')</script> & проверить"))
        #expect(collector.text.contains("<Школа> & \"1\""))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"ru\">"))
        #expect(html.contains("<meta charset=\"utf-8\"/>"))
    }

    @Test func hasOneChartPerIndicatorWithOnePointPerValue() throws {
        let html = Self.document()
        let svgs = Self.svgs(html)
        #expect(svgs.count == Self.indicators.count)
        for (svg, indicator) in zip(svgs, Self.indicators) {
            #expect(svg.contains("data-indicator=\"\(indicator.id)\""))
            // City 4 + school 3 (one year missing).
            #expect(svg.components(separatedBy: "<circle class=\"point").count - 1 == 7)
            #expect(svg.contains("data-points=\"7\""))
            #expect(svg.components(separatedBy: "<circle class=\"point small\"").count - 1 == 1)
            // The gap splits the school line: one polyline for the city, one for the last two points.
            #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
            for year in Self.years { #expect(svg.contains(">\(year)</text>")) }
        }
        #expect(html.contains("Город"))
    }

    @Test func containsNoURLAndFetchesNothing() {
        let html = Self.document()
        for forbidden in ["http://", "https://", "src=", "href=", "url(", "@import", "<script", "<link"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("size: A4"))
        #expect(html.contains("page-break"))
    }

    @Test func trendHTMLDrawsEveryRowOfThePivotedTrend() throws {
        let trend = ResultTable(
            title: "Динамика показателя: Охват КПК за 3 года, %",
            columns: [ResultColumn(name: "school_code"), ResultColumn(name: "school_name"),
                      ResultColumn(name: "2022-2023", type: .decimal), ResultColumn(name: "2023-2024", type: .decimal),
                      ResultColumn(name: "change", type: .decimal), ResultColumn(name: "mark")],
            rows: [[nil, "Город", "80.0", "85.5", "5.5", "▲ лучше"], ["S01", "Школа № 1", nil, "70.0", nil, nil]])
        let html = ReportHTML.trend(trend, indicatorID: "pd_coverage_3y", isPercent: true, language: .ru)
        let svgs = Self.svgs(html)
        #expect(svgs.count == 1)
        #expect(svgs.first?.contains("data-points=\"3\"") == true)
        #expect(html.contains("85,5"))
        #expect(XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8)).parse())
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first(where: FileManager.default.isExecutableFile(atPath:))

    @Test(.enabled(if: chromium != nil, "skipped: Chromium is not installed (apt-get install chromium)"))
    func rendersInHeadlessChromiumAndIsNotBlank() throws {
        let chromium = try #require(Self.chromium)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func screenshot(_ html: String, _ name: String) throws -> Data {
            let page = folder.appendingPathComponent(name + ".html")
            let png = folder.appendingPathComponent(name + ".png")
            try Data(html.utf8).write(to: page)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                 "--user-data-dir=" + folder.appendingPathComponent("profile-" + name).path,
                                 "--screenshot=" + png.path, "--window-size=1000,1400", page.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return try Data(contentsOf: png)
        }
        let blank = try screenshot("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/></head><body></body></html>", "blank")
        let report = try screenshot(Self.document(), "report")
        #expect(report.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A blank page compresses to a few kilobytes; text and charts do not.
        #expect(report.count > blank.count * 4, "render looks blank: \(report.count) bytes against \(blank.count) for a blank page")
    }
}
