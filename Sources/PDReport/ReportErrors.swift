/// A report file whose header or SQL is wrong; found before anything runs.
/// `description` says what happened and what to do, in Russian and English.
public struct ReportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Equatable {
        /// `param:` line that is not `name type [required|optional] [-- comment]`.
        case malformedParameter(String)
        /// A parameter name that is not `[A-Za-z_][A-Za-z0-9_]*`.
        case invalidParameterName(String)
        /// A type other than text, integer, numeric, date, boolean, academic_year (or `[]` of them).
        case unknownType(String)
        /// A third word other than `required` or `optional`.
        case invalidRequirement(String)
        /// A parameter declared twice; `firstLine` is the first declaration.
        case duplicateParameter(name: String, firstLine: Int)
        /// A header key that may appear once (`name:`) appears again.
        case duplicateKey(String)
        /// A `name:` with characters other than letters, digits, `_`, `-`, `.`.
        case invalidReportName(String)
        /// `$number` where only `$1…$declared` exist.
        case placeholderOutOfRange(number: Int, declared: Int)
        /// A declared parameter whose `$position` the SQL never uses.
        case parameterNotUsed(name: String, position: Int)
        /// A string literal, quoted identifier, comment or dollar quote that never ends.
        case unterminated(String)
        /// The file has a header but no statement.
        case noStatement
    }

    public var path: String
    /// 1-based line of the problem, when it has one.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    public var reason: Reason

    public init(path: String, line: Int?, column: Int? = nil, reason: Reason) {
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        let (ru, en) = texts
        return "\(location): \(ru) / \(en)"
    }

    private var texts: (String, String) {
        let types = ReportScalarType.allCases.map(\.rawValue).joined(separator: ", ")
        switch reason {
        case .malformedParameter(let text):
            return ("неверное объявление параметра «\(clip(text))»; пишите «-- param: имя тип required|optional»",
                    "malformed parameter declaration '\(clip(text))'; write '-- param: name type required|optional'")
        case .invalidParameterName(let name):
            return ("недопустимое имя параметра «\(clip(name))»: только латинские буквы, цифры и _",
                    "invalid parameter name '\(clip(name))': use Latin letters, digits and _")
        case .unknownType(let type):
            return ("неизвестный тип «\(clip(type))»; допустимы \(types) и массивы вида text[]",
                    "unknown type '\(clip(type))'; use one of \(types), or an array such as text[]")
        case .invalidRequirement(let word):
            return ("«\(clip(word))»: ожидается required или optional",
                    "'\(clip(word))': expected required or optional")
        case .duplicateParameter(let name, let firstLine):
            return ("параметр «\(name)» уже объявлен в строке \(firstLine); переименуйте один из них",
                    "parameter '\(name)' is already declared on line \(firstLine); rename one of them")
        case .duplicateKey(let key):
            return ("ключ «\(key):» указан повторно; оставьте один",
                    "key '\(key):' is given twice; keep one")
        case .invalidReportName(let name):
            return ("недопустимое имя отчёта «\(clip(name))»: только латинские буквы, цифры, _, - и .",
                    "invalid report name '\(clip(name))': use Latin letters, digits, _, - and .")
        case .placeholderOutOfRange(let number, let declared):
            let range = declared == 0 ? "параметров не объявлено" : "объявлены $1…$\(declared)"
            let rangeEn = declared == 0 ? "no parameters are declared" : "only $1…$\(declared) are declared"
            return ("в SQL используется $\(number), но \(range); объявите параметр строкой «-- param:»",
                    "the SQL uses $\(number) but \(rangeEn); declare it with a '-- param:' line")
        case .parameterNotUsed(let name, let position):
            return ("параметр «\(name)» ($\(position)) объявлен, но в SQL не используется; уберите объявление или используйте $\(position)",
                    "parameter '\(name)' ($\(position)) is declared but the SQL never uses it; remove it or use $\(position)")
        case .unterminated(let construct):
            let ru: String = switch construct {
            case "string literal": "строковая константа"
            case "quoted identifier": "идентификатор в кавычках"
            case "block comment": "комментарий /* */"
            default: "строка в долларовых кавычках"
            }
            return ("\(ru) не закрыта", "unterminated \(construct)")
        case .noStatement:
            return ("в файле нет SQL-запроса после заголовка", "the file has no SQL statement after its header")
        }
    }
}

/// A report parameter value that cannot be bound; found before anything runs.
/// `description` says what happened and what to do, in Russian and English.
public struct ReportParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A required parameter was not given.
        case missingRequired(name: String, type: ReportParameterType)
        /// A name the report does not declare; `known` lists the declared names.
        case unknownParameter(name: String, known: [String])
        /// A value that does not fit the declared type.
        case invalidValue(name: String, value: String, expected: ReportParameterType)
        /// A scalar parameter given more than once.
        case tooManyValues(name: String, count: Int)
        /// A `--param` argument without `=` or with an empty name.
        case malformedAssignment(String)
    }

    /// The report's name, when known.
    public var report: String?
    public var kind: Kind

    public init(report: String?, kind: Kind) {
        self.report = report
        self.kind = kind
    }

    public var description: String {
        let prefix = report.map { "\($0): " } ?? ""
        let (ru, en) = texts
        return prefix + ru + " / " + en
    }

    private var texts: (String, String) {
        switch kind {
        case .missingRequired(let name, let type):
            return ("не задан обязательный параметр «\(name)» (\(type.expectation.ru)); добавьте --param \(name)=…",
                    "required parameter '\(name)' is missing (\(type.expectation.en)); add --param \(name)=…")
        case .unknownParameter(let name, let known):
            let list = known.isEmpty ? "—" : known.joined(separator: ", ")
            let listEn = known.isEmpty ? "none" : known.joined(separator: ", ")
            return ("неизвестный параметр «\(clip(name))»; параметры отчёта: \(list)",
                    "unknown parameter '\(clip(name))'; the report's parameters are: \(listEn)")
        case .invalidValue(let name, let value, let expected):
            return ("параметр «\(name)»: значение «\(clip(value))» не подходит, ожидается \(expected.description) — \(expected.expectation.ru)",
                    "parameter '\(name)': value '\(clip(value))' is not valid, expected \(expected.description): \(expected.expectation.en)")
        case .tooManyValues(let name, let count):
            return ("параметр «\(name)» задан \(RussianPlural.time.counted(count)), а принимает одно значение",
                    "parameter '\(name)' is given \(count) times but takes one value")
        case .malformedAssignment(let text):
            return ("«\(clip(text))»: пишите --param имя=значение",
                    "'\(clip(text))': write --param name=value")
        }
    }
}

/// Text for an error message: control characters shown as `?`, long text cut to 80 characters.
func clip(_ text: String) -> String {
    let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    return cleaned.count > 80 ? String(cleaned.prefix(80)) + "…" : cleaned
}
