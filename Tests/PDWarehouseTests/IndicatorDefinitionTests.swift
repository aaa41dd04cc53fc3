import Foundation
import Testing
import PDPostgres
@testable import PDWarehouse

/// Every indicator of the catalogue on the worked example (see
/// `IndicatorFixture.workedExample`), with numerators and denominators counted by hand.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct IndicatorDefinitionTests {
    /// indicator → (S01, S02, S03, city) for 2023-2024.
    static let expected2023: [String: [Fraction]] = [
        // S01: t1 completed three courses (one exported by S02) and counts once; t2 only in
        // progress, t3 dropped, t4 not started. City: t1 and t5, t1 once although two schools.
        "pd_coverage": [Fraction(1, 4, "25.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(2, 6, "33.3")],
        // t2's 2021 course counts across the missing 2022-2023; t3's 2020 course is outside.
        "pd_coverage_3y": [Fraction(2, 4, "50.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(3, 6, "50.0")],
        // S02 has no leadership staff: zero denominator, empty value.
        "leader_pd_coverage_3y": [Fraction(1, 1, "100.0"), Fraction(0, 0, nil), Fraction(0, 0, nil), Fraction(1, 1, "100.0")],
        "retraining_share": [Fraction(1, 4, "25.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(1, 6, "16.7")],
        // t1: 72 + 250 + 36 (the S02 course too) = 358 h; t5: 72 h.
        "avg_pd_hours": [Fraction(358, 4, "89.5"), Fraction(72, 2, "36.0"), Fraction(0, 0, nil), Fraction(430, 6, "71.7")],
        // Enrolments exported by the school: S02 holds t1's in-person course and t5's distance one.
        "distance_share": [Fraction(1, 2, "50.0"), Fraction(1, 2, "50.0"), Fraction(0, 1, "0.0"), Fraction(2, 5, "40.0")],
        "completion_rate": [Fraction(2, 4, "50.0"), Fraction(2, 2, "100.0"), Fraction(1, 1, "100.0"), Fraction(5, 7, "71.4")],
        "requested_share": [Fraction(4, 5, "80.0"), Fraction(1, 2, "50.0"), Fraction(1, 1, "100.0"), Fraction(6, 8, "75.0")],
        "diagnostic_share": [Fraction(3, 4, "75.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(4, 6, "66.7")],
        "deficit_share": [Fraction(2, 3, "66.7"), Fraction(1, 1, "100.0"), Fraction(0, 0, nil), Fraction(3, 4, "75.0")],
        "individual_route_share": [Fraction(1, 2, "50.0"), Fraction(1, 1, "100.0"), Fraction(0, 0, nil), Fraction(2, 3, "66.7")],
        // t1's methodological course matches a deficit; t5's courses do not (or not in 2023).
        "deficit_addressed_share": [Fraction(1, 2, "50.0"), Fraction(0, 1, "0.0"), Fraction(0, 0, nil), Fraction(1, 3, "33.3")],
        // Experience 3 is still young (t5), 4 is not (t6).
        "young_share": [Fraction(2, 4, "50.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(3, 6, "50.0")],
        "young_mentored_share": [Fraction(1, 2, "50.0"), Fraction(1, 1, "100.0"), Fraction(0, 0, nil), Fraction(2, 3, "66.7")],
        "mentor_share": [Fraction(1, 4, "25.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(1, 6, "16.7")],
        "expert_share": [Fraction(2, 4, "50.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(2, 6, "33.3")],
        "method_asset_share": [Fraction(2, 4, "50.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(2, 6, "33.3")],
        "network_share": [Fraction(2, 4, "50.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(2, 6, "33.3")],
        "subject_club_share": [Fraction(2, 4, "50.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(2, 6, "33.3")],
        "interregional_share": [Fraction(1, 4, "25.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(2, 6, "33.3")],
        "practice_sharing_share": [Fraction(2, 4, "50.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(3, 6, "50.0")],
        "internship_share": [Fraction(1, 4, "25.0"), Fraction(0, 2, "0.0"), Fraction(0, 0, nil), Fraction(1, 6, "16.7")],
        "qualified_share": [Fraction(2, 4, "50.0"), Fraction(1, 2, "50.0"), Fraction(0, 0, nil), Fraction(3, 6, "50.0")],
    ]

    @Test func everyCatalogueIndicatorHasAnExpectationAndADefinitionFile() throws {
        let f = try IndicatorFixture()
        let ids = try f.connection.execute("select indicator_id from dw.indicator order by sort_order").rows.compactMap { $0[0] }
        #expect(ids.count == 23)
        #expect(Set(ids) == Set(Self.expected2023.keys))
        for id in ids {
            let file = TestDatabase.sqlDirectory.url.appendingPathComponent("indicators/\(id).sql")
            #expect(FileManager.default.fileExists(atPath: file.path), "missing \(file.path)")
        }
    }

    @Test func eachIndicatorMatchesTheHandCountedNumeratorAndDenominator() throws {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        for (indicator, expected) in Self.expected2023.sorted(by: { $0.key < $1.key }) {
            for (index, school) in ["S01", "S02", "S03", nil].enumerated() {
                let actual = try f.value(indicator, year: 2023, school: school)
                #expect(actual == expected[index], "\(indicator) at \(school ?? "city")")
            }
        }
    }

    @Test func threeYearWindowReachesBackTwoYearsAndNoFurther() throws {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        // 2021-2022: t2 completed in 2021, t3 in 2020 (within 2019..2021); one-year coverage only t2.
        #expect(try f.value("pd_coverage_3y", year: 2021, school: "S01") == Fraction(2, 2, "100.0"))
        #expect(try f.value("pd_coverage", year: 2021, school: "S01") == Fraction(1, 2, "50.0"))
        // The missing year has no rows at all.
        #expect(try f.connection.execute("select count(*) from dw.agg_indicator_value where academic_year_key = 2022").scalarInt == 0)
    }

    @Test func refreshWritesEveryIndicatorForEverySchoolYearAndCityYearAndReplacesOldValues() throws {
        let f = try IndicatorFixture.workedExample()
        // (2023: S01, S02, S03, city) + (2021: S01, S02 with only an enrolment, city)
        // + (2020: S01 with only an enrolment, city) = 9 cells × 23 indicators.
        #expect(try f.refresh() == 9 * 23)
        #expect(try f.refresh() == 9 * 23)
        try f.census("t7", year: 2023, school: "S03", experience: 30)
        #expect(try f.refresh() == 9 * 23)
        #expect(try f.value("pd_coverage", year: 2023, school: "S03") == Fraction(1, 1, "100.0"))
        #expect(try f.value("pd_coverage", year: 2023, school: nil) == Fraction(3, 7, "42.9"))
    }

    @Test func percentagesRoundHalfAwayFromZero() throws {
        let f = try IndicatorFixture()
        try f.school("R01")
        // 1 mentor of 16 teachers = 6.25 % → 6.3 (banker's rounding would give 6.2);
        // 3 of 16 = 18.75 % → 18.8.
        for n in 1...16 {
            try f.census("r\(n)", year: 2023, school: "R01", mentoring: n == 1 ? "mentor" : "none", club: n <= 3)
        }
        try f.refresh()
        #expect(try f.value("mentor_share", year: 2023, school: "R01") == Fraction(1, 16, "6.3"))
        #expect(try f.value("subject_club_share", year: 2023, school: "R01") == Fraction(3, 16, "18.8"))
    }

    @Test func aMissingDefinitionFileStopsTheRefreshAndKeepsThePreviousValues() throws {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        try f.connection.execute("""
            insert into dw.indicator (indicator_id, sort_order, name_ru, name_en, unit, direction, source,
                description_ru, description_en, numerator_ru, numerator_en, denominator_ru, denominator_en)
            values ('no_such_definition', 999, 'н', 'n', 'percent', 'higher', 'survey', 'д', 'd', 'ч', 'n', 'з', 'd')
            """)
        #expect(throws: MartError.self) { try f.refresh() }
        #expect(try f.value("pd_coverage", year: 2023, school: "S01") == Fraction(1, 4, "25.0"))
    }
}
