import Foundation
import Testing
import PDPostgres
import PDReport
@testable import PDWarehouse

/// Russian a methodologist would sign: every default rule (as the migrations seed it) and every
/// plan line, rendered in both languages on counts that take every numeral form (1, 2, 5, 11,
/// 21, 22, 25, 101), with no numeral disagreeing with its noun, no English word in Russian, no
/// Cyrillic in English, and no indicator code or unfilled placeholder where a name belongs.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct RecommendationLanguageTests {
    static let counts = [1, 2, 5, 11, 21, 22, 25, 101]

    struct Setup {
        let rules: [RecommendationRule]
        let indicators: [IndicatorMeta]
        let themes: [RecommendationTheme]
    }

    static func setup() throws -> Setup {
        let database = try TestDatabase()
        let connection = try database.connect()
        defer { connection.close() }
        let catalogue = try IndicatorCatalogue.load(connection, sql: TestDatabase.sqlDirectory)
        return Setup(rules: try RuleSet.load(connection, sql: TestDatabase.sqlDirectory),
                     indicators: try RecommendationTheme.indicators(catalogue, connection, sql: TestDatabase.sqlDirectory),
                     themes: try RecommendationTheme.load(connection, sql: TestDatabase.sqlDirectory))
    }

    /// Figures on which every default rule fires: each value far on its bad side of every
    /// threshold, much worse than a year before and than the city; `numerator` of
    /// `numerator + missing` people.
    static func subject(_ setup: Setup, numerator: Int, missing: Int, school: Bool) -> RecommendationSubject {
        func figures(_ value: (IndicatorMeta) -> String, denominator: Int, numerator: Int) -> [String: IndicatorFigure] {
            Dictionary(uniqueKeysWithValues: setup.indicators.map { meta in
                (meta.id, IndicatorFigure(numerator: numerator, denominator: denominator, value: OneDecimal(value(meta))))
            })
        }
        return RecommendationSubject(
            schoolCode: school ? "S01" : nil, name: school ? "Гимназия № 1" : "Город",
            current: figures({ $0.higherIsBetter ? "5.0" : "60.0" }, denominator: numerator + missing, numerator: numerator),
            previous: figures({ $0.higherIsBetter ? "40.0" : "20.0" }, denominator: 50, numerator: 20),
            city: figures({ $0.higherIsBetter ? "70.0" : "10.0" }, denominator: 400, numerator: 280))
    }

    /// Every text a reader sees for these figures, by language: the rules' texts, the evidence,
    /// "why" and brief lines of the ranked recommendations, and the headings around them.
    static func texts(_ setup: Setup, numerator: Int, missing: Int, school: Bool) -> (fired: [Recommendation], ru: [String], en: [String]) {
        let engine = RecommendationEngine(rules: setup.rules, indicators: setup.indicators, yearLabel: "2023-2024")
        let fired = engine.evaluate(subject(setup, numerator: numerator, missing: missing, school: school))
        let ranked = RecommendationRanking(indicators: setup.indicators).rank(fired)
        let section = RecommendationSection(schoolCode: school ? "S01" : nil, name: "", recommendations: ranked, shown: 2)
        let report = RecommendationReport(yearLabel: "2023-2024", sections: [section], indicators: setup.indicators,
                                          themes: setup.themes, top: 2)
        var byLanguage: [ReportLanguage: [String]] = [:]
        for language in ReportLanguage.allCases {
            var texts = fired.map { $0.text(in: language) }
            for recommendation in ranked {
                texts += report.evidenceLines(recommendation, language: language)
                texts.append(report.whyLine(recommendation, language: language))
                texts.append(report.briefLine(recommendation, language: language))
                texts.append(report.themeName(recommendation.theme, language))
            }
            texts.append(report.restHeading(numerator, language: language))
            byLanguage[language] = texts
        }
        return (fired, byLanguage[.ru] ?? [], byLanguage[.en] ?? [])
    }

    @Test func everyRuleReadsRightInBothLanguagesOnEveryNumeralForm() throws {
        let setup = try Self.setup()
        let ids = Set(setup.indicators.map(\.id))
        var firedFor: [Int: Set<String>] = [:]
        for numerator in Self.counts {
            for missing in Self.counts {
                for school in [true, false] {
                    let (fired, ru, en) = Self.texts(setup, numerator: numerator, missing: missing, school: school)
                    firedFor[numerator, default: []].formUnion(fired.map(\.ruleID))
                    firedFor[missing, default: []].formUnion(fired.map(\.ruleID))
                    for text in ru {
                        #expect(RussianCheck.disagreements(in: text).isEmpty, "\(RussianCheck.disagreements(in: text)) in «\(text)»")
                        #expect(RussianCheck.latinWords(in: text).isEmpty, "English in Russian: \(RussianCheck.latinWords(in: text)) in «\(text)»")
                    }
                    for text in en {
                        #expect(!RussianCheck.hasCyrillic(text), "Cyrillic in English: \(text)")
                    }
                    for text in ru + en {
                        #expect(!text.contains("{") && !text.contains("}"), "an unfilled placeholder: \(text)")
                        let codes = RussianCheck.words(in: text).filter { ids.contains($0) }
                        #expect(codes.isEmpty, "indicator codes \(codes) where a name belongs: \(text)")
                    }
                }
            }
        }
        // Each rule fired with each count, as a numerator and as the number missing.
        let all = Set(setup.rules.map(\.id))
        #expect(all.count == 12)
        for count in Self.counts {
            #expect(firedFor[count] == all, "with \(count): \(all.subtracting(firedFor[count] ?? []).sorted()) never fired")
        }
    }

    @Test func theCountsOfTheRulesTakeTheirNouns() throws {
        let setup = try Self.setup()
        for count in Self.counts {
            let (fired, _, en) = Self.texts(setup, numerator: 30, missing: count, school: true)
            let text = { (rule: String) in fired.first { $0.ruleID == rule }?.textRU ?? "" }
            #expect(text("R01").contains("без диагностики — \(RussianPlural.teacher.counted(count))."))
            #expect(text("R02").contains("без маршрута — \(RussianPlural.teacher.counted(count))."))
            #expect(text("R03").contains("дефициты не закрыты у \(RussianPlural.teacherGenitive.counted(count))."))
            #expect(text("R07").contains("без наставника — \(RussianPlural.youngTeacher.counted(count))."))
            #expect(text("R10").contains("без курса — \(RussianPlural.teacher.counted(count)) из \(30 + count);"))
            #expect(en.contains { $0.contains("without a mentor: \(EnglishPlural.counted(count, "young teacher"))") })
        }
        // Units: percent signs on values, «п. п.» for changes of percentages.
        let (fired, _, _) = Self.texts(setup, numerator: 30, missing: 10, school: true)
        let r11 = try #require(fired.first { $0.ruleID == "R11" })
        #expect(r11.textRU.contains("за год 40,0 % → 5,0 % (30 из 40), хуже на 35,0 п. п."), "\(r11.textRU)")
        let r04 = try #require(fired.first { $0.ruleID == "R04" })
        #expect(r04.textRU.hasPrefix("Расширить дистанционное обучение") && !r04.textRU.contains("Сохранить"))
    }

    @Test func everyPlanLineReadsRightInBothLanguages() throws {
        let levels = ["subject", "school", "city_subject", "city"]
        for count in Self.counts {
            let numbers = [String(count + 4), String(count), String(count), String(count), String(count)]
            let subjectRows: [[String?]] = [
                ["subject", "101001", "Гимназия № 1", "математика"] + numbers,
                ["school", "101001", "Гимназия № 1", nil] + numbers,
                ["city_subject", nil, nil, "математика"] + numbers,
                ["city", nil, nil, nil] + numbers,
            ]
            let areaRows: [[String?]] = [
                ["school", "101001", "Гимназия № 1", "digital", "Цифровые (ИКТ)", "Digital", String(count)],
                ["city", nil, nil, "digital", "Цифровые (ИКТ)", "Digital", String(count)],
            ]
            for language in ReportLanguage.allCases {
                let plan = PlanOrderReport(start: 2024, label: "2024-2025", subjectRows: subjectRows, areaRows: areaRows, language: language)
                    .withLevelNames()
                for table in [plan.bySubject, plan.byDeficitArea] {
                    var lines = [table.title] + table.notes + table.columns.map(\.heading)
                    lines += table.rows.map { $0[0] ?? "" }
                    if language == .ru { lines += table.rows.flatMap { $0.compactMap { $0 } } }
                    for line in lines {
                        if language == .ru {
                            #expect(RussianCheck.disagreements(in: line).isEmpty, "\(RussianCheck.disagreements(in: line)) in «\(line)»")
                            #expect(RussianCheck.latinWords(in: line).isEmpty, "English in Russian: «\(line)»")
                        } else {
                            #expect(!RussianCheck.hasCyrillic(line), "Cyrillic in English: \(line)")
                        }
                        #expect(!levels.contains(line), "a level code where its name belongs: \(line)")
                    }
                }
                let totals = try #require(plan.bySubject.notes.first)
                #expect(totals.contains(language == .ru ? "— \(RussianPlural.teacher.counted(count)) из \(count + 4)"
                                                        : "due a course, \(EnglishPlural.counted(count, "teacher")) of \(count + 4)"), "\(totals)")
            }
        }
    }

    @Test func theCheckerCatchesTheMistakesTheIssueFound() {
        #expect(RussianCheck.disagreements(in: "без наставника — 1 молодых педагогов").count == 1)
        #expect(RussianCheck.disagreements(in: "без маршрута — 2 педагогов").count == 1)
        #expect(RussianCheck.disagreements(in: "без маршрута — 4 молодых педагогов").count == 1)
        #expect(RussianCheck.disagreements(in: "касается 21 педагогов").count == 1)
        #expect(RussianCheck.disagreements(in: "у 1 педагога, 22 педагога, 25 педагогов, 101 педагог, 11 обучений, 2,5 часа").isEmpty)
        #expect(RussianCheck.latinWords(in: "Уровень: subject") == ["subject"])
        #expect(RussianCheck.latinWords(in: "КПК, ИОМ, 94,3 %").isEmpty)
    }
}

/// The checks of Russian text the language tests make.
enum RussianCheck {
    /// Words that govern the genitive (`у 1 педагога`, `касается 21 педагога`) or the
    /// prepositional (`в 1 столбце`) after them; otherwise a count is read as nominative.
    static let genitiveGovernors: Set<String> = ["у", "касается", "касаются", "для", "без", "от", "до", "около", "более", "менее", "из"]
    static let prepositionalGovernors: Set<String> = ["в", "о", "об", "при"]
    static let nominative = Array(RussianPlural.nouns.values)
    static let genitive = [RussianPlural.teacherGenitive, RussianPlural.youngTeacherGenitive, RussianPlural.enrolmentGenitive,
                           RussianPlural.leaderGenitive]
    static let prepositional = [RussianPlural.columnPrepositional]

    static let countPattern = try! NSRegularExpression(
        pattern: #"(?:(\p{L}+)\s+)?(?<![\d.,])(\d+)(?![.,]\d)\s+(\p{L}+)(?:\s+(\p{L}+))?"#)

    /// Each `number noun` whose noun is a known form but the wrong one for the number.
    static func disagreements(in text: String) -> [String] {
        var found: [String] = []
        let range = NSRange(text.startIndex..., in: text)
        for match in countPattern.matches(in: text, range: range) {
            func group(_ index: Int) -> String? {
                Range(match.range(at: index), in: text).map { String(text[$0]) }
            }
            guard let numberText = group(2), let number = Int(numberText), let first = group(3) else { continue }
            let governor = group(1)?.lowercased() ?? ""
            let tables = genitiveGovernors.contains(governor) ? genitive
                : prepositionalGovernors.contains(governor) ? prepositional : nominative
            let candidates = (group(4).map { [first + " " + $0] } ?? []) + [first]
            for candidate in candidates {
                let matching = tables.filter { [$0.one, $0.few, $0.many].contains(candidate) }
                guard !matching.isEmpty else { continue }
                if !matching.contains(where: { $0.form(for: number) == candidate }) {
                    found.append("\(governor) \(number) \(candidate)")
                }
                break
            }
        }
        return found
    }

    /// Words of Latin letters (two or more) in a Russian text.
    static func latinWords(in text: String) -> [String] {
        words(in: text).filter { word in word.count >= 2 && word.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } }
    }

    static func hasCyrillic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
    }

    /// The words of a text: letters, digits and `_`.
    static func words(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    }
}
