import Foundation
import PDPostgres

/// Where the warehouse is: `--database-url`, else `PDMON_DATABASE_URL`, else libpq's defaults
/// (`PGHOST`, `PGDATABASE`, … as psql uses them).
public enum DatabaseTarget {
    public static func conninfo(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let fromEnvironment = environment["PDMON_DATABASE_URL"], !fromEnvironment.isEmpty { return fromEnvironment }
        return ""
    }

    /// Opens a connection and checks that every migration has been applied.
    public static func connectMigrated(conninfo: String, sql: SQLDirectory) throws -> Connection {
        let connection = try Connection(conninfo: conninfo)
        let migrations = try Migration.load(from: sql.url.appendingPathComponent("migrations"))
        let pending = try Migrator(connection: connection, sql: sql, migrations: migrations).pending()
        guard pending.isEmpty else {
            connection.close()
            throw WarehouseError.notMigrated(pending: pending.count)
        }
        return connection
    }
}
