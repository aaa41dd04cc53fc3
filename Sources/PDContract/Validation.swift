import Foundation

/// The school codes a row's `school_code` must belong to (the directory loaded so far).
public struct KnownSchools {
    private let check: (String) -> Bool

    /// Codes as stored in `SchoolRecord.schoolCode` (trimmed, whitespace folded).
    public init(_ codes: Set<String>) { check = { codes.contains($0) } }

    /// A custom check, e.g. a lookup in the loader's dimension cache.
    public init(check: @escaping (String) -> Bool) { self.check = check }

    public func contains(_ code: String) -> Bool { check(code) }
}

/// Where an academic year may come from besides the row itself: the chain is the
/// `academic_year` column, else `explicitYear` (`--year`), else a year in the file name,
/// else (enrolments) the dates; a survey row with none is rejected.
public struct YearSources: Sendable {
    public let explicitYear: AcademicYear?
    public let fileNameYear: AcademicYear?

    /// `fileName` is the file's name (a path works too); its year is read once here.
    public init(explicitYear: AcademicYear? = nil, fileName: String? = nil) {
        self.explicitYear = explicitYear
        let baseName = fileName.map { String($0.split(separator: "/").last ?? Substring($0)) }
        self.fileNameYear = baseName.flatMap(AcademicYear.inFileName)
    }

    /// The year that applies when the row's own column is empty, if any.
    public var fallback: AcademicYear? { explicitYear ?? fileNameYear }
}

/// One column of the file as the validators read it, resolved once per file.
struct Column {
    let field: ContractField
    let index: Int?
    let name: String
    let defaultValue: String?

    init(_ field: ContractField, _ header: HeaderMap) {
        self.field = field
        self.index = header.index(of: field)
        self.name = header.columnName(of: field)
        self.defaultValue = header.mapping.defaults[field]
    }

    /// The cell, or the mapping's default when the column is absent or the cell blank. A short
    /// row (`RowShape`) has its missing trailing cells empty.
    @inline(__always)
    func raw(_ fields: [String]) -> String {
        guard let index, index < fields.count else { return defaultValue ?? "" }
        let value = fields[index]
        if let defaultValue, TextFold.clean(value) == nil { return defaultValue }
        return value
    }

    /// An issue with this column's cell; `value` is the cell as the file writes it (masked by
    /// `RowIssue` when personal), not as it was cleaned.
    func issue(_ line: Int, _ value: String, _ reason: RejectReason, _ detail: String? = nil) -> RowIssue {
        RowIssue(line: line, column: name, field: field, value: value, reason: reason, detail: detail)
    }
}

/// Cell readers shared by the three validators. Each appends its problems to `issues`.
enum Cells {
    /// The longest free-text value stored, in UTF-8 bytes (about 500 Cyrillic letters). Titles,
    /// providers and school codes are keys of unique btree indexes, whose rows PostgreSQL caps
    /// at 2704 bytes: two 1000-byte values and the codes beside them stay under it, so an
    /// over-long cell is a rejected row (`too_long`), never a database error.
    static let maximumTextBytes = 1000

    static func text(_ column: Column, _ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> String? {
        guard let value = TextFold.clean(column.raw(fields)) else { return nil }
        return withinLimit(value, column, fields, line, &issues)
    }

    static func requiredText(_ column: Column, _ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> String? {
        guard let value = TextFold.clean(column.raw(fields)) else {
            issues.append(column.issue(line, "", .missingRequired))
            return nil
        }
        return withinLimit(value, column, fields, line, &issues)
    }

    @inline(__always)
    private static func withinLimit(_ value: String, _ column: Column, _ fields: [String], _ line: Int,
                                    _ issues: inout [RowIssue]) -> String? {
        let bytes = value.utf8.count
        guard bytes > maximumTextBytes else { return value }
        issues.append(column.issue(line, String(column.raw(fields).prefix(100)) + "…", .tooLong,
                                   "\(bytes) bytes, at most \(maximumTextBytes)"))
        return nil
    }

    /// A flag; `notes` gets a notice when the cell was read with look-alike letters repaired.
    static func flag(_ column: Column, _ table: inout FlagTable, _ fields: [String], _ line: Int,
                     _ issues: inout [RowIssue], _ notes: inout [RowIssue]) -> Bool {
        let raw = column.raw(fields)
        switch table.resolve(raw: raw) {
        case .empty:
            return table.emptyMeans
        case let .value(value):
            return value
        case let .repaired(value, repair):
            notes.append(LookalikeLetters.notice(line: line, column: column.name, field: column.field, value: raw, repair: repair))
            return value
        case .unknown:
            issues.append(column.issue(line, raw, .unknownValue, "ожидается «да» или «нет» / expected yes or no (да/нет)"))
            return table.emptyMeans
        }
    }

    /// A code; `nil` when empty (the caller decides what empty means). `notes` gets a notice
    /// when the cell was read with look-alike letters repaired.
    static func code<Code>(_ column: Column, _ table: inout CodeTable<Code>, _ fields: [String], _ line: Int,
                           _ issues: inout [RowIssue], _ notes: inout [RowIssue]) -> Code? {
        let raw = column.raw(fields)
        switch table.resolve(raw: raw) {
        case .empty:
            return nil
        case let .value(code):
            return code
        case let .repaired(code, repair):
            notes.append(LookalikeLetters.notice(line: line, column: column.name, field: column.field, value: raw, repair: repair))
            return code
        case .unknown:
            issues.append(column.issue(line, raw, .unknownValue, expected(Code.self)))
            return nil
        }
    }

    /// The codes of a list cell. When an item matches nothing, the cell is read again with the
    /// look-alike letters of its Cyrillic words made Cyrillic; if that leaves fewer unknown
    /// items, it is taken, and `notes` gets a notice.
    static func codeList<Code>(_ column: Column, _ table: CodeTable<Code>, _ fields: [String], _ line: Int,
                               _ issues: inout [RowIssue], _ notes: inout [RowIssue]) -> [Code] {
        let raw = column.raw(fields)
        if TextFold.clean(raw) == nil { return [] }
        func read(_ text: String) -> (codes: [Code], unknown: [String]) {
            var codes: [Code] = []
            var unknown: [String] = []
            for item in table.listItems(text) {
                guard let code = table.code(forFolded: item) else {
                    unknown.append(item)
                    continue
                }
                if !codes.contains(code) { codes.append(code) }
            }
            return (codes, unknown)
        }
        var result = read(raw)
        if !result.unknown.isEmpty, let repair = LookalikeLetters.repair(raw) {
            let repaired = read(repair.text)
            if repaired.unknown.count < result.unknown.count {
                result = repaired
                notes.append(LookalikeLetters.notice(line: line, column: column.name, field: column.field, value: raw, repair: repair))
            }
        }
        for item in result.unknown {
            issues.append(column.issue(line, raw, .unknownValue, "item «\(item)»; " + expected(Code.self)))
        }
        return result.codes
    }

    /// `ожидается одно из: завершено, обучается, … / expected one of: completed, in_progress, …`:
    /// the Russian spellings of the export (the first alias of each code), then the codes.
    private static func expected<Code: ContractCode>(_: Code.Type) -> String {
        let russian = Code.allCases.map { Code.builtInAliases[$0]?.first ?? $0.rawValue }
        return "ожидается одно из: " + russian.joined(separator: ", ")
            + " / expected one of: " + Code.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// An integer in `range`; `nil` when empty (callers apply `emptyIsZero` or required).
    static func integer(_ column: Column, range: ClosedRange<Int>, _ fields: [String], _ line: Int,
                        _ issues: inout [RowIssue]) -> Int? {
        let raw = column.raw(fields)
        switch ValueParsers.integer(raw) {
        case .empty:
            return nil
        case let .value(value):
            guard range.contains(value) else {
                issues.append(column.issue(line, raw, .outOfRange, expectedRange(range)))
                return nil
            }
            return value
        case .tooLarge:
            issues.append(column.issue(line, raw, .outOfRange, expectedRange(range)))
            return nil
        case .invalid:
            issues.append(column.issue(line, raw, .badNumber))
            return nil
        }
    }

    static func expectedRange(_ range: ClosedRange<Int>) -> String {
        "ожидается от \(range.lowerBound) до \(range.upperBound) / expected \(range.lowerBound)..\(range.upperBound)"
    }

    static func count(_ column: Column, _ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> Int {
        integer(column, range: 0...maximumCount, fields, line, &issues) ?? 0
    }

    static func requiredDate(_ column: Column, _ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> CivilDate? {
        let raw = column.raw(fields)
        if TextFold.clean(raw) == nil {
            issues.append(column.issue(line, "", .missingRequired))
            return nil
        }
        switch CivilDate.parse(raw) {
        case let .success(date): return date
        case .failure(.unparseable):
            issues.append(column.issue(line, raw, .badDate))
        case .failure(.impossible):
            issues.append(column.issue(line, raw, .impossibleDate))
        }
        return nil
    }

    /// A form service's submission time; a missing or unreadable one is an issue (nil).
    static func requiredTimestamp(_ column: Column, _ fields: [String], _ line: Int,
                                  _ issues: inout [RowIssue]) -> SubmissionTime? {
        let raw = column.raw(fields)
        if TextFold.clean(raw) == nil {
            issues.append(column.issue(line, "", .missingRequired))
            return nil
        }
        switch SubmissionTime.parse(raw) {
        case let .success(time): return time
        case .failure(.ambiguousDayMonth):
            issues.append(column.issue(line, raw, .badTimestamp,
                                       "день и месяц не различить (м/д/гггг или д/м/гггг); выгрузите даты как 12.03.2024 или 2024-03-12"
                                           + " / day and month cannot be told apart (m/d/yyyy or d/m/yyyy); export dates as 12.03.2024 or 2024-03-12"))
        case .failure(.unparseable):
            issues.append(column.issue(line, raw, .badTimestamp))
        }
        return nil
    }

    /// The row's own academic year: `.some(nil)` when the cell is empty, `nil` when it is bad.
    static func academicYear(_ column: Column, _ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> AcademicYear?? {
        let raw = column.raw(fields)
        if TextFold.clean(raw) == nil { return .some(nil) }
        guard let year = AcademicYear.parse(raw) else {
            issues.append(column.issue(line, raw, .badAcademicYear))
            return nil
        }
        return .some(year)
    }

}

/// How many fields a data row may have. As many as the header has columns; fewer when every
/// missing trailing column is optional (Excel drops the trailing delimiters of rows whose last
/// cells are empty; the missing cells read as empty); more when the extra trailing fields are
/// empty (rows ending in extra delimiters). Anything else is `wrong_field_count`.
struct RowShape {
    let columnCount: Int
    /// One past the last column a row must reach: the last required column without a default.
    let minimumCount: Int

    init(_ header: HeaderMap) {
        columnCount = header.columnCount
        minimumCount = header.kind.requiredFields
            .filter { header.mapping.defaults[$0] == nil }
            .compactMap { header.index(of: $0) }
            .map { $0 + 1 }
            .max() ?? 0
    }

    @inline(__always)
    func issue(_ fields: [String], _ line: Int) -> RowIssue? {
        if fields.count == columnCount { return nil }
        if fields.count < columnCount {
            if fields.count >= minimumCount { return nil }
        } else if fields[columnCount...].allSatisfy({ TextFold.clean($0) == nil }) {
            return nil
        }
        return RowIssue(line: line, column: "", field: nil, value: "", reason: .wrongFieldCount,
                        detail: "полей: \(fields.count), в заголовке: \(columnCount)"
                            + (fields.count < columnCount ? " (нужно не меньше \(minimumCount))" : "")
                            + " / \(fields.count) fields, expected \(columnCount)"
                            + (fields.count < columnCount ? " (at least \(minimumCount))" : ""))
    }
}
