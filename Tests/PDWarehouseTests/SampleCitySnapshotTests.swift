import Foundation
import Testing

/// The warehouse's answers on the sample city, byte for byte, as they were before the
/// architecture change (issue 8): the same messy exports, loaded by the nightly run, give the
/// same `report indicators`, `trend`, `compare`, `recommend` and `plan` outputs.
///
/// The snapshots in `Snapshots/sample-city/` were first written by the pdmon of commit 44923ba (the
/// last one before the change) with `PDMON_UPDATE_SNAPSHOTS=1 PDMON_BINARY=<that build>`, and
/// rewritten for issue 11 (correct Russian, ranked recommendations, one decimal separator per
/// language): the numbers stayed, the words changed. A change of output must be deliberate:
/// rewrite them with `PDMON_UPDATE_SNAPSHOTS=1 scripts/test --filter SampleCitySnapshotTests` and
/// say why in the commit.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct SampleCitySnapshotTests {
    static let folder = TestDatabase.sqlDirectory.url.deletingLastPathComponent()
        .appendingPathComponent("Tests/PDWarehouseTests/Snapshots/sample-city")

    /// Each output: a snapshot file name and the pdmon arguments that produce it.
    static let outputs: [(name: String, arguments: [String])] = [
        ("indicators_school.txt", ["report", "indicators", "--year", "2023-2024"]),
        ("indicators_city_en.md", ["report", "indicators", "--year", "2023-2024", "--by", "city", "--format", "markdown", "--lang", "en"]),
        ("indicators_school.csv", ["report", "indicators", "--year", "2023-2024", "--format", "csv"]),
        ("trend_pd_coverage_3y.txt", ["report", "trend", "--indicator", "pd_coverage_3y"]),
        ("trend_city_distance_share.json", ["report", "trend", "--indicator", "distance_share", "--by", "city", "--format", "json"]),
        ("compare.txt", ["report", "compare", "--base", "2022-2023", "--target", "2023-2024"]),
        ("compare_excel.csv", ["report", "compare", "--base", "2022-2023", "--target", "2023-2024", "--format", "csv", "--excel"]),
        ("lagging.txt", ["report", "run", "lagging", "--param", "indicator=pd_coverage_3y", "--param", "year=2023-2024"]),
        ("recommend.md", ["recommend", "--year", "2023-2024"]),
        ("recommend_en.json", ["recommend", "--year", "2023-2024", "--format", "json", "--lang", "en"]),
        ("recommend_table.txt", ["recommend", "--year", "2023-2024", "--format", "table", "--school", "101002"]),
        ("plan.txt", ["plan", "--for-year", "2024-2025"]),
        ("plan.md", ["plan", "--for-year", "2024-2025", "--format", "markdown"]),
        ("plan_en.json", ["plan", "--for-year", "2024-2025", "--format", "json", "--lang", "en"]),
        ("rejects.txt", ["etl", "rejects", "--batch", "3"]),
    ]

    /// The sample city loaded by the nightly run into a database of its own; `pdmon` runs
    /// a command against it and expects exit 0.
    static func city() throws -> (database: TestDatabase, pdmon: ([String]) throws -> PDMonProcess.Result) {
        let db = try TestDatabase()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-snap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let inbox = work.appendingPathComponent("inbox")
        let environment = ["PDMON_DATABASE_URL": db.url, "PDMON_PSEUDONYM_KEY": "sample-city-snapshot-key-0123456789"]
        func pdmon(_ arguments: [String]) throws -> PDMonProcess.Result {
            let result = try PDMonProcess.run(arguments, environment: environment)
            #expect(result.status == 0, "pdmon \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
        _ = try pdmon(["db", "migrate"])
        _ = try pdmon(["sample", "--out", inbox.path, "--schools", "8", "--teachers", "400",
                       "--years", "2020-2021..2023-2024", "--seed", "2024", "--messy"])
        let run = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
        #expect([0, 1].contains(run.status), "\(run.stdout)\n\(run.stderr)")
        return (db, pdmon)
    }

    /// Fewer, sharper recommendations on the sample city: at most `--top` in full per school,
    /// never one indicator twice for a school, the ones in full grouped by theme.
    @Test(arguments: [5, 3])
    func recommendationsAreFewSharpAndGroupedByTheme(top: Int) throws {
        let (database, pdmon) = try Self.city()
        defer { withExtendedLifetime(database) {} }
        let json = try pdmon(["recommend", "--year", "2023-2024", "--format", "json", "--top", String(top)]).stdout
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(!objects.isEmpty)
        var bySection: [String: [[String: Any]]] = [:]
        for object in objects { bySection[(object["school_code"] as? String) ?? "city", default: []].append(object) }
        #expect(bySection.count == 9, "the city and 8 schools: \(bySection.keys.sorted())")
        for (section, recommendations) in bySection {
            let inTop = recommendations.filter { $0["in_top"] as? Bool == true }
            #expect(inTop.count <= top, "\(section): \(inTop.count) in full")
            let indicators = recommendations.compactMap { $0["indicator"] as? String }
            #expect(Set(indicators).count == indicators.count, "\(section) names an indicator twice: \(indicators.sorted())")
            let ranks = recommendations.compactMap { $0["rank"] as? Int }
            #expect(ranks == Array(1...recommendations.count))
            let weights = recommendations.compactMap { $0["weight"] as? Double }
            #expect(weights == weights.sorted(by: >), "\(section): not strongest first")
        }
        // The markdown: per section, each theme heading once, at most `top` numbered items.
        let markdown = try pdmon(["recommend", "--year", "2023-2024", "--top", String(top)]).stdout
        for section in markdown.components(separatedBy: "\n## ").dropFirst() {
            let lines = section.split(separator: "\n").map(String.init)
            let themes = lines.filter { $0.hasPrefix("### ") }
            #expect(Set(themes).count == themes.count, "a theme twice in \(lines[0]): \(themes)")
            let numbered = lines.filter { $0.first?.isNumber == true && $0.contains(". ") }
            #expect(numbered.count <= top, "\(lines[0]): \(numbered.count) in full")
            // Grouped: the items under one theme heading come one after the other.
            var seen: [String] = []
            for line in lines where line.hasPrefix("### ") {
                #expect(!seen.contains(line))
                seen.append(line)
            }
        }
        #expect(!markdown.contains("Сохранить и расширить"))
    }

    @Test func theSampleCityGivesTheSameAnswersAsBefore() throws {
        let (database, pdmon) = try Self.city()
        defer { withExtendedLifetime(database) {} }

        let update = ProcessInfo.processInfo.environment["PDMON_UPDATE_SNAPSHOTS"] == "1"
        if update { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
        for (name, arguments) in Self.outputs {
            let output = try pdmon(arguments).stdout
            let file = Self.folder.appendingPathComponent(name)
            if update {
                try Data(output.utf8).write(to: file)
                continue
            }
            // Bytes, not Strings: reading a file as a String drops the Excel CSV's byte-order mark.
            let expected = try Data(contentsOf: file)
            if Data(output.utf8) != expected {
                // Kept for a diff against the snapshot.
                let actual = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-snapshots-\(name)")
                try Data(output.utf8).write(to: actual)
                Issue.record("pdmon \(arguments.joined(separator: " ")) differs from Snapshots/sample-city/\(name): see \(actual.path)")
            }
        }
    }
}
