import Foundation
import Testing

/// Issue 13 §1 and §4 on the sample city, through the built `pdmon` against the real server:
/// `pdmon sample --targets --gaps` writes the programme's targets and leaves, in the last year,
/// the second school's census at half its rows and the third school with no files at all.
/// Targets appear beside facts in `report trend` and `report compare` (every format),
/// recommendations name the target as their threshold, and `report submissions` (and the end
/// of `etl run`) find the halved census and the school that sent nothing.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and the built pdmon: run scripts/test"))
struct TargetsAndSubmissionsTests {
    struct City {
        let database: TestDatabase
        let environment: [String: String]
        /// The directory's school codes, in file order.
        let schools: [String]
        /// What `etl run` printed on stderr.
        let etlStderr: String

        func pdmon(_ arguments: [String], expecting status: Int32 = 0) throws -> PDMonProcess.Result {
            let result = try PDMonProcess.run(arguments, environment: environment)
            #expect(result.status == status, "pdmon \(arguments.joined(separator: " ")): \(result.stderr)")
            return result
        }
    }

    /// 6 schools, 150 teachers, three years; clean files (canonical headers) unless `messy`.
    static func city(messy: Bool = false) throws -> City {
        let db = try TestDatabase()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-cycle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let inbox = work.appendingPathComponent("inbox")
        let environment = ["PDMON_DATABASE_URL": db.url, "PDMON_PSEUDONYM_KEY": "cycle-a-test-key-0123456789abcdef"]
        var city = City(database: db, environment: environment, schools: [], etlStderr: "")
        _ = try city.pdmon(["db", "migrate"])
        _ = try city.pdmon(["sample", "--out", inbox.path, "--schools", "6", "--teachers", "150",
                            "--years", "2020-2021..2022-2023", "--seed", "7", "--targets", "--gaps"] + (messy ? ["--messy"] : []))
        let bytes = try Data(contentsOf: inbox.appendingPathComponent("schools.csv"))
        let directory = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1251) ?? ""
        let codes = Self.rows(directory, separator: messy ? ";" : ",").dropFirst().compactMap(\.first)
        let run = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        city = City(database: db, environment: environment, schools: codes, etlStderr: run.stderr)
        return city
    }

    /// The fields of RFC 4180 text (quoted fields, doubled quotes, CRLF or LF lines).
    static func rows(_ text: String, separator: Character = ",") -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars.map(Character.init))
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if quoted {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" { field.append("\""); index += 1 } else { quoted = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                row.append(field); field = ""
            } else if character == "\n" || character == "\r" {
                if character == "\r", index + 1 < characters.count, characters[index + 1] == "\n" { index += 1 }
                row.append(field); field = ""
                rows.append(row); row = []
            } else {
                field.append(character)
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// CSV rows as dictionaries by header.
    static func records(_ csv: String) -> [[String: String]] {
        let lines = rows(csv)
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(zip(header, $0), uniquingKeysWith: { first, _ in first }) }
    }

    @Test func targetsAppearBesideFactsInTrendAndCompare() throws {
        let city = try Self.city()
        // The city's rising target: 20 % in the third year, the gap = value − target.
        let trend = try city.pdmon(["report", "trend", "--indicator", "internship_share", "--by", "city", "--format", "csv"]).stdout
        let cityRow = try #require(Self.records(trend).first)
        #expect(cityRow["goal_value"] == "20.0")
        let value = try #require(cityRow["2022-2023"].flatMap(Double.init))
        let gap = try #require(cityRow["goal_gap"].flatMap(Double.init))
        #expect(abs(gap - (value - 20)) < 0.051)
        // A school's own target wins over the city's; schools without one show none.
        let bySchool = Self.records(try city.pdmon(["report", "trend", "--indicator", "pd_coverage", "--format", "csv"]).stdout)
        #expect(bySchool.first { $0["school_code"] == city.schools[0] }?["goal_value"] == "80.0")
        #expect(bySchool.first { $0["school_code"] == city.schools[1] }?["goal_value"] == "")
        // Text, markdown, JSON and HTML name the target and its document.
        let text = try city.pdmon(["report", "trend", "--indicator", "pd_coverage_3y"]).stdout
        #expect(text.contains("Цель программы, 2022-2023"))
        #expect(text.contains("Федеральный закон от 29.12.2012 № 273-ФЗ"))
        let english = try city.pdmon(["report", "trend", "--indicator", "pd_coverage_3y", "--format", "markdown", "--lang", "en"]).stdout
        #expect(english.contains("Programme target, 2022-2023") && english.contains("Gap to target"))
        let json = try city.pdmon(["report", "trend", "--indicator", "pd_coverage_3y", "--format", "json"]).stdout
        #expect(json.contains("\"goal_value\"") && json.contains("\"goal_gap\""))
        let html = try city.pdmon(["report", "trend", "--indicator", "pd_coverage_3y", "--format", "html"]).stdout
        #expect(html.contains("Цель программы"))

        // compare: the target year's target for every school (the city's), and the gap.
        let compare = Self.records(try city.pdmon([
            "report", "compare", "--base", "2021-2022", "--target", "2022-2023", "--indicator", "pd_coverage_3y",
            "--format", "csv"]).stdout)
        #expect(!compare.isEmpty)
        for row in compare {
            #expect(row["goal_value"] == "100.0", "\(row)")
            if let reached = row["target_value"].flatMap(Double.init), let gap = row["goal_gap"].flatMap(Double.init) {
                #expect(abs(gap - (reached - 100)) < 0.051, "\(row)")
            }
        }
        let compareText = try city.pdmon(["report", "compare", "--base", "2021-2022", "--target", "2022-2023"]).stdout
        #expect(compareText.contains("Цель программы, 2022-2023") && compareText.contains("Отставание от цели"))
        // An indicator without targets keeps the report as it was: no target columns.
        let plain = try city.pdmon(["report", "compare", "--base", "2021-2022", "--target", "2022-2023",
                                    "--indicator", "young_share", "--format", "csv"]).stdout
        #expect(!plain.contains("goal_value"))
    }

    @Test func recommendationsNameTheTargetAsTheirThreshold() throws {
        let city = try Self.city()
        let russian = try city.pdmon(["recommend", "--year", "2022-2023", "--format", "markdown"]).stdout
        let english = try city.pdmon(["recommend", "--year", "2022-2023", "--format", "markdown", "--lang", "en"]).stdout
        // pd_coverage_3y has a city target of 100 % every year: a rule on its value uses it.
        #expect(russian.contains("Порог — цель программы: 100 % (основание: Федеральный закон от 29.12.2012 № 273-ФЗ"),
                "\(russian)")
        #expect(english.contains("Threshold: the programme target of 100% (source: Федеральный закон"))
    }

    @Test func submissionsFindTheHalvedCensusAndTheSchoolThatSentNothing() throws {
        let city = try Self.city()
        let halved = city.schools[1], silent = city.schools[2]
        let rows = Self.records(try city.pdmon(["report", "submissions", "--year", "2022-2023", "--format", "csv"]).stdout)
        #expect(rows.count == city.schools.count * 2)
        func row(_ school: String, _ kind: String) -> [String: String]? {
            rows.first { $0["school_code"] == school && $0["kind"] == kind }
        }
        #expect(row(halved, "survey")?["status"] == "drop")
        let drop = try #require(row(halved, "survey")?["drop_share"].flatMap(Double.init))
        #expect(drop >= 0.4 && drop <= 0.6, "\(drop)")
        #expect(row(silent, "survey")?["status"] == "missing")
        #expect(row(silent, "survey")?["row_count"] == "0")
        #expect(row(silent, "enrolments")?["status"] == "missing")
        for school in city.schools where school != halved && school != silent {
            #expect(row(school, "survey")?["status"] == "received", "\(school)")
            #expect(row(school, "survey")?["received_at"]?.isEmpty == false, "\(school)")
        }
        // The year before, everyone reported, and every census is as large as the year before's
        // (enrolments vary from year to year by themselves).
        let before = Self.records(try city.pdmon(["report", "submissions", "--year", "2021-2022", "--format", "csv"]).stdout)
        #expect(before.count == city.schools.count * 2)
        #expect(before.allSatisfy { $0["status"] != "missing" }, "\(before)")
        #expect(before.filter { $0["kind"] == "survey" }.allSatisfy { $0["status"] == "received" }, "\(before)")
        // A looser threshold no longer flags the halved census.
        let loose = Self.records(try city.pdmon([
            "report", "submissions", "--year", "2022-2023", "--drop-threshold", "0.6", "--format", "csv"]).stdout)
        #expect(loose.first { $0["school_code"] == halved && $0["kind"] == "survey" }?["status"] == "received")
        // For people: counted with agreeing numerals, in both languages.
        let text = try city.pdmon(["report", "submissions", "--year", "2022-2023"]).stdout
        #expect(text.contains("Не получено (мониторинг): 1 школа — \(silent)."))
        #expect(text.contains("более чем на 30 %: 1 школа — \(halved)"))
        let english = try city.pdmon(["report", "submissions", "--year", "2022-2023", "--lang", "en"]).stdout
        #expect(english.contains("Missing (census): 1 school — \(silent)."))
        // The end of the nightly run warns about the same.
        #expect(city.etlStderr.contains("Внимание: данные за 2022-2023 неполны"), "\(city.etlStderr)")
        #expect(city.etlStderr.contains("Не получено (обучение): 1 школа — \(silent)."))
    }

    /// The targets file is loaded like every other export: recognised by its header, its bad
    /// rows rejected with line, column and reason, loading it again changes nothing.
    @Test func aTargetsFileLoadsLikeEveryOtherExport() throws {
        let city = try Self.city()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-targets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("цели.csv")
        try """
            Показатель;Учебный год;Уровень;Целевое значение;Документ;Дата документа
            pd_coverage;2022-2023;город;75,5;Программа;01.09.2022
            no_such_indicator;2022-2023;город;10;Программа;
            pd_coverage;2022-2023;999999;10;Программа;
            pd_coverage_3y;2021-2022;город;сто;Программа;
            pd_coverage_3y;2021-2022;\(city.schools[3]);101;Программа;
            pd_coverage;2022-2023;город;76;Программа;
            """.write(to: file, atomically: true, encoding: .utf8)
        let load = try city.pdmon(["load", "targets", "--max-reject-ratio", "1", file.path])
        #expect(load.stdout.contains("line 3 Показатель 'no_such_indicator': unknown_value"), "\(load.stdout)")
        #expect(load.stdout.contains("line 4 Уровень '999999': unknown_school"))
        #expect(load.stdout.contains("line 5 Целевое значение 'сто': bad_number"))
        #expect(load.stdout.contains("line 6 Целевое значение '101': out_of_range"))
        #expect(load.stdout.contains("line 7 Показатель 'pd_coverage': duplicate_row"))
        let stored = Self.records(try city.pdmon(["report", "trend", "--indicator", "pd_coverage", "--by", "city", "--format", "csv"]).stdout)
        #expect(stored.first?["goal_value"] == "75.5")
        // The same file again is skipped; the targets are as they were.
        let again = try city.pdmon(["load", "targets", "--max-reject-ratio", "1", file.path])
        #expect(again.stdout.lowercased().contains("skipped"), "\(again.stdout)")
        // A corrected file replaces the target of the same indicator, year and level.
        let corrected = work.appendingPathComponent("targets_fixed.csv")
        try "indicator,academic_year,level,target_value,source_document\npd_coverage,2022-2023,city,77,Программа (ред. 2)\n"
            .write(to: corrected, atomically: true, encoding: .utf8)
        _ = try city.pdmon(["load", "targets", corrected.path])
        let replaced = Self.records(try city.pdmon(["report", "trend", "--indicator", "pd_coverage", "--by", "city", "--format", "csv"]).stdout)
        #expect(replaced.first?["goal_value"] == "77.0")
        #expect(replaced.first?["goal_source"] == nil)
    }
}
