/// What a rule condition measures.
public enum RuleMeasure: String, Sendable, Hashable, CaseIterable {
    /// The indicator's value (percent, or hours for an hours indicator).
    case value
    /// How far the value moved in its worse direction since the previous year, in
    /// percentage points (negative when it improved).
    case worsening
    /// How far a school is worse than the city, in percentage points (negative when better).
    /// Schools only.
    case gapToCity = "gap_to_city"
}

/// The comparison of a measure with a threshold.
public enum RuleComparison: String, Sendable, Hashable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether `measured <comparison> threshold` holds.
    public func holds(_ measured: OneDecimal, _ threshold: OneDecimal) -> Bool {
        switch self {
        case .less: measured < threshold
        case .lessOrEqual: measured <= threshold
        case .greater: measured > threshold
        case .greaterOrEqual: measured >= threshold
        }
    }
}

/// Where a rule applies.
public enum RuleScope: String, Sendable, Hashable, CaseIterable {
    case school
    case city
    case both

    public func includes(school: Bool) -> Bool {
        switch self {
        case .both: true
        case .school: school
        case .city: !school
        }
    }
}

/// How the two conditions of a compound rule combine.
public enum RuleCombine: String, Sendable, Hashable, CaseIterable {
    case and
    case or
}

/// One condition: `measure(indicator) comparison threshold`.
public struct RuleCondition: Sendable, Hashable {
    /// The indicator id; nil means "each percent indicator of the catalogue in turn".
    public var indicator: String?
    public var measure: RuleMeasure
    public var comparison: RuleComparison
    public var threshold: OneDecimal

    public init(indicator: String?, measure: RuleMeasure = .value, comparison: RuleComparison, threshold: OneDecimal) {
        self.indicator = indicator
        self.measure = measure
        self.comparison = comparison
        self.threshold = threshold
    }
}

/// A recommendation rule (a row of `dw.recommendation_rule`, possibly overridden by a rules
/// file): when its condition holds for a school or the city in a year, it fires and its
/// text template is filled with the figures.
///
/// Placeholders: `{indicator} {school} {year} {value} {numerator} {denominator} {missing}
/// {city_value} {previous_value} {change} {worsening} {gap} {threshold}` and, for the second
/// condition, `{second_indicator} {second_value} {second_numerator} {second_denominator}
/// {second_missing} {second_threshold}`. An unknown placeholder is left as written.
public struct RecommendationRule: Sendable, Hashable {
    public var id: String
    /// Smaller fires first within a section.
    public var priority: Int
    public var scope: RuleScope
    public var condition: RuleCondition
    /// The second condition of a compound rule, with how it combines with the first.
    public var second: RuleCondition?
    public var combine: RuleCombine?
    /// Not fired when a denominator involved is below this.
    public var minDenominator: Int
    public var textRU: String
    public var textEN: String
    public var isEnabled: Bool
    /// The theme the rule's recommendations are grouped under (`dw.recommendation_theme`);
    /// nil: the theme of the indicator it fired on (rules over each indicator).
    public var theme: String?

    public init(
        id: String, priority: Int, scope: RuleScope = .both, condition: RuleCondition,
        second: RuleCondition? = nil, combine: RuleCombine? = nil, minDenominator: Int = 0,
        textRU: String, textEN: String, isEnabled: Bool = true, theme: String? = nil
    ) {
        self.theme = theme
        self.id = id
        self.priority = priority
        self.scope = scope
        self.condition = condition
        self.second = second
        self.combine = combine
        self.minDenominator = minDenominator
        self.textRU = textRU
        self.textEN = textEN
        self.isEnabled = isEnabled
    }

    /// The text template in `language`.
    public func template(in language: ReportLanguage) -> String {
        language == .ru ? textRU : textEN
    }

    /// Why the rule is inconsistent, or nil when it can be evaluated.
    public var problem: String? {
        if (second == nil) != (combine == nil) {
            return "a second condition needs combine = and|or, and combine needs a second condition"
                + " / второе условие требует combine, а combine — второго условия"
        }
        if condition.indicator == nil && second != nil {
            return "a rule over every indicator cannot have a second condition"
                + " / правило «по каждому показателю» не может иметь второго условия"
        }
        if second != nil && second?.indicator == nil {
            return "the second condition needs an indicator / второму условию нужен показатель"
        }
        let measures = [condition.measure] + (second.map { [$0.measure] } ?? [])
        if measures.contains(.gapToCity) && scope != .school {
            return "gap_to_city compares a school with the city: set scope = \"school\""
                + " / gap_to_city сравнивает ОО с городом: укажите scope = \"school\""
        }
        if textRU.trimmingWhitespace().isEmpty || textEN.trimmingWhitespace().isEmpty {
            return "text_ru and text_en must not be empty / text_ru и text_en не должны быть пустыми"
        }
        return nil
    }
}
