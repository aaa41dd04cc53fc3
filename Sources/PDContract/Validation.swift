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

    /// The cell, or the mapping's default when the column is absent or the cell blank.
    @inline(__always)
    func raw(_ fields: [String]) -> String {
        guard let index else { return defaultValue ?? "" }
        let value = fields[index]
        if let defaultValue, TextFold.clean(value) == nil { return defaultValue }
        return value
    }

    /// A problem with this column's cell; a NUL byte in the value is shown as `␀`.
    func issue(_ line: Int, _ value: String, _ reason: RejectReason, _ detail: String? = nil) -> RowIssue {
        var shown = TextFold.clean(value) ?? ""
        if shown.utf8.contains(0) { shown = shown.replacingOccurrences(of: "\u{0}", with: "\u{2400}") }
        return RowIssue(line: line, column: name, field: field, value: shown, reason: reason, detail: detail)
    }

    /// The cells of a row whose text the warehouse keeps (free text) or hashes (the teacher
    /// identifier), in file order: those a NUL byte must not reach. Every other cell is parsed
    /// strictly (a code, a flag, a date, a number), so a NUL there fails its own rule; a name is
    /// never stored. Plain values: looping over them per row costs no reference counting.
    static func keptAsText(by header: HeaderMap) -> [(index: Int, field: ContractField)] {
        header.kind.fields.compactMap { definition -> (index: Int, field: ContractField)? in
            switch definition.valueType {
            case .text, .personalIdentifier:
                return header.index(of: definition.field).map { (index: $0, field: definition.field) }
            default:
                return nil
            }
        }.sorted { $0.index < $1.index }
    }
}

/// Cell readers shared by the three validators. Each appends its problems to `issues`.
enum Cells {
    static func text(_ column: Column, _ fields: [String]) -> String? {
        TextFold.clean(column.raw(fields))
    }

    static func requiredText(_ column: Column, _ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> String? {
        guard let value = TextFold.clean(column.raw(fields)) else {
            issues.append(column.issue(line, "", .missingRequired))
            return nil
        }
        return value
    }

    static func flag(_ column: Column, _ table: inout FlagTable, _ fields: [String], _ line: Int,
                     _ issues: inout [RowIssue]) -> Bool {
        let raw = column.raw(fields)
        switch table.resolve(raw: raw) {
        case .empty:
            return table.emptyMeans
        case let .value(value):
            return value
        case .unknown:
            issues.append(column.issue(line, raw, .unknownValue, "expected да/нет"))
            return table.emptyMeans
        }
    }

    /// A code; `nil` when empty (the caller decides what empty means).
    static func code<Code>(_ column: Column, _ table: inout CodeTable<Code>, _ fields: [String], _ line: Int,
                           _ issues: inout [RowIssue]) -> Code? {
        let raw = column.raw(fields)
        switch table.resolve(raw: raw) {
        case .empty:
            return nil
        case let .value(code):
            return code
        case .unknown:
            issues.append(column.issue(line, raw, .unknownValue, expected(Code.self)))
            return nil
        }
    }

    static func codeList<Code>(_ column: Column, _ table: CodeTable<Code>, _ fields: [String], _ line: Int,
                               _ issues: inout [RowIssue]) -> [Code] {
        let raw = column.raw(fields)
        if TextFold.clean(raw) == nil { return [] }
        var codes: [Code] = []
        for item in ValueParsers.listItems(raw) {
            guard let code = table.code(forFolded: item) else {
                issues.append(column.issue(line, item, .unknownValue, expected(Code.self)))
                continue
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    private static func expected<Code: ContractCode>(_: Code.Type) -> String {
        "expected one of: " + Code.allCases.map(\.rawValue).joined(separator: ", ")
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
                issues.append(column.issue(line, raw, .outOfRange, "expected \(range.lowerBound)..\(range.upperBound)"))
                return nil
            }
            return value
        case .tooLarge:
            issues.append(column.issue(line, raw, .outOfRange, "expected \(range.lowerBound)..\(range.upperBound)"))
            return nil
        case .invalid:
            issues.append(column.issue(line, raw, .badNumber))
            return nil
        }
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

    /// The first of `cells` (`Column.keptAsText`) that holds a NUL byte (U+0000): PostgreSQL
    /// cannot store it in text, and in an identifier it would make another pseudonym silently,
    /// so the row is rejected with that column (the value shows it as `␀`).
    static func nulByte(
        _ fields: [String], _ cells: [(index: Int, field: ContractField)], _ header: HeaderMap, _ line: Int
    ) -> RowIssue? {
        for cell in cells where cell.index < fields.count && containsNUL(fields[cell.index]) {
            return Column(cell.field, header).issue(line, fields[cell.index], .nulByte)
        }
        return nil
    }

    @inline(__always)
    private static func containsNUL(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.isEmpty ? false : memchr(bytes.baseAddress!, 0, bytes.count) != nil
        }) {
            return found
        }
        return text.utf8.contains(0)
    }

    static func fieldCount(_ fields: [String], _ header: HeaderMap, _ line: Int) -> RowIssue? {
        guard fields.count != header.columnCount else { return nil }
        return RowIssue(line: line, column: "", field: nil, value: "", reason: .wrongFieldCount,
                        detail: "\(fields.count) fields, expected \(header.columnCount)")
    }
}
