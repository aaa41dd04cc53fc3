import PDPostgres
import PDReport

/// Runs a report file with bound parameters (`PQexecParams`; values never enter the SQL).
public struct ReportRunner {
    public let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// Binds `values` (parameter name → values, as from `ParameterAssignments.parse`) against
    /// the report's header, which refuses a missing, unknown or mistyped parameter before
    /// anything runs, then runs the report and returns its rows typed by column.
    public func run(_ report: ReportFile, values: [String: [String]]) throws -> ResultTable {
        let bound = try report.bind(values)
        guard QueryCheck.isQuery(report.sql) else {
            throw ReportError.notAQuery(report: report.name, keyword: QueryCheck.leadingKeyword(report.sql))
        }
        let result: QueryResult
        do {
            result = try connection.execute(SQL(fileText: report.sql, path: report.name), bound, types: report.parameterTypeOIDs)
        } catch let error as PostgresError where error.sqlState == "42P18" {
            throw ReportError.parameterTypeUndetermined(report: report.name, message: error.message)
        } catch let error as PostgresError where error.sqlState == "25006" {
            // A data-modifying `with` stopped by the read-only transaction the facade runs reports in.
            throw ReportError.notAQuery(report: report.name, keyword: QueryCheck.leadingKeyword(report.sql))
        }
        return Self.table(result, title: report.name)
    }

    /// A result table from a query result, each column typed by its PostgreSQL type.
    public static func table(_ result: QueryResult, title: String = "") -> ResultTable {
        ResultTable(
            title: title,
            columns: result.columns.map { ResultColumn(name: $0.name, postgresTypeOID: $0.typeOID) },
            rows: result.rows)
    }
}
