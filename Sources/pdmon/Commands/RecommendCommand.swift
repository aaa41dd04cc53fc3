import ArgumentParser
import Foundation
import PDContract
import PDReport
import PDWarehouse

/// `pdmon recommend`: targeted recommendations for the city and each school, with evidence.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Адресные рекомендации по итогам мониторинга / Targeted recommendations from the monitoring.",
        discussion: """
            Сначала раздел города, затем по разделу на ОО; в каждом не больше одной рекомендации на показатель, \
            сначала самые весомые (отставание от ориентира и от города, число педагогов); первые --top — полностью, \
            по темам, с обоснованием и строкой «Почему», остальные кратко. \
            Правила — строки dw.recommendation_rule; файл --rules (TOML) меняет или дополняет их.
            The city section first, then one per school: at most one recommendation per indicator, strongest first \
            (distance from the benchmark and from the city, teachers concerned); the first --top in full by theme \
            with evidence and a "why" line, the rest briefly. \
            Rules are rows of dw.recommendation_rule; a --rules TOML file overrides or extends them.
            --format docx|pdf|html: a document with a header block (organisation: --organisation or PDMON_ORGANISATION); \
            --format xlsx: a workbook; --per-school --out DIR: one document per school plus the city's.
            """)

    @Option(help: "Учебный год, например 2023-2024 / Academic year.")
    var year: String

    @Option(help: "Код ОО (можно повторять; по умолчанию все ОО) / School code (repeatable; default every school).")
    var school: [String] = []

    @Flag(help: "Только раздел города / Only the city section.")
    var cityOnly = false

    @Option(help: "Файл правил TOML / Rules file (TOML).")
    var rules: String?

    @Option(help: "Сколько рекомендаций на раздел показать полностью (остальные кратко; 0 — все) / How many recommendations per section in full (0: all).")
    var top = 5

    @OptionGroup var output: OutputOptions
    @OptionGroup var document: DocumentOptions

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard ReportScalarType.academicYear.normalise(year) != nil else {
            throw ValidationError("--year: «\(year)» — не учебный год, пример: 2023-2024 / not an academic year, e.g. 2023-2024.")
        }
        guard top >= 0 else {
            throw ValidationError("--top: нужно число от 0 (0 — все) / --top must be 0 or more (0: all).")
        }
        if document.perSchool && !([.docx, .html, .markdown, .pdf] as [ReportFormat]).contains(output.format(default: .docx)) {
            throw ValidationError("--per-school пишет документы: --format docx, html, markdown или pdf / --per-school writes documents: --format docx, html, markdown or pdf.")
        }
        if document.perSchool && output.out == nil {
            throw ValidationError("--per-school: укажите папку --out / --per-school needs an --out folder.")
        }
        if cityOnly && !school.isEmpty {
            throw ValidationError("--city-only нельзя с --school / --city-only cannot be combined with --school.")
        }
    }

    func run() throws {
        let language = output.language
        let file: RecommendationRuleFile? = try rules.map { path in
            do { return try RecommendationRuleFile.load(path: path) } catch { throw ValidationError(String(describing: error)) }
        }
        let result = try connection.warehouse(logging)
            .recommend(year: year, schools: school, cityOnly: cityOnly, rulesFile: file, top: top, language: language)
        let format = output.format(default: document.perSchool ? .docx : .markdown)
        let header = document.header(period: result.report.yearLabel, dataAsOf: result.dataAsOf, language: language)
        if document.perSchool {
            // The city's part, then one document per school.
            let documents = result.sectionCodes.compactMap { code -> (fileName: String, document: HTMLDocument)? in
                let name = result.sectionName(code) ?? ""
                guard let part = result.sectionDocument(code, header: header.addressed(to: code.map { "\($0) — \(name)" } ?? name),
                                                        language: language) else { return nil }
                return (Transliteration.documentFileName(code: code, name: name, extension: format.fileExtension, language: language), part)
            }
            try document.writePerSchool(documents, format: format, output: output)
            return
        }
        try output.checkBinary(format)
        switch format {
        case .markdown:
            try output.write(text: RecommendationRenderer.markdown(result.report, language: language, width: output.terminalWidth,
                                                                   header: output.out == nil ? nil : header))
        case .json: try output.write(text: RecommendationRenderer.json(result.report, language: language))
        case .html: try output.write(text: result.document(header: header, language: language).render())
        case .docx, .pdf:
            try output.write(bytes: try DocumentRenderer.bytes(result.document(header: header, language: language), format: format))
        case .xlsx:
            try output.write(bytes: try SpreadsheetRenderer.bytes(result.spreadsheetParts(language: language), language: language))
        case .table, .csv:
            try output.write(tables: [RecommendationRenderer.table(result.report, language: language, names: format == .table || output.excel)],
                             default: .markdown)
        }
    }
}
