import Foundation
import PDContract
import TOMLKit

/// A rules file (`pdmon recommend --rules FILE`, TOML) that overrides or extends the
/// recommendation rules of `dw.recommendation_rule` without a code change.
///
/// ```toml
/// # Change a threshold of a default rule; other fields keep their values.
/// [rule.R01]
/// threshold = 85
///
/// # Switch a rule off.
/// [rule.R06]
/// enabled = false
///
/// # A new rule: every field without a default is required.
/// [rule.R13]
/// priority = 130
/// indicator = "qualified_share"
/// comparison = "<"
/// threshold = 40
/// text_ru = "Повысить долю педагогов с высшей и первой категорией: {value} % ({numerator} из {denominator})."
/// text_en = "Raise the share of teachers with the highest or first category: {value}% ({numerator} of {denominator})."
/// ```
///
/// Keys: `priority` (integer), `scope` (school, city, both), `indicator` (an id, or `"*"` for
/// each percent indicator), `measure` (value, worsening, gap_to_city), `comparison`
/// (<, <=, >, >=), `threshold` (number), `second_indicator`, `second_measure`,
/// `second_comparison`, `second_threshold`, `combine` (and, or, or `""` to drop the second
/// condition), `min_denominator` (integer), `text_ru`, `text_en`, `enabled` (boolean), `theme`
/// (a theme id of `dw.recommendation_theme`, or `""` for the theme of the indicator).
/// A count in a text may name its noun: `{missing|педагог}`, `{missing|teacher}` (`RuleTemplate`).
/// This type only reads and type-checks the file; `RuleSet.merge` applies it to the rules.
public struct RecommendationRuleFile: Sendable, Equatable {
    /// The fields one `[rule.ID]` table sets; nil = not given.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var priority: Int?
        public var scope: String?
        /// `""` when the file says `"*"` (each indicator).
        public var indicator: String?
        public var measure: String?
        public var comparison: String?
        /// The threshold as written, in `.` notation (`85`, `12.5`).
        public var threshold: String?
        public var secondIndicator: String?
        public var secondMeasure: String?
        public var secondComparison: String?
        public var secondThreshold: String?
        /// `""` drops the second condition.
        public var combine: String?
        public var minDenominator: Int?
        public var textRU: String?
        public var textEN: String?
        public var enabled: Bool?
        /// `""`: the theme of the indicator the rule fires on.
        public var theme: String?

        public init(id: String) {
            self.id = id
        }
    }

    /// The file name shown in errors.
    public var source: String
    /// In the order of the file.
    public var entries: [Entry]

    static let keys: Set<String> = [
        "priority", "scope", "indicator", "measure", "comparison", "threshold", "second_indicator", "second_measure",
        "second_comparison", "second_threshold", "combine", "min_denominator", "text_ru", "text_en", "enabled", "theme",
    ]

    /// Reads and type-checks a rules file.
    public static func load(path: String) throws(RuleFileError) -> RecommendationRuleFile {
        switch TOMLSource.read(path: path) {
        case .success(let text): return try RecommendationRuleFile(toml: text, source: path)
        case .failure(let failure): throw .unreadable(source: path, reason: failure.reason)
        }
    }

    /// Parses rules-file text.
    public init(toml text: String, source: String = "rules") throws(RuleFileError) {
        self.source = source
        self.entries = []
        let root: TOMLTable
        switch TOMLSource.table(text) {
        case .success(let table): root = table
        case .failure(let failure):
            throw .syntax(source: source, line: failure.line, column: failure.column, message: failure.message)
        }
        for key in root.keys where key != "rule" {
            throw .unknownKey(source: source, path: key)
        }
        guard let rulesValue = root["rule"] else { return }
        guard let rules = rulesValue.table else { throw .wrongType(source: source, path: "rule", expected: "a table of [rule.ID] tables") }
        for id in rules.keys {
            guard !id.isEmpty, id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0) }),
                  id.unicodeScalars.allSatisfy(\.isASCII) else {
                throw .badValue(source: source, path: "rule.\(id)", value: id, expected: "an id of letters, digits, _ . -")
            }
            guard let table = rules[id]?.table else { throw .wrongType(source: source, path: "rule.\(id)", expected: "a table") }
            var entry = Entry(id: id)
            for key in table.keys {
                let path = "rule.\(id).\(key)"
                guard Self.keys.contains(key) else { throw .unknownKey(source: source, path: path) }
                let value = table[key]
                switch key {
                case "priority": entry.priority = try Self.int(value, path: path, source: source)
                case "min_denominator": entry.minDenominator = try Self.int(value, path: path, source: source)
                case "threshold": entry.threshold = try Self.number(value, path: path, source: source)
                case "second_threshold": entry.secondThreshold = try Self.number(value, path: path, source: source)
                case "enabled":
                    guard let bool = value?.bool else { throw .wrongType(source: source, path: path, expected: "true or false") }
                    entry.enabled = bool
                default:
                    guard let string = value?.string else { throw .wrongType(source: source, path: path, expected: "a string") }
                    switch key {
                    case "scope": entry.scope = try Self.choice(string, ["school", "city", "both"], path: path, source: source)
                    case "indicator": entry.indicator = string == "*" ? "" : string
                    case "measure": entry.measure = try Self.choice(string, ["value", "worsening", "gap_to_city"], path: path, source: source)
                    case "comparison": entry.comparison = try Self.choice(string, ["<", "<=", ">", ">="], path: path, source: source)
                    case "second_indicator": entry.secondIndicator = string
                    case "second_measure":
                        entry.secondMeasure = try Self.choice(string, ["value", "worsening", "gap_to_city"], path: path, source: source)
                    case "second_comparison":
                        entry.secondComparison = try Self.choice(string, ["<", "<=", ">", ">="], path: path, source: source)
                    case "combine": entry.combine = try Self.choice(string, ["and", "or", ""], path: path, source: source)
                    case "text_ru": entry.textRU = string
                    case "text_en": entry.textEN = string
                    case "theme":
                        guard string.isEmpty || string.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) else {
                            throw .badValue(source: source, path: path, value: string, expected: "a theme id such as courses, mentoring, or \"\"")
                        }
                        entry.theme = string
                    default: throw .unknownKey(source: source, path: path)
                    }
                }
            }
            entries.append(entry)
        }
    }

    private static func int(_ value: TOMLValueConvertible?, path: String, source: String) throws(RuleFileError) -> Int {
        guard let int = value?.int else { throw .wrongType(source: source, path: path, expected: "a whole number") }
        return int
    }

    private static func number(_ value: TOMLValueConvertible?, path: String, source: String) throws(RuleFileError) -> String {
        if let int = value?.int { return String(int) }
        if let double = value?.double, double.isFinite {
            let tenths = (double * 10).rounded(.toNearestOrAwayFromZero)
            let magnitude = Int(abs(tenths))
            return (tenths < 0 ? "-" : "") + "\(magnitude / 10).\(magnitude % 10)"
        }
        throw .wrongType(source: source, path: path, expected: "a number")
    }

    private static func choice(_ value: String, _ allowed: [String], path: String, source: String) throws(RuleFileError) -> String {
        guard allowed.contains(value) else {
            throw .badValue(source: source, path: path, value: value, expected: allowed.filter { !$0.isEmpty }.joined(separator: ", "))
        }
        return value
    }
}

/// Why a rules file was refused. Descriptions are bilingual and say what to fix.
public enum RuleFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(source: String, reason: String)
    case syntax(source: String, line: Int, column: Int, message: String)
    case unknownKey(source: String, path: String)
    case wrongType(source: String, path: String, expected: String)
    case badValue(source: String, path: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .unreadable(source, reason):
            return "\(source): не удалось прочитать файл правил (\(reason)); проверьте путь. / cannot read the rules file (\(reason)); check the path."
        case let .syntax(source, line, column, message):
            return "\(source):\(line):\(column): ошибка TOML: \(message). Исправьте синтаксис. / TOML syntax error: \(message). Fix the file."
        case let .unknownKey(source, path):
            return "\(source): неизвестный ключ «\(path)»; правила задаются таблицами [rule.ID] с ключами priority, scope, indicator, measure, comparison, threshold, second_*, combine, min_denominator, text_ru, text_en, enabled, theme. / unknown key \"\(path)\"; rules are [rule.ID] tables with those keys."
        case let .wrongType(source, path, expected):
            return "\(source): «\(path)» должно быть: \(expected). / \"\(path)\" must be \(expected)."
        case let .badValue(source, path, value, expected):
            return "\(source): «\(path)» = «\(value)» недопустимо; ожидается одно из: \(expected). / \"\(path)\" = \"\(value)\" is not allowed; expected one of: \(expected)."
        }
    }
}
