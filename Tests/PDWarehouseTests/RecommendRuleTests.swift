import Foundation
import Testing
import PDContract
import PDPostgres
import PDReport
@testable import PDWarehouse

/// The 12 default rules as seeded by the migration, evaluated by the pure engine on
/// hand-built figures: each fires exactly when its condition holds, with its figures in the
/// text; a rules file changes a threshold.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct RecommendRuleTests {
    /// Values at which no default rule fires.
    static let calm: [String: String] = [
        "diagnostic_share": "95.0", "individual_route_share": "90.0", "deficit_addressed_share": "60.0",
        "deficit_share": "10.0", "distance_share": "40.0", "expert_share": "20.0", "method_asset_share": "20.0",
        "young_mentored_share": "100.0", "network_share": "60.0", "subject_club_share": "30.0",
        "practice_sharing_share": "40.0", "internship_share": "20.0", "pd_coverage_3y": "100.0",
    ]

    struct Setup {
        let rules: [RecommendationRule]
        let indicators: [IndicatorMeta]
        var engine: RecommendationEngine { RecommendationEngine(rules: rules, indicators: indicators, yearLabel: "2023-2024") }
    }

    static func setup() throws -> Setup {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let rules = try RuleSet.load(connection, sql: TestDatabase.sqlDirectory)
        let indicators = try IndicatorCatalogue.load(connection, sql: TestDatabase.sqlDirectory).indicators.map {
            IndicatorMeta(id: $0.id, nameRU: $0.nameRU, nameEN: $0.nameEN, isPercent: $0.unit == .percent,
                          higherIsBetter: $0.direction == .higher)
        }
        return Setup(rules: rules, indicators: indicators)
    }

    /// Figures for every indicator: the calm value (50.0 where not listed), denominator 20,
    /// numerator matching the value; `changes` override values (and `denominators` counts).
    static func figures(_ indicators: [IndicatorMeta], _ changes: [String: String] = [:], denominators: [String: Int] = [:]) -> [String: IndicatorFigure] {
        var result: [String: IndicatorFigure] = [:]
        for indicator in indicators {
            let text = changes[indicator.id] ?? calm[indicator.id] ?? "50.0"
            let value = OneDecimal(text)!
            let denominator = denominators[indicator.id] ?? 20
            result[indicator.id] = IndicatorFigure(
                numerator: Int((value.doubleValue * Double(denominator) / 100).rounded()), denominator: denominator, value: value)
        }
        return result
    }

    /// The rule ids that fire for a school whose previous year and city equal `current`
    /// unless given.
    static func fired(_ setup: Setup, _ current: [String: IndicatorFigure], previous: [String: IndicatorFigure]? = nil,
                      city: [String: IndicatorFigure]? = nil, school: Bool = true) -> [Recommendation] {
        setup.engine.evaluate(RecommendationSubject(
            schoolCode: school ? "S01" : nil, name: school ? "Школа № 1" : "Город",
            current: current, previous: previous ?? current, city: city ?? current))
    }

    @Test func theMigrationSeedsTwelveRulesAsRows() throws {
        let setup = try Self.setup()
        #expect(setup.rules.map(\.id) == (1...12).map { String(format: "R%02d", $0) })
        #expect(setup.rules.allSatisfy { $0.problem == nil && $0.isEnabled })
        let compound = setup.rules.filter { $0.second != nil }.map(\.id)
        #expect(compound == ["R03", "R08", "R09"])
        #expect(setup.rules.filter { $0.condition.indicator == nil }.map(\.id) == ["R11", "R12"])
        #expect(Self.fired(setup, Self.figures(setup.indicators)).isEmpty, "calm figures must fire nothing")
    }

    /// (rule, indicator, value that fires, value at the threshold that does not).
    static let singleValueRules: [(String, String, String, String)] = [
        ("R01", "diagnostic_share", "89.9", "90.0"),
        ("R02", "individual_route_share", "75.0", "80.0"),
        ("R04", "distance_share", "29.9", "30.0"),
        ("R05", "expert_share", "5.0", "10.0"),
        ("R06", "method_asset_share", "9.9", "10.0"),
        ("R07", "young_mentored_share", "75.0", "100.0"),
        ("R10", "pd_coverage_3y", "85.0", "100.0"),
    ]

    @Test func eachSingleThresholdRuleFiresBelowItsThresholdOnlyWithItsFiguresInTheText() throws {
        let setup = try Self.setup()
        for (rule, indicator, below, at) in Self.singleValueRules {
            let firing = Self.fired(setup, Self.figures(setup.indicators, [indicator: below]))
            #expect(firing.map(\.ruleID) == [rule], "\(rule) at \(below)")
            let recommendation = try #require(firing.first)
            let figure = Self.figures(setup.indicators, [indicator: below])[indicator]!
            #expect(recommendation.textRU.contains(OneDecimal(below)!.text(in: .ru)), "\(rule): \(recommendation.textRU)")
            #expect(recommendation.textEN.contains(below), "\(rule): \(recommendation.textEN)")
            // R10 names the teachers without a course (denominator − numerator); the others the numerator.
            let count = rule == "R10" ? RussianPlural.teacher.counted(figure.denominator - figure.numerator) : String(figure.numerator)
            #expect(recommendation.textRU.contains("\(count) из \(figure.denominator)"), "\(rule): \(recommendation.textRU)")
            #expect(recommendation.evidence == Evidence(
                indicator: indicator, value: OneDecimal(below), numerator: figure.numerator, denominator: 20,
                cityValue: OneDecimal(below), previousValue: OneDecimal(below), change: OneDecimal(0), isSmall: false))
            #expect(Self.fired(setup, Self.figures(setup.indicators, [indicator: at])).isEmpty, "\(rule) at \(at)")
        }
    }

    @Test func rulesNameHowManyLackARouteAMentorOrACourse() throws {
        let setup = try Self.setup()
        // 15 of 20 → 5 missing.
        for (rule, indicator) in [("R02", "individual_route_share"), ("R07", "young_mentored_share"), ("R10", "pd_coverage_3y")] {
            let text = try #require(Self.fired(setup, Self.figures(setup.indicators, [indicator: "75.0"])).first).textRU
            #expect(text.contains(" 5 ") || text.contains("— 5") || text.contains("таких 5"), "\(rule): \(text)")
        }
        let r10 = try #require(Self.fired(setup, Self.figures(setup.indicators, ["pd_coverage_3y": "75.0"])).first)
        #expect(r10.textEN.contains("5 teachers of 20"))
    }

    @Test func rule3NeedsFewDeficitsAddressedAndManyDeficits() throws {
        let setup = try Self.setup()
        let fires = Self.fired(setup, Self.figures(setup.indicators, ["deficit_addressed_share": "40.0", "deficit_share": "20.0"]))
        #expect(fires.map(\.ruleID) == ["R03"])
        #expect(fires.first?.textRU.contains("40,0") == true && fires.first?.textRU.contains("20,0") == true)
        #expect(fires.first?.secondEvidence?.indicator == "deficit_share")
        #expect(Self.fired(setup, Self.figures(setup.indicators, ["deficit_addressed_share": "40.0", "deficit_share": "19.9"])).isEmpty)
        #expect(Self.fired(setup, Self.figures(setup.indicators, ["deficit_addressed_share": "50.0", "deficit_share": "60.0"])).isEmpty)
    }

    @Test func rules8And9FireOnEitherCondition() throws {
        let setup = try Self.setup()
        for (rule, first, firstLow, second, secondLow) in [
            ("R08", "network_share", "49.9", "subject_club_share", "19.9"),
            ("R09", "practice_sharing_share", "29.9", "internship_share", "9.9"),
        ] {
            let onFirst = Self.fired(setup, Self.figures(setup.indicators, [first: firstLow]))
            #expect(onFirst.map(\.ruleID) == [rule])
            let onSecond = Self.fired(setup, Self.figures(setup.indicators, [second: secondLow]))
            #expect(onSecond.map(\.ruleID) == [rule])
            #expect(onSecond.first?.textRU.contains(OneDecimal(secondLow)!.text(in: .ru)) == true)
            #expect(onSecond.first?.allEvidence.count == 2)
        }
    }

    @Test func rule11FiresOnATenPointWorseningInTheWorseDirectionWithEnoughPeople() throws {
        let setup = try Self.setup()
        let before = Self.figures(setup.indicators)
        // Higher is better: 50.0 → 40.0 fires; 40.1 does not; an improvement never does.
        let worse = Self.fired(setup, Self.figures(setup.indicators, ["qualified_share": "40.0"]), previous: before,
                               city: Self.figures(setup.indicators, ["qualified_share": "40.0"]))
        #expect(worse.map(\.ruleID) == ["R11"])
        #expect(worse.first?.indicator == "qualified_share")
        #expect(worse.first?.evidence.change == OneDecimal("-10.0"))
        #expect(worse.first?.textRU.contains("10,0 п. п.") == true && worse.first?.textRU.contains("50,0 % → 40,0 %") == true)
        let qualified40 = Self.figures(setup.indicators, ["qualified_share": "40.1"])
        #expect(Self.fired(setup, qualified40, previous: before, city: qualified40).isEmpty)
        let better = Self.figures(setup.indicators, ["qualified_share": "70.0"])
        #expect(Self.fired(setup, better, previous: before, city: better).isEmpty)
        // Lower is better: deficit_share 10.0 → 20.0 is a worsening.
        let deficits = Self.figures(setup.indicators, ["deficit_share": "20.0"])
        #expect(Self.fired(setup, deficits, previous: before, city: deficits).map(\.ruleID) == ["R11"])
        // A denominator under 10, this year or last, silences it; the evidence carries the caveat elsewhere.
        let small = Self.figures(setup.indicators, ["qualified_share": "40.0"], denominators: ["qualified_share": 9])
        #expect(Self.fired(setup, small, previous: before, city: small).isEmpty)
        let smallBefore = Self.figures(setup.indicators, denominators: ["qualified_share": 9])
        #expect(Self.fired(setup, Self.figures(setup.indicators, ["qualified_share": "40.0"]), previous: smallBefore,
                           city: Self.figures(setup.indicators, ["qualified_share": "40.0"])).isEmpty)
        // The city too.
        #expect(Self.fired(setup, Self.figures(setup.indicators, ["qualified_share": "40.0"]), previous: before, school: false).map(\.ruleID) == ["R11"])
    }

    @Test func rule12FiresForASchoolFifteenPointsWorseThanTheCityOnly() throws {
        let setup = try Self.setup()
        let city = Self.figures(setup.indicators)
        let school = Self.figures(setup.indicators, ["qualified_share": "35.0"])
        let fires = Self.fired(setup, school, previous: school, city: city)
        #expect(fires.map(\.ruleID) == ["R12"])
        #expect(fires.first?.evidence.cityValue == OneDecimal("50.0"))
        #expect(fires.first?.textRU.contains("15,0 п. п.") == true)
        #expect(fires.first?.textEN.contains("35.0") == true && fires.first?.textEN.contains("50.0") == true)
        let close = Self.figures(setup.indicators, ["qualified_share": "35.1"])
        #expect(Self.fired(setup, close, previous: close, city: city).isEmpty)
        // Lower is better: a school with more deficits than the city.
        let deficits = Self.figures(setup.indicators, ["deficit_share": "25.0"])
        #expect(Self.fired(setup, deficits, previous: deficits, city: city).map(\.ruleID) == ["R12"])
        // Small school: no comparison, but its evidence elsewhere is marked small.
        let small = Self.figures(setup.indicators, ["qualified_share": "35.0"], denominators: ["qualified_share": 9])
        #expect(Self.fired(setup, small, previous: small, city: city).isEmpty)
        let smallR01 = Self.figures(setup.indicators, ["diagnostic_share": "50.0"], denominators: ["diagnostic_share": 8])
        #expect(Self.fired(setup, smallR01, previous: smallR01, city: smallR01).first?.evidence.isSmall == true)
    }

    @Test func firedRulesComeInPriorityOrderAndEmptyValuesNeverFire() throws {
        let setup = try Self.setup()
        let many = Self.figures(setup.indicators, ["pd_coverage_3y": "80.0", "diagnostic_share": "50.0", "expert_share": "1.0"])
        #expect(Self.fired(setup, many).map(\.ruleID) == ["R01", "R05", "R10"])
        var empty = Self.figures(setup.indicators)
        empty["diagnostic_share"] = IndicatorFigure(numerator: 0, denominator: 0, value: nil)
        #expect(Self.fired(setup, empty).isEmpty)
    }

    @Test func aRulesFileChangesAThresholdDisablesAndAddsRules() throws {
        let setup = try Self.setup()
        let file = try RecommendationRuleFile(toml: """
            [rule.R01]
            threshold = 85

            [rule.R05]
            enabled = false

            [rule.R13]
            priority = 5
            indicator = "qualified_share"
            comparison = "<"
            threshold = 40.5
            text_ru = "Повысить долю аттестованных: {value} % ({numerator} из {denominator})."
            text_en = "Raise the qualified share: {value}% ({numerator} of {denominator})."
            """, source: "rules.toml")
        let rules = try RuleSet.merge(setup.rules, with: file, indicators: setup.indicators.map(\.id))
        let engine = RecommendationEngine(rules: rules, indicators: setup.indicators)
        func fired(_ changes: [String: String]) -> [String] {
            let figures = Self.figures(setup.indicators, changes)
            return engine.evaluate(RecommendationSubject(schoolCode: nil, name: "Город", current: figures, previous: figures, city: figures)).map(\.ruleID)
        }
        #expect(fired(["diagnostic_share": "87.0"]).isEmpty)
        #expect(fired(["diagnostic_share": "84.9"]) == ["R01"])
        #expect(fired(["expert_share": "1.0"]).isEmpty)
        #expect(fired(["qualified_share": "40.0"]) == ["R13"])
        #expect(fired(["qualified_share": "40.5"]).isEmpty)
        #expect(rules.first?.id == "R13")
    }

    @Test func aRulesFileWithMistakesIsRefusedWithTheRuleAndTheReason() throws {
        let setup = try Self.setup()
        let ids = setup.indicators.map(\.id)
        func refusal(_ toml: String) -> String? {
            do {
                let file = try RecommendationRuleFile(toml: toml, source: "rules.toml")
                _ = try RuleSet.merge(setup.rules, with: file, indicators: ids)
                return nil
            } catch {
                return String(describing: error)
            }
        }
        #expect(refusal("[rule.R01]\nindicator = \"no_such\"")?.contains("no_such") == true)
        #expect(refusal("[rule.R99]\nthreshold = 5")?.contains("R99") == true)
        #expect(refusal("[rule.R01]\ntext_ru = \"{valeu}\"")?.contains("valeu") == true)
        #expect(refusal("[rule.R01]\ncomparison = \"=\"")?.contains("rule.R01.comparison") == true)
        #expect(refusal("[rule.R01]\nthreshold = \"ninety\"")?.contains("rule.R01.threshold") == true)
        #expect(refusal("[rule.R01]\nmeasure = \"gap_to_city\"")?.contains("scope") == true)
        #expect(refusal("[rules.R01]\nthreshold = 1")?.contains("rules") == true)
        #expect(refusal("[rule.R01\nthreshold = 1")?.contains("rules.toml:") == true)
    }
}
