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
    public static func render(
        _ table: ResultTable,
        language: ReportLanguage = .defaultLanguage,
        includeTitle: Bool = true
    ) -> String {
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

        func line(_ cells: [String], _ align: [DisplayWidth.Alignment]) -> String {
            let padded = cells.enumerated().map { column, text in
                " " + DisplayWidth.pad(text, to: widths[column], alignment: align[column]) + " "
            }
            return trimTrailingSpaces(padded.joined(separator: "|"))
        }

        var lines: [String] = []
        if includeTitle, !table.title.isEmpty {
            lines.append(sanitize(table.title))
            lines.append("")
        }
        lines.append(line(headings, alignments))
        lines.append(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+"))
        for cells in body {
            lines.append(line(cells, alignments))
        }
        if body.isEmpty {
            lines.append(ReportCatalogue.text("table.no_rows", in: language))
        }
        if !table.notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: table.notes.map(sanitize))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Makes a cell safe for a single terminal line: line breaks become `↵`, tabs spaces,
    /// other control characters (except ESC, which starts colour codes) `�`.
    static func sanitize(_ text: String) -> String {
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

    /// Works on bytes: stepping back over Characters cost more than the rest of the table.
    private static func trimTrailingSpaces(_ text: String) -> String {
        guard let last = text.utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(decoding: text.utf8[...last], as: UTF8.self)
    }
}

/// Text of a cell for people (table and markdown output).
enum DisplayText {
    static func cell(_ value: String?, type: ColumnType, language: ReportLanguage) -> String {
        guard let value else { return "" }
        if type == .boolean, let flag = PostgresBoolean.parse(value) {
            return ReportCatalogue.text(flag ? "bool.true" : "bool.false", in: language)
        }
        return value
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
