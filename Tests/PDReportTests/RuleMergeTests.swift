import Testing
@testable import PDReport

/// A rules file over rule rows, without a database: the merge is pure.
@Suite struct RuleMergeTests {
    static let r01 = RecommendationRule(
        id: "R01", priority: 10, condition: RuleCondition(indicator: "diagnostic_share", comparison: .less, threshold: OneDecimal(90)),
        textRU: "Диагностика: {value} %.", textEN: "Diagnostics: {value}%.")

    @Test func aFileOverridesAddsAndIsChecked() throws {
        let file = try RecommendationRuleFile(toml: """
            [rule.R01]
            threshold = 85.5

            [rule.R02]
            priority = 5
            indicator = "qualified_share"
            comparison = "<"
            threshold = 40
            text_ru = "Аттестация: {value} %."
            text_en = "Qualified: {value}%."
            """, source: "rules.toml")
        let merged = try RuleSet.merge([Self.r01], with: file, indicators: ["diagnostic_share", "qualified_share"])
        #expect(merged.map(\.id) == ["R02", "R01"])
        #expect(merged[1].condition.threshold == OneDecimal("85.5"))
        #expect(merged[1].textRU == Self.r01.textRU)

        let unknown = try RecommendationRuleFile(toml: "[rule.R01]\nindicator = \"nope\"", source: "rules.toml")
        #expect(throws: RecommendError.self) {
            _ = try RuleSet.merge([Self.r01], with: unknown, indicators: ["diagnostic_share"])
        }
    }
}
