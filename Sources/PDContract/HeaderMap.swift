/// Which column of a file holds which field, for one kind of export.
///
/// Header names are folded (`TextFold.fold`) once here and matched against the kind's
/// canonical names, built-in Russian aliases and the mapping file's aliases. Columns that
/// match nothing are ignored and listed in `unknownColumns`; a second column for a field
/// already matched is ignored and listed in `duplicateColumns`.
public struct HeaderMap: Sendable {
    public let kind: ExportKind
    /// The header row as read.
    public let header: [String]
    /// The mapping in force (its value aliases and defaults apply to the rows).
    public let mapping: ContractMapping
    /// Field → zero-based column index.
    public let columns: [ContractField: Int]
    /// Columns that match no field of this kind: (zero-based index, header text).
    public let unknownColumns: [(index: Int, name: String)]
    /// Columns ignored because an earlier column already holds their field.
    public let duplicateColumns: [(index: Int, name: String, field: ContractField)]
    /// Columns whose header matched only once the Latin look-alike letters of its Cyrillic words
    /// were read as Cyrillic (`LookalikeLetters`): (zero-based index, header as written, repair).
    public let lookalikeColumns: [(index: Int, name: String, repair: LookalikeLetters.Repair)]

    /// Maps `header` as a file of `kind`. Throws when a required column is absent (and the
    /// mapping gives it no default) — such a file is refused, never loaded as another kind.
    public init(kind: ExportKind, header: [String], mapping: ContractMapping = .none) throws(HeaderError) {
        guard header.contains(where: { TextFold.clean($0) != nil }) else { throw .emptyHeader }
        let table = Vocabulary.headers(of: kind, mapping: mapping)
        var columns: [ContractField: Int] = [:]
        var unknown: [(index: Int, name: String)] = []
        var duplicates: [(index: Int, name: String, field: ContractField)] = []
        var lookalikes: [(index: Int, name: String, repair: LookalikeLetters.Repair)] = []
        for (index, name) in header.enumerated() {
            guard let (field, repair) = Vocabulary.field(named: name, in: table) else {
                unknown.append((index, name))
                continue
            }
            if let repair { lookalikes.append((index, name, repair)) }
            if columns[field] == nil {
                columns[field] = index
            } else {
                duplicates.append((index, name, field))
            }
        }
        let missing = kind.requiredFields.filter { columns[$0] == nil && mapping.defaults[$0] == nil }
        guard missing.isEmpty else { throw .missingRequiredColumns(kind: kind, missing: missing) }
        self.kind = kind
        self.header = header
        self.mapping = mapping
        self.columns = columns
        self.unknownColumns = unknown
        self.duplicateColumns = duplicates
        self.lookalikeColumns = lookalikes
    }

    /// The notices for the header cells read with look-alike letters made Cyrillic, on the
    /// header's `line` (`lookalike_letters_read_as_cyrillic`); empty for a clean header.
    public func lookalikeNotices(line: Int) -> [RowIssue] {
        lookalikeColumns.map { column in
            LookalikeLetters.notice(line: line, column: TextFold.clean(column.name) ?? column.name, field: nil,
                                    value: column.name, repair: column.repair)
        }
    }

    /// The zero-based column of `field`, or `nil` when the file has none.
    public func index(of field: ContractField) -> Int? { columns[field] }

    /// The header text of `field`'s column as the file writes it, else the canonical name.
    public func columnName(of field: ContractField) -> String {
        guard let index = columns[field] else { return field.rawValue }
        return TextFold.clean(header[index]) ?? field.rawValue
    }

    /// Number of columns in the header: every data row must have exactly as many fields.
    public var columnCount: Int { header.count }
}

/// Why a header row was refused.
public enum HeaderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The header row is empty.
    case emptyHeader
    /// No column matches any field of any kind.
    case unrecognised(columns: [String])
    /// The file looks like `kind` but lacks required columns.
    case missingRequiredColumns(kind: ExportKind, missing: [ContractField])

    public var description: String {
        switch self {
        case .emptyHeader:
            return "Строка заголовков пуста. Первая непустая строка файла должна содержать названия столбцов. / The header row is empty: the first non-blank line must name the columns."
        case let .unrecognised(columns):
            let shown = columns.prefix(8).map { "«\($0)»" }.joined(separator: ", ")
            return "Не удалось определить вид выгрузки: ни один столбец (\(shown)) не известен. Проверьте заголовки или добавьте их в файл сопоставления (--mapping). / Cannot tell the export kind: no column (\(shown)) is known. Check the headers or add them to a mapping file (--mapping)."
        case let .missingRequiredColumns(kind, missing):
            let russian = missing.map { field in
                let alias = kind.definition(of: field)?.aliases.first.map { "«\($0)»" } ?? ""
                return alias.isEmpty ? field.rawValue : "\(alias) (\(field.rawValue))"
            }.joined(separator: ", ")
            let english = missing.map(\.rawValue).joined(separator: ", ")
            return "Файл похож на выгрузку «\(kind.rawValue)», но в нём нет обязательных столбцов: \(russian). Файл отклонён целиком; добавьте столбцы или сопоставьте их в файле --mapping. / The file looks like a \(kind.rawValue) export but lacks the required columns: \(english). The whole file is refused; add the columns or map them with --mapping."
        }
    }
}

extension ExportKind {
    /// How well a header fits each kind: the number of distinct fields of the kind it holds,
    /// and how many of those are required. Used by `detect` and for messages.
    public static func scores(header: [String], mapping: ContractMapping = .none)
        -> [(kind: ExportKind, matched: Int, requiredMatched: Int)]
    {
        return allCases.map { kind in
            let table = Vocabulary.headers(of: kind, mapping: mapping)
            let fields = Set(header.compactMap { Vocabulary.field(named: $0, in: table)?.field })
            let required = kind.requiredFields.filter(fields.contains).count
            return (kind, fields.count, required)
        }
    }

    /// Detects the kind of a file from its header and maps it.
    ///
    /// The kind whose columns the header shares most of wins (ties go to the kind with more
    /// required columns present, then to the order schools, enrolments, survey). If that kind
    /// then lacks a required column, the header is refused with `missingRequiredColumns` —
    /// it is never loaded as another kind.
    public static func detect(header: [String], mapping: ContractMapping = .none) throws(HeaderError) -> HeaderMap {
        guard header.contains(where: { TextFold.clean($0) != nil }) else { throw .emptyHeader }
        let ranked = scores(header: header, mapping: mapping)
        var best = ranked[0]
        for candidate in ranked.dropFirst()
        where candidate.matched > best.matched
            || (candidate.matched == best.matched && candidate.requiredMatched > best.requiredMatched) {
            best = candidate
        }
        guard best.matched > 0 else { throw .unrecognised(columns: header) }
        return try HeaderMap(kind: best.kind, header: header, mapping: mapping)
    }
}
