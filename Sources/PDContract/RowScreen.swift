import PDCSV

/// Screens a file's rows around validation (docs/exports.md §1, §7):
///
/// - before it, on every row: a NUL byte, which PostgreSQL cannot store, rejects the row
///   (`nul_byte`, with its column) — byte-level, one `memchr`; in a UTF-8 file whose scan found
///   lines that are not UTF-8 (and only then, `checksUTF8`), a row holding such bytes is rejected
///   (`invalid_utf8`, with its column);
/// - after it, only on rows the validator rejected: a row that is not data at all — a totals row
///   («Итого», «Всего», «Итого:» … in its first filled cell, nobody in its identifying columns)
///   or the header row repeated inside the data (exports pasted together) — is skipped and
///   reported as a notice (`skipped_totals_row`, `skipped_repeated_header`) instead of being
///   counted as a bad row;
/// - at the end: NUL padding after the last line becomes one notice (`skipped_nul_padding`).
public struct RowScreen: Sendable {
    public let header: HeaderMap
    /// Column → field, for masking values and naming columns.
    private let fieldAt: [Int: ContractField]
    /// The header cells folded, by column.
    private let foldedHeader: [String]
    /// Folded header name → field, for this kind (built-in and mapping aliases).
    private let headerNames: [String: ContractField]
    /// The columns a data row cannot leave empty and a totals row always does.
    private let identityColumns: [Int]

    public init(header: HeaderMap) {
        self.header = header
        var fieldAt: [Int: ContractField] = [:]
        for (field, index) in header.columns { fieldAt[index] = field }
        self.fieldAt = fieldAt
        foldedHeader = header.header.map(TextFold.fold)
        headerNames = Vocabulary.headers(of: header.kind, mapping: header.mapping)
        let identity: [ContractField] = header.kind == .schools ? [.name] : [.teacherID]
        identityColumns = identity.compactMap { header.index(of: $0) }
    }

    /// The column name of `index` as the file writes it.
    private func columnName(_ index: Int) -> String {
        if index < header.header.count, let name = TextFold.clean(header.header[index]) { return name }
        return "column \(index + 1)"
    }

    // MARK: NUL bytes

    /// The rejection of a record holding a NUL byte, naming the first column that holds one; nil
    /// for a record without (the usual case, one `memchr`).
    public func nulIssue(_ record: CSVRecord) -> RowIssue? {
        guard let index = record.firstFieldContainingNUL() else { return nil }
        return RowIssue(line: record.line, column: columnName(index), field: fieldAt[index],
                        value: record.string(at: index), reason: .nulByte,
                        detail: "a 0x00 byte in this cell (shown as ␀); the row was not loaded")
    }

    // MARK: Bytes that are not UTF-8

    /// Whether records are checked for bytes that are not UTF-8 (`utf8Issue`): set by a loader
    /// only for a file read as UTF-8 whose scan found such lines (`UTF8Validator.LineEvidence`), so
    /// that a clean file pays nothing per row.
    public var checksUTF8 = false

    /// The rejection of a record holding bytes that are not UTF-8 (a line pasted from a
    /// Windows-1251 export into a UTF-8 one), naming the first such column; its value shows each
    /// such byte as `\xNN`, and the detail how the cell reads in Windows-1251 (unless the column
    /// holds personal data). Nil for a valid record, and always when `checksUTF8` is off.
    public func utf8Issue(_ record: CSVRecord) -> RowIssue? {
        guard checksUTF8, let index = record.firstFieldWithInvalidUTF8() else { return nil }
        let field = fieldAt[index]
        var russian = "байты не в UTF-8 показаны как \\xNN; сохраните весь файл в UTF-8"
        var english = "bytes that are not UTF-8 are shown as \\xNN; save the whole file as UTF-8"
        if field != .teacherID && field != .fullName {
            let windows1251 = record.withBytes(at: index) { CP1251.decode($0) }.prefix(100)
            russian = "в кодировке Windows-1251 это «\(windows1251)»; " + russian
            english = "read as Windows-1251 this is «\(windows1251)»; " + english
        }
        let detail = russian + " / " + english
        return RowIssue(line: record.line, column: columnName(index), field: field,
                        value: record.printableString(at: index), reason: .invalidUTF8, detail: detail)
    }

    /// The notice for NUL bytes padding the end of the file (`CSVReader.trailingNULPadding`),
    /// starting on `line`; nil when there were none.
    public static func paddingNotice(bytes: Int, line: Int) -> RowIssue? {
        guard bytes > 0 else { return nil }
        return RowIssue(line: max(line, 1), column: "", field: nil, value: "", reason: .skippedNULPadding,
                        detail: "\(bytes) NUL bytes after the last line")
    }

    // MARK: Rows that are not data

    /// For a row the validator rejected: the notice to report instead when the row is not data
    /// (a totals row or a repeated header row), else nil (the row is a bad data row).
    public func nonDataNotice(_ fields: [String], line: Int) -> RowIssue? {
        if let word = totalsCell(fields) {
            return RowIssue(line: line, column: columnName(word), field: nil, value: fields[word],
                            reason: .skippedTotalsRow, detail: nil)
        }
        if isRepeatedHeader(fields) {
            return RowIssue(line: line, column: "", field: nil,
                            value: String(fields.first { TextFold.clean($0) != nil }?.prefix(200) ?? ""),
                            reason: .skippedRepeatedHeader, detail: nil)
        }
        return nil
    }

    /// The words a totals row starts with, folded.
    public static let totalsWords: Set<String> = ["итого", "итог", "итоги", "всего", "total", "totals", "сумма"]

    /// Whether a cell reads as the label of a totals row: `Итого`, `ИТОГО:`, `Всего по ОО`,
    /// `Итого: 25`, `Total` — a totals word followed by nothing, punctuation, a space or a digit.
    public static func isTotalsLabel(_ cell: String) -> Bool {
        if isTotalsWord(TextFold.fold(cell)) { return true }
        // «Итoгo» with Latin o's (only rejected rows get here).
        guard let repair = LookalikeLetters.repair(cell) else { return false }
        return isTotalsWord(TextFold.fold(repair.text))
    }

    private static func isTotalsWord(_ folded: String) -> Bool {
        var word = ""
        for character in folded {
            if character.isLetter { word.append(character) } else { break }
        }
        if word == "grand" { return folded.hasPrefix("grand total") }
        return totalsWords.contains(word)
    }

    /// The column of the totals label when the row is a totals row: its first filled cell (after
    /// a row number, as reports with a «№ п/п» column write one) is a totals label, and its
    /// identifying columns (the teacher, or the school's name) are empty unless they hold the
    /// label itself.
    func totalsCell(_ fields: [String]) -> Int? {
        guard var first = fields.firstIndex(where: { TextFold.clean($0) != nil }) else { return nil }
        if Self.isRowNumber(fields[first]),
           let next = fields[(first + 1)...].firstIndex(where: { TextFold.clean($0) != nil }) {
            first = next
        }
        guard Self.isTotalsLabel(fields[first]) else { return nil }
        for column in identityColumns where column != first && column < fields.count {
            if TextFold.clean(fields[column]) != nil { return nil }
        }
        return first
    }

    /// A row number such as `26` or `26.`.
    static func isRowNumber(_ cell: String) -> Bool {
        guard let text = TextFold.clean(cell) else { return false }
        let digits = text.hasSuffix(".") ? text.dropLast() : Substring(text)
        return !digits.isEmpty && digits.count <= 6 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether the row is the header again: at least two of its cells, and at least 60 % of its
    /// filled cells, are header names of the kind (the same text as the header's cell in that
    /// column, or any header alias of the kind's fields).
    func isRepeatedHeader(_ fields: [String]) -> Bool {
        var filled = 0
        var names = 0
        for (index, cell) in fields.enumerated() {
            let folded = TextFold.fold(cell)
            if folded.isEmpty { continue }
            filled += 1
            if (index < foldedHeader.count && foldedHeader[index] == folded)
                || Vocabulary.field(named: cell, in: headerNames) != nil {
                names += 1
            }
        }
        return names >= 2 && names * 10 >= filled * 6
    }
}
