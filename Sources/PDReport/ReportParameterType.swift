import PDContract

/// The element type of a report parameter, as written in a report file header.
public enum ReportScalarType: String, Sendable, Equatable, Hashable, CaseIterable {
    case text
    case integer
    case numeric
    case date
    case boolean
    /// An academic year, read as the export contract reads one (`2021-2022`, `2021/2022`,
    /// `2021–2022`, `2021/22`, `2021-22`); bound as `2021-2022`.
    case academicYear = "academic_year"

    /// PostgreSQL type OID of the bound scalar (academic years are bound as text).
    public var postgresTypeOID: UInt32 {
        switch self {
        case .text, .academicYear: 25   // text
        case .integer: 20               // int8
        case .numeric: 1700             // numeric
        case .date: 1082                // date
        case .boolean: 16               // bool
        }
    }

    /// PostgreSQL type OID of an array of this type.
    public var postgresArrayTypeOID: UInt32 {
        switch self {
        case .text, .academicYear: 1009 // _text
        case .integer: 1016             // _int8
        case .numeric: 1231             // _numeric
        case .date: 1182                // _date
        case .boolean: 1000             // _bool
        }
    }

    /// What a valid value looks like, for error messages.
    public var expectation: Caption {
        switch self {
        case .text: Caption(ru: "текст", en: "text")
        case .integer: Caption(ru: "целое число, например 42", en: "a whole number, e.g. 42")
        case .numeric: Caption(ru: "число, например 12.5 или 12,5", en: "a number, e.g. 12.5")
        case .date: Caption(ru: "дата, например 01.09.2023 или 2023-09-01", en: "a date, e.g. 2023-09-01 or 01.09.2023")
        case .boolean: Caption(ru: "да или нет (true/false)", en: "yes or no (true/false)")
        case .academicYear: Caption(ru: "учебный год, например 2021-2022", en: "an academic year, e.g. 2021-2022")
        }
    }

    /// The value in the canonical text form bound to the query, or `nil` when it is not a
    /// valid value of this type. Text is kept verbatim (only NUL, which libpq cannot send,
    /// is refused); other types are trimmed and normalised (`12,5` → `12.5`,
    /// `01.09.2023` → `2023-09-01`, `да` → `true`, `2021/22` → `2021-2022`).
    public func normalise(_ value: String) -> String? {
        if value.unicodeScalars.contains("\u{0}") { return nil }
        if self == .text { return value }
        let trimmed = value.trimmingSpaces()
        switch self {
        case .text: return value
        case .integer: return Self.normaliseInteger(trimmed)
        case .numeric: return Self.normaliseNumeric(trimmed)
        case .date: return Self.normaliseDate(trimmed)
        case .boolean: return Self.normaliseBoolean(trimmed)
        case .academicYear: return Self.normaliseAcademicYear(trimmed)
        }
    }

    static func normaliseInteger(_ text: String) -> String? {
        var digits = Substring(text)
        var sign = ""
        if digits.first == "+" || digits.first == "-" {
            sign = digits.first == "-" ? "-" : ""
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int64(sign + digits) else { return nil }
        return String(number)
    }

    static func normaliseNumeric(_ text: String) -> String? {
        var body = Substring(text)
        var sign = ""
        if body.first == "+" || body.first == "-" {
            sign = body.first == "-" ? "-" : ""
            body = body.dropFirst()
        }
        let dotted = String(body.map { $0 == "," ? "." : $0 })
        // `.5` reads as `0.5`; a second sign (`--5`) or nothing after the sign is refused.
        let unsigned = dotted.hasPrefix(".") ? "0" + dotted : dotted
        guard !unsigned.hasPrefix("-"), NumberText.isPlainNumber(unsigned) else { return nil }
        return sign + unsigned
    }

    static func normaliseDate(_ text: String) -> String? {
        // yyyy-mm-dd, or dd.mm.yyyy / d.m.yyyy / dd/mm/yyyy.
        let year: Int, month: Int, day: Int
        if let parts = numericParts(text, separator: "-"), parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
            (year, month, day) = (Int(parts[0]) ?? 0, Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        } else if let parts = numericParts(text, separator: ".") ?? numericParts(text, separator: "/"),
                  parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 {
            (day, month, year) = (Int(parts[0]) ?? 0, Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
        } else {
            return nil
        }
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    static func normaliseBoolean(_ text: String) -> String? {
        switch text.lowercased() {
        case "true", "t", "yes", "y", "on", "1", "да", "д": "true"
        case "false", "f", "no", "n", "off", "0", "нет", "н": "false"
        default: nil
        }
    }

    /// The contract's reading of an academic year (`PDContract.AcademicYear.parse`), as `2021-2022`.
    static func normaliseAcademicYear(_ text: String) -> String? {
        AcademicYear.parse(text)?.label
    }

    /// Three non-empty runs of ASCII digits separated by `separator`, or `nil`.
    private static func numericParts(_ text: String, separator: Character) -> [Substring]? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        return parts
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// A report parameter's declared type: a scalar type or an array of it (`text[]`).
public struct ReportParameterType: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var scalar: ReportScalarType
    public var isArray: Bool

    public init(scalar: ReportScalarType, isArray: Bool = false) {
        self.scalar = scalar
        self.isArray = isArray
    }

    /// Parses a declaration such as `integer`, `academic_year` or `text[]` (case-insensitive).
    public init?(declaration: String) {
        var name = declaration.lowercased()
        var isArray = false
        if name.hasSuffix("[]") {
            name.removeLast(2)
            isArray = true
        }
        guard let scalar = ReportScalarType(rawValue: name) else { return nil }
        self.init(scalar: scalar, isArray: isArray)
    }

    /// As written in a header: `text`, `text[]`.
    public var description: String { scalar.rawValue + (isArray ? "[]" : "") }

    /// The PostgreSQL type OID to pass to `PQexecParams` for this parameter.
    public var postgresTypeOID: UInt32 { isArray ? scalar.postgresArrayTypeOID : scalar.postgresTypeOID }

    /// What a valid value looks like, for error messages.
    public var expectation: Caption {
        let element = scalar.expectation
        guard isArray else { return element }
        return Caption(
            ru: "список (параметр можно повторить), каждый элемент: \(element.ru)",
            en: "a list (repeat the parameter), each element \(element.en)"
        )
    }

    /// A PostgreSQL array literal with every element double-quoted and `"`/`\` escaped,
    /// e.g. `["a", "b\"c"]` → `{"a","b\"c"}`; an empty list is `{}`.
    public static func arrayLiteral(_ elements: [String]) -> String {
        let quoted = elements.map { element -> String in
            var out = "\""
            for character in element {
                if character == "\"" || character == "\\" { out.append("\\") }
                out.append(character)
            }
            return out + "\""
        }
        return "{" + quoted.joined(separator: ",") + "}"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\u{00A0}" }
        var slice = Substring(self)
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
