/// Renders a result as an aligned plain-text table for a terminal, in the style of psql:
///
/// ```
/// Title
///
///  Код ОО | Учебный год | Значение
/// --------+-------------+----------
///  s1     | 2021-2022   |     12.5
/// ```
///
/// Widths are display widths (`DisplayWidth`), so Cyrillic, combining marks, wide
/// characters and colour codes align. Numbers are right-aligned, NULL is empty, booleans
/// read `да`/`нет` (`yes`/`no`), line breaks inside a cell show as `↵`, and trailing
/// spaces are trimmed from every line. Each line ends with `\n`.
public enum TableRenderer {
    /// - Parameter width: the columns of the terminal to fit; nil: no limit (files and pipes).
    ///   When the table is wider, text columns are narrowed (the widest first, down to their
    ///   longest word within `minimumColumn`…`maximumWord`) and their cells wrapped at spaces,
    ///   records then separated by a rule; numbers are never wrapped. A table that still does
    ///   not fit is shown expanded, one block per row (`expanded`).
    public static func render(
        _ table: ResultTable,
        language: ReportLanguage = .defaultLanguage,
        includeTitle: Bool = true,
        width: Int? = nil
    ) -> String {
        String(decoding: renderBytes(table, language: language, includeTitle: includeTitle, width: width), as: UTF8.self)
    }

    /// `render` as UTF-8 bytes. Without a terminal width (files and pipes, the reports'
    /// usual case) no cell wraps and no line is cut, and the table is built on bytes
    /// (`AlignedBytes`): the same text, without a Swift `String` per line.
    static func renderBytes(_ table: ResultTable, language: ReportLanguage, includeTitle: Bool, width: Int?) -> [UInt8] {
        guard width == nil else {
            return Array(wrapping(table, language: language, includeTitle: includeTitle, width: width).utf8)
        }
        return AlignedBytes.render(table, language: language, includeTitle: includeTitle)
    }

    /// The general renderer: wraps cells to fit `width` (or the expanded form) when given.
    static func wrapping(_ table: ResultTable, language: ReportLanguage, includeTitle: Bool, width: Int?) -> String {
        let headings = table.columns.map { sanitize($0.heading) }
        let body: [[String]] = table.rows.indices.map { row in
            table.columns.indices.map { column in
                sanitize(DisplayText.cell(table.cell(row: row, column: column), type: table.columns[column].type, language: language))
            }
        }
        var widths = headings.map(DisplayWidth.of)
        for cells in body {
            for (column, text) in cells.enumerated() {
                widths[column] = max(widths[column], DisplayWidth.of(text))
            }
        }
        let alignments: [DisplayWidth.Alignment] = table.columns.map { $0.type.isNumeric ? .right : .left }
        var wrapped = false
        if let width {
            let natural = widths
            func total() -> Int { widths.reduce(0, +) + 3 * widths.count - 1 }
            // A text column narrows down to its longest word (so words are not cut), within
            // `minimumColumn`…`maximumWord`; numbers keep their width.
            let floors = natural.enumerated().map { column, value -> Int in
                let headingWord = TextWrap.units(headings[column]).map(DisplayWidth.of).max() ?? 0
                // A number column: as wide as its numbers, its heading wrapped at spaces.
                guard !table.columns[column].type.isNumeric else {
                    return max(body.map { DisplayWidth.of($0[column]) }.max() ?? 0, headingWord)
                }
                let longestWord = max(headingWord, body.flatMap { TextWrap.units($0[column]) }.map(DisplayWidth.of).max() ?? 0)
                return min(value, max(minimumColumn, min(longestWord, maximumWord)))
            }
            while total() > width {
                guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
            if total() > width && !body.isEmpty {
                // Too many columns for the terminal: one block per row, a line per column.
                return expanded(table, headings: headings, body: body, language: language, includeTitle: includeTitle, width: width)
            }
            wrapped = widths != natural
        }

        func lines(_ cells: [String], _ align: [DisplayWidth.Alignment]) -> [String] {
            let parts = cells.enumerated().map { column, text in TextWrap.lines(text, width: widths[column]) }
            let height = parts.map(\.count).max() ?? 1
            return (0..<height).map { index in
                let padded = parts.enumerated().map { column, cellLines in
                    " " + DisplayWidth.pad(index < cellLines.count ? cellLines[index] : "", to: widths[column], alignment: align[column]) + " "
                }
                return trimTrailingSpaces(padded.joined(separator: "|"))
            }
        }

        var out: [String] = []
        if includeTitle, !table.title.isEmpty {
            out.append(contentsOf: width.map { TextWrap.lines(sanitize(table.title), width: $0) } ?? [sanitize(table.title)])
            out.append("")
        }
        if body.isEmpty {
            // An empty result says so instead of printing an empty table.
            let message = sanitize(table.emptyMessage(language))
            out.append(contentsOf: width.map { TextWrap.lines(message, width: $0) } ?? [message])
        } else {
            let rule = widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+")
            out.append(contentsOf: lines(headings, alignments))
            out.append(rule)
            let records = body.map { lines($0, alignments) }
            // Records that wrap onto several lines are told apart by a rule.
            let separated = wrapped && records.contains { $0.count > 1 }
            for (index, record) in records.enumerated() {
                if separated && index > 0 { out.append(rule) }
                out.append(contentsOf: record)
            }
        }
        if !table.notes.isEmpty {
            out.append("")
            for note in table.notes.map(sanitize) {
                out.append(contentsOf: width.map { TextWrap.lines(note, width: $0) } ?? [note])
            }
        }
        if let width {
            out = out.map { TextWrap.truncate($0, to: width) }
        }
        return out.map { $0 + "\n" }.joined()
    }

    /// The narrowest a text column is made to fit a terminal (narrower ones keep their width).
    public static let minimumColumn = 12
    /// A text column is not narrowed below its longest word, up to this many columns.
    public static let maximumWord = 24

    /// The expanded form, for a table with more columns than a terminal can show side by side
    /// (as psql's `\x auto`): each row a block headed `-[ 1 ]---`, one line per column,
    /// `caption | value`, values wrapped to the width.
    static func expanded(_ table: ResultTable, headings: [String], body: [[String]], language: ReportLanguage,
                         includeTitle: Bool, width: Int) -> String {
        let captionWidth = min(headings.map(DisplayWidth.of).max() ?? 0, max(8, width / 3))
        let valueWidth = max(8, width - captionWidth - 3)
        var out: [String] = []
        if includeTitle, !table.title.isEmpty {
            out.append(contentsOf: TextWrap.lines(sanitize(table.title), width: width))
            out.append("")
        }
        for (index, cells) in body.enumerated() {
            let head = "-[ \(index + 1) ]"
            out.append(head + String(repeating: "-", count: max(0, width - DisplayWidth.of(head))))
            for (column, value) in cells.enumerated() {
                let caption = TextWrap.truncate(headings[column], to: captionWidth)
                for (number, line) in TextWrap.lines(value, width: valueWidth).enumerated() {
                    let label = number == 0 ? caption : ""
                    out.append(trimTrailingSpaces(DisplayWidth.pad(label, to: captionWidth, alignment: .left) + " | " + line))
                }
            }
        }
        if !table.notes.isEmpty {
            out.append("")
            for note in table.notes.map(sanitize) { out.append(contentsOf: TextWrap.lines(note, width: width)) }
        }
        return out.map { TextWrap.truncate($0, to: width) + "\n" }.joined()
    }

    /// Makes a cell safe for a single terminal line: line breaks become `↵`, tabs spaces,
    /// other control characters (except ESC, which starts colour codes) `�`.
    static func sanitize(_ text: String) -> String {
        // Fast path: nothing to replace (no C0 control, DEL or C1 control in the bytes).
        if !needsSanitizing(text) { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A:
                if !previousWasCR { result.append("↵") }
            case 0x0D:
                result.append("↵")
            case 0x09:
                result.append(" ")
            case 0x1B:
                result.append(scalar)
            case 0x00..<0x20, 0x7F..<0xA0:
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `sanitize` would change `text`: a byte below 0x20, DEL, or a C1 control
    /// (U+0080–U+009F, UTF-8 `C2 80`…`C2 9F`).
    static func needsSanitizing(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0 && byte >= 0x80) { return true }
            previous = byte
        }
        return false
    }

    /// Works on bytes: stepping back over Characters cost more than the rest of the table.
    private static func trimTrailingSpaces(_ text: String) -> String {
        guard let last = text.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(decoding: text.utf8[...last], as: UTF8.self)
    }
}

/// Text of a cell for people (table, markdown and HTML output): booleans as words, and in
/// Russian a decimal comma and a true minus in decimal columns (`67,6`, `−1,0`). Machine
/// formats (CSV without `--excel`, JSON) keep the database's notation.
enum DisplayText {
    static func cell(_ value: String?, type: ColumnType, language: ReportLanguage) -> String {
        guard let value else { return "" }
        if type == .boolean, let flag = PostgresBoolean.parse(value) {
            return ReportCatalogue.text(flag ? "bool.true" : "bool.false", in: language)
        }
        if type == .decimal { return number(value, language: language) }
        return value
    }

    /// A plain number in the notation of `language`; anything else unchanged.
    static func number(_ value: String, language: ReportLanguage) -> String {
        guard language == .ru, NumberText.isPlainNumber(value), !value.utf8.contains(0x65), !value.utf8.contains(0x45) else { return value }
        // A plain number is ASCII: swap bytes, not Characters.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        for byte in value.utf8 {
            if byte == 0x2D && bytes.isEmpty {
                bytes.append(contentsOf: [0xE2, 0x88, 0x92])  // U+2212 MINUS SIGN
            } else {
                bytes.append(byte == 0x2E ? 0x2C : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// PostgreSQL's text form of booleans (`t`/`f`, also `true`/`false`).
enum PostgresBoolean {
    static func parse(_ text: String) -> Bool? {
        switch text {
        case "t", "true", "TRUE", "True": true
        case "f", "false", "FALSE", "False": false
        default: nil
        }
    }
}
