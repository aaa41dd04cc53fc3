import Foundation
import TOMLKit

/// A mapping file (`--mapping FILE`, TOML): extra header names per kind, extra value
/// spellings per field, and default values. See docs/exports.md for the format:
///
/// ```toml
/// [defaults]
/// municipality = "Энский городской округ"
///
/// [headers.survey]
/// teacher_id = "Укажите ваш СНИЛС"
/// experience_years = ["Ваш педагогический стаж (полных лет)", "Стаж работы"]
///
/// [values.mentoring_role]
/// mentor = ["Да, я наставник"]
///
/// [values.deficit_diagnostic]
/// true = ["Да, проходил(а)"]
/// ```
public struct ContractMapping: Sendable, Equatable {
    /// Extra header names: kind → field → names (as written; folded when matched).
    public var headerAliases: [ExportKind: [ContractField: [String]]]
    /// Extra value spellings: field → canonical code (or `true`/`false` for flags) → spellings.
    public var valueAliases: [ContractField: [String: [String]]]
    /// Values used when a field's column is absent or its cell is empty. They are parsed like
    /// cell values, so `delivery = "очно"` works. A required column with a default need not be present.
    public var defaults: [ContractField: String]
    /// Where the mapping came from (file name), for messages.
    public var source: String

    /// No mapping: built-in aliases only.
    public static let none = ContractMapping()

    public init(
        headerAliases: [ExportKind: [ContractField: [String]]] = [:],
        valueAliases: [ContractField: [String: [String]]] = [:],
        defaults: [ContractField: String] = [:],
        source: String = "mapping"
    ) {
        self.headerAliases = headerAliases
        self.valueAliases = valueAliases
        self.defaults = defaults
        self.source = source
    }

    /// Reads and checks a mapping file.
    public static func load(path: String) throws(MappingError) -> ContractMapping {
        switch TOMLSource.read(path: path) {
        case .success(let text): return try ContractMapping(toml: text, source: (path as NSString).lastPathComponent)
        case .failure(let failure): throw .unreadable(source: path, reason: failure.reason)
        }
    }

    /// Parses and checks mapping text: every kind, field and code must exist, and no new
    /// spelling may already mean something else.
    public init(toml text: String, source: String = "mapping") throws(MappingError) {
        self.init(source: source)
        let root: TOMLTable
        switch TOMLSource.table(text) {
        case .success(let table): root = table
        case .failure(let failure):
            throw .syntax(source: source, line: failure.line, column: failure.column, message: failure.message)
        }
        for key in root.keys {
            switch key {
            case "headers":
                let kinds = try Self.table(root[key], path: key, source: source)
                for kindName in kinds.keys {
                    guard let kind = ExportKind(rawValue: kindName) else {
                        throw .unknownKind(source: source, name: kindName)
                    }
                    let fields = try Self.table(kinds[kindName], path: "headers.\(kindName)", source: source)
                    for fieldName in fields.keys {
                        guard let field = ContractField(rawValue: fieldName), kind.definition(of: field) != nil else {
                            throw .unknownField(source: source, kind: kindName, name: fieldName)
                        }
                        let names = try Self.strings(fields[fieldName], path: "headers.\(kindName).\(fieldName)", source: source)
                        headerAliases[kind, default: [:]][field, default: []].append(contentsOf: names)
                    }
                }
            case "values":
                let fields = try Self.table(root[key], path: key, source: source)
                for fieldName in fields.keys {
                    guard let field = ContractField(rawValue: fieldName) else {
                        throw .unknownField(source: source, kind: nil, name: fieldName)
                    }
                    guard let codes = field.codes else { throw .notCoded(source: source, field: fieldName) }
                    let byCode = try Self.table(fields[fieldName], path: "values.\(fieldName)", source: source)
                    for code in byCode.keys {
                        guard codes.contains(code) else {
                            throw .unknownCode(source: source, field: fieldName, code: code, expected: codes)
                        }
                        let spellings = try Self.strings(byCode[code], path: "values.\(fieldName).\(code)", source: source)
                        valueAliases[field, default: [:]][code, default: []].append(contentsOf: spellings)
                    }
                }
            case "defaults":
                let values = try Self.table(root[key], path: key, source: source)
                for fieldName in values.keys {
                    guard let field = ContractField(rawValue: fieldName) else {
                        throw .unknownField(source: source, kind: nil, name: fieldName)
                    }
                    guard !field.isPersonal else { throw .personalDefault(source: source, field: fieldName) }
                    let value = values[fieldName]
                    if let string = value?.string {
                        defaults[field] = string
                    } else if let int = value?.int {
                        defaults[field] = String(int)
                    } else if let bool = value?.bool {
                        defaults[field] = bool ? "true" : "false"
                    } else {
                        throw .wrongType(source: source, path: "defaults.\(fieldName)", expected: "a string")
                    }
                }
            default:
                throw .unknownSection(source: source, name: key)
            }
        }
        try checkConflicts()
        try checkListSpellings()
    }

    /// Refuses a spelling that already means another field or code.
    private func checkConflicts() throws(MappingError) {
        for (kind, byField) in headerAliases {
            var table = Vocabulary.builtInHeaders(of: kind)
            for (field, names) in byField.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                for name in names {
                    let folded = TextFold.fold(name)
                    if let existing = table[folded], existing != field {
                        throw .conflict(source: source, spelling: name, existing: existing.rawValue, requested: field.rawValue)
                    }
                    table[folded] = field
                }
            }
        }
        for (field, byCode) in valueAliases {
            var table = Vocabulary.builtInValues(of: field)
            for (code, spellings) in byCode.sorted(by: { $0.key < $1.key }) {
                for spelling in spellings {
                    let folded = TextFold.fold(spelling)
                    if let existing = table[folded], existing != code {
                        throw .conflict(source: source, spelling: spelling, existing: "\(field.rawValue)=\(existing)",
                                        requested: "\(field.rawValue)=\(code)")
                    }
                    table[folded] = code
                }
            }
        }
    }

    private static func table(_ value: TOMLValueConvertible?, path: String, source: String) throws(MappingError) -> TOMLTable {
        guard let table = value?.table else { throw .wrongType(source: source, path: path, expected: "a table") }
        return table
    }

    private static func strings(_ value: TOMLValueConvertible?, path: String, source: String) throws(MappingError) -> [String] {
        if let string = value?.string { return [string] }
        if let array = value?.array {
            var result: [String] = []
            for element in array {
                guard let string = element.string else {
                    throw .wrongType(source: source, path: path, expected: "a string or an array of strings")
                }
                result.append(string)
            }
            return result
        }
        throw .wrongType(source: source, path: path, expected: "a string or an array of strings")
    }
}

/// Why a mapping file was refused. Descriptions are bilingual and say what to fix.
public enum MappingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(source: String, reason: String)
    case syntax(source: String, line: Int, column: Int, message: String)
    case unknownSection(source: String, name: String)
    case unknownKind(source: String, name: String)
    case unknownField(source: String, kind: String?, name: String)
    case notCoded(source: String, field: String)
    case unknownCode(source: String, field: String, code: String, expected: [String])
    case wrongType(source: String, path: String, expected: String)
    case conflict(source: String, spelling: String, existing: String, requested: String)
    case personalDefault(source: String, field: String)
    /// A spelling of a list field's option that a list cell could not tell from the separator:
    /// it is empty or a separator, starts or ends with one, or reads as a list of other options
    /// (`parts`, each meaning another code).
    case ambiguousListSpelling(source: String, field: String, spelling: String, parts: [String])

    public var description: String {
        switch self {
        case let .unreadable(source, reason):
            return "Файл сопоставления \(source) не читается: \(reason). / Cannot read mapping file \(source): \(reason)."
        case let .syntax(source, line, column, message):
            return "\(source):\(line):\(column): ошибка TOML: \(message). Исправьте синтаксис. / TOML syntax error: \(message). Fix the file."
        case let .unknownSection(source, name):
            return "\(source): неизвестный раздел [\(name)]; допустимы [headers.<вид>], [values.<поле>], [defaults]. / Unknown section [\(name)]; use [headers.<kind>], [values.<field>] or [defaults]."
        case let .unknownKind(source, name):
            let kinds = ExportKind.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(source): неизвестный вид выгрузки «\(name)»; допустимы: \(kinds). / Unknown export kind '\(name)'; expected one of: \(kinds)."
        case let .unknownField(source, kind, name):
            let scope = kind.map { " (\($0))" } ?? ""
            return "\(source): неизвестное поле «\(name)»\(scope); используйте каноническое английское имя из docs/exports.md. / Unknown field '\(name)'\(scope); use a canonical English field name from docs/exports.md."
        case let .notCoded(source, field):
            return "\(source): у поля «\(field)» нет таблицы значений, синонимы значений для него задать нельзя. / Field '\(field)' has no value table; value aliases cannot be set for it."
        case let .unknownCode(source, field, code, expected):
            let list = expected.joined(separator: ", ")
            return "\(source): у поля «\(field)» нет кода «\(code)»; допустимы: \(list). / Field '\(field)' has no code '\(code)'; expected one of: \(list)."
        case let .wrongType(source, path, expected):
            return "\(source): значение \(path) должно быть: \(expected). / \(path) must be \(expected)."
        case let .conflict(source, spelling, existing, requested):
            return "\(source): написание «\(spelling)» уже означает \(existing), его нельзя назначить \(requested). / The spelling '\(spelling)' already means \(existing); it cannot also mean \(requested)."
        case let .ambiguousListSpelling(source, field, spelling, parts):
            if parts.isEmpty {
                return "\(source): написание «\(spelling)» поля «\(field)» нельзя отличить от разделителя списка (`,`, `;`, `|`): оно пустое, состоит из разделителей или начинается либо заканчивается разделителем. Уберите разделители по краям. / The spelling '\(spelling)' of the list field '\(field)' cannot be told apart from the list separator (`,`, `;`, `|`): it is empty, only separators, or starts or ends with one. Remove the separators at its ends."
            }
            let list = parts.map { "«\($0)»" }.joined(separator: ", ")
            return "\(source): написание «\(spelling)» поля «\(field)» читается и как список вариантов \(list) с другими кодами; ячейку с ним нельзя разобрать однозначно. Измените написание. / The spelling '\(spelling)' of the list field '\(field)' also reads as the list of options \(list), which mean other codes; a cell holding it cannot be split unambiguously. Change the spelling."
        case let .personalDefault(source, field):
            return "\(source): для персональных данных («\(field)») значение по умолчанию задать нельзя. / A default cannot be set for personal data ('\(field)')."
        }
    }
}
