/// The `--format` of a report.
public enum ReportFormat: String, Sendable, Equatable, Hashable, CaseIterable {
    case table
    case csv
    case json
    case markdown
    /// A self-contained HTML page (inline CSS; see `HTMLDocument`).
    case html

    /// Parses a `--format` value (case-insensitive; `md` means markdown).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "table", "text": self = .table
        case "csv": self = .csv
        case "json": self = .json
        case "markdown", "md": self = .markdown
        case "html": self = .html
        default: return nil
        }
    }
}

/// One entry point for every format: what `pdmon report … --format F [--excel] [--lang L]` writes.
public enum ReportRenderer {
    /// The bytes to write to stdout or a file. `excel` only affects `.csv`; `language` only
    /// affects the words renderers add themselves (booleans, "no rows") in table and markdown.
    /// `width`: the terminal to fit (`.table` only; nil: no limit).
    public static func render(
        _ table: ResultTable,
        format: ReportFormat,
        excel: Bool = false,
        language: ReportLanguage = .defaultLanguage,
        width: Int? = nil
    ) -> [UInt8] {
        switch format {
        case .table: Array(TableRenderer.render(table, language: language, width: width).utf8)
        case .csv: CSVRenderer.render(table, dialect: excel ? .excel : .standard)
        case .json: Array(JSONRenderer.render(table).utf8)
        case .markdown: Array(MarkdownRenderer.render(table, language: language).utf8)
        case .html: Array(HTMLDocument(title: table.title, language: language, blocks: [.table(table)]).render().utf8)
        }
    }
}
