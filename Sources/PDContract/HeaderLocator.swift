import PDCSV

/// Finds a file's header row before its data is read (docs/exports.md §1).
///
/// The header is the first row that matches a kind (the named kind with at least one of its
/// columns and every required one, or any kind by `ExportKind.detect`), with at most
/// `maximumLeadingRows` non-blank rows above it. What lies above it — Excel's `sep=;` line, a
/// title, empty rows of the table — is skipped and comes back as notices (`skipped_sep_line`,
/// `skipped_title_row`).
/// When no row matches with the detected delimiter, the other candidate delimiters are tried (a
/// title line can mislead detection); when none matches at all, the file is refused with the row
/// that looked most like a header and the cells that were read (`HeaderRefusal`).
///
/// A file whose first row is its header costs exactly what reading that row cost before.
public enum HeaderLocator {
    /// How many non-blank rows may come before the header row.
    public static let maximumLeadingRows = 10

    /// Locates the header of a CSV file. `open` opens the file with a format (the detected one
    /// first); the reader of the answer stands just after the header row. Throws `HeaderRefusal`
    /// when no header row is found, and whatever `open` or the reader throw.
    public static func locate<Source: RowSource>(
        format: CSVFormat, kind: ExportKind?, mapping: ContractMapping,
        open: (CSVFormat) throws -> Source
    ) throws -> LocatedHeader<Source> {
        var delimiters = [format.delimiter] + CSVFormat.candidateDelimiters.filter { $0 != format.delimiter }
        var firstAttemptRows: [(line: Int, cells: [String])]?
        var attempt = 0
        var followedSepLine = false
        while attempt < delimiters.count {
            var attemptFormat = format
            attemptFormat.delimiter = delimiters[attempt]
            attempt += 1
            var reader = try open(attemptFormat)
            switch try scan(&reader, delimiter: attemptFormat.delimiter, kind: kind, mapping: mapping) {
            case .found(let records, let header, let line, let skipped):
                return LocatedHeader(reader: reader, format: attemptFormat, header: header, line: line,
                                     recordsThroughHeader: records, skipped: skipped)
            case .separatorLine(let declared):
                if declared != attemptFormat.delimiter && !followedSepLine {
                    // Excel's sep= line names another delimiter than detection chose: use it.
                    followedSepLine = true
                    delimiters = [declared] + delimiters.filter { $0 != declared }
                    attempt = 0
                }
            case .notFound(let rows):
                if firstAttemptRows == nil { firstAttemptRows = rows }
            }
        }
        throw refusal(rows: firstAttemptRows ?? [], kind: kind, mapping: mapping)
    }

    /// Locates the header of a sheet of a workbook (one reading, no delimiters to try, no sep=
    /// line). The reader of the answer stands just after the header row. Throws `HeaderRefusal`
    /// when no header row is found, and whatever the reader throws.
    public static func locate<Source: RowSource>(
        in source: Source, kind: ExportKind?, mapping: ContractMapping
    ) throws -> LocatedHeader<Source> {
        var reader = source
        switch try scan(&reader, delimiter: nil, kind: kind, mapping: mapping) {
        case .found(let records, let header, let line, let skipped):
            return LocatedHeader(reader: reader, format: nil, header: header, line: line,
                                 recordsThroughHeader: records, skipped: skipped)
        case .separatorLine:
            preconditionFailure("no sep= line is looked for without a delimiter")
        case .notFound(let rows):
            throw refusal(rows: rows, kind: kind, mapping: mapping)
        }
    }

    /// What one reading of the leading rows found.
    private enum Scan {
        case found(records: Int, header: HeaderMap, line: Int, skipped: [RowIssue])
        /// The first record is Excel's `sep=X` naming this delimiter (only with a delimiter).
        case separatorLine(UInt8)
        case notFound(rows: [(line: Int, cells: [String])])
    }

    /// Reads up to `maximumLeadingRows` non-blank rows looking for the header. A first record
    /// `sep=X` is a notice when X is `delimiter`, else the answer (the caller reads again).
    private static func scan<Source: RowSource>(
        _ reader: inout Source, delimiter: UInt8?, kind: ExportKind?, mapping: ContractMapping
    ) throws -> Scan {
        var records = 0
        var nonBlank = 0
        var skipped: [RowIssue] = []
        var rows: [(line: Int, cells: [String])] = []
        while nonBlank <= maximumLeadingRows, records < maximumLeadingRows * 100, try reader.next() {
            records += 1
            let record = reader.record
            if record.isBlank {
                skipped.append(RowIssue(line: record.line, column: "", field: nil, value: "",
                                        reason: .skippedTitleRow, detail: "empty row above the header"))
                continue
            }
            nonBlank += 1
            let cells = record.strings().map(RowIssue.printable)
            if records == 1, let delimiter, let declared = declaredDelimiter(cells, delimiter) {
                guard declared == delimiter else { return .separatorLine(declared) }
                skipped.append(RowIssue(line: record.line, column: "", field: nil,
                                        value: "sep=" + String(Unicode.Scalar(declared)),
                                        reason: .skippedSeparatorLine, detail: nil))
                continue
            }
            if let header = match(cells, kind: kind, mapping: mapping) {
                // Header cells read with look-alike letters made Cyrillic are reported on its line.
                return .found(records: records, header: header, line: record.line,
                              skipped: skipped + header.lookalikeNotices(line: record.line))
            }
            rows.append((record.line, cells))
            skipped.append(RowIssue(line: record.line, column: "", field: nil,
                                    value: String(cells.first { TextFold.clean($0) != nil }?.prefix(200) ?? ""),
                                    reason: .skippedTitleRow, detail: nil))
        }
        return .notFound(rows: rows)
    }

    /// The header map of `cells` when they are a header row: of `kind` (with at least one column
    /// matched), or of the kind `ExportKind.detect` picks.
    static func match(_ cells: [String], kind: ExportKind?, mapping: ContractMapping) -> HeaderMap? {
        if let kind {
            guard let header = try? HeaderMap(kind: kind, header: cells, mapping: mapping), !header.columns.isEmpty
            else { return nil }
            return header
        }
        return try? ExportKind.detect(header: cells, mapping: mapping)
    }

    /// The delimiter Excel's `sep=X` line declares, read as a record with `delimiter`: two fields
    /// `sep=` and `` when X is the delimiter itself, else one field `sep=X`.
    static func declaredDelimiter(_ cells: [String], _ delimiter: UInt8) -> UInt8? {
        if cells.count == 2, cells[0].lowercased() == "sep=", cells[1].isEmpty { return delimiter }
        guard cells.count == 1 else { return nil }
        let utf8 = Array(cells[0].utf8)
        guard utf8.count == 5, String(decoding: utf8[0..<4], as: UTF8.self).lowercased() == "sep=",
              utf8[4] < 0x80 else { return nil }
        return utf8[4]
    }

    /// The refusal for a file without a header row: the error of the row that looks most like a
    /// header (most fields of a kind, then most non-empty cells, then the earliest).
    static func refusal(rows: [(line: Int, cells: [String])], kind: ExportKind?, mapping: ContractMapping) -> HeaderRefusal {
        var best: (line: Int, cells: [String], score: Int, filled: Int)?
        for row in rows {
            let scores = ExportKind.scores(header: row.cells, mapping: mapping)
            let score = scores.filter { kind == nil || $0.kind == kind }.map(\.matched).max() ?? 0
            let filled = row.cells.filter { TextFold.clean($0) != nil }.count
            if best == nil || score > best!.score || (score == best!.score && filled > best!.filled) {
                best = (row.line, row.cells, score, filled)
            }
        }
        guard let best else { return HeaderRefusal(error: .emptyHeader, line: 1, cells: [], mapping: mapping) }
        let error: HeaderError
        do {
            if let kind {
                _ = try HeaderMap(kind: kind, header: best.cells, mapping: mapping)
                error = .unrecognised(columns: best.cells)
            } else {
                _ = try ExportKind.detect(header: best.cells, mapping: mapping)
                error = .unrecognised(columns: best.cells)
            }
        } catch let failure {
            error = failure
        }
        return HeaderRefusal(error: error, line: best.line, cells: best.cells, mapping: mapping)
    }
}

/// A header row found by `HeaderLocator`, with the reader standing just after it.
public struct LocatedHeader<Source: RowSource> {
    /// The reader, positioned after the header row (not meant to be copied: copies share the file).
    public var reader: Source
    /// The format a CSV header was read with (its delimiter may differ from the detected one);
    /// nil for a sheet.
    public let format: CSVFormat?
    public let header: HeaderMap
    /// The 1-based line of the header row.
    public let line: Int
    /// The records read up to and including the header row, blank ones too: skipping as many
    /// of a reader opened again reaches the data again.
    public let recordsThroughHeader: Int
    /// Notices for the lines above the header row (sep= line, title rows, empty rows).
    public let skipped: [RowIssue]

    /// Opens the file again and skips to the first data row (a load that starts the file over).
    public func reopen(_ open: () throws -> Source) throws -> Source {
        var reader = try open()
        for _ in 0..<recordsThroughHeader { _ = try reader.next() }
        return reader
    }
}

/// Why no header row could be used, with the cells that were read so the user can see why:
/// the header error of the row that looked most like a header, its line, its cells, and those of
/// its cells that name no column of the kind.
public struct HeaderRefusal: Error, Sendable, CustomStringConvertible {
    public let error: HeaderError
    /// The line of the row shown (1 for an empty file).
    public let line: Int
    /// The row's cells as read (NUL shown as `␀`).
    public let cells: [String]
    /// The non-empty cells that match no column of the kind (of any kind when it is not known).
    public let unmatched: [String]

    public init(error: HeaderError, line: Int, cells: [String], mapping: ContractMapping = .none) {
        self.error = error
        self.line = line
        self.cells = cells
        let kinds: [ExportKind]
        if case .missingRequiredColumns(let kind, _) = error { kinds = [kind] } else { kinds = ExportKind.allCases }
        let tables = kinds.map { Vocabulary.headers(of: $0, mapping: mapping) }
        unmatched = cells.filter { cell in
            TextFold.fold(cell).isEmpty == false && !tables.contains { Vocabulary.field(named: cell, in: $0) != nil }
        }
    }

    /// The kind the file looked like, when the refusal is for missing columns.
    public var kind: ExportKind? {
        if case .missingRequiredColumns(let kind, _) = error { return kind }
        return nil
    }

    /// The stable reason code: `empty_header`, `unrecognised_header` or `missing_column`.
    public var code: String {
        switch error {
        case .emptyHeader: return "empty_header"
        case .unrecognised: return "unrecognised_header"
        case .missingRequiredColumns: return "missing_column"
        }
    }

    public var description: String {
        guard !cells.isEmpty else { return error.description }
        func quoted(_ list: [String]) -> String {
            var shown = list.prefix(30).map { "«\($0.count > 60 ? String($0.prefix(60)) + "…" : $0)»" }
            if list.count > 30 { shown.append("… (\(list.count))") }
            return shown.joined(separator: ", ")
        }
        var text = error.description
        text += " Строка \(line), прочитанные заголовки: \(quoted(cells))"
        if !unmatched.isEmpty { text += "; не распознаны: \(quoted(unmatched))" }
        text += ". / Line \(line), header cells read: \(quoted(cells))"
        if !unmatched.isEmpty { text += "; not matched: \(quoted(unmatched))" }
        text += "."
        if cells.contains(where: { $0.contains("\u{2400}") }) {
            text += " В заголовке нулевые байты: файл похож на UTF-16 без метки BOM или на двоичный файл; сохраните его"
                + " как CSV (UTF-8 или Windows-1251). / The header holds NUL bytes: the file looks like UTF-16 without a"
                + " BOM or a binary file; save it as CSV (UTF-8 or Windows-1251)."
        }
        return text
    }
}
