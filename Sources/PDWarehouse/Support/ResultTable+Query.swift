import PDPostgres
import PDReport

extension ResultTable {
    /// A result table from a query's columns (typed by their PostgreSQL OIDs) and rows.
    public init(_ result: QueryResult, title: String = "") {
        self.init(
            title: title,
            columns: result.columns.map { ResultColumn(name: $0.name, postgresTypeOID: $0.typeOID) },
            rows: result.rows)
    }
}
