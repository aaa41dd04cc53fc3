import Foundation
import Logging
import Testing
import PDContract
import PDPostgres
import PDReport
import PDSample
@testable import PDWarehouse

/// The incremental mart refresh (issue 12) and versioned indicator definitions (issue 13 §5)
/// on the real server, with the sample city's files.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct IncrementalRefreshTests {
    private func warehouse(_ fixture: LoadFixture) throws -> Warehouse {
        try Warehouse(conninfo: fixture.db.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"),
                      pseudonymizer: try Pseudonymizer(key: LoadFixture.key))
    }

    /// Every indicator value, byte for byte (refreshed_at aside).
    private func values(_ fixture: LoadFixture) throws -> [[String?]] {
        try fixture.rows("""
            select indicator_id, academic_year_key::text, grain, school_code, numerator::text, denominator::text,
                   value::text
            from dw.agg_indicator_value
            order by indicator_id, academic_year_key, grain, school_code nulls first
            """)
    }

    private func lastMode(_ fixture: LoadFixture) throws -> String? {
        try fixture.rows("select mode from dw.mart_refresh where status = 'completed' order by refresh_key desc limit 1")
            .first?.first ?? nil
    }

    /// Loads `path` (the load refreshes the mart), then checks that the refresh was `mode`, that
    /// it left the rows of the `untouched` indicators as they were (not rewritten) while it
    /// rewrote others, and that a full refresh gives exactly the same values.
    private func loadAndCompare(_ warehouse: Warehouse, _ fixture: LoadFixture, _ path: String, kind: ExportKind,
                                expecting mode: String, untouched: [String] = [], _ step: String) throws {
        let mark = try fixture.rows("select max(refreshed_at)::text from dw.agg_indicator_value").first?.first ?? nil
        let outcomes = try warehouse.load([LoadRequest(path: path, kind: kind)])
        #expect(outcomes.allSatisfy { $0.status == .loaded }, "\(step): \(outcomes.map(\.summaryLine))")
        #expect(try lastMode(fixture) == mode, "\(step): the refresh after the load")
        if !untouched.isEmpty, let mark {
            let rewritten = try fixture.rows("""
                select (indicator_id = any($2::text[]))::text, count(*)::text from dw.agg_indicator_value
                where refreshed_at > $1::timestamptz group by 1 order by 1
                """, [mark, "{" + untouched.joined(separator: ",") + "}"])
            #expect(!rewritten.contains { $0.first == "true" }, "\(step): rows rewritten of \(untouched): \(rewritten)")
            #expect(rewritten.contains { $0.first == "false" }, "\(step): the other indicators were recomputed")
        }
        let incremental = try values(fixture)
        #expect(!incremental.isEmpty)
        let full = try warehouse.refresh(full: true)
        #expect(full.mode == .full)
        let expected = try values(fixture)
        #expect(incremental.count == expected.count, "\(step): \(incremental.count) rows, a full refresh \(expected.count)")
        if incremental != expected {
            let missing = expected.filter { !incremental.contains($0) }.prefix(5)
            let extra = incremental.filter { !expected.contains($0) }.prefix(5)
            Issue.record("\(step): incremental values differ from a full refresh; missing \(missing), extra \(extra)")
        }
    }

    /// A CSV line's fields as written (quotes kept), split at the commas outside quotes.
    static func fields(_ line: Substring) -> [String] {
        var result: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted { result.append(current); current = ""; continue }
            current.append(character)
        }
        result.append(current)
        return result
    }

    /// `file` with `change` applied to the fields of every data line (header kept); a line for
    /// which it returns nil is dropped.
    static func rewrite(_ file: String, to target: String, _ change: (Int, [String], [String]) -> [String]?) throws {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let header = fields(lines[0])
        var out = [String(lines[0])]
        for (number, line) in lines.dropFirst().enumerated() {
            if let changed = change(number, header, fields(line)) { out.append(changed.joined(separator: ",")) }
        }
        try (out.joined(separator: "\n") + "\n").write(toFile: target, atomically: true, encoding: .utf8)
    }

    /// Loads, reloads with changes, deletes, loads another year: after every incremental refresh
    /// the whole `dw.agg_indicator_value` equals what a full refresh computes, byte for byte.
    @Test func everyIncrementalRefreshEqualsAFullOne() throws {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let city = fixture.folder.appendingPathComponent("city").path
        let years = (2021...2023).map(AcademicYear.init(start:))
        _ = try SampleCity(options: SampleOptions(schools: 6, teachers: 240, years: years, seed: 12)).write(to: city)
        func file(_ name: String) -> String { city + "/" + name }

        _ = try warehouse.load([LoadRequest(path: file("schools.csv"), kind: .schools)])
        // The first refresh has nothing to build on: full.
        try loadAndCompare(warehouse, fixture, file("enrolments_2021-2022.csv"), kind: .enrolments, expecting: "full", "first enrolments")
        try loadAndCompare(warehouse, fixture, file("survey_2021-2022.csv"), kind: .survey, expecting: "full", "first census (every cell)")
        try loadAndCompare(warehouse, fixture, file("enrolments_2022-2023.csv"), kind: .enrolments, expecting: "incremental", "enrolments of a second year")
        try loadAndCompare(warehouse, fixture, file("survey_2022-2023.csv"), kind: .survey, expecting: "incremental", "census of a second year")

        // A reload with changes: every fifth enrolment of 2021-2022 no longer requested by the
        // school, every seventh completed one dropped (its certificate number removed).
        let changed = file("enrolments_2021-2022_changed.csv")
        try Self.rewrite(file("enrolments_2021-2022.csv"), to: changed) { number, header, row in
            var row = row
            if number % 5 == 0, let column = header.firstIndex(of: "requested_by_school") {
                row[column] = row[column] == "true" ? "false" : "true"
            }
            if number % 7 == 0, let status = header.firstIndex(of: "status"), let certificate = header.firstIndex(of: "certificate_no"),
               row[status] == "completed" {
                row[status] = "dropped"
                row[certificate] = ""
            }
            return row
        }
        try loadAndCompare(warehouse, fixture, changed, kind: .enrolments, expecting: "incremental", "enrolments reloaded with changes")

        // Deletions: the census of 2022-2023 reloaded for one school only, three of its teachers
        // gone and one teacher of another school listed here (the newest file wins: that school
        // loses the teacher's row although it is not in the file).
        let original = try String(contentsOfFile: file("survey_2022-2023.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { Self.fields($0) }
        let header = Self.fields(try String(contentsOfFile: file("survey_2022-2023.csv"), encoding: .utf8).split(separator: "\n")[0])
        let schoolColumn = try #require(header.firstIndex(of: "school_code"))
        let schools = Array(Set(original.map { $0[schoolColumn] })).sorted()
        let (kept, other) = (schools[0], schools[1])
        let mover = try #require(original.first { $0[schoolColumn] == other })
        let moverTeacher = try #require(header.firstIndex(of: "teacher_id"))
        var keptRows = 0
        let partial = file("survey_2022-2023_partial.csv")
        try Self.rewrite(file("survey_2022-2023.csv"), to: partial) { _, _, row in
            if row[moverTeacher] == mover[moverTeacher] { var moved = row; moved[schoolColumn] = kept; return moved }
            guard row[schoolColumn] == kept else { return nil }
            keptRows += 1
            return keptRows <= 3 ? nil : row
        }
        let before = try fixture.count("""
            select count(*) from dw.fact_teacher_year as f inner join dw.dim_school as s on s.school_key = f.school_key
            where f.academic_year_key = 2022 and s.school_code = $1
            """, [other])
        // A census change leaves the indicators that read only enrolments alone.
        try loadAndCompare(warehouse, fixture, partial, kind: .survey, expecting: "incremental",
                           untouched: ["distance_share", "completion_rate", "requested_share"],
                           "one school's census reloaded with rows removed")
        let after = try fixture.count("""
            select count(*) from dw.fact_teacher_year as f inner join dw.dim_school as s on s.school_key = f.school_key
            where f.academic_year_key = 2022 and s.school_code = $1
            """, [other])
        #expect(after == before - 1, "the school not in the file lost its moved teacher")

        // Another year: its three-year indicators read the earlier years' enrolments.
        try loadAndCompare(warehouse, fixture, file("enrolments_2023-2024.csv"), kind: .enrolments, expecting: "incremental", "enrolments of a third year")
        try loadAndCompare(warehouse, fixture, file("survey_2023-2024.csv"), kind: .survey, expecting: "incremental", "census of a third year")

        // Nothing new: no refresh; `--full` always recomputes everything.
        #expect(try warehouse.refreshIfNeeded() == nil)
        let cells = try fixture.count("select count(distinct (academic_year_key, school_code)) from dw.agg_indicator_value where grain = 'school'")
        #expect(try warehouse.refresh(full: true).cells == cells)
    }

    /// A batch that commits after a refresh read the facts is not covered by it, even when its
    /// key is older than a covered one: the state says the mart is behind.
    @Test func aBatchNotReadByTheRefreshIsUncoveredWhateverItsKey() throws {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let schools = try fixture.write("schools.csv", MartRefreshTests.schools)
        _ = try warehouse.load([LoadRequest(path: schools, kind: .schools)])
        #expect(try warehouse.status().refresh?.isNeeded == false)
        let newest = try fixture.count("select max(batch_key) from dw.etl_batch")
        // As if an older batch had committed late: drop it from the covered set.
        try fixture.connection.execute("delete from dw.mart_covered_batch where batch_key = $1::bigint", [String(newest)])
        let state = try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).state()
        #expect(state.isNeeded)
        #expect(try warehouse.refreshIfNeeded() != nil)
        #expect(try warehouse.status().refresh?.isNeeded == false)
    }

    /// Issue 13 §5 on the sample city: `pd_coverage` has a second version from 2025-2026 (the
    /// 2025 order replaced the one with the 16-hour minimum); the trend across it marks the break
    /// with the reason, as a caption mark and note in text and as a field in CSV and JSON.
    @Test func aChangedDefinitionShowsItsBreakInTheTrend() throws {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let city = fixture.folder.appendingPathComponent("city").path
        let years = (2023...2025).map(AcademicYear.init(start:))
        _ = try SampleCity(options: SampleOptions(schools: 4, teachers: 120, years: years, seed: 3)).write(to: city)
        _ = try warehouse.load([LoadRequest(path: city + "/schools.csv", kind: .schools)])
        for year in years {
            _ = try warehouse.load([LoadRequest(path: city + "/enrolments_\(year).csv", kind: .enrolments),
                                    LoadRequest(path: city + "/survey_\(year).csv", kind: .survey)])
        }
        let versions = try fixture.rows("""
            select from_year_key::text, definition_file, reason_ru is not null
            from mart.indicator_version where indicator_id = 'pd_coverage' order by from_year_key
            """)
        #expect(versions == [["0", "indicators/pd_coverage.sql", "f"], ["2025", "indicators/pd_coverage@2025-2026.sql", "t"]])

        let connection = try fixture.db.connect()
        defer { connection.close() }
        let trend = try StandardReports(connection: connection, sql: TestDatabase.sqlDirectory, language: .ru)
            .trend(indicator: "pd_coverage")
        let text = TableRenderer.render(trend)
        #expect(text.contains("2025-2026 ‡"), "\(text)")
        #expect(text.contains("‡ С 2025-2026 определение показателя изменилось"), "\(text)")
        #expect(text.contains("№ 266") && text.contains("№ 499"), "\(text)")
        #expect(!text.contains("2024-2025 ‡"))
        let csv = CSVRenderer.renderString(trend)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasSuffix(",definition_break") == true, "\(csv)")
        #expect(lines.count > 1 && lines.dropFirst().allSatisfy { $0.hasSuffix(",2025-2026") }, "\(csv)")
        #expect(JSONRenderer.render(trend).contains("\"definition_break\""))

        // An indicator with one version, and a trend that does not cross 2025-2026: no break.
        let reports = StandardReports(connection: connection, sql: TestDatabase.sqlDirectory, language: .en)
        #expect(!TableRenderer.render(try reports.trend(indicator: "pd_coverage_3y")).contains("‡"))
        #expect(!TableRenderer.render(try reports.trend(indicator: "pd_coverage", to: "2024-2025")).contains("‡"))
    }

    /// Each year's values use that year's version: a completed 8-hour course counts for
    /// `pd_coverage` from 2025-2026 on and not before (the 16-hour minimum of order No. 499).
    @Test func eachYearUsesItsOwnVersion() throws {
        let f = try IndicatorFixture()
        try f.school("S01")
        let short = try f.course("Короткий семинар", hours: 8)
        try f.census("a", year: 2024, school: "S01")
        try f.census("a", year: 2025, school: "S01")
        try f.enrol("a", year: 2024, school: "S01", course: short)
        try f.enrol("a", year: 2025, school: "S01", course: short)
        try f.refresh()
        #expect(try f.value("pd_coverage", year: 2024, school: "S01") == Fraction(0, 1, "0.0"))
        #expect(try f.value("pd_coverage", year: 2025, school: "S01") == Fraction(1, 1, "100.0"))
    }
}
