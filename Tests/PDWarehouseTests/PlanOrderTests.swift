import Foundation
import Testing
import PDPostgres
import PDReport
@testable import PDWarehouse

/// The plan-order on a hand-built city: teachers due, not due, never trained, leaders, and
/// deficits addressed or not; counts per school and subject, per deficit area, and the city.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct PlanOrderTests {
    /// Plan for 2024-2025 from the census of 2023-2024:
    /// S01 math: a (completed 2023: not due), b (last completed 2021 = Y-3: due), c (never: due);
    /// S01 no subject: d (leader, completed 2020 only: due, leader due);
    /// S01 russian: e (completed 2022: not due), f (completed 2023 a digital course; deficits
    /// digital and methodological: methodological not addressed);
    /// S02 math: g (never trained, subject deficit not addressed);
    /// h: only in the 2022 census (not current), never trained: not counted.
    static func fixture() throws -> IndicatorFixture {
        let f = try IndicatorFixture()
        try f.school("S01", name: "Гимназия № 1")
        try f.school("S02", name: "Школа № 2")
        let plain = try f.course("Функциональная грамотность")
        let digital = try f.course("Цифровая школа", focus: "digital")
        for label in ["a", "b", "c"] { try f.census(label, year: 2023, school: "S01") }
        try f.census("d", year: 2023, school: "S01", staff: "leadership")
        try f.census("e", year: 2023, school: "S01")
        try f.census("f", year: 2023, school: "S01", diagnostic: true, deficits: ["digital", "methodological"])
        try f.census("g", year: 2023, school: "S02", diagnostic: true, deficits: ["subject"])
        try f.census("h", year: 2022, school: "S02")
        for (label, subject) in [("a", "математика"), ("b", "математика"), ("c", "математика"), ("e", "русский язык"),
                                 ("f", "русский язык"), ("g", "математика")] {
            try f.connection.execute("update dw.fact_teacher_year set subject = $1 where teacher_key = $2::bigint",
                                     [subject, try f.teacher(label)])
        }
        try f.enrol("a", year: 2023, school: "S01", course: plain)
        try f.enrol("b", year: 2021, school: "S01", course: plain)
        try f.enrol("b", year: 2023, school: "S01", course: plain, status: "dropped")
        try f.enrol("d", year: 2020, school: "S01", course: plain, staff: "leadership")
        try f.enrol("e", year: 2022, school: "S01", course: plain)
        try f.enrol("f", year: 2023, school: "S01", course: digital)
        return f
    }

    /// level|school|subject → [teachers, due, never trained, deficits not addressed, leaders due].
    static func counts(_ table: ResultTable) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for row in table.rows {
            let key = [row[0] ?? "", row[1] ?? "", row[3] ?? ""].joined(separator: "|")
            result[key] = row[4...8].map { Int($0 ?? "") ?? -1 }
        }
        return result
    }

    @Test func countsTeachersDueNeverTrainedWithDeficitsAndLeaders() throws {
        let f = try Self.fixture()
        let plan = try PlanOrder(connection: f.connection, sql: f.sql, language: .ru).plan(forYear: "2024-2025")
        let counts = Self.counts(plan.bySubject)
        #expect(counts["subject|S01|математика"] == [3, 2, 1, 0, 0])
        #expect(counts["subject|S01|(не указан)"] == [1, 1, 0, 0, 1])
        #expect(counts["subject|S01|русский язык"] == [2, 0, 0, 1, 0])
        #expect(counts["school|S01|Итого"] == [6, 3, 1, 1, 1])
        #expect(counts["subject|S02|математика"] == [1, 1, 1, 1, 0])
        #expect(counts["school|S02|Итого"] == [1, 1, 1, 1, 0])
        #expect(counts["city_subject||математика"] == [4, 3, 2, 1, 0])
        #expect(counts["city||Итого"] == [7, 4, 2, 2, 1])
        #expect(plan.bySubject.rows.last?[0] == "city")

        let areas = plan.byDeficitArea.rows.map { [$0[0] ?? "", $0[1] ?? "", $0[3] ?? "", $0[4] ?? ""] }
        #expect(areas == [
            ["school", "S01", "Методические", "1"],
            ["school", "S02", "Предметные", "1"],
            ["city", "", "Предметные", "1"],
            ["city", "", "Методические", "1"],
        ])
    }

    @Test func aYearLaterTheSameDataMakesOtherTeachersDueAndNoPseudonymIsShown() throws {
        let f = try Self.fixture()
        // Plan for 2023-2024 from the census of 2022-2023: only h, never trained.
        let plan = try PlanOrder(connection: f.connection, sql: f.sql, language: .en).plan(forYear: "2023-2024")
        #expect(Self.counts(plan.bySubject)["city||Total"] == [1, 1, 1, 0, 0])
        let pseudonyms = try f.connection.execute("select encode(teacher_pseudonym, 'hex') from dw.dim_teacher").rows.compactMap { $0[0] }
        let json = plan.json()
        for pseudonym in pseudonyms { #expect(!json.contains(pseudonym)) }
        #expect(json.hasPrefix("{\"for_year\":\"2023-2024\""))
        #expect(throws: RecommendError.noData(year: "2030-2031")) {
            try PlanOrder(connection: f.connection, sql: f.sql).plan(forYear: "2031-2032")
        }
    }
}
