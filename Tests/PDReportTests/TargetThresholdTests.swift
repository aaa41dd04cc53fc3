import Testing
@testable import PDReport

/// Issue 13 §1: a rule's condition on an indicator's value takes the programme's target of the
/// year as its threshold (the school's own, else the city's) and says so in both languages;
/// an indicator with targets elsewhere but none this year says the rule's fixed threshold was used.
@Suite struct TargetThresholdTests {
    static let indicators = [IndicatorMeta(id: "distance_share", nameRU: "Доля дистанционного обучения", nameEN: "Distance learning share")]
    static let rule = RecommendationRule(
        id: "R04", priority: 40, scope: .both,
        condition: RuleCondition(indicator: "distance_share", comparison: .less, threshold: OneDecimal(30)),
        second: nil, combine: nil, minDenominator: 0,
        textRU: "Расширить дистанционное обучение: {value} % при пороге {threshold} %.",
        textEN: "Widen distance learning: {value}% against {threshold}%.")

    static func fired(value: String, targets: [String: IndicatorTarget], targeted: Set<String>) -> [Recommendation] {
        let figures = ["distance_share": IndicatorFigure(numerator: 40, denominator: 100, value: OneDecimal(value))]
        return RecommendationEngine(rules: [rule], indicators: indicators, yearLabel: "2023-2024").evaluate(RecommendationSubject(
            schoolCode: "S01", name: "Школа № 1", current: figures, previous: figures, city: figures,
            targets: targets, targetedIndicators: targeted))
    }

    @Test func theTargetIsTheThresholdAndTheTextSaysSo() throws {
        let target = IndicatorTarget(value: OneDecimal(50), source: "Муниципальная программа (20.12.2019)")
        // 40 % is above the rule's 30 % but below the programme's 50 %: the rule fires.
        let one = try #require(Self.fired(value: "40.0", targets: ["distance_share": target], targeted: ["distance_share"]).first)
        #expect(one.textRU == "Расширить дистанционное обучение: 40,0 % при пороге 50 %. Порог — цель программы: 50 % (основание: Муниципальная программа (20.12.2019)).")
        #expect(one.textEN == "Widen distance learning: 40.0% against 50%. Threshold: the programme target of 50% (source: Муниципальная программа (20.12.2019)).")
        #expect(one.held.first?.threshold == OneDecimal(50))
        // A school's own target is named as such.
        let own = IndicatorTarget(value: OneDecimal(45), source: "Приказ № 1", isSchoolTarget: true)
        let school = try #require(Self.fired(value: "40.0", targets: ["distance_share": own], targeted: ["distance_share"]).first)
        #expect(school.textRU.hasSuffix("Порог — цель ОО: 45 % (основание: Приказ № 1)."))
        // Above the target: nothing fires, although the value is below nothing else.
        #expect(Self.fired(value: "55.0", targets: ["distance_share": target], targeted: ["distance_share"]).isEmpty)
    }

    @Test func withoutATargetThisYearTheRulesOwnThresholdIsNamed() throws {
        let one = try #require(Self.fired(value: "20.0", targets: [:], targeted: ["distance_share"]).first)
        #expect(one.textRU.hasSuffix("Порог — фиксированный порог правила: 30 % (цели на этот год нет)."))
        #expect(one.textEN.hasSuffix("Threshold: the rule's fixed threshold of 30% (no target for this year)."))
        #expect(Self.fired(value: "40.0", targets: [:], targeted: ["distance_share"]).isEmpty)
        // No targets anywhere: the text is the rule's, unchanged.
        let plain = try #require(Self.fired(value: "20.0", targets: [:], targeted: []).first)
        #expect(plain.textRU == "Расширить дистанционное обучение: 20,0 % при пороге 30 %.")
    }

    @Test func submissionNotesCountSchoolsWithAgreeingNumerals() {
        let ru = SubmissionsReport(language: .ru)
        let notes = ru.notes(missing: ["survey": ["101003"], "enrolments": ["101003", "101004"]],
                             dropped: ["survey": ["101001", "101002", "101005", "101006", "101007"]], threshold: 0.3)
        #expect(notes == [
            "Не получено (мониторинг): 1 школа — 101003.",
            "Строк (мониторинг) меньше, чем годом раньше, более чем на 30 %: 5 школ — 101001, 101002, 101005, 101006, 101007. Вероятна неполная выгрузка.",
            "Не получено (обучение): 2 школы — 101003, 101004.",
        ])
        #expect(ru.notes(missing: [:], dropped: [:], threshold: 0.25) == ["Все ожидаемые выгрузки получены."])
        let en = SubmissionsReport(language: .en).notes(missing: ["survey": ["101003"]], dropped: [:], threshold: 0.3)
        #expect(en == ["Missing (census): 1 school — 101003."])
        #expect(SubmissionsReport.percent(0.333, .ru) == "33,3" && SubmissionsReport.percent(-0.05, .en) == "−5")
    }
}
