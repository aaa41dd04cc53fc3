import Foundation
import Testing
@testable import PDReport

/// Fewer, sharper recommendations, without a database: one per indicator, the rule written for
/// the indicator over the rules checked on every indicator, ranked by the documented weight.
@Suite struct RecommendationRankingTests {
    static let indicators = [
        IndicatorMeta(id: "diagnostic_share", nameRU: "Доля прошедших диагностику дефицитов", nameEN: "Deficit diagnostic share",
                      theme: "diagnostics"),
        IndicatorMeta(id: "distance_share", nameRU: "Доля дистанционного обучения", nameEN: "Distance learning share",
                      theme: "distance", counts: .enrolments),
        IndicatorMeta(id: "young_mentored_share", nameRU: "Доля молодых педагогов с наставником", nameEN: "Mentored young teacher share",
                      theme: "mentoring", counts: .youngTeachers),
        IndicatorMeta(id: "network_share", nameRU: "Доля участников сетевых сообществ", nameEN: "Network community share", theme: "networks"),
        IndicatorMeta(id: "subject_club_share", nameRU: "Доля участников предметных клубов", nameEN: "Subject club share", theme: "networks"),
    ]
    static let themes = [
        RecommendationTheme(id: "diagnostics", nameRU: "Диагностика", nameEN: "Diagnostics"),
        RecommendationTheme(id: "distance", nameRU: "Дистанционное обучение", nameEN: "Distance learning"),
        RecommendationTheme(id: "mentoring", nameRU: "Наставничество", nameEN: "Mentoring"),
        RecommendationTheme(id: "networks", nameRU: "Сетевые сообщества", nameEN: "Networks"),
    ]

    static func rule(_ id: String, _ priority: Int, _ indicator: String?, measure: RuleMeasure = .value, comparison: RuleComparison = .less,
                     threshold: Int, second: RuleCondition? = nil, scope: RuleScope = .both, minimum: Int = 0, ru: String, en: String) -> RecommendationRule {
        RecommendationRule(id: id, priority: priority, scope: scope,
                           condition: RuleCondition(indicator: indicator, measure: measure, comparison: comparison, threshold: OneDecimal(threshold)),
                           second: second, combine: second == nil ? nil : .or, minDenominator: minimum, textRU: ru, textEN: en)
    }

    static let rules = [
        rule("R01", 10, "diagnostic_share", threshold: 90, ru: "Усилить диагностику: {value} %.", en: "Diagnose: {value}%."),
        rule("R04", 40, "distance_share", threshold: 30, ru: "Расширить дистанционное обучение: лишь {value} %.", en: "Widen distance learning: only {value}%."),
        rule("R07", 70, "young_mentored_share", threshold: 100, ru: "Закрепить наставников: без наставника — {missing|молодой педагог}.",
             en: "Give mentors: without a mentor: {missing|young teacher}."),
        rule("R08", 80, "network_share", threshold: 50, second: RuleCondition(indicator: "subject_club_share", comparison: .less, threshold: OneDecimal(20)),
             ru: "Вовлекать в сообщества: {value} % и {second_value} %.", en: "Networks: {value}% and {second_value}%."),
        rule("R11", 110, nil, measure: .worsening, comparison: .greaterOrEqual, threshold: 10, minimum: 10,
             ru: "Выяснить причины ухудшения показателя «{indicator}»: {previous_value} % → {value} %.", en: "Find out why \"{indicator}\" got worse."),
        rule("R12", 120, nil, measure: .gapToCity, comparison: .greaterOrEqual, threshold: 15, scope: .school, minimum: 10,
             ru: "Изучить опыт ОО по показателю «{indicator}».", en: "Learn from others on \"{indicator}\"."),
    ]

    /// Every indicator fine (no rule fires) unless changed: (value, numerator, denominator).
    static func figures(_ changes: [String: (String, Int, Int)] = [:]) -> [String: IndicatorFigure] {
        var result: [String: IndicatorFigure] = [:]
        for indicator in indicators {
            let (value, numerator, denominator) = changes[indicator.id] ?? ("100.0", 40, 40)
            result[indicator.id] = IndicatorFigure(numerator: numerator, denominator: denominator, value: OneDecimal(value))
        }
        return result
    }

    static func ranked(current: [String: IndicatorFigure], previous: [String: IndicatorFigure]? = nil,
                       city: [String: IndicatorFigure]? = nil) -> [Recommendation] {
        let engine = RecommendationEngine(rules: rules, indicators: indicators, yearLabel: "2023-2024")
        let fired = engine.evaluate(RecommendationSubject(schoolCode: "S01", name: "Школа № 1", current: current,
                                                          previous: previous ?? current, city: city ?? current))
        return RecommendationRanking(indicators: indicators).rank(fired)
    }

    @Test func aSchoolAtElevenPercentDistanceThatFellSixtyNinePointsIsToldToWidenIt() throws {
        // 11 % distance learning, 80 % a year before, 53,1 % in the city: R04, R11 and R12 all fire.
        let ranked = Self.ranked(current: Self.figures(["distance_share": ("11.0", 4, 36)]),
                                 previous: Self.figures(["distance_share": ("80.0", 40, 50)]),
                                 city: Self.figures(["distance_share": ("53.1", 200, 377)]))
        #expect(ranked.count == 1)
        let one = try #require(ranked.first)
        #expect(one.ruleID == "R04" && one.foldedRuleIDs == ["R11", "R12"])
        #expect(one.textRU == "Расширить дистанционное обучение: лишь 11,0 %.")
        #expect(!one.textRU.contains("Сохранить"))
        let report = RecommendationReport(yearLabel: "2023-2024", sections: [], indicators: Self.indicators, themes: Self.themes)
        let why = report.whyLine(one, language: .ru)
        #expect(why.contains("ниже ориентира 30 % на 19,0 п. п."), "\(why)")
        #expect(why.contains("за год хуже на 69,0 п. п. (80,0 % → 11,0 %)"), "\(why)")
        #expect(why.contains("хуже, чем по городу (53,1 %), на 42,1 п. п."), "\(why)")
        #expect(why.contains("касается 32 обучений"), "\(why)")
        #expect(report.ruleIDs(one) == "R04, R11, R12")
    }

    @Test func aCompoundRuleAndARuleOnOneOfItsIndicatorsBecomeOne() throws {
        let ranked = Self.ranked(current: Self.figures(["network_share": ("40.0", 16, 40), "subject_club_share": ("10.0", 4, 40)]),
                                 city: Self.figures(["subject_club_share": ("30.0", 30, 100)]))
        #expect(ranked.map(\.ruleID) == ["R08"])
        #expect(ranked.first?.foldedRuleIDs == ["R12"])
        #expect(ranked.first?.triggered == ["network_share", "subject_club_share"])
        // Only the second condition held: the recommendation is about subject clubs.
        let clubs = Self.ranked(current: Self.figures(["subject_club_share": ("10.0", 4, 40)]))
        #expect(clubs.first?.keyIndicator == "subject_club_share")
        #expect(clubs.first?.theme == "networks")
    }

    @Test func theWeightIsTheDistancesPlusFiveTimesTheLogarithmOfThePeopleConcerned() throws {
        // 80 % diagnosed (16 of 20) against 90 %, the city at 85 %: 10 + 5 + 5·lg(1 + 4).
        let ranked = Self.ranked(current: Self.figures(["diagnostic_share": ("80.0", 16, 20)]),
                                 city: Self.figures(["diagnostic_share": ("85.0", 85, 100)]))
        let weight = try #require(ranked.first?.weight)
        #expect(abs(weight - (15 + 5 * log10(5))) < 0.001)
        // A better-than-city school: the city adds nothing.
        let better = Self.ranked(current: Self.figures(["diagnostic_share": ("80.0", 16, 20)]),
                                 city: Self.figures(["diagnostic_share": ("70.0", 70, 100)]))
        #expect(abs((better.first?.weight ?? 0) - (10 + 5 * log10(5))) < 0.001)
    }

    @Test func aPercentageOverTwoPeopleWeighsAFifth() throws {
        // 1 of 2 young teachers mentored (50 points short) against 22 of 40 not diagnosed (35 points short).
        let ranked = Self.ranked(current: Self.figures([
            "young_mentored_share": ("50.0", 1, 2), "diagnostic_share": ("55.0", 22, 40),
        ]))
        #expect(ranked.map(\.ruleID) == ["R01", "R07"])
        #expect(abs(ranked[1].weight - (0.2 * 50 + 5 * log10(2))) < 0.001)
    }

    @Test func theTopIsGroupedByThemeAndTheRestListedBriefly() throws {
        let ranked = Self.ranked(
            current: Self.figures([
                "diagnostic_share": ("50.0", 20, 40), "distance_share": ("20.0", 8, 40),
                "young_mentored_share": ("80.0", 8, 10), "network_share": ("45.0", 18, 40),
            ]))
        #expect(ranked.map(\.ruleID) == ["R01", "R07", "R04", "R08"], "\(ranked.map { ($0.ruleID, $0.weight) })")
        let section = RecommendationSection(schoolCode: "S01", name: "Школа № 1", recommendations: ranked, shown: 3)
        #expect(section.top.count == 3 && section.rest.map(\.ruleID) == ["R08"])
        #expect(section.topByTheme.map(\.theme) == ["diagnostics", "mentoring", "distance"])
        let report = RecommendationReport(yearLabel: "2023-2024", sections: [section], indicators: Self.indicators,
                                          themes: Self.themes, top: 3)
        let markdown = RecommendationRenderer.markdown(report, language: .ru)
        #expect(markdown.contains("### Диагностика\n\n1. Усилить диагностику: 50,0 %. *(R01)*\n"))
        #expect(markdown.contains("Ещё 1 рекомендация, кратко:\n\n- Вовлекать в сообщества — «Доля участников сетевых сообществ»: 45,0 % (18 из 40)"))
        #expect(markdown.contains("   - Почему: ниже ориентира 90 % на 40,0 п. п.; не хуже, чем по городу (50,0 %); касается 20 педагогов; вес 46,6\n"))
        let json = RecommendationRenderer.json(report, language: .en)
        #expect(json.contains("\"rank\":4,\"in_top\":false"))
        // A terminal 60 columns wide: every line fits, the list items keep their indent.
        for line in RecommendationRenderer.markdown(report, language: .ru, width: 60).split(separator: "\n") {
            #expect(DisplayWidth.of(String(line)) <= 60, "\(line)")
        }
    }
}
