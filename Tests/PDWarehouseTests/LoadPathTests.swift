import Foundation
import Testing
import PDPostgres
import PDContract
@testable import PDWarehouse

/// The loader's two paths (issue 5): a first load of a year goes straight into the fact table,
/// a file touching a year that has facts goes through staging and the merge, and both keep the
/// invariants (no duplicate, same facts either way, a repeat changes nothing).
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct LoadPathTests {
    /// The canonical rows of 2023-2024 with the year changed.
    static func enrolments(year: String, first: Int, last: Int) -> String {
        var text = "academic_year,school_code,teacher_id,course_title,start_date,end_date,status\n"
        let startYear = Int(year.prefix(4))!
        for index in first...last {
            text += "\(year),S0\(index % 3 + 1),ID\(index),Курс «Функциональная грамотность» № \(index % 7),\(startYear)-10-02,\(startYear)-10-20,completed\n"
        }
        return text
    }

    @Test func aFirstLoadGoesStraightIntoTheFactsAndChecksItsKeys() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let outcome = try fixture.load(try fixture.write("e.csv", Self.enrolments(year: "2023-2024", first: 1, last: 300)),
                                       kind: .enrolments)
        #expect(outcome.status == .loaded && outcome.rowsLoaded == 300, "\(outcome.summaryLine)")
        #expect(outcome.rowsChanged == 300)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment where batch_key = $1::bigint",
                                  [String(outcome.batchKey ?? -1)]) == 300)
        // Every fact row's keys exist in their dimensions.
        #expect(try fixture.count("""
            select count(*) from dw.fact_course_enrolment f
            where not exists (select 1 from dw.dim_teacher t where t.teacher_key = f.teacher_key)
               or not exists (select 1 from dw.dim_course c where c.course_key = f.course_key)
            """) == 0)
        // Loading the same data again (forced) changes nothing.
        let again = try fixture.load(try fixture.write("e2.csv", Self.enrolments(year: "2023-2024", first: 1, last: 300)),
                                     kind: .enrolments, force: true)
        #expect(again.status == .loaded && again.rowsChanged == 0, "\(again.summaryLine)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 300)
    }

    @Test func aFileReachingAYearWithFactsFallsBackToTheMergeAndLoadsTheSameFacts() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        _ = try fixture.load(try fixture.write("old.csv", Self.enrolments(year: "2022-2023", first: 1, last: 100)),
                             kind: .enrolments)
        // New year first (direct load starts), then rows of the loaded year (fallback), half of them new.
        let mixed = Self.enrolments(year: "2023-2024", first: 1, last: 200)
            + Self.enrolments(year: "2022-2023", first: 51, last: 150).split(separator: "\n").dropFirst()
                .joined(separator: "\n") + "\n"
        let outcome = try fixture.load(try fixture.write("mixed.csv", mixed), kind: .enrolments)
        #expect(outcome.status == .loaded && outcome.rowsRead == 300 && outcome.rowsLoaded == 300, "\(outcome.summaryLine)")
        // 200 rows of the new year and 50 new rows of the old one; the 50 already stored are unchanged.
        #expect(outcome.rowsChanged == 250, "\(outcome.summaryLine)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment where academic_year_key = 2023") == 200)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment where academic_year_key = 2022") == 150)
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == 200)
    }

}

/// The `--progress` line of a load.
@Suite struct LoadProgressTests {
    @Test func theProgressLineSaysRowsRateShareAndTimeLeft() {
        let line = LoadProgress.line(fileName: "e.csv", rows: 250_000, bytesRead: 50, totalBytes: 200, elapsed: 2)
        #expect(line == "e.csv: 250 000 rows, 125 000 rows/s, 25%, ETA 6 s / осталось 6 с")
        let done = LoadProgress.line(fileName: "e.csv", rows: 12, bytesRead: 200, totalBytes: 200, elapsed: 1)
        #expect(done == "e.csv: 12 rows, 12 rows/s, 100%")
        #expect(LoadProgress.grouped(1_234_567) == "1 234 567")
        #expect(LoadProgress.grouped(999) == "999")
    }

    @Test func progressStaysSilentWhenStderrIsNotATerminal() {
        #expect(LoadProgress(fileName: "e.csv", totalBytes: 1, requested: true, isTerminal: false).isEnabled == false)
        #expect(LoadProgress(fileName: "e.csv", totalBytes: 1, requested: false, isTerminal: true).isEnabled == false)
        #expect(LoadProgress(fileName: "e.csv", totalBytes: 1, requested: true, isTerminal: true).isEnabled == true)
    }
}
