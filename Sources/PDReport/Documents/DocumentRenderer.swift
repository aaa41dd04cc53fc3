import Foundation

/// One entry point for documents (`recommend`, `brief`, `plan` as html, markdown, docx, pdf)
/// and for writing one document per school (`--per-school --out DIR`).
public enum DocumentRenderer {
    /// The bytes of `document` in `format`: html (`HTMLDocument`), markdown
    /// (`markdown(_:)`), docx (`DOCXRenderer`), pdf (`PDFConverter`).
    /// - Throws: `DocumentError` (a file that cannot be written, no PDF converter).
    public static func bytes(_ document: HTMLDocument, format: ReportFormat) throws -> [UInt8] {
        switch format {
        case .docx: return try DOCXRenderer.bytes(document)
        case .pdf: return try PDFConverter.pdf(document)
        case .markdown, .table: return Array(markdown(document).utf8)
        default: return Array(document.render().utf8)
        }
    }

    /// Writes each document to `folder` (created when missing) under its file name and the
    /// format's extension; returns the paths written, in order.
    public static func write(_ documents: [(fileName: String, document: HTMLDocument)], format: ReportFormat,
                             folder: String) throws -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DocumentError.cannotWrite(path: folder, reason: error.localizedDescription)
        }
        var paths: [String] = []
        // The PDF converter is looked up once.
        let tool = format == .pdf ? PDFConverter.find() : nil
        if format == .pdf && tool == nil { throw DocumentError.noPDFConverter(searched: PDFConverter.searched) }
        for (fileName, document) in documents {
            let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
            let data: [UInt8]
            switch format {
            case .docx: try DOCXRenderer.write(document, to: path); paths.append(path); continue
            case .pdf: data = try PDFConverter.pdf(document, tool: tool)
            default: data = try bytes(document, format: format)
            }
            do {
                try Data(data).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw DocumentError.cannotWrite(path: path, reason: error.localizedDescription)
            }
            paths.append(path)
        }
        return paths
    }

    /// A document as Markdown: `#` title, the header block as a list, headings, paragraphs,
    /// tables, heat tables (values, `*` and `†` marks; no colours), recommendations. Charts are
    /// left to HTML, DOCX and PDF: a line says so.
    public static func markdown(_ document: HTMLDocument) -> String {
        let language = document.language
        var out = "# " + MarkdownRenderer.escape(document.title) + "\n\n"
        if let subtitle = document.subtitle { out += MarkdownRenderer.escape(subtitle) + "\n\n" }
        if let header = document.header {
            for line in header.lines(language) { out += "- **\(MarkdownRenderer.escape(line.label))**: \(MarkdownRenderer.escape(line.value))\n" }
            out += "\n"
        }
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                out += String(repeating: "#", count: min(max(level, 2), 4)) + " " + MarkdownRenderer.escape(text) + "\n\n"
            case .paragraph(let text):
                out += MarkdownRenderer.escape(text) + "\n\n"
            case .note(let text):
                out += "*" + MarkdownRenderer.escape(text) + "*\n\n"
            case .bullets(let items):
                out += items.map { "- " + MarkdownRenderer.escape($0) }.joined(separator: "\n") + "\n\n"
            case .charts(let charts):
                guard !charts.isEmpty else { continue }
                out += "*" + (language == .ru ? "Диаграммы — в HTML, DOCX и PDF: " : "Charts are in HTML, DOCX and PDF: ")
                    + MarkdownRenderer.escape(charts.map(\.title).joined(separator: "; ")) + ".*\n\n"
            case .table(let table):
                out += MarkdownRenderer.render(table, language: language) + "\n"
            case .heatTable(let heat):
                var columns = [ResultColumn(name: "school", caption: ReportCatalogue.text("school", in: language))]
                columns += heat.years.map { ResultColumn(name: $0, caption: heat.heading($0)) }
                let rows = ((heat.city.map { [$0] } ?? []) + heat.rows).map { row -> [String?] in
                    [row.code.map { "\($0) — \(row.name)" } ?? row.name] + heat.years.indices.map { heat.text(row, $0, language: language) }
                }
                out += MarkdownRenderer.render(ResultTable(title: "\(heat.title), \(heat.unit)", columns: columns, rows: rows,
                                                           notes: Array(heat.notes(language).dropFirst())), language: language) + "\n"
            case .recommendations(let section, let report):
                var single = report
                single.sections = [section]
                // The report's own Markdown without its title and introduction.
                let text = RecommendationRenderer.markdown(single, language: language)
                if let start = text.range(of: "\n## ") { out += String(text[text.index(after: start.lowerBound)...]) + "\n" }
            case .pageBreak:
                continue
            }
        }
        return out
    }
}
