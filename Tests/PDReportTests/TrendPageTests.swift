import Foundation
import Testing
@testable import PDReport

/// The trend page of many schools (issue 11): never twenty lines on one plot — the city's line
/// with the band of the schools' middle half, and a heat table of every school × year; the
/// legend stays shorter than the plot (measured in headless Chromium when it is installed).
@Suite struct TrendPageTests {
    static let years = ["2020-2021", "2021-2022", "2022-2023", "2023-2024"]

    /// A pivoted trend of the city and `schools` schools (as `ReportPresentation.pivotTrend` makes it).
    static func trend(schools: Int) -> ResultTable {
        var columns = [ResultColumn(name: "school_code"), ResultColumn(name: "school_name")]
        columns += years.map { ResultColumn(name: $0, type: .decimal, unit: .percent) }
        columns.append(ResultColumn(name: "change", type: .decimal, unit: .points))
        var rows: [[String?]] = [[nil, "Город", "61.0", "70.5", "75.0", "80.0", "5.0"]]
        for index in 1...max(schools, 1) where schools > 0 {
            let base = 40 + (index * 7) % 50
            rows.append([String(format: "1010%02d", index), "МБОУ «Средняя общеобразовательная школа № \(index)»",
                         "\(base).0", "\(base + 5).5", "\(min(100, base + 9)).0", "\(min(100, base + 12)).0", "3.0"])
        }
        return ResultTable(title: "Динамика показателя: Охват КПК за 3 года, %", columns: columns, rows: rows)
    }

    @Test func twentySchoolsAreAHeatTableAndABandNotTwentyLines() {
        let html = ReportHTML.trend(Self.trend(schools: 20), indicatorID: "pd_coverage_3y", isPercent: true, language: .ru)
        #expect(html.components(separatedBy: "<svg").count - 1 == 1)
        #expect(html.components(separatedBy: "<polyline").count - 1 == 1, "only the city's line")
        #expect(html.contains("<polygon class=\"band\""))
        #expect(html.contains("data-rows=\"20\""))
        // The legend: the city, the band and the incomplete-window note; no school.
        let legend = html.components(separatedBy: "<ul class=\"legend\">")[1].components(separatedBy: "</ul>")[0]
        #expect(legend.components(separatedBy: "<li").count - 1 == 3)
        #expect(!legend.contains("школа № 1"))
        // The first two years of a three-year indicator are marked, in the chart and the heat table.
        #expect(html.contains("2020-2021 †") && html.contains("2021-2022 †") && !html.contains("2022-2023 †"))
    }

    @Test func fewSchoolsStayLines() {
        let html = ReportHTML.trend(Self.trend(schools: 3), indicatorID: "pd_coverage", isPercent: true, language: .ru)
        #expect(html.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(!html.contains("class=\"table-wrap heat\""))
        #expect(!html.contains("†"))
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first(where: FileManager.default.isExecutableFile(atPath:))

    /// Lays the page out in headless Chromium and compares the legend's height with the plot's
    /// (a script added to the test's copy of the page writes both into the DOM).
    @Test(.enabled(if: chromium != nil, "skipped: Chromium is not installed (apt-get install chromium)"))
    func theLegendIsNotTallerThanThePlotInChromium() throws {
        let chromium = try #require(Self.chromium)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-trend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let measure = """
            <script>window.addEventListener('load', function () {
              var svg = document.querySelector('svg.chart').getBoundingClientRect().height;
              var legend = document.querySelector('ul.legend').getBoundingClientRect().height;
              var p = document.createElement('p'); p.id = 'measured'; p.textContent = 'svg=' + svg + ';legend=' + legend;
              document.body.appendChild(p); });</script></body>
            """
        let html = ReportHTML.trend(Self.trend(schools: 20), indicatorID: "pd_coverage_3y", isPercent: true, language: .ru)
            .replacingOccurrences(of: "</body>", with: measure)
        let page = folder.appendingPathComponent("trend.html")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1000,1400",
                             "--user-data-dir=" + folder.appendingPathComponent("profile").path, "--dump-dom", page.absoluteString]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let measured = try #require(dom.components(separatedBy: "id=\"measured\">").dropFirst().first?.components(separatedBy: "<").first,
                                    "Chromium did not lay the page out")
        let numbers = measured.split(separator: ";").compactMap { $0.split(separator: "=").last.flatMap { Double($0) } }
        try #require(numbers.count == 2)
        #expect(numbers[0] > 100, "the plot is drawn: \(measured)")
        #expect(numbers[1] < numbers[0], "the legend is shorter than the plot: \(measured)")
    }
}
