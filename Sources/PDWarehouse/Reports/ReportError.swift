/// Errors of running reports against the warehouse, found before or while a report runs.
/// Each description says what happened and what to do, in English and Russian.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// An indicator id that `dw.indicator` does not list.
    case unknownIndicator(String, known: [String])
    /// A report name that is neither a file nor a report under `sql/reports/`.
    case reportNotFound(String, available: [String])
    /// The server could not infer the type of a parameter of a report file.
    case parameterTypeUndetermined(report: String, message: String)
    /// A report file whose statement is not a query, or that tried to write.
    case notAQuery(report: String, keyword: String?)

    public var description: String {
        switch self {
        case .unknownIndicator(let id, let known):
            return "unknown indicator '\(id)'; known indicators: \(known.joined(separator: ", ")) (see `pdmon report list`)"
                + " / неизвестный показатель «\(id)»; список показателей: `pdmon report list`"
        case .reportNotFound(let name, let available):
            return "no report file or bundled report named '\(name)'; bundled reports: \(available.joined(separator: ", "))"
                + " / отчёт «\(name)» не найден ни как файл, ни среди отчётов sql/reports"
        case .parameterTypeUndetermined(let report, let message):
            return "\(report): PostgreSQL cannot tell a parameter's type (\(message)); cast it in the SQL, e.g. $1::text"
                + " / \(report): PostgreSQL не может определить тип параметра; укажите его в SQL, например $1::text"
        case .notAQuery(let report, let keyword):
            let found = keyword.map { "it starts with '\($0)'" } ?? "no statement was found"
            return "\(report): a report only reads: its statement must be a query (select, with, values or table);"
                + " \(found), or it tried to write. Nothing was run or changed"
                + " / \(report): отчёт только читает данные: нужен запрос (select, with, values или table);"
                + " ничего не выполнено и не изменено"
        }
    }
}
