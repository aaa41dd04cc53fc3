/// The `--format` of a report.
public enum ReportFormat: String, Sendable, Equatable, Hashable, CaseIterable {
    case table
    case csv
    case json
    case markdown
    /// A self-contained HTML page (inline CSS; see `HTMLDocument`).
    case html
    /// An XLSX workbook, one sheet per table (`SpreadsheetRenderer`).
    case xlsx
    /// A Word document (`DOCXRenderer`).
    case docx
    /// A PDF printed from the HTML or the DOCX by an installed converter (`PDFConverter`).
    case pdf

    /// Parses a `--format` value (case-insensitive; `md` means markdown, `excel` xlsx, `word` docx).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "table", "text": self = .table
        case "csv": self = .csv
        case "json": self = .json
        case "markdown", "md": self = .markdown
        case "html": self = .html
        case "xlsx", "excel": self = .xlsx
        case "docx", "word": self = .docx
        case "pdf": self = .pdf
        default: return nil
        }
    }

    /// Formats written as files rather than text (a terminal cannot show them).
    public var isBinary: Bool { self == .xlsx || self == .docx || self == .pdf }

    /// Formats read by people: names instead of ids, captions in the language, decimal commas.
    public var isForPeople: Bool { ![.csv, .json].contains(self) }

    /// The file name extension (`md` for markdown, `txt` for a table).
    public var fileExtension: String {
        switch self {
        case .table: "txt"
        case .markdown: "md"
        default: rawValue
        }
    }
}

/// One entry point for every format: what `pdmon report … --format F [--excel] [--lang L]` writes.
public enum ReportRenderer {
    /// The bytes to write to stdout or a file. `excel` only affects `.csv`; `language` only
    /// affects the words renderers add themselves (booleans, "no rows") in table and markdown.
    /// `width`: the terminal to fit (`.table` only; nil: no limit).
    /// - Throws: for xlsx, docx and pdf, `XLSXError` or `DocumentError` when the file cannot be
    ///   made (no PDF converter installed: `DocumentError.noPDFConverter`).
    public static func render(
        _ table: ResultTable,
        format: ReportFormat,
        excel: Bool = false,
        language: ReportLanguage = .defaultLanguage,
        width: Int? = nil
    ) throws -> [UInt8] {
        try render([table], format: format, excel: excel, language: language, width: width)
    }

    /// Several tables: one after the other in text formats (csv: each with its header, one
    /// byte-order mark), one sheet each in xlsx, one after the other in html, docx and pdf.
    public static func render(
        _ tables: [ResultTable],
        format: ReportFormat,
        excel: Bool = false,
        language: ReportLanguage = .defaultLanguage,
        width: Int? = nil,
        header: DocumentHeader? = nil
    ) throws -> [UInt8] {
        func document() -> HTMLDocument {
            HTMLDocument(title: tables.first?.title ?? "", language: language,
                         blocks: tables.map { .table($0) }, header: header)
        }
        switch format {
        case .xlsx: return try SpreadsheetRenderer.bytes(SpreadsheetRenderer.parts(tables), language: language)
        case .docx: return try DOCXRenderer.bytes(document())
        case .pdf: return try PDFConverter.pdf(document())
        case .html: return Array(document().render().utf8)
        case .table, .csv, .json, .markdown:
            var bytes: [UInt8] = []
            for (index, table) in tables.enumerated() {
                var part = text(table, format: format, excel: excel, language: language, width: width)
                if index > 0 {
                    // One byte-order mark at the start of the file; a blank line between tables.
                    if part.starts(with: [0xEF, 0xBB, 0xBF]) { part.removeFirst(3) }
                    bytes.append(0x0A)
                }
                bytes += part
            }
            return bytes
        }
    }

    static func text(_ table: ResultTable, format: ReportFormat, excel: Bool, language: ReportLanguage, width: Int?) -> [UInt8] {
        switch format {
        case .csv: CSVRenderer.render(table, dialect: excel ? .excel : .standard)
        case .json: Array(JSONRenderer.render(table).utf8)
        case .markdown: Array(MarkdownRenderer.render(table, language: language).utf8)
        default: TableRenderer.renderBytes(table, language: language, includeTitle: true, width: width)
        }
    }
}
