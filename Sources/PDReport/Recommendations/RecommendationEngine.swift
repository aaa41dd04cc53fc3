/// What an indicator's denominator counts: the people (or enrolments) a recommendation on it
/// concerns (`dw.recommendation_indicator.counts`).
public enum CountedUnit: String, Sendable, Hashable, CaseIterable {
    case teachers
    case youngTeachers = "young_teachers"
    case leaders
    case enrolments
    /// Nothing to count (hours).
    case none

    /// The noun after a number in the genitive («касается 21 педагога, 25 педагогов»); nil for `.none`.
    public var russianGenitive: RussianPlural.Noun? {
        switch self {
        case .teachers: RussianPlural.teacherGenitive
        case .youngTeachers: RussianPlural.youngTeacherGenitive
        case .leaders: RussianPlural.leaderGenitive
        case .enrolments: RussianPlural.enrolmentGenitive
        case .none: nil
        }
    }

    /// The English singular (`teacher`); nil for `.none`.
    public var englishSingular: String? {
        switch self {
        case .teachers: "teacher"
        case .youngTeachers: "young teacher"
        case .leaders: "leader"
        case .enrolments: "enrolment"
        case .none: nil
        }
    }
}

/// An indicator as the rules engine needs it: names, unit, which way is better, the theme its
/// recommendations belong to and what its denominator counts.
public struct IndicatorMeta: Sendable, Hashable {
    public var id: String
    public var nameRU: String
    public var nameEN: String
    /// True for percent indicators (values in %, changes in percentage points); false for
    /// hours. Rules over "each indicator" look at percent indicators only.
    public var isPercent: Bool
    public var higherIsBetter: Bool
    /// The theme (`dw.recommendation_theme`) of the recommendations on this indicator.
    public var theme: String
    public var counts: CountedUnit

    public init(id: String, nameRU: String, nameEN: String, isPercent: Bool = true, higherIsBetter: Bool = true,
                theme: String = RecommendationTheme.otherID, counts: CountedUnit? = nil) {
        self.id = id
        self.nameRU = nameRU
        self.nameEN = nameEN
        self.isPercent = isPercent
        self.higherIsBetter = higherIsBetter
        self.theme = theme
        self.counts = counts ?? (isPercent ? .teachers : .none)
    }

    public func name(in language: ReportLanguage) -> String {
        language == .ru ? nameRU : nameEN
    }
}

/// A theme recommendations are grouped under (a row of `dw.recommendation_theme`), in the
/// order themes are listed.
public struct RecommendationTheme: Sendable, Hashable {
    public var id: String
    public var nameRU: String
    public var nameEN: String

    public init(id: String, nameRU: String, nameEN: String) {
        self.id = id
        self.nameRU = nameRU
        self.nameEN = nameEN
    }

    public func name(in language: ReportLanguage) -> String {
        language == .ru ? nameRU : nameEN
    }

    /// The theme of an indicator no row places.
    public static let otherID = "other"
    public static let other = RecommendationTheme(id: otherID, nameRU: "Другие показатели", nameEN: "Other indicators")
}

/// One indicator value with its numerator and denominator (a row of the mart).
public struct IndicatorFigure: Sendable, Hashable {
    public var numerator: Int
    public var denominator: Int
    /// Nil for a zero denominator.
    public var value: OneDecimal?

    public init(numerator: Int, denominator: Int, value: OneDecimal?) {
        self.numerator = numerator
        self.denominator = denominator
        self.value = value
    }

    /// The denominator is small (`SmallDenominator`): reports mark the value with a caveat.
    public var isSmall: Bool { SmallDenominator.isSmall(denominator) }
}

/// What a school (or the city) is judged on: its figures this year and the previous year,
/// and the city's this year, each keyed by indicator id.
public struct RecommendationSubject: Sendable {
    /// Nil for the city.
    public var schoolCode: String?
    public var name: String
    public var current: [String: IndicatorFigure]
    public var previous: [String: IndicatorFigure]
    public var city: [String: IndicatorFigure]
    /// The programme's targets of the year (the school's own, else the city's), by indicator: a
    /// condition on an indicator's value uses its target as the threshold instead of the rule's.
    public var targets: [String: IndicatorTarget]
    /// Indicators that have targets in some year or level: a recommendation on one of them says
    /// that it used the rule's fixed threshold when this year has none.
    public var targetedIndicators: Set<String>

    public init(schoolCode: String?, name: String, current: [String: IndicatorFigure],
                previous: [String: IndicatorFigure], city: [String: IndicatorFigure],
                targets: [String: IndicatorTarget] = [:], targetedIndicators: Set<String> = []) {
        self.schoolCode = schoolCode
        self.name = name
        self.current = current
        self.previous = previous
        self.city = city
        self.targets = targets
        self.targetedIndicators = targetedIndicators
    }

    public var isSchool: Bool { schoolCode != nil }
}

/// The figures behind one recommendation for one indicator.
public struct Evidence: Sendable, Hashable {
    public var indicator: String
    public var value: OneDecimal?
    public var numerator: Int
    public var denominator: Int
    /// The city's value the same year (for the city itself, its own value).
    public var cityValue: OneDecimal?
    public var previousValue: OneDecimal?
    /// `value − previousValue`, nil when either is missing.
    public var change: OneDecimal?
    /// The denominator is small (`SmallDenominator`): the percentage is unstable.
    public var isSmall: Bool

    public init(indicator: String, value: OneDecimal?, numerator: Int, denominator: Int, cityValue: OneDecimal?,
                previousValue: OneDecimal?, change: OneDecimal?, isSmall: Bool) {
        self.indicator = indicator
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.cityValue = cityValue
        self.previousValue = previousValue
        self.change = change
        self.isSmall = isSmall
    }
}

/// A condition of a rule that held, with what was measured: the "why" of a recommendation.
public struct HeldCondition: Sendable, Hashable {
    public var ruleID: String
    public var indicator: String
    public var measure: RuleMeasure
    public var comparison: RuleComparison
    public var threshold: OneDecimal
    public var measured: OneDecimal

    public init(ruleID: String, indicator: String, measure: RuleMeasure, comparison: RuleComparison,
                threshold: OneDecimal, measured: OneDecimal) {
        self.ruleID = ruleID
        self.indicator = indicator
        self.measure = measure
        self.comparison = comparison
        self.threshold = threshold
        self.measured = measured
    }

    /// How far past the threshold the measure is (≥ 0): percentage points, or hours.
    public var beyondThreshold: OneDecimal {
        let difference = measured - threshold
        return OneDecimal(tenths: abs(difference.tenths))
    }
}

/// A fired rule: the filled texts and the evidence behind them.
public struct Recommendation: Sendable, Hashable {
    public var ruleID: String
    public var priority: Int
    public var schoolCode: String?
    public var subjectName: String
    /// The indicator of the (first) condition.
    public var indicator: String
    public var evidence: Evidence
    /// The figures of the second condition of a compound rule.
    public var secondEvidence: Evidence?
    public var textRU: String
    public var textEN: String
    /// The conditions that held, the first condition's first. After ranking, also those of
    /// the rules folded into this one (`foldedRuleIDs`).
    public var held: [HeldCondition] = []
    /// The theme the recommendation is grouped under.
    public var theme: String = RecommendationTheme.otherID
    /// Rules that fired on the same indicator and were folded into this one by the ranking.
    public var foldedRuleIDs: [String] = []
    /// The weight the ranking gave it (see `RecommendationRanking`); 0 before ranking.
    public var weight: Double = 0
    /// The rule is checked on every indicator (R11, R12): a rule written for the indicator wins
    /// over it when both fire.
    public var overEachIndicator = false

    public init(ruleID: String, priority: Int, schoolCode: String?, subjectName: String, indicator: String,
                evidence: Evidence, secondEvidence: Evidence? = nil, textRU: String, textEN: String,
                held: [HeldCondition] = [], theme: String = RecommendationTheme.otherID) {
        self.ruleID = ruleID
        self.priority = priority
        self.schoolCode = schoolCode
        self.subjectName = subjectName
        self.indicator = indicator
        self.evidence = evidence
        self.secondEvidence = secondEvidence
        self.textRU = textRU
        self.textEN = textEN
        self.held = held
        self.theme = theme
    }

    public func text(in language: ReportLanguage) -> String {
        language == .ru ? textRU : textEN
    }

    /// Every figure behind the text (first condition, then the second).
    public var allEvidence: [Evidence] { [evidence] + (secondEvidence.map { [$0] } ?? []) }

    /// The indicators whose own conditions held, in rule order (of a compound "or" rule, only
    /// the ones that held). The first is the recommendation's key indicator.
    public var triggered: [String] {
        var seen: [String] = []
        for condition in held where condition.ruleID == ruleID && !seen.contains(condition.indicator) {
            seen.append(condition.indicator)
        }
        return seen.isEmpty ? [indicator] : seen
    }

    /// The indicator the recommendation is about: the first whose condition held.
    public var keyIndicator: String { triggered[0] }

    /// The figures of the key indicator.
    public var keyEvidence: Evidence { allEvidence.first { $0.indicator == keyIndicator } ?? evidence }
}

/// Pure evaluation of recommendation rules on indicator figures.
public struct RecommendationEngine: Sendable {
    public var rules: [RecommendationRule]
    /// The catalogue, in report order (rules over "each indicator" follow it).
    public var indicators: [IndicatorMeta]
    /// The academic year label filled into `{year}`.
    public var yearLabel: String

    public init(rules: [RecommendationRule], indicators: [IndicatorMeta], yearLabel: String = "") {
        self.rules = rules
        self.indicators = indicators
        self.yearLabel = yearLabel
    }

    /// The rules that fire for `subject`, ordered by priority, then rule id, then the
    /// catalogue order of the indicator (`RecommendationRanking` ranks them).
    public func evaluate(_ subject: RecommendationSubject) -> [Recommendation] {
        var fired: [Recommendation] = []
        for rule in rules where rule.isEnabled && rule.problem == nil && rule.scope.includes(school: subject.isSchool) {
            if let indicator = rule.condition.indicator {
                if let recommendation = fire(rule, first: indicator, subject: subject) { fired.append(recommendation) }
            } else {
                for meta in indicators where meta.isPercent {
                    if let recommendation = fire(rule, first: meta.id, subject: subject) { fired.append(recommendation) }
                }
            }
        }
        let order = Dictionary(indicators.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        return fired.sorted {
            ($0.priority, $0.ruleID, order[$0.indicator] ?? Int.max) < ($1.priority, $1.ruleID, order[$1.indicator] ?? Int.max)
        }
    }

    private func meta(_ id: String) -> IndicatorMeta? {
        indicators.first { $0.id == id }
    }

    /// The measured quantity of a condition on `indicator`, or nil when it cannot be measured
    /// (missing or empty value, a denominator under the rule's minimum, no city to compare).
    func measure(_ measure: RuleMeasure, indicator: String, subject: RecommendationSubject, minDenominator: Int) -> OneDecimal? {
        guard let current = subject.current[indicator], let value = current.value,
              current.denominator >= minDenominator else { return nil }
        let higher = meta(indicator)?.higherIsBetter ?? true
        switch measure {
        case .value:
            return value
        case .worsening:
            guard let previous = subject.previous[indicator], let before = previous.value,
                  previous.denominator >= minDenominator else { return nil }
            return higher ? before - value : value - before
        case .gapToCity:
            guard subject.isSchool, let city = subject.city[indicator], let cityValue = city.value,
                  city.denominator >= minDenominator else { return nil }
            return higher ? cityValue - value : value - cityValue
        }
    }

    /// The threshold a condition is checked against: the programme's target of the subject's
    /// year for a condition on the indicator's value (issue 13 §1), else the rule's own.
    static func threshold(_ condition: RuleCondition, indicator: String, subject: RecommendationSubject) -> OneDecimal {
        guard condition.measure == .value, let target = subject.targets[indicator] else { return condition.threshold }
        return target.value
    }

    private func holds(_ condition: RuleCondition, indicator: String, subject: RecommendationSubject, minDenominator: Int) -> (Bool, OneDecimal?) {
        guard let measured = measure(condition.measure, indicator: indicator, subject: subject, minDenominator: minDenominator) else {
            return (false, nil)
        }
        return (condition.comparison.holds(measured, Self.threshold(condition, indicator: indicator, subject: subject)), measured)
    }

    /// The sentence that says which threshold a value condition used: the programme's target
    /// (with its document) or, for an indicator that has targets elsewhere, the rule's fixed
    /// one; nil for other conditions and for indicators without any target.
    static func thresholdSource(_ condition: RuleCondition, indicator: String, subject: RecommendationSubject,
                                unit: String, language: ReportLanguage) -> String? {
        guard condition.measure == .value else { return nil }
        if let target = subject.targets[indicator] {
            let value = target.value.compactText(in: language) + unit
            let whose = target.isSchoolTarget
                ? (language == .ru ? "цель ОО" : "the school's target")
                : (language == .ru ? "цель программы" : "the programme target")
            return language == .ru
                ? "Порог — \(whose): \(value) (основание: \(target.source))."
                : "Threshold: \(whose) of \(value) (source: \(target.source))."
        }
        guard subject.targetedIndicators.contains(indicator) else { return nil }
        let value = condition.threshold.compactText(in: language) + unit
        return language == .ru
            ? "Порог — фиксированный порог правила: \(value) (цели на этот год нет)."
            : "Threshold: the rule's fixed threshold of \(value) (no target for this year)."
    }

    private func fire(_ rule: RecommendationRule, first indicator: String, subject: RecommendationSubject) -> Recommendation? {
        let (firstHolds, firstMeasured) = holds(rule.condition, indicator: indicator, subject: subject, minDenominator: rule.minDenominator)
        var secondHolds = false
        var secondMeasured: OneDecimal?
        var secondIndicator: String?
        if let second = rule.second, let id = second.indicator {
            secondIndicator = id
            (secondHolds, secondMeasured) = holds(second, indicator: id, subject: subject, minDenominator: rule.minDenominator)
        }
        let fires: Bool
        switch rule.combine {
        case nil: fires = firstHolds
        case .and?: fires = firstHolds && secondHolds
        case .or?: fires = firstHolds || secondHolds
        }
        guard fires else { return nil }

        var held: [HeldCondition] = []
        if firstHolds, let firstMeasured {
            held.append(HeldCondition(ruleID: rule.id, indicator: indicator, measure: rule.condition.measure,
                                      comparison: rule.condition.comparison,
                                      threshold: Self.threshold(rule.condition, indicator: indicator, subject: subject), measured: firstMeasured))
        }
        if secondHolds, let second = rule.second, let secondIndicator, let secondMeasured {
            held.append(HeldCondition(ruleID: rule.id, indicator: secondIndicator, measure: second.measure,
                                      comparison: second.comparison,
                                      threshold: Self.threshold(second, indicator: secondIndicator, subject: subject), measured: secondMeasured))
        }
        let key = held.first?.indicator ?? indicator

        let evidence = Self.evidence(indicator, subject: subject)
        let secondEvidence = secondIndicator.map { Self.evidence($0, subject: subject) }
        var texts: [ReportLanguage: String] = [:]
        for language in ReportLanguage.allCases {
            var values: [String: String] = [
                "indicator": meta(indicator)?.name(in: language) ?? indicator,
                "school": subject.name,
                "year": yearLabel,
                "threshold": Self.threshold(rule.condition, indicator: indicator, subject: subject).compactText(in: language),
            ]
            values.merge(Self.placeholders(evidence, prefix: "", language: language)) { a, _ in a }
            let measured = firstMeasured
            let worsening = self.measure(.worsening, indicator: indicator, subject: subject, minDenominator: 0)
            let gap = self.measure(.gapToCity, indicator: indicator, subject: subject, minDenominator: 0)
            values["worsening"] = Self.text(rule.condition.measure == .worsening ? measured : worsening, language)
            values["gap"] = Self.text(rule.condition.measure == .gapToCity ? measured : gap, language)
            if let second = rule.second, let secondIndicator, let secondEvidence {
                values["second_indicator"] = meta(secondIndicator)?.name(in: language) ?? secondIndicator
                values["second_threshold"] = Self.threshold(second, indicator: secondIndicator, subject: subject).compactText(in: language)
                values.merge(Self.placeholders(secondEvidence, prefix: "second_", language: language)) { a, _ in a }
            }
            var text = RuleTemplate.fill(rule.template(in: language), values, language: language)
            let unit = meta(indicator)?.isPercent ?? true ? (language == .ru ? " %" : "%") : (language == .ru ? " ч" : " h")
            if let source = Self.thresholdSource(rule.condition, indicator: indicator, subject: subject, unit: unit, language: language) {
                text += " " + source
            }
            texts[language] = text
        }
        var recommendation = Recommendation(
            ruleID: rule.id, priority: rule.priority, schoolCode: subject.schoolCode, subjectName: subject.name,
            indicator: indicator, evidence: evidence, secondEvidence: secondEvidence,
            textRU: texts[.ru] ?? rule.textRU, textEN: texts[.en] ?? rule.textEN,
            held: held, theme: rule.theme ?? meta(key)?.theme ?? RecommendationTheme.otherID)
        recommendation.overEachIndicator = rule.condition.indicator == nil
        return recommendation
    }

    /// The figures of `indicator` for `subject`.
    static func evidence(_ indicator: String, subject: RecommendationSubject) -> Evidence {
        let current = subject.current[indicator]
        let previous = subject.previous[indicator]?.value
        let value = current?.value
        let cityValue = subject.isSchool ? subject.city[indicator]?.value : value
        let change: OneDecimal? = if let value, let previous { value - previous } else { nil }
        return Evidence(
            indicator: indicator, value: value, numerator: current?.numerator ?? 0, denominator: current?.denominator ?? 0,
            cityValue: cityValue, previousValue: previous, change: change, isSmall: current?.isSmall ?? false)
    }

    static func placeholders(_ evidence: Evidence, prefix: String, language: ReportLanguage) -> [String: String] {
        [
            prefix + "value": text(evidence.value, language),
            prefix + "numerator": String(evidence.numerator),
            prefix + "denominator": String(evidence.denominator),
            prefix + "missing": String(max(0, evidence.denominator - evidence.numerator)),
            prefix + "city_value": text(evidence.cityValue, language),
            prefix + "previous_value": text(evidence.previousValue, language),
            prefix + "change": evidence.change.map { $0.text(in: language, signed: true) } ?? "—",
        ]
    }

    static func text(_ value: OneDecimal?, _ language: ReportLanguage) -> String {
        value?.text(in: language) ?? "—"
    }
}

/// Fills `{name}` placeholders of a text template.
///
/// A placeholder that stands for a count may name the noun it counts, and the noun then
/// agrees with the number (`RussianPlural`, `EnglishPlural`):
///
/// - `{missing|педагог}`: a noun of `RussianPlural.nouns` by its nominative singular →
///   «1 педагог», «22 педагога», «25 педагогов»;
/// - `{missing|педагога|педагогов|педагогов}`: the three forms (after 1, after 2–4, after 5–20)
///   in the case the phrase needs → «у 1 педагога», «у 22 педагогов»;
/// - `{missing|teacher}`, `{missing|person|people}`: English singular (and plural).
///
/// Which kind applies is the template's language.
public enum RuleTemplate {
    /// `template` with each `{name}` (or `{name|noun…}`) whose name is in `values` replaced;
    /// other braces are left exactly as written.
    public static func fill(_ template: String, _ values: [String: String], language: ReportLanguage = .ru) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}") {
                let spec = Placeholder(after[..<close])
                if let value = values[spec.name] {
                    result += spec.nouns.isEmpty ? value : counted(value, spec.nouns, language: language)
                    rest = after[after.index(after: close)...]
                    continue
                }
            }
            result += "{"
            rest = after
        }
        result += rest
        return result
    }

    /// `value` followed by the form of `nouns` it takes. A value that is not a number (`—`)
    /// is written alone.
    static func counted(_ value: String, _ nouns: [String], language: ReportLanguage) -> String {
        switch language {
        case .ru:
            guard let form = RussianPlural.form(ofNumber: value) else { return value }
            let noun = nouns.count == 3 ? RussianPlural.Noun(one: nouns[0], few: nouns[1], many: nouns[2])
                : RussianPlural.noun(named: nouns[0])
            guard let noun else { return value + " " + nouns[0] }
            switch form {
            case .one: return value + " " + noun.one
            case .few: return value + " " + noun.few
            case .many: return value + " " + noun.many
            }
        case .en:
            guard RussianPlural.form(ofNumber: value) != nil else { return value }
            let plural = nouns.count >= 2 ? nouns[1] : EnglishPlural.plural(of: nouns[0])
            return value + " " + (EnglishPlural.isSingular(value) ? nouns[0] : plural)
        }
    }

    /// A placeholder's text split at `|`: the name, then the noun forms, if any.
    struct Placeholder {
        var name: String
        var nouns: [String]

        init(_ text: Substring) {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            name = parts.first ?? ""
            nouns = Array(parts.dropFirst())
        }
    }

    /// Every placeholder the engine fills.
    public static let knownPlaceholders: Set<String> = [
        "indicator", "school", "year", "value", "numerator", "denominator", "missing", "city_value",
        "previous_value", "change", "worsening", "gap", "threshold", "second_indicator", "second_value",
        "second_numerator", "second_denominator", "second_missing", "second_city_value", "second_previous_value",
        "second_change", "second_threshold",
    ]

    /// The placeholder names a template uses (for checking a rules file), without noun forms.
    public static func placeholders(in template: String) -> [String] {
        specs(in: template).map(\.name)
    }

    /// Why the noun forms of `template`'s placeholders cannot be used in `language`, or nil:
    /// Russian takes one known noun or three forms, English one or two forms.
    public static func nounProblem(in template: String, language: ReportLanguage) -> String? {
        for spec in specs(in: template) where !spec.nouns.isEmpty {
            if spec.nouns.contains(where: \.isEmpty) {
                return "{\(spec.name)|…}: пустая форма / an empty noun form"
            }
            switch language {
            case .ru:
                if spec.nouns.count == 1, RussianPlural.noun(named: spec.nouns[0]) == nil {
                    let known = RussianPlural.nouns.keys.sorted().joined(separator: ", ")
                    return "{\(spec.name)|\(spec.nouns[0])}: существительное не из словаря (\(known)); дайте три формы:"
                        + " {\(spec.name)|педагог|педагога|педагогов} / unknown Russian noun: give its three forms"
                }
                if spec.nouns.count == 2 || spec.nouns.count > 3 {
                    return "{\(spec.name)|…}: нужна одна форма из словаря или три формы (после 1, 2, 5)"
                        + " / Russian needs one known noun or three forms"
                }
            case .en:
                if spec.nouns.count > 2 {
                    return "{\(spec.name)|…}: English takes the singular and, if irregular, the plural"
                }
            }
        }
        return nil
    }

    static func specs(in template: String) -> [Placeholder] {
        var specs: [Placeholder] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            specs.append(Placeholder(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return specs
    }
}
