import ArgumentParser
import Foundation
import PDContract
import PDReport
import PDWarehouse

/// `pdmon brief --year Y`: the «аналитическая справка» of the year.
struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Аналитическая справка за учебный год / The analytical brief of an academic year.",
        discussion: """
            По каждому направлению (темы рекомендаций): показатели города по годам с изменением, ОО-лидеры и отстающие, \
            диаграммы (линия города и полоса половины ОО); затем рекомендации города и кратко — каждой ОО; в приложении — \
            тепловые таблицы «ОО × годы». Шапка: организация (--organisation или PDMON_ORGANISATION), период, данные на, дата. \
            --per-school --out ПАПКА: справка каждой ОО и справка города.
            Per area (the recommendation themes): the city's indicators over the years with the change, the leading and \
            lagging schools, charts (the city's line and the band of the middle half of the schools); then the recommendations; \
            an appendix of heat tables (schools × years). --per-school --out DIR: one brief per school plus the city's.
            """)

    @Option(help: "Учебный год, например 2023-2024 / Academic year.")
    var year: String

    @Option(help: "Файл правил TOML / Rules file (TOML).")
    var rules: String?

    @Option(help: "Сколько рекомендаций каждой ОО показать (0 — все) / How many recommendations per school (0: all).")
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
        guard ([.docx, .html, .markdown, .pdf] as [ReportFormat]).contains(output.format(default: .docx)) else {
            throw ValidationError("brief пишет документ: --format docx (по умолчанию), html, markdown или pdf / "
                                  + "brief writes a document: --format docx (default), html, markdown or pdf.")
        }
        if document.perSchool && output.out == nil {
            throw ValidationError("--per-school: укажите папку --out / --per-school needs an --out folder.")
        }
    }

    func run() throws {
        let language = output.language
        let file: RecommendationRuleFile? = try rules.map { path in
            do { return try RecommendationRuleFile.load(path: path) } catch { throw ValidationError(String(describing: error)) }
        }
        let brief = try connection.warehouse(logging).brief(year: year, rulesFile: file, top: top, language: language)
        let format = output.format(default: .docx)
        let header = document.header(period: brief.result.report.yearLabel, dataAsOf: brief.result.dataAsOf, language: language)
        let city = brief.cityDocument(header: header.addressed(to: ReportCatalogue.text("city", in: language)))
        if document.perSchool {
            var documents = [(fileName: Transliteration.documentFileName(code: nil, name: "", extension: format.fileExtension, language: language),
                              document: city)]
            for code in brief.result.schools {
                let name = brief.result.history.schoolNames[code] ?? code
                guard let part = brief.schoolDocument(code, header: header.addressed(to: "\(code) — \(name)")) else { continue }
                documents.append((Transliteration.documentFileName(code: code, name: name, extension: format.fileExtension, language: language), part))
            }
            try document.writePerSchool(documents, format: format, output: output)
            return
        }
        try output.checkBinary(format)
        try output.write(bytes: try DocumentRenderer.bytes(city, format: format))
    }
}
