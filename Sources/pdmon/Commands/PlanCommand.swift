import ArgumentParser
import Foundation
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

    @Flag(help: "Выпустить план: сохранить снимок для pdmon report reconcile (повторный выпуск заменяет его) / Issue the plan: store its snapshot (a re-issue replaces it).")
    var issue = false

    @OptionGroup var output: OutputOptions

    @Option(help: "Организация в шапке документа (по умолчанию PDMON_ORGANISATION) / The organisation in the document's header block.")
    var organisation: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard ReportScalarType.academicYear.normalise(forYear) != nil else {
            throw ValidationError("--for-year: «\(forYear)» — не учебный год, пример: 2024-2025 / not an academic year, e.g. 2024-2025.")
        }
    }

    func run() throws {
        let language = output.language
        let warehouse = try connection.warehouse(logging)
        let issued = issue ? try warehouse.issuePlan(forYear: forYear, language: language) : nil
        let plan = try issued?.report ?? warehouse.plan(forYear: forYear, language: language)
        if let issued {
            let replaced = issued.issue.replacedIssuedAt.map { " (заменил выпуск \($0) / replaced the issue of \($0))" } ?? ""
            FileHandle.standardError.write(Data(
                "план-заказ выпущен \(issued.issue.issuedAt), строк \(issued.issue.rows) / plan-order issued\(replaced)\n".utf8))
        }
        let format = output.format()
        try output.checkBinary(format)
        let header = DocumentHeader.current(organisation: organisation, period: plan.yearLabel, dataAsOf: plan.dataAsOf, language: language)
        switch format {
        case .json: try output.write(text: plan.json())
        case .html: try output.write(text: plan.document(header: header).render())
        case .docx, .pdf: try output.write(bytes: try DocumentRenderer.bytes(plan.document(header: header), format: format))
        case .xlsx: try output.write(bytes: try SpreadsheetRenderer.bytes(plan.spreadsheetParts(), language: language))
        case .csv: try output.write(tables: output.excel ? [plan.withLevelNames().bySubject, plan.withLevelNames().byDeficitArea]
                                                         : [plan.bySubject, plan.byDeficitArea])
        case .table, .markdown:
            let named = plan.withLevelNames()
            try output.write(tables: [named.bySubject, named.byDeficitArea])
        }
    }
}
