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

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard ReportScalarType.academicYear.normalise(year) != nil else {
            throw ValidationError("--year: «\(year)» — не учебный год, пример: 2023-2024 / not an academic year, e.g. 2023-2024.")
        }
        guard top >= 0 else {
            throw ValidationError("--top: нужно число от 0 (0 — все) / --top must be 0 or more (0: all).")
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
        let format = output.format(default: .markdown)
        switch format {
        case .markdown:
            try output.write(text: RecommendationRenderer.markdown(result.report, language: language, width: output.terminalWidth))
        case .json: try output.write(text: RecommendationRenderer.json(result.report, language: language))
        case .html: try output.write(text: result.html(language: language))
        case .table, .csv:
            try output.write(tables: [RecommendationRenderer.table(result.report, language: language, names: format == .table)],
                             default: .markdown)
        }
    }
}
