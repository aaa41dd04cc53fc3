/// Renders a result as a GitHub-flavoured Markdown pipe table, preceded by the title as a
/// `###` heading and followed by the notes:
///
/// ```
/// ### Title
///
/// | Код ОО | Значение |
/// | ------ | -------: |
/// | s1     |     12.5 |
/// ```
///
/// Numeric columns are right-aligned (`---:`). In cells, `\` and `|` are escaped with a
/// backslash, line breaks become `<br>`, `<` and `>` become entities (no raw HTML), NULL is
/// empty and booleans read `да`/`нет` (`yes`/`no`). Columns are padded to equal display width
/// so the source reads as a table too.
public enum MarkdownRenderer {
    public static func render(
        _ table: ResultTable,
        language: ReportLanguage = .defaultLanguage,
        includeTitle: Bool = true
    ) -> String {
        let headings = table.columns.map { escape($0.heading) }
        let body: [[String]] = table.rows.indices.map { row in
            table.columns.indices.map { column in
                escape(DisplayText.cell(table.cell(row: row, column: column), type: table.columns[column].type, language: language))
            }
        }
        var widths = headings.map { max(3, DisplayWidth.of($0)) }
        for cells in body {
            for (column, text) in cells.enumerated() {
                widths[column] = max(widths[column], DisplayWidth.of(text))
            }
        }
        let alignments: [DisplayWidth.Alignment] = table.columns.map { $0.type.isNumeric ? .right : .left }

        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, text in
                DisplayWidth.pad(text, to: widths[column], alignment: alignments[column])
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }

        var lines: [String] = []
        if includeTitle, !table.title.isEmpty {
            lines.append("### " + escapeInline(table.title))
            lines.append("")
        }
        if body.isEmpty {
            // An empty result says so instead of printing an empty table.
            lines.append(escapeInline(table.emptyMessage(language)))
        } else {
            lines.append(line(headings))
            let rule = table.columns.indices.map { column in
                alignments[column] == .right
                    ? String(repeating: "-", count: widths[column] - 1) + ":"
                    : String(repeating: "-", count: widths[column])
            }
            lines.append("| " + rule.joined(separator: " | ") + " |")
            lines.append(contentsOf: body.map(line))
        }
        if !table.notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: table.notes.map(escapeInline))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// A cell's text made safe inside a pipe table.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for character in text.unicodeScalars {
            defer { previousWasCR = character == "\r" }
            switch character {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\r": out += "<br>"
            case "\n": if !previousWasCR { out += "<br>" }
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t": out += " "
            default:
                if character.value < 0x20 || character.value == 0x7F { continue }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Title and note text: one line, no raw HTML.
    static func escapeInline(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\r", "\n", "\t": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default:
                if character.value < 0x20 || character.value == 0x7F { continue }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
