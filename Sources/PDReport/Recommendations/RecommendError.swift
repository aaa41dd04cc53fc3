/// Why recommendations or a plan-order could not be produced. Bilingual; says what to do.
public enum RecommendError: Error, CustomStringConvertible, Equatable {
    case badYear(String)
    case noData(year: String)
    case unknownSchool(String, year: String)
    case rulesFile(source: String, ruleID: String, reason: String)
    case badRuleRow(ruleID: String, column: String, value: String)

    public var description: String {
        switch self {
        case .badYear(let value):
            return "«\(value)» — не учебный год, пример: 2023-2024 / \"\(value)\" is not an academic year, e.g. 2023-2024"
        case .noData(let year):
            return "нет значений показателей за \(year): загрузите данные и выполните pdmon db refresh"
                + " / no indicator values for \(year): load the data and run pdmon db refresh"
        case .unknownSchool(let code, let year):
            return "ОО с кодом «\(code)» нет в данных за \(year); проверьте код (pdmon report indicators --year \(year))"
                + " / no school with code \"\(code)\" in the data for \(year); check the code"
        case .rulesFile(let source, let ruleID, let reason):
            return "\(source): правило \(ruleID): \(reason) / rules file \(source), rule \(ruleID): \(reason)"
        case .badRuleRow(let ruleID, let column, let value):
            return "dw.recommendation_rule: правило \(ruleID), столбец \(column) = «\(value)» недопустимо; исправьте строку"
                + " / rule \(ruleID), column \(column) = \"\(value)\" is invalid; fix the row"
        }
    }
}
