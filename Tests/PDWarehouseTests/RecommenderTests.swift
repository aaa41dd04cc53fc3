import Foundation
import Testing
import PDPostgres
import PDReport
@testable import PDWarehouse

/// `Recommender` end to end on the indicator tests' worked example, after a mart refresh.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct RecommenderTests {
    @Test func cityFirstThenSchoolsWithEvidenceJSONAndHTML() throws {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        let result = try Recommender(connection: f.connection, sql: f.sql, language: .ru).recommend(year: "2023-2024")
        #expect(result.report.sections.map(\.schoolCode) == [nil, "S01", "S02", "S03"])
        // City diagnostic_share 4/6 = 66.7 < 90.
        let city = result.report.sections[0]
        let r01 = try #require(city.recommendations.first { $0.ruleID == "R01" })
        #expect(r01.textRU.contains("66,7") && r01.textRU.contains("4 из 6"))
        #expect(r01.evidence.isSmall)
        // Strongest first (RecommendationRanking), at most one per indicator.
        #expect(city.recommendations.map(\.weight) == city.recommendations.map(\.weight).sorted(by: >))
        #expect(Set(city.recommendations.map(\.keyIndicator)).count == city.recommendations.count)
        // No rule 11 or 12 anywhere: every denominator is under 10.
        #expect(!result.report.sections.flatMap(\.recommendations).contains { $0.ruleID == "R11" || $0.ruleID == "R12" })

        let json = RecommendationRenderer.json(result.report, language: .en)
        #expect(json.contains("\"school_code\":null"))
        #expect(json.contains("\"theme\":\"diagnostics\",\"rule_id\":\"R01\",\"folded_rule_ids\":[],\"priority\":10"))
        #expect(json.contains("\"numerator\":4,\"denominator\":6"))
        let markdown = RecommendationRenderer.markdown(result.report, language: .ru)
        #expect(markdown.hasPrefix("# Адресные рекомендации, 2023-2024\n\n"))
        #expect(markdown.contains("\n## Город\n\n### "))
        #expect(markdown.contains("знаменатель меньше 10"))

        let selected = try Recommender(connection: f.connection, sql: f.sql).recommend(year: "2023-2024", schools: ["S02"])
        #expect(selected.report.sections.map(\.schoolCode) == [nil, "S02"])
        let html = selected.html(language: .ru)
        let catalogue = try IndicatorCatalogue.load(f.connection, sql: f.sql)
        #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == catalogue.indicators.count)
        #expect(!html.contains("http://") && !html.contains("https://"))

        // A school or a year the data does not have: the valid choices, in the user's language.
        let school = #expect(throws: UnknownChoice.self) {
            try Recommender(connection: f.connection, sql: f.sql).recommend(year: "2023-2024", schools: ["S99"])
        }
        #expect(school?.kind == .school && school?.choices.map(\.value) == ["S01", "S02", "S03"])
        #expect(school?.description.hasPrefix("ОО с кодом «S99» нет в данных за 2023-2024 (--school).") == true)
        let year = #expect(throws: UnknownChoice.self) {
            try Recommender(connection: f.connection, sql: f.sql, language: .en).recommend(year: "2019-2020")
        }
        #expect(year?.kind == .year && year?.description.hasPrefix("No data for academic year \"2019-2020\"") == true)
    }
}
