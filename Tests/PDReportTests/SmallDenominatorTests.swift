import Testing
@testable import PDReport

/// One small-denominator rule for trend, compare, charts and the recommendation evidence.
@Suite struct SmallDenominatorTests {
    @Test func oneToNineAreSmallZeroIsNoData() {
        #expect(!SmallDenominator.isSmall(0))
        #expect(SmallDenominator.isSmall(1) && SmallDenominator.isSmall(9))
        #expect(!SmallDenominator.isSmall(10) && !SmallDenominator.isSmall(250))
        #expect(SmallDenominator.caveat(years: ["2022-2023", "2023-2024"]) == "n<10: 2022-2023, 2023-2024")
        #expect(SmallDenominator.note(.en).hasPrefix("n<10: the denominator is under 10"))
    }

    @Test func figuresAndEvidenceFollowTheRule() {
        #expect(IndicatorFigure(numerator: 4, denominator: 6, value: OneDecimal("66.7")).isSmall)
        #expect(!IndicatorFigure(numerator: 0, denominator: 0, value: nil).isSmall)
        let subject = RecommendationSubject(
            schoolCode: "S01", name: "S01", current: ["a": IndicatorFigure(numerator: 0, denominator: 0, value: nil),
                                                      "b": IndicatorFigure(numerator: 5, denominator: 8, value: OneDecimal("62.5"))],
            previous: [:], city: [:])
        #expect(!RecommendationEngine.evidence("a", subject: subject).isSmall, "no data is not a small denominator")
        #expect(!RecommendationEngine.evidence("missing", subject: subject).isSmall)
        #expect(RecommendationEngine.evidence("b", subject: subject).isSmall)
    }
}
