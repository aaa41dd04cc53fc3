import PDPostgres
import PDReport

extension RuleSet {
    /// Every rule of `dw.recommendation_rule` (enabled or not), by priority.
    public static func load(_ connection: Connection, sql: SQLDirectory) throws -> [RecommendationRule] {
        let result = try connection.execute(try sql.statement("recommend/rules.sql"))
        return try result.rows.map { row in
            let id = row[0] ?? ""
            func parse<T>(_ index: Int, _ column: String, _ make: (String) -> T?) throws -> T {
                guard let text = row[index], let value = make(text) else {
                    throw RecommendError.badRuleRow(ruleID: id, column: column, value: row[index] ?? "null")
                }
                return value
            }
            func condition(indicator: String?, measure: Int, comparison: Int, threshold: Int, prefix: String) throws -> RuleCondition {
                RuleCondition(
                    indicator: indicator,
                    measure: try parse(measure, prefix + "measure", RuleMeasure.init(rawValue:)),
                    comparison: try parse(comparison, prefix + "comparison", RuleComparison.init(rawValue:)),
                    threshold: try parse(threshold, prefix + "threshold", OneDecimal.init))
            }
            let second: RuleCondition? = row[9] == nil ? nil
                : try condition(indicator: row[7], measure: 8, comparison: 9, threshold: 10, prefix: "second_")
            return RecommendationRule(
                id: id,
                priority: try parse(1, "priority", { Int($0) }),
                scope: try parse(2, "scope", RuleScope.init(rawValue:)),
                condition: try condition(indicator: row[3], measure: 4, comparison: 5, threshold: 6, prefix: ""),
                second: second,
                combine: row[11].flatMap(RuleCombine.init(rawValue:)),
                minDenominator: try parse(12, "min_denominator", { Int($0) }),
                textRU: row[13] ?? "", textEN: row[14] ?? "",
                isEnabled: row[15] == "t",
                theme: row.count > 16 ? row[16] : nil)
        }
    }
}

extension RecommendationTheme {
    /// The themes of `dw.recommendation_theme`, in listing order.
    public static func load(_ connection: Connection, sql: SQLDirectory) throws -> [RecommendationTheme] {
        try connection.execute(try sql.statement("recommend/themes.sql")).rows.map { row in
            RecommendationTheme(id: row[0] ?? "", nameRU: row[1] ?? "", nameEN: row[2] ?? "")
        }
    }

    /// The catalogue's indicators with the theme and the counted unit of
    /// `dw.recommendation_indicator` (theme `other`, teachers, for an indicator without a row).
    public static func indicators(_ catalogue: IndicatorCatalogue, _ connection: Connection, sql: SQLDirectory) throws -> [IndicatorMeta] {
        var placed: [String: (theme: String, counts: CountedUnit?)] = [:]
        for row in try connection.execute(try sql.statement("recommend/indicator_themes.sql")).rows {
            guard let id = row[0], let theme = row[1] else { continue }
            placed[id] = (theme, row[2].flatMap(CountedUnit.init(rawValue:)))
        }
        return catalogue.indicators.map { info in
            var meta = info.meta
            if let place = placed[info.id] {
                meta.theme = place.theme
                if let counts = place.counts { meta.counts = counts }
            }
            return meta
        }
    }
}
