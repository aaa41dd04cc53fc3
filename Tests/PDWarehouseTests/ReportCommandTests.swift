import Foundation
import Testing
import PDReport

/// `pdmon report …` and `pdmon db refresh` as an analyst runs them: the built executable
/// (scripts/test builds it first) against a hand-built warehouse.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable, "needs scripts/test (server and built pdmon)"))
struct ReportCommandTests {
    static func pdmon(_ arguments: [String], database: TestDatabase) throws -> PDMonProcess.Result {
        try PDMonProcess.run(arguments + ["--database-url", database.url])
    }
    @Test func refreshThenIndicatorsAsCSV() throws {
        let f = try IndicatorFixture.workedExample()
        let refresh = try Self.pdmon(["db", "refresh"], database: f.database)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(refresh.stdout.contains("207"))
        let csv = try Self.pdmon(["report", "indicators", "--year", "2023-2024", "--by", "city",
                                  "--indicator", "pd_coverage", "--indicator", "leader_pd_coverage_3y", "--format", "csv"],
                                 database: f.database)
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout == "academic_year,school_code,school_name,indicator,numerator,denominator,value\r\n"
            + "2023-2024,,Город,pd_coverage,2,6,33.3\r\n2023-2024,,Город,leader_pd_coverage_3y,1,1,100.0\r\n")
    }

    @Test func theOneCommandThatAnswersWhoFellBehind() throws {
        let f = try ReportTests.warehouse()
        let json = try Self.pdmon(["report", "run", "lagging", "--param", "indicator=pd_coverage_3y", "--format", "json", "--lang", "en"],
                                  database: f.database)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("\"school_code\": \"S01\""))
        #expect(json.stdout.contains("\"change\": -50.0"))
        let table = try Self.pdmon(["report", "trend", "--indicator", "pd_coverage_3y", "--from", "2022-2023"], database: f.database)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Динамика показателя: Охват КПК за 3 года, %"))
        #expect(table.stdout.contains("▼ хуже"))
        let markdown = try Self.pdmon(["report", "compare", "--base", "2022-2023", "--target", "2023-2024",
                                       "--indicator", "pd_coverage_3y", "--format", "markdown", "--lang", "en"], database: f.database)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("Course coverage over 3 years"))
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("trend-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        let html = try Self.pdmon(["report", "trend", "--indicator", "pd_coverage_3y", "--format", "html", "--out", page.path],
                                  database: f.database)
        #expect(html.status == 0, "\(html.stderr)")
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(text.components(separatedBy: "<svg").count - 1 == 1)
        #expect(!text.contains("http://") && !text.contains("https://"))
        #expect(text.contains("Гимназия № 1") && text.contains("n&lt;10"))
                let list = try Self.pdmon(["report", "list", "--format", "csv", "--excel"], database: f.database)
        #expect(list.status == 0)
        // The Excel CSV is for people: captions, not machine names.
        #expect(list.stdout.hasPrefix("\u{FEFF}Вид;Код;Название;Подробности"))
    }

    @Test func argumentMistakesExitWithTwoBeforeAnythingRuns() throws {
        let db = try TestDatabase()
        let cases: [([String], String)] = [
            (["report", "indicators", "--year", "2023", "--format", "csv"], "--year"),
            (["report", "indicators", "--year", "2023-2024", "--format", "json", "--excel"], "--excel"),
            (["report", "indicators", "--year", "2023-2024", "--format", "pdf"], "--year"),
            (["recommend", "--year", "2023-2024", "--per-school"], "--out"),
            (["brief", "--year", "2023-2024", "--format", "xlsx"], "docx"),
            (["report", "trend", "--indicator", "pd_coverage", "--by", "city", "--school", "S01"], "--school"),
            (["report", "trend", "--indicator", "pd_coverage", "--from", "2023-2024", "--to", "2021-2022"], "--from"),
            (["report", "compare", "--base", "x", "--target", "2023-2024"], "--base"),
            (["report", "run", "lagging", "--param", "indicator"], "name=value"),
            (["report", "run", "lagging"], "indicator"),
            (["report", "run", "lagging", "--param", "indicator=pd_coverage", "--param", "year=next"], "year"),
            (["report", "run", "no_such_report"], "no_such_report"),
            (["report", "indicators", "--year", "2023-2024", "--indicator", "nope"], "nope"),
        ]
        for (arguments, mention) in cases {
            let result = try Self.pdmon(arguments, database: db)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(mention), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    /// A year, school, indicator or batch the data does not have: exit 2 and a message in the
    /// user's language naming the valid or nearest choices, in every command.
    @Test func unknownValuesExitWithTwoAndNameTheChoices() throws {
        let f = try ReportTests.warehouse()
        let cases: [([String], [String])] = [
            (["report", "indicators", "--year", "2030-2031"], ["«2030-2031»", "Данные есть за: 2020-2021, 2021-2022, 2022-2023, 2023-2024."]),
            (["report", "indicators", "--year", "2023-2024", "--school", "S9"], ["«S9»", "S01 — Гимназия № 1"]),
            (["report", "indicators", "--year", "2023-2024", "--indicator", "pd_coverge"], ["«pd_coverge»", "pd_coverage — Охват КПК за год"]),
            (["report", "trend", "--indicator", "pd_coverage", "--to", "2030-2031"], ["--to", "2030-2031"]),
            (["report", "trend", "--indicator", "pd_coverage", "--school", "S9"], ["«S9»", "S02 — Школа № 2"]),
            (["report", "compare", "--base", "2019-2020", "--target", "2023-2024"], ["--base", "«2019-2020»"]),
            (["report", "compare", "--base", "2022-2023", "--target", "2023-2024", "--school", "S9"], ["«S9»"]),
            (["report", "run", "lagging", "--param", "indicator=pd_coverge"], ["--param indicator=", "pd_coverage"]),
            (["report", "run", "lagging", "--param", "indicator=pd_coverage", "--param", "year=2030-2031"], ["--param year=", "2030-2031"]),
            (["report", "run", "lagging", "--param", "indicator=pd_coverage", "--param", "school=S9"], ["«S9»"]),
            (["etl", "rejects", "--batch", "999"], ["Пакета загрузки 999 нет", "pdmon etl history"]),
            (["recommend", "--year", "2030-2031"], ["«2030-2031»", "Данные есть за"]),
            (["recommend", "--year", "2023-2024", "--school", "S9"], ["«S9»", "S03 — Лицей № 3"]),
            (["report", "indicators", "--year", "2030-2031", "--lang", "en"], ["No data for academic year \"2030-2031\" (--year)"]),
            (["etl", "rejects", "--batch", "999", "--lang", "en"], ["No load batch 999 (--batch)"]),
        ]
        for (arguments, mentions) in cases {
            let result = try Self.pdmon(arguments, database: f.database)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            for mention in mentions {
                #expect(result.stderr.contains(mention), "\(arguments): \(result.stderr)")
            }
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        }
        // An empty result says so instead of printing an empty table (and exits 0).
        let none = try Self.pdmon(["report", "run", "lagging", "--param", "indicator=qualified_share", "--param", "year=2020-2021"],
                                  database: f.database)
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.contains("Нет данных: ни одна строка не подходит под заданные условия."), "\(none.stdout)")
        #expect(!none.stdout.contains("---+---"))
    }

    /// On a terminal, tables fit `$COLUMNS` (wrapped, numbers whole); `--wide`, a file or a pipe
    /// get every column at full width.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
    func tablesFitTheTerminal() throws {
        let f = try ReportTests.warehouse()
        func onTerminal(_ arguments: [String], columns: Int) throws -> [String] {
            let command = ([PDMonProcess.binary.path] + arguments + ["--database-url", f.database.url])
                .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let result = try PDMonProcess.run(arguments: ["-qec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"),
                                              environment: ["COLUMNS": String(columns), "TERM": "dumb"])
            #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
            return result.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let wide = try Self.pdmon(["report", "compare", "--base", "2022-2023", "--target", "2023-2024"], database: f.database).stdout
        #expect(wide.split(separator: "\n").contains { $0.count > 100 }, "a pipe gets the table at full width")
        for arguments in [["report", "compare", "--base", "2022-2023", "--target", "2023-2024"], ["report", "list"],
                          ["recommend", "--year", "2023-2024"], ["recommend", "--year", "2023-2024", "--format", "table"]] {
            let lines = try onTerminal(arguments, columns: 72)
            #expect(lines.count > 3)
            for line in lines { #expect(DisplayWidth.of(line) <= 72, "\(arguments): \(line)") }
        }
        let full = try onTerminal(["report", "compare", "--base", "2022-2023", "--target", "2023-2024", "--wide"], columns: 72)
        #expect(full.contains { DisplayWidth.of($0) > 72 }, "--wide prints every column at full width")
    }
}
