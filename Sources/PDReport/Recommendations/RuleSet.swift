/// The recommendation rules in force: the rows of `dw.recommendation_rule` (read by the
/// warehouse, `RuleSet.load`), merged with a rules file when one is given.
public enum RuleSet {
    /// `rules` with the file's entries applied: an entry whose id exists overrides the
    /// fields it gives; a new id adds a rule (priority, indicator, comparison, threshold,
    /// text_ru and text_en required). Every resulting rule must name catalogued indicators,
    /// be consistent, and use only known placeholders.
    public static func merge(_ rules: [RecommendationRule], with file: RecommendationRuleFile, indicators: [String]) throws -> [RecommendationRule] {
        var merged = rules
        for entry in file.entries {
            func fail(_ reason: String) -> RecommendError {
                .rulesFile(source: file.source, ruleID: entry.id, reason: reason)
            }
            func decimal(_ text: String?, _ key: String) throws -> OneDecimal? {
                guard let text else { return nil }
                guard let value = OneDecimal(text) else { throw fail("\(key) = \(text): нужно число / must be a number") }
                return value
            }
            var rule: RecommendationRule
            let index = merged.firstIndex { $0.id == entry.id }
            if let index {
                rule = merged[index]
            } else {
                let required: [(String, Bool)] = [
                    ("priority", entry.priority != nil), ("indicator", entry.indicator != nil),
                    ("comparison", entry.comparison != nil), ("threshold", entry.threshold != nil),
                    ("text_ru", entry.textRU != nil), ("text_en", entry.textEN != nil),
                ]
                let missing = required.filter { !$0.1 }.map(\.0)
                guard missing.isEmpty else {
                    throw fail("новому правилу не хватает ключей: \(missing.joined(separator: ", ")) / a new rule needs: \(missing.joined(separator: ", "))")
                }
                rule = RecommendationRule(
                    id: entry.id, priority: 0,
                    condition: RuleCondition(indicator: nil, comparison: .less, threshold: OneDecimal(0)),
                    textRU: "", textEN: "")
            }
            if let value = entry.priority { rule.priority = value }
            if let value = entry.scope.flatMap(RuleScope.init(rawValue:)) { rule.scope = value }
            if let value = entry.indicator { rule.condition.indicator = value.isEmpty ? nil : value }
            if let value = entry.measure.flatMap(RuleMeasure.init(rawValue:)) { rule.condition.measure = value }
            if let value = entry.comparison.flatMap(RuleComparison.init(rawValue:)) { rule.condition.comparison = value }
            if let value = try decimal(entry.threshold, "threshold") { rule.condition.threshold = value }
            if entry.combine == "" {
                rule.second = nil
                rule.combine = nil
            } else {
                let touchesSecond = entry.secondIndicator != nil || entry.secondMeasure != nil
                    || entry.secondComparison != nil || entry.secondThreshold != nil || entry.combine != nil
                if touchesSecond {
                    var second = rule.second ?? RuleCondition(indicator: nil, comparison: .less, threshold: OneDecimal(0))
                    if rule.second == nil && (entry.secondIndicator == nil || entry.secondComparison == nil || entry.secondThreshold == nil) {
                        throw fail("второе условие требует second_indicator, second_comparison, second_threshold и combine"
                            + " / a second condition needs second_indicator, second_comparison, second_threshold and combine")
                    }
                    if let value = entry.secondIndicator { second.indicator = value }
                    if let value = entry.secondMeasure.flatMap(RuleMeasure.init(rawValue:)) { second.measure = value }
                    if let value = entry.secondComparison.flatMap(RuleComparison.init(rawValue:)) { second.comparison = value }
                    if let value = try decimal(entry.secondThreshold, "second_threshold") { second.threshold = value }
                    rule.second = second
                    if let value = entry.combine.flatMap(RuleCombine.init(rawValue:)) { rule.combine = value }
                }
            }
            if let value = entry.minDenominator { rule.minDenominator = value }
            if let value = entry.textRU { rule.textRU = value }
            if let value = entry.textEN { rule.textEN = value }
            if let value = entry.enabled { rule.isEnabled = value }
            if let value = entry.theme { rule.theme = value.isEmpty ? nil : value }

            for id in [rule.condition.indicator, rule.second?.indicator].compactMap({ $0 }) where !indicators.contains(id) {
                throw fail("показателя «\(id)» нет в каталоге; известны: \(indicators.joined(separator: ", "))"
                    + " / indicator \"\(id)\" is not in the catalogue")
            }
            if let problem = rule.problem { throw fail(problem) }
            let unknown = (RuleTemplate.placeholders(in: rule.textRU) + RuleTemplate.placeholders(in: rule.textEN))
                .filter { !RuleTemplate.knownPlaceholders.contains($0) }
            if !unknown.isEmpty {
                throw fail("неизвестные подстановки: {\(unknown.joined(separator: "}, {"))}; допустимы: \(RuleTemplate.knownPlaceholders.sorted().joined(separator: ", "))"
                    + " / unknown placeholders")
            }
            for language in ReportLanguage.allCases {
                if let problem = RuleTemplate.nounProblem(in: rule.template(in: language), language: language) { throw fail(problem) }
            }
            if let index { merged[index] = rule } else { merged.append(rule) }
        }
        return merged.sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
    }
}
