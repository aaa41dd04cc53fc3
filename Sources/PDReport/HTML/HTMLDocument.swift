/// A self-contained HTML report: a title, then blocks (headings, paragraphs, charts, tables,
/// recommendations) rendered with inline CSS and SVG only — no script, font, image or
/// stylesheet is fetched, and no URL appears in the output. The markup is XHTML-compatible
/// (every element closed, attributes quoted, text escaped), readable in Russian and
/// printable to A4.
public struct HTMLDocument: Sendable {
    public enum Block: Sendable {
        case heading(String, level: Int)
        case paragraph(String)
        /// Small print (caveats, sources).
        case note(String)
        /// Several charts laid out two per row on screen and in print.
        case charts([LineChart])
        case table(ResultTable)
        /// One section of recommendations, each followed by its evidence.
        case recommendations(RecommendationSection, report: RecommendationReport)
        /// The next block starts a new printed page.
        case pageBreak
        /// Many schools over the years: a coloured table (`HeatTable`).
        case heatTable(HeatTable)
        /// A bulleted list.
        case bullets([String])
    }

    public var title: String
    public var subtitle: String?
    public var language: ReportLanguage
    public var blocks: [Block]
    /// The header block (organisation, for whom, period, data as of, date), under the title.
    public var header: DocumentHeader?

    public init(title: String, subtitle: String? = nil, language: ReportLanguage, blocks: [Block] = [], header: DocumentHeader? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.blocks = blocks
        self.header = header
    }

    /// The whole file.
    public func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(HTMLEscape.text(title))</title>\n<style>\(Self.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header><h1>\(HTMLEscape.text(title))</h1>"
        if let subtitle { out += "<p class=\"subtitle\">\(HTMLEscape.text(subtitle))</p>" }
        if let header {
            out += "<dl class=\"document-header\">"
            for line in header.lines(language) {
                out += "<dt>\(HTMLEscape.text(line.label))</dt><dd>\(HTMLEscape.text(line.value))</dd>"
            }
            out += "</dl>"
        }
        out += "</header>\n"
        for block in blocks {
            out += render(block) + "\n"
        }
        out += "<footer>pdmon</footer>\n</main>\n</body>\n</html>\n"
        return out
    }

    func render(_ block: Block) -> String {
        switch block {
        case .heading(let text, let level):
            let tag = "h\(min(max(level, 2), 4))"
            return "<\(tag)>\(HTMLEscape.text(text))</\(tag)>"
        case .paragraph(let text):
            return "<p>\(HTMLEscape.text(text))</p>"
        case .note(let text):
            return "<p class=\"note\">\(HTMLEscape.text(text))</p>"
        case .charts(let charts):
            return "<div class=\"charts\">" + charts.map { SVGLineChart.render($0, language: language) }.joined() + "</div>"
        case .table(let table):
            return Self.table(table, language: language)
        case .recommendations(let section, let report):
            return Self.recommendations(section, report: report, language: language)
        case .pageBreak:
            return "<div class=\"page-break\"></div>"
        case .heatTable(let heat):
            return Self.heatTable(heat, language: language)
        case .bullets(let items):
            return "<ul class=\"bullets\">" + items.map { "<li>\(HTMLEscape.text($0))</li>" }.joined() + "</ul>"
        }
    }

    /// A heat table (`HeatTable`): the city's row, then one row per school, cells coloured by value.
    public static func heatTable(_ heat: HeatTable, language: ReportLanguage) -> String {
        var out = "<div class=\"table-wrap heat\" data-indicator=\"\(HTMLEscape.text(heat.id))\" data-rows=\"\(heat.rows.count)\">"
        out += "<table><caption>\(HTMLEscape.text(heat.title)), \(HTMLEscape.text(heat.unit))</caption><thead><tr>"
        out += "<th>\(HTMLEscape.text(ReportCatalogue.text("school", in: language)))</th>"
        for year in heat.years { out += "<th class=\"num\">\(HTMLEscape.text(heat.heading(year)))</th>" }
        out += "</tr></thead><tbody>"
        for row in (heat.city.map { [$0] } ?? []) + heat.rows {
            out += row.code == nil ? "<tr class=\"city\">" : "<tr>"
            out += "<td>\(HTMLEscape.text(row.code.map { "\($0) — \(row.name)" } ?? row.name))</td>"
            for index in heat.years.indices {
                let fill = row.code == nil ? nil : heat.colour(row, index)
                out += "<td class=\"num\"" + (fill.map { " style=\"background:#\($0)\"" } ?? "") + ">"
                out += HTMLEscape.text(heat.text(row, index, language: language)) + "</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        for note in heat.notes(language) { out += "<p class=\"note\">\(HTMLEscape.text(note))</p>" }
        return out + "</div>"
    }

    /// A result table as `<table>` with its title as caption and its notes under it.
    public static func table(_ table: ResultTable, language: ReportLanguage) -> String {
        if table.rows.isEmpty {
            // An empty result says so instead of showing an empty table.
            var out = "<div class=\"table-wrap\">"
            if !table.title.isEmpty { out += "<p class=\"caption\">\(HTMLEscape.text(table.title))</p>" }
            out += "<p class=\"empty\">\(HTMLEscape.text(table.emptyMessage(language)))</p>"
            for note in table.notes { out += "<p class=\"note\">\(HTMLEscape.text(note))</p>" }
            return out + "</div>"
        }
        var out = "<div class=\"table-wrap\"><table>"
        if !table.title.isEmpty { out += "<caption>\(HTMLEscape.text(table.title))</caption>" }
        out += "<thead><tr>"
        for column in table.columns {
            out += "<th\(column.type.isNumeric ? " class=\"num\"" : "")>\(HTMLEscape.text(column.heading))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in table.rows.indices {
            out += "<tr>"
            for (index, column) in table.columns.enumerated() {
                let cell = DisplayText.cell(table.cell(row: row, column: index), type: column.type, language: language)
                out += "<td\(column.type.isNumeric ? " class=\"num\"" : "")>\(HTMLEscape.text(cell))</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        for note in table.notes { out += "<p class=\"note\">\(HTMLEscape.text(note))</p>" }
        return out + "</div>"
    }

    /// A section of recommendations: the ones shown in full under their themes' headings, in
    /// one numbering, each with its rule ids, its evidence and why it is there; then the rest
    /// briefly.
    public static func recommendations(_ section: RecommendationSection, report: RecommendationReport, language: ReportLanguage) -> String {
        var out = "<section class=\"recommendations\"><h2>\(HTMLEscape.text(section.heading))</h2>"
        if section.recommendations.isEmpty {
            out += "<p>" + HTMLEscape.text(language == .ru
                ? "Правила не сработали: показатели в пределах ориентиров."
                : "No rule fired: the indicators are within their benchmarks.") + "</p>"
            return out + "</section>"
        }
        var number = 0
        for group in section.topByTheme {
            out += "<h3>\(HTMLEscape.text(report.themeName(group.theme, language)))</h3><ol start=\"\(number + 1)\">"
            for recommendation in group.recommendations {
                number += 1
                out += "<li><p class=\"text\">\(HTMLEscape.text(recommendation.text(in: language)))"
                out += " <span class=\"rule\">\(HTMLEscape.text(report.ruleIDs(recommendation)))</span></p><ul class=\"evidence\">"
                for (index, line) in report.evidenceLines(recommendation, language: language).enumerated() {
                    let small = recommendation.allEvidence[index].isSmall
                    out += "<li\(small ? " class=\"small\"" : "")>\(HTMLEscape.text(line))</li>"
                }
                out += "<li class=\"why\">" + HTMLEscape.text((language == .ru ? "Почему: " : "Why: ")
                    + report.whyLine(recommendation, language: language)) + "</li>"
                out += "</ul></li>"
            }
            out += "</ol>"
        }
        if !section.rest.isEmpty {
            out += "<p class=\"rest-heading\">\(HTMLEscape.text(report.restHeading(section.rest.count, language: language)))</p><ul class=\"rest\">"
            for recommendation in section.rest {
                out += "<li>\(HTMLEscape.text(report.briefLine(recommendation, language: language)))"
                out += " <span class=\"rule\">\(HTMLEscape.text(report.ruleIDs(recommendation)))</span></li>"
            }
            out += "</ul>"
        }
        return out + "</section>"
    }

    /// Screen and print styles (A4, page breaks, charts kept whole).
    static let css = """

    :root { color-scheme: light; }
    body { margin: 0; background: #f3f4f6; color: #111827;
      font-family: "DejaVu Sans", "Liberation Sans", "Noto Sans", Arial, sans-serif; font-size: 14px; line-height: 1.45; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 28px; background: #ffffff; }
    header h1 { font-size: 24px; margin: 0 0 4px; }
    .subtitle { color: #4b5563; margin: 0 0 16px; }
    h2 { font-size: 19px; margin: 28px 0 10px; border-bottom: 2px solid #e5e7eb; padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 20px 0 8px; }
    .note { color: #4b5563; font-size: 12px; }
    .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px; }
    .charts > .chart-card:only-child { grid-column: 1 / -1; max-width: 760px; }
    .chart-card { margin: 0; padding: 8px 10px; border: 1px solid #e5e7eb; border-radius: 6px; break-inside: avoid; page-break-inside: avoid; }
    .chart-card figcaption { font-weight: bold; font-size: 13px; margin-bottom: 4px; }
    svg.chart { display: block; height: auto; }
    svg.chart .grid { stroke: #e5e7eb; stroke-width: 1; }
    svg.chart .axis { stroke: #6b7280; stroke-width: 1.2; }
    svg.chart text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 12px; fill: #374151; }
    .legend { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; }
    .swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
    .swatch.hollow { width: 8px; height: 8px; border: 2px solid #6b7280; border-radius: 50%; background: #ffffff; }
    .table-wrap { overflow-x: auto; margin: 10px 0 18px; }
    table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
    caption, p.caption { text-align: left; font-weight: bold; padding: 4px 0; margin: 0; }
    th, td { border: 1px solid #d1d5db; padding: 3px 6px; vertical-align: top; }
    th { background: #f3f4f6; text-align: left; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .recommendations ol { padding-left: 22px; }
    .recommendations li { margin-bottom: 8px; }
    .recommendations .text { margin: 0; }
    .rule { color: #6b7280; font-size: 11px; border: 1px solid #d1d5db; border-radius: 3px; padding: 0 3px; }
    .evidence { margin: 2px 0 0; padding-left: 18px; color: #374151; font-size: 12.5px; }
    .evidence li.small { color: #92400e; }
    .evidence li.why { color: #1f2937; }
    .rest-heading { margin: 12px 0 4px; font-weight: bold; }
    .rest { padding-left: 22px; font-size: 12.5px; color: #374151; }
    dl.document-header { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 16px;
      padding: 8px 10px; border: 1px solid #e5e7eb; border-radius: 6px; font-size: 12.5px; }
    dl.document-header dt { color: #4b5563; }
    dl.document-header dd { margin: 0; }
    .heat td, .heat th { white-space: nowrap; }
    .heat tr.city td { font-weight: bold; background: #f9fafb; }
    ul.bullets { padding-left: 22px; }
    svg.chart .band { fill: #93c5fd; fill-opacity: 0.35; stroke: none; }
    footer { margin-top: 24px; color: #9ca3af; font-size: 11px; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { background: #ffffff; font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      .page-break { break-before: page; page-break-before: always; }
      .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 8px; }
      .recommendations li, tr { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      .table-wrap { overflow: visible; }
    }

    """
}
