import ArgumentParser
import Foundation
import PDContract
import PDPostgres
import PDReport
import PDWarehouse

/// `--format` of recommend and plan: the report formats plus html.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, json, table
}

/// `pdmon recommend`: targeted recommendations for the city and each school, with evidence.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Адресные рекомендации по итогам мониторинга / Targeted recommendations from the monitoring.",
        discussion: """
            Сначала раздел города, затем по разделу на ОО; в каждом сработавшие правила по приоритету, \
            после каждого — обоснование (значение, числитель и знаменатель, значение по городу, изменение за год). \
            Правила — строки dw.recommendation_rule; файл --rules (TOML) меняет или дополняет их.
            The city section first, then one per school; fired rules by priority, each followed by its evidence. \
            Rules are rows of dw.recommendation_rule; a --rules TOML file overrides or extends them.
            """)

    @Option(help: "Учебный год, например 2023-2024 / Academic year.")
    var year: String

    @Option(help: "Код ОО (можно повторять; по умолчанию все ОО) / School code (repeatable; default every school).")
    var school: [String] = []

    @Flag(help: "Только раздел города / Only the city section.")
    var cityOnly = false

    @Option(help: "Формат: markdown, html, json, table / Output format.")
    var format: DocumentFormat = .markdown

    @Option(help: "Язык: ru, en / Language.")
    var lang: String = "ru"

    @Option(help: "Файл правил TOML / Rules file (TOML).")
    var rules: String?

    @Option(help: "Записать в файл / Write to this file.")
    var out: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard ReportScalarType.academicYear.normalise(year) != nil else {
            throw ValidationError("--year: «\(year)» — не учебный год, пример: 2023-2024 / not an academic year, e.g. 2023-2024.")
        }
        guard ReportLanguage(argument: lang) != nil else { throw ValidationError("--lang: ru или en / ru or en.") }
        if cityOnly && !school.isEmpty {
            throw ValidationError("--city-only нельзя с --school / --city-only cannot be combined with --school.")
        }
    }

    func run() throws {
        _ = logging.bootstrap()
        let language = ReportLanguage(argument: lang) ?? .defaultLanguage
        let file: RecommendationRuleFile? = try rules.map { path in
            do { return try RecommendationRuleFile.load(path: path) } catch { throw ValidationError(String(describing: error)) }
        }
        let sql = try SQLDirectory.locate()
        let database = try Connection(conninfo: connection.conninfo)
        defer { database.close() }
        let result = try Recommender(connection: database, sql: sql, language: language)
            .recommend(year: year, schools: school, cityOnly: cityOnly, rulesFile: file)
        let text: String = switch format {
        case .markdown: RecommendationRenderer.markdown(result.report, language: language)
        case .json: RecommendationRenderer.json(result.report, language: language)
        case .table: TableRenderer.render(RecommendationRenderer.table(result.report, language: language), language: language)
        case .html: result.html(language: language)
        }
        try writeOutput(Array(text.utf8), to: out)
    }
}
