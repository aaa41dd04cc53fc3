import Foundation
import Testing
import PDPostgres
import PDReport
@testable import PDWarehouse

/// The bundled reports and `report run` against the worked example plus a 2022-2023 census
/// for S01 (so that "since last year" has a last year).
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct ReportTests {
    /// The worked example with 2022-2023 added: t2 and t3 at S01, both covered within 3 years
    /// (t2 in 2021, t3 in 2020), so S01's pd_coverage_3y falls from 100.0 to 50.0 in 2023.
    static func warehouse() throws -> IndicatorFixture {
        let f = try IndicatorFixture.workedExample()
        try f.census("t2", year: 2022, school: "S01", staff: "leadership", experience: 19, category: "first", diagnostic: true)
        try f.census("t3", year: 2022, school: "S01", experience: 1, diagnostic: true, deficits: ["digital"])
        try f.refresh()
        return f
    }

    static func reports(_ f: IndicatorFixture, _ language: ReportLanguage = .ru, names: Bool = false) -> StandardReports {
        StandardReports(connection: f.connection, sql: f.sql, language: language, indicatorNames: names)
    }

    static func csv(_ table: ResultTable) -> [String] {
        CSVRenderer.renderString(table).split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func indicatorsCSVHasTheDocumentedColumnsEmptyCityCodeAndEmptyValueForZeroDenominators() throws {
        let f = try Self.warehouse()
        let schools = try Self.reports(f).indicators(year: "2023-2024")
        let lines = Self.csv(schools)
        #expect(lines.first == "academic_year,school_code,school_name,indicator,numerator,denominator,value")
        #expect(lines.count == 1 + 3 * 23)
        #expect(lines[1] == "2023-2024,S01,Гимназия № 1,pd_coverage,1,4,25.0")
        #expect(lines.contains("2023-2024,S02,Школа № 2,leader_pd_coverage_3y,0,0,"))
        #expect(lines.contains("2023-2024,S01,Гимназия № 1,avg_pd_hours,358,4,89.5"))

        let city = Self.csv(try Self.reports(f).indicators(year: "2023/24", by: .city, indicators: ["pd_coverage", "deficit_share"]))
        #expect(city == [
            "academic_year,school_code,school_name,indicator,numerator,denominator,value",
            "2023-2024,,Город,pd_coverage,2,6,33.3",
            "2023-2024,,Город,deficit_share,3,4,75.0",
        ])

        let filtered = Self.csv(try Self.reports(f).indicators(year: "2023-2024", schools: ["S02"], indicators: ["young_share"]))
        #expect(filtered.dropFirst() == ["2023-2024,S02,Школа № 2,young_share,1,2,50.0"])
    }

    @Test func indicatorsShowNamesInTheChosenLanguageForPeople() throws {
        let f = try Self.warehouse()
        let ru = try Self.reports(f, .ru, names: true).indicators(year: "2023-2024", schools: ["S01"], indicators: ["pd_coverage"])
        #expect(ru.rows == [["2023-2024", "S01", "Гимназия № 1", "Охват КПК за год", "1", "4", "25.0"]])
        #expect(ru.columns.map(\.heading) == ["Учебный год", "Код ОО", "Наименование ОО", "Показатель", "Числитель", "Знаменатель", "Значение"])
        let en = try Self.reports(f, .en, names: true).indicators(year: "2023-2024", schools: ["S01"], indicators: ["pd_coverage"])
        #expect(en.rows.first?[3] == "Course coverage in the year")
        #expect(en.title.hasPrefix("Monitoring indicators"))
        #expect(throws: UnknownChoice.self) {
            _ = try Self.reports(f).indicators(year: "2023-2024", indicators: ["nope"])
        }
    }

    @Test func trendPivotsYearsAndMarksTheChangeKnowingTheDirection() throws {
        let f = try Self.warehouse()
        let trend = try Self.reports(f).trend(indicator: "pd_coverage_3y", from: "2021-2022")
        #expect(trend.columns.map(\.name) == ["school_code", "school_name", "2021-2022", "2022-2023", "2023-2024", "change", "mark", "caveat"])
        // Every denominator here is under 10: the caveat names the years whose values swing.
        #expect(trend.rows == [
            ["S01", "Гимназия № 1", "100.0", "100.0", "50.0", "-50.0", "▼ хуже", "n<10: 2021-2022, 2022-2023, 2023-2024"],
            ["S02", "Школа № 2", nil, nil, "50.0", nil, nil, "n<10: 2023-2024"],
            ["S03", "Лицей № 3", nil, nil, nil, nil, nil, nil],
        ])
        #expect(trend.notes.contains { $0.hasPrefix("n<10") })
        #expect(trend.title == "Динамика показателя: Охват КПК за 3 года, %")

        let city = try Self.reports(f, .en).trend(indicator: "deficit_share", by: .city)
        // 2022: t3 of the diagnosed t2, t3 has a deficit (50.0); 2023: 75.0. Lower is better.
        #expect(city.rows.count == 1)
        #expect(city.rows.first?.first == .some(nil))
        #expect(city.rows.first?[1] == "City")
        #expect(city.rows.first?.suffix(4) == ["75.0", "25.0", "▲ worse", "n<10: 2022-2023, 2023-2024"])

        let hours = try Self.reports(f).trend(indicator: "avg_pd_hours", to: "2023-2024", schools: ["S02"])
        #expect(hours.rows.count == 1)
        #expect(hours.columns.first { $0.name == "change" }?.caption == "Изменение, ч")
    }

    @Test func compareGivesValuesChangeDirectionAwareRanksAndTheCityLast() throws {
        let f = try Self.warehouse()
        let table = try Self.reports(f).compare(base: "2022-2023", target: "2023-2024", indicators: ["pd_coverage_3y", "deficit_share"])
        #expect(table.columns.map(\.name) == [
            "indicator", "school_code", "school_name", "base_value", "target_value", "change", "change_unit", "rank_base",
            "rank_target", "mark", "caveat",
        ])
        #expect(table.rows == [
            ["pd_coverage_3y", "S01", "Гимназия № 1", "100.0", "50.0", "-50.0", "pp", "1", "1", "▼ хуже", "n<10"],
            ["pd_coverage_3y", "S02", "Школа № 2", nil, "50.0", nil, "pp", nil, "1", nil, "n<10"],
            ["pd_coverage_3y", "S03", "Лицей № 3", nil, nil, nil, "pp", nil, nil, nil, nil],
            ["pd_coverage_3y", nil, "Город", "100.0", "50.0", "-50.0", "pp", nil, nil, "▼ хуже", "n<10"],
            // Lower is better: S01's 66.7 ranks above S02's 100.0.
            ["deficit_share", "S01", "Гимназия № 1", "50.0", "66.7", "16.7", "pp", "1", "1", "▲ хуже", "n<10"],
            ["deficit_share", "S02", "Школа № 2", nil, "100.0", nil, "pp", nil, "2", nil, "n<10"],
            ["deficit_share", "S03", "Лицей № 3", nil, nil, nil, "pp", nil, nil, nil, nil],
            ["deficit_share", nil, "Город", "50.0", "75.0", "25.0", "pp", nil, nil, "▲ хуже", "n<10"],
        ])
        // A change of hours is in hours, not percentage points; people read the unit's name.
        let hours = try Self.reports(f, .ru, names: true).compare(base: "2022-2023", target: "2023-2024", indicators: ["avg_pd_hours"])
        #expect(hours.rows.allSatisfy { $0[6] == "ч" })
        #expect(hours.columns[5].heading == "Изменение" && hours.columns[6].heading == "Ед. изменения")
        #expect(table.notes.contains { $0.hasPrefix("n<10") })
        #expect(table.title == "Сравнение лет: 2022-2023 → 2023-2024")
        #expect(table.columns[3].heading == "2022-2023")

        // Ranks are among all schools: filtering to S02 keeps its rank 2.
        let one = try Self.reports(f).compare(base: "2022-2023", target: "2023-2024", indicators: ["deficit_share"], schools: ["S02"])
        #expect(one.rows.first?[8] == "2")
        #expect(one.rows.last?[1] == nil)
    }

    @Test func laggingAnswersWhichSchoolsFellBehindSinceLastYearAndByHowMuch() throws {
        let f = try Self.warehouse()
        let table = try Self.reports(f).run("lagging", assignments: ["indicator=pd_coverage_3y"])
        #expect(table.columns.map(\.name) == [
            "indicator", "school_code", "school_name", "previous_year", "academic_year",
            "previous_value", "value", "change", "city_change",
        ])
        #expect(table.rows == [["pd_coverage_3y", "S01", "Гимназия № 1", "2022-2023", "2023-2024", "100.0", "50.0", "-50.0", "-50.0"]])
        let earlier = try Self.reports(f).run("lagging", assignments: ["indicator=pd_coverage_3y", "year=2022-23"])
        #expect(earlier.rows.isEmpty)
    }

    @Test func hostileParameterValuesAreData() throws {
        let f = try Self.warehouse()
        let hostile = "S01'); drop table dw.indicator; --"
        // A school the data does not have is refused before the report runs (the value bound as data).
        let refusal = #expect(throws: UnknownChoice.self) {
            _ = try Self.reports(f).indicators(year: "2023-2024", schools: [hostile])
        }
        #expect(refusal?.kind == .school && refusal?.value == hostile)
        #expect(throws: UnknownChoice.self) {
            _ = try Self.reports(f).run(TestDatabase.sqlDirectory.url.appendingPathComponent("reports/trend.sql").path,
                                        assignments: ["indicator=pd_coverage' or '1'='1", "school=\(hostile)"])
        }
        // Bound as they are, such values find nothing and change nothing.
        let runner = ReportRunner(connection: f.connection)
        let trend = try ReportLibrary(sql: f.sql).report("trend")
        let run = try runner.run(trend, values: ["indicator": ["pd_coverage' or '1'='1"], "school": [hostile, "\"S02\"; select 1"]])
        #expect(run.rows.isEmpty)
        let quoted = try runner.run(trend, values: ["indicator": ["pd_coverage"], "school": ["S01", "a\"b\\c,{d}"]])
        #expect(quoted.rows.count == 4)  // S01 in 2020, 2021, 2022 and 2023
        #expect(try f.connection.execute("select count(*) from dw.indicator").scalarInt == 23)
    }

    @Test func reportFileParametersAreCheckedBeforeAnythingRuns() throws {
        let f = try Self.warehouse()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.sql")
        // Would fail on the server if it ran: the table does not exist.
        try """
            -- name: mine
            -- description: Test / Тест
            -- param: year academic_year required
            -- param: limit integer optional
            select * from no_such_table where label = $1::text limit $2::bigint
            """.write(to: file, atomically: true, encoding: .utf8)
        let reports = Self.reports(f)
        #expect(throws: ReportParameterError(report: "mine", kind: .missingRequired(
            name: "year", type: ReportParameterType(scalar: .academicYear)))) {
            _ = try reports.run(file.path, assignments: [])
        }
        #expect(throws: ReportParameterError(report: "mine", kind: .unknownParameter(name: "yaer", known: ["year", "limit"]))) {
            _ = try reports.run(file.path, assignments: ["yaer=2023-2024"])
        }
        #expect(throws: ReportParameterError(report: "mine", kind: .invalidValue(
            name: "limit", value: "ten", expected: ReportParameterType(scalar: .integer)))) {
            _ = try reports.run(file.path, assignments: ["year=2023-2024", "limit=ten"])
        }
        #expect(throws: ReportParameterError.self) { _ = try reports.run(file.path, assignments: ["year"]) }
        #expect(throws: PostgresError.self) { _ = try reports.run(file.path, assignments: ["year=2023-2024"]) }
        #expect(throws: ReportError.self) { _ = try reports.run(folder.appendingPathComponent("none.sql").path, assignments: []) }

        // The header's types are sent with the parameters, so a file needs no casts.
        let untyped = folder.appendingPathComponent("untyped.sql")
        try "-- param: x text required\nselect $1 is null as x\n".write(to: untyped, atomically: true, encoding: .utf8)
        #expect(try reports.run(untyped.path, assignments: ["x=1"]).rows == [["f"]])
    }

    @Test func everyReportRendersInEveryFormat() throws {
        let f = try Self.warehouse()
        for language in ReportLanguage.allCases {
            let reports = Self.reports(f, language, names: true)
            let tables: [(String, ResultTable)] = [
                ("list", try reports.list()),
                ("indicators", try reports.indicators(year: "2023-2024")),
                ("trend", try reports.trend(indicator: "pd_coverage_3y")),
                ("compare", try reports.compare(base: "2022-2023", target: "2023-2024")),
                ("run", try reports.run("lagging", assignments: ["indicator=pd_coverage_3y"])),
            ]
            for (name, table) in tables {
                #expect(!table.rows.isEmpty, "\(name) has no rows")
                let text = String(decoding: try ReportRenderer.render(table, format: .table, language: language), as: UTF8.self)
                #expect(text.contains(table.title), "\(name) table lacks its title")
                let markdown = String(decoding: try ReportRenderer.render(table, format: .markdown, language: language), as: UTF8.self)
                #expect(markdown.contains("| "), "\(name) markdown")
                let csv = try ReportRenderer.render(table, format: .csv)
                let header = String(decoding: csv, as: UTF8.self).split(separator: "\r\n").first.map(String.init)
                #expect(header == table.columns.map(\.name).joined(separator: ","), "\(name) csv header")
                let excel = try ReportRenderer.render(table, format: .csv, excel: true)
                #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name) excel BOM")
                let json = try ReportRenderer.render(table, format: .json)
                let objects = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [[String: Any]], "\(name) json")
                #expect(objects.count == table.rows.count)
            }
        }
    }

    @Test func jsonWritesNumbersAsNumbersAndExcelUsesDecimalComma() throws {
        let f = try Self.warehouse()
        let table = try Self.reports(f).indicators(year: "2023-2024", schools: ["S01"], indicators: ["avg_pd_hours"])
        let json = String(decoding: try ReportRenderer.render(table, format: .json), as: UTF8.self)
        #expect(json.contains("\"numerator\": 358, \"denominator\": 4, \"value\": 89.5"))
        let excel = String(decoding: try ReportRenderer.render(table, format: .csv, excel: true), as: UTF8.self)
        #expect(excel.contains(";avg_pd_hours;358;4;89,5"))
        #expect(excel.contains("2023-2024;S01;"))
    }

    @Test func listShowsTheIndicatorsAndTheBundledReports() throws {
        let f = try IndicatorFixture()
        let table = try Self.reports(f, .en).list()
        #expect(table.rows.filter { $0[0] == "indicator" }.count == 23)
        #expect(table.rows.filter { $0[0] == "report" }.compactMap { $0[1] } == ["compare", "indicators", "lagging", "submissions", "trend"])
        let deficit = try #require(table.rows.first { $0[1] == "deficit_share" })
        #expect(deficit[3] == "%, better when lower")
    }
}
