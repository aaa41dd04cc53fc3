import Foundation
import PDXLSX

/// Writes a document (`HTMLDocument`: title, header block, blocks) as a DOCX file — Office
/// Open XML WordprocessingML written by hand and packed with `OOXMLPackage` (ZIPFoundation):
/// the format methodologists edit and sign.
///
/// - Headings are real Word headings (styles `Title`, `Heading1`–`Heading3`: they appear in
///   the navigation pane and a table of contents); text is Times New Roman 12 pt, A4, margins
///   30/15/20/20 mm (ГОСТ Р 7.0.97).
/// - Result tables are Word tables (style `PDTable`) whose header row repeats on every page;
///   numbers right-aligned, with the language's decimal separator.
/// - Heat tables are Word tables with shaded cells (`w:shd`), the same colours as in HTML.
/// - Line charts are DrawingML charts (`word/charts/chartN.xml`) with their data written
///   into the chart as literals (`c:strLit`, `c:numLit`): Word and LibreOffice draw them and
///   they stay sharp in print; no picture library is needed. (An embedded workbook is not
///   written, so Word's "Edit data" is not offered; the values are in the tables.) The
///   schools' spread is drawn as two dashed lines (lower and upper quartile).
/// - Recommendations are numbered paragraphs under their theme's heading, each with its
///   evidence and "why" lines indented.
///
/// The parts are deterministic: the same document gives the same bytes.
public enum DOCXRenderer {
    /// The package of `document` (its parts, in memory).
    public static func package(_ document: HTMLDocument) -> OOXMLPackage {
        var builder = Builder(language: document.language)
        builder.title(document.title)
        if let subtitle = document.subtitle { builder.paragraph(subtitle, style: "Subtitle") }
        if let header = document.header { builder.header(header) }
        for block in document.blocks { builder.block(block) }
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", contentTypes(charts: builder.charts.count))
        package.add("_rels/.rels", packageRelationships)
        package.add("docProps/core.xml", core(title: document.title, language: document.language))
        package.add("word/document.xml", builder.document())
        package.add("word/styles.xml", styles(document.language))
        package.add("word/settings.xml", settings(document.language))
        package.add("word/_rels/document.xml.rels", documentRelationships(charts: builder.charts.count))
        for (index, chart) in builder.charts.enumerated() {
            package.add("word/charts/chart\(index + 1).xml", DrawingMLChart.xml(chart, language: document.language))
        }
        return package
    }

    /// Writes `document` to `path` (replaced atomically).
    /// - Throws: `DocumentError.cannotWrite` (exit 2).
    public static func write(_ document: HTMLDocument, to path: String) throws(DocumentError) {
        do {
            try package(document).write(to: path)
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
    }

    /// The DOCX file's bytes (written through a temporary file).
    public static func bytes(_ document: HTMLDocument) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pdmon-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).docx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(document, to: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func escape(_ text: String) -> String { OOXMLPackage.escape(text) }

    // MARK: - The body

    /// Builds `word/document.xml`'s body and collects the charts.
    struct Builder {
        let language: ReportLanguage
        var body = ""
        var charts: [LineChart] = []
        var drawingID = 0

        init(language: ReportLanguage) {
            self.language = language
        }

        /// A run of text; line breaks become `w:br`.
        static func run(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil, colour: String? = nil) -> String {
            var properties = ""
            if bold { properties += "<w:b/>" }
            if italic { properties += "<w:i/>" }
            if let colour { properties += "<w:color w:val=\"\(colour)\"/>" }
            if let size { properties += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>" }
            return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + pieces.joined(separator: "<w:br/>") + "</w:r>"
        }

        mutating func paragraph(_ text: String, style: String? = nil, runs: String? = nil, indent: Int? = nil, hanging: Int? = nil,
                                align: String? = nil, keepNext: Bool = false) {
            var properties = ""
            if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
            if keepNext { properties += "<w:keepNext/>" }
            if let indent { properties += "<w:ind w:left=\"\(indent)\"" + (hanging.map { " w:hanging=\"\($0)\"" } ?? "") + "/>" }
            if let align { properties += "<w:jc w:val=\"\(align)\"/>" }
            body += "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + (runs ?? (text.isEmpty ? "" : Self.run(text))) + "</w:p>"
        }

        mutating func title(_ text: String) {
            paragraph(text, style: "Title")
        }

        mutating func header(_ header: DocumentHeader) {
            body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"PDHeader\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                + "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
                + "</w:tblPr><w:tblGrid><w:gridCol w:w=\"2600\"/><w:gridCol w:w=\"6900\"/></w:tblGrid>"
            for line in header.lines(language) {
                body += "<w:tr>" + cell(line.label, width: 2600, colour: "4B5563") + cell(line.value, width: 6900) + "</w:tr>"
            }
            body += "</w:tbl>"
            paragraph("")
        }

        func cell(_ text: String, width: Int? = nil, bold: Bool = false, right: Bool = false, fill: String? = nil,
                  colour: String? = nil) -> String {
            var properties = width.map { "<w:tcW w:w=\"\($0)\" w:type=\"dxa\"/>" } ?? ""
            if let fill { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(fill)\"/>" }
            let paragraphProperties = "<w:pPr><w:pStyle w:val=\"TableText\"/>" + (right ? "<w:jc w:val=\"right\"/>" : "") + "</w:pPr>"
            return "<w:tc>" + (properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>") + "<w:p>" + paragraphProperties
                + (text.isEmpty ? "" : Self.run(text, bold: bold, colour: colour)) + "</w:p></w:tc>"
        }

        mutating func block(_ block: HTMLDocument.Block) {
            switch block {
            case .heading(let text, let level):
                paragraph(text, style: "Heading\(min(max(level - 1, 1), 3))", keepNext: true)
            case .paragraph(let text):
                paragraph(text)
            case .note(let text):
                paragraph(text, style: "Note")
            case .bullets(let items):
                for item in items { paragraph("", style: "ListText", runs: Self.run("• " + item), indent: 360, hanging: 240) }
            case .charts(let list):
                for chart in list { self.chart(chart) }
            case .table(let table):
                self.table(table)
            case .heatTable(let heat):
                self.heatTable(heat)
            case .recommendations(let section, let report):
                recommendations(section, report: report)
            case .pageBreak:
                body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            }
        }

        mutating func table(_ table: ResultTable) {
            if !table.title.isEmpty { paragraph(table.title, style: "Caption", keepNext: true) }
            guard !table.rows.isEmpty else {
                paragraph(table.emptyMessage(language))
                for note in table.notes { paragraph(note, style: "Note") }
                return
            }
            body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"PDTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
            let texts = table.rows.indices.map { row in
                table.columns.indices.map { DisplayText.cell(table.cell(row: row, column: $0), type: table.columns[$0].type, language: language) }
            }
            let widths = Self.widths(headings: table.columns.map(\.heading), rows: texts)
            for width in widths { body += "<w:gridCol w:w=\"\(width)\"/>" }
            body += "</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            for (index, column) in table.columns.enumerated() {
                body += cell(column.heading, width: widths[index], bold: true, right: column.type.isNumeric, fill: "F3F4F6")
            }
            body += "</w:tr>"
            for row in table.rows.indices {
                body += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                for (index, column) in table.columns.enumerated() {
                    body += cell(texts[row][index], width: widths[index], right: column.type.isNumeric)
                }
                body += "</w:tr>"
            }
            body += "</w:tbl>"
            for note in table.notes { paragraph(note, style: "Note") }
        }

        /// Column widths in twentieths of a point over the text width of A4 between the
        /// margins (9355): each column's share grows with its longest line (4–32 characters,
        /// plus 3 for the cell's margins; a heading counts by its longest word, as it may wrap).
        static func widths(headings: [String], rows: [[String]]) -> [Int] {
            let weights = headings.indices.map { column in
                let heading = headings[column].split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0
                let longest = rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
                return Double(min(32, max(4, heading, longest)) + 3)
            }
            let total = weights.reduce(0, +)
            return weights.map { max(400, Int(9355 * $0 / max(total, 1))) }
        }

        mutating func heatTable(_ heat: HeatTable) {
            paragraph("\(heat.title), \(heat.unit)", style: "Caption", keepNext: true)
            body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"PDTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
                + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
            let yearWidth = min(1450, 9355 / (heat.years.count + 3))
            let nameWidth = 9355 - yearWidth * heat.years.count
            body += "<w:gridCol w:w=\"\(nameWidth)\"/>" + String(repeating: "<w:gridCol w:w=\"\(yearWidth)\"/>", count: heat.years.count)
            body += "</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
            body += cell(ReportCatalogue.text("school", in: language), bold: true, fill: "F3F4F6")
            for year in heat.years { body += cell(heat.heading(year), bold: true, right: true, fill: "F3F4F6") }
            body += "</w:tr>"
            for row in (heat.city.map { [$0] } ?? []) + heat.rows {
                let isCity = row.code == nil
                body += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                body += cell(row.code.map { "\($0) — \(row.name)" } ?? row.name, bold: isCity, fill: isCity ? "F9FAFB" : nil)
                for index in heat.years.indices {
                    body += cell(heat.text(row, index, language: language), bold: isCity, right: true,
                                 fill: isCity ? "F9FAFB" : heat.colour(row, index))
                }
                body += "</w:tr>"
            }
            body += "</w:tbl>"
            for note in heat.notes(language) { paragraph(note, style: "Note") }
        }

        mutating func chart(_ chart: LineChart) {
            charts.append(chart)
            drawingID += 1
            let relationship = "rIdChart\(charts.count)"
            // 16 × 7 cm; not kept with the next paragraph, so a run of charts breaks between them.
            body += "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                + "<wp:extent cx=\"5760000\" cy=\"2520000\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                + "<wp:docPr id=\"\(drawingID)\" name=\"\(escape(chart.title))\"/><wp:cNvGraphicFramePr/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
                + "<c:chart r:id=\"\(relationship)\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
            if chart.incomplete.contains(true) { paragraph(HeatTable.incompleteNote(language), style: "Note") }
        }

        mutating func recommendations(_ section: RecommendationSection, report: RecommendationReport) {
            paragraph(section.heading, style: "Heading1", keepNext: true)
            if section.recommendations.isEmpty {
                paragraph(language == .ru ? "Правила не сработали: показатели в пределах ориентиров."
                          : "No rule fired: the indicators are within their benchmarks.")
                return
            }
            var number = 0
            for group in section.topByTheme {
                paragraph(report.themeName(group.theme, language), style: "Heading2", keepNext: true)
                for recommendation in group.recommendations {
                    number += 1
                    paragraph("", style: "Recommendation", runs: Self.run("\(number).\t") + Self.run(recommendation.text(in: language))
                              + Self.run("  (\(report.ruleIDs(recommendation)))", size: 18, colour: "6B7280"),
                              indent: 425, hanging: 425)
                    for line in report.evidenceLines(recommendation, language: language) {
                        paragraph("", style: "Evidence", runs: Self.run((language == .ru ? "Обоснование: " : "Evidence: "), italic: true)
                                  + Self.run(line), indent: 425)
                    }
                    paragraph("", style: "Evidence", runs: Self.run((language == .ru ? "Почему: " : "Why: "), italic: true)
                              + Self.run(report.whyLine(recommendation, language: language)), indent: 425)
                }
            }
            if !section.rest.isEmpty {
                paragraph(report.restHeading(section.rest.count, language: language), style: "Heading3", keepNext: true)
                for recommendation in section.rest {
                    paragraph("", style: "ListText", runs: Self.run("• " + report.briefLine(recommendation, language: language))
                              + Self.run("  (\(report.ruleIDs(recommendation)))", size: 18, colour: "6B7280"),
                              indent: 360, hanging: 240)
                }
            }
        }

        /// The whole `word/document.xml`.
        func document() -> String {
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
                + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><w:body>"
                + body
                + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                + "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>"
                + "</w:sectPr></w:body></w:document>\n"
        }
    }

    // MARK: - Package parts

    static func contentTypes(charts: Int) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        for index in 0..<charts {
            xml += "<Override PartName=\"/word/charts/chart\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        }
        return xml + "</Types>\n"
    }

    static let packageRelationships = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>\n"

    static func documentRelationships(charts: Int) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdSettings\" Type=\"\(base)settings\" Target=\"settings.xml\"/>"
        for index in 0..<charts {
            xml += "<Relationship Id=\"rIdChart\(index + 1)\" Type=\"\(base)chart\" Target=\"charts/chart\(index + 1).xml\"/>"
        }
        return xml + "</Relationships>\n"
    }

    static func core(title: String, language: ReportLanguage) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
            + "<dc:title>\(escape(title))</dc:title><dc:creator>pdmon</dc:creator><dc:language>\(language == .ru ? "ru-RU" : "en-GB")</dc:language>"
            + "</cp:coreProperties>\n"
    }

    static func settings(_ language: ReportLanguage) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:defaultTabStop w:val=\"425\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
            + "<w:themeFontLang w:val=\"\(language == .ru ? "ru-RU" : "en-GB")\"/></w:settings>\n"
    }

    /// The styles: Normal, Title, Subtitle, Heading1–3, Caption, Note, TableText, ListText,
    /// Recommendation, Evidence, and the tables' PDTable and PDHeader.
    static func styles(_ language: ReportLanguage) -> String {
        let lang = language == .ru ? "ru-RU" : "en-GB"
        func paragraphStyle(_ id: String, _ name: String, basedOn: String? = "Normal", next: String? = nil, outline: Int? = nil,
                            paragraph: String = "", run: String = "") -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
                + (basedOn.map { "<w:basedOn w:val=\"\($0)\"/>" } ?? "") + (next.map { "<w:next w:val=\"\($0)\"/>" } ?? "")
                + "<w:qFormat/><w:pPr>\(paragraph)" + (outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "") + "</w:pPr>"
                + "<w:rPr>\(run)</w:rPr></w:style>"
        }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"9CA3AF\""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>"
            + "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"\(lang)\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + paragraphStyle("Normal", "Normal", basedOn: nil)
            + paragraphStyle("Title", "Title", next: "Normal", paragraph: "<w:spacing w:after=\"240\"/>",
                             run: "<w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>")
            + paragraphStyle("Subtitle", "Subtitle", next: "Normal", run: "<w:color w:val=\"4B5563\"/>")
            + paragraphStyle("Heading1", "heading 1", next: "Normal", outline: 0,
                             paragraph: "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/>",
                             run: "<w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
            + paragraphStyle("Heading2", "heading 2", next: "Normal", outline: 1,
                             paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>",
                             run: "<w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>")
            + paragraphStyle("Heading3", "heading 3", next: "Normal", outline: 2,
                             paragraph: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"60\"/>",
                             run: "<w:b/><w:i/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>")
            + paragraphStyle("Caption", "caption", next: "Normal", paragraph: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>",
                             run: "<w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>")
            + paragraphStyle("Note", "Note", run: "<w:color w:val=\"4B5563\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
            + paragraphStyle("TableText", "Table Text", paragraph: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                             run: "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>")
            + paragraphStyle("ListText", "List Text", paragraph: "<w:spacing w:after=\"60\"/>")
            + paragraphStyle("Recommendation", "Recommendation", paragraph: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"40\"/>")
            + paragraphStyle("Evidence", "Evidence", paragraph: "<w:spacing w:after=\"20\"/>",
                             run: "<w:color w:val=\"374151\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>")
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"PDTable\"><w:name w:val=\"pdmon Table\"/><w:basedOn w:val=\"TableNormal\"/>"
            + "<w:tblPr><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>"
            + "<w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"PDHeader\"><w:name w:val=\"pdmon Header Block\"/><w:basedOn w:val=\"TableNormal\"/>"
            + "<w:tblPr><w:tblBorders><w:top \(border)/><w:bottom \(border)/></w:tblBorders></w:tblPr></w:style>"
            + "</w:styles>\n"
    }
}

/// A `LineChart` as a DrawingML chart part (`c:chartSpace` with one `c:lineChart`): the
/// categories are the years, each series its values as literals; the band, when there is
/// one, becomes two dashed series (lower and upper quartile of the schools).
enum DrawingMLChart {
    static let palette = SVGLineChart.palette.map { String($0.dropFirst()) }

    static func xml(_ chart: LineChart, language: ReportLanguage) -> String {
        let escape = OOXMLPackage.escape
        let categories = chart.xLabels.indices.map { chart.shownLabel($0) }
        func strings(_ values: [String]) -> String {
            "<c:strLit><c:ptCount val=\"\(values.count)\"/>"
                + values.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(escape($0.element))</c:v></c:pt>" }.joined()
                + "</c:strLit>"
        }
        func numbers(_ values: [OneDecimal?]) -> String {
            "<c:numLit><c:formatCode>0.0</c:formatCode><c:ptCount val=\"\(values.count)\"/>"
                + values.enumerated().compactMap { item in item.element.map { "<c:pt idx=\"\(item.offset)\"><c:v>\($0.description)</c:v></c:pt>" } }.joined()
                + "</c:numLit>"
        }
        var series: [(name: String, values: [OneDecimal?], colour: String, width: Int, dashed: Bool, marker: Bool)] = []
        for (index, line) in chart.series.enumerated() {
            series.append((line.name, line.values, line.isCity ? "111827" : palette[index % palette.count], line.isCity ? 38100 : 22225, false, true))
        }
        if chart.band.contains(where: { $0 != nil }) {
            let low = language == .ru ? "нижний квартиль ОО" : "schools' lower quartile"
            let high = language == .ru ? "верхний квартиль ОО" : "schools' upper quartile"
            series.append((low, chart.band.map { $0?.low }, "60A5FA", 15875, true, false))
            series.append((high, chart.band.map { $0?.high }, "60A5FA", 15875, true, false))
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<c:lang val=\"\(language == .ru ? "ru-RU" : "en-GB")\"/><c:roundedCorners val=\"0\"/><c:chart>"
            + "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1100\" b=\"1\"/></a:pPr>"
            + "<a:r><a:rPr lang=\"\(language == .ru ? "ru-RU" : "en-GB")\" sz=\"1100\" b=\"1\"/><a:t>\(escape(chart.title + ", " + chart.unit))</a:t></a:r></a:p>"
            + "</c:rich></c:tx><c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/>"
            + "<c:plotArea><c:layout/><c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
        for (index, line) in series.enumerated() {
            xml += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/><c:tx><c:v>\(escape(line.name))</c:v></c:tx>"
                + "<c:spPr><a:ln w=\"\(line.width)\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(line.colour)\"/></a:solidFill>"
                + (line.dashed ? "<a:prstDash val=\"dash\"/>" : "") + "<a:round/></a:ln></c:spPr>"
                + (line.marker
                    ? "<c:marker><c:symbol val=\"circle\"/><c:size val=\"6\"/><c:spPr><a:solidFill><a:srgbClr val=\"\(line.colour)\"/></a:solidFill></c:spPr></c:marker>"
                    : "<c:marker><c:symbol val=\"none\"/></c:marker>")
                + "<c:cat>\(strings(categories))</c:cat><c:val>\(numbers(line.values))</c:val><c:smooth val=\"0\"/></c:ser>"
        }
        let maxValue = series.flatMap { $0.values.compactMap { $0?.doubleValue } }.max() ?? 0
        let axisMax = chart.isPercent ? 100.0 : SVGLineChart.niceCeiling(maxValue)
        xml += "<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>"
            + "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
            + "<c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/>"
            + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/>"
            + "<c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
            + "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/><c:max val=\"\(CellNumber.text(axisMax))\"/><c:min val=\"0\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"E5E7EB\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
            + "<c:numFmt formatCode=\"0\" sourceLinked=\"0\"/><c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/>"
            + "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/></c:valAx>"
            + "</c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/>"
            + "<c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>\n"
        return xml
    }
}

/// A number for an XML attribute: `100`, `12.5`.
enum CellNumber {
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
