import ArgumentParser
import Foundation
import PDPostgres
import PDReport
import PDWarehouse

/// `pdmon plan --for-year Y`: the plan-order of courses for Y from the data up to Y-1.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "План-заказ КПК на год по данным до предыдущего года / Course plan-order for a year.",
        discussion: """
            По каждой ОО и предмету (и по областям дефицитов): сколько педагогов должны пройти курс в году Y, \
            чтобы не нарушить правило трёх лет, сколько с незакрытыми дефицитами, сколько руководителей; итоги по городу. \
            Педагоги — из мониторинга Y-1; только числа, без псевдонимов (sql/plan/README.md).
            Per school and subject (and per deficit area): teachers due a course in Y under the three-year rule, \
            teachers with deficits not addressed, leaders due; city totals. Teachers: the census of Y-1; counts only.
            """)

    @Option(help: "Учебный год плана, например 2024-2025 / Academic year of the plan.")
    var forYear: String

    @Option(help: "Формат: markdown, html, json, table / Output format.")
    var format: DocumentFormat = .table

    @Option(help: "Язык: ru, en / Language.")
    var lang: String = "ru"

    @Option(help: "Записать в файл / Write to this file.")
    var out: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard ReportScalarType.academicYear.normalise(forYear) != nil else {
            throw ValidationError("--for-year: «\(forYear)» — не учебный год, пример: 2024-2025 / not an academic year, e.g. 2024-2025.")
        }
        guard ReportLanguage(argument: lang) != nil else { throw ValidationError("--lang: ru или en / ru or en.") }
    }

    func run() throws {
        _ = logging.bootstrap()
        let language = ReportLanguage(argument: lang) ?? .defaultLanguage
        let sql = try SQLDirectory.locate()
        let database = try Connection(conninfo: connection.conninfo)
        defer { database.close() }
        let plan = try PlanOrder(connection: database, sql: sql, language: language).plan(forYear: forYear)
        let text: String = switch format {
        case .table:
            TableRenderer.render(plan.bySubject, language: language) + "\n" + TableRenderer.render(plan.byDeficitArea, language: language)
        case .markdown:
            MarkdownRenderer.render(plan.bySubject, language: language) + "\n" + MarkdownRenderer.render(plan.byDeficitArea, language: language)
        case .json: plan.json()
        case .html: plan.html(language: language)
        }
        try writeOutput(Array(text.utf8), to: out)
    }
}
