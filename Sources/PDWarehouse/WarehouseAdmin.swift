import PDPostgres

/// `pdmon db migrate` and `pdmon db status`.
public enum WarehouseAdmin {
    @discardableResult
    public static func migrate(conninfo: String, sql: SQLDirectory, log: (Migration) -> Void = { _ in }) throws -> [Migration] {
        let connection = try Connection(conninfo: conninfo)
        defer { connection.close() }
        let migrations = try Migration.load(from: sql.url.appendingPathComponent("migrations"))
        return try Migrator(connection: connection, migrations: migrations).migrate(log: log)
    }

    /// After files were loaded: fresh planner statistics on the tables the loads changed,
    /// then the mart's indicator values recomputed (one transaction). Returns the mart rows.
    @discardableResult
    public static func afterLoads(conninfo: String, sql: SQLDirectory) throws -> Int {
        let connection = try DatabaseTarget.connectMigrated(conninfo: conninfo, sql: sql)
        defer { connection.close() }
        try connection.run(try sql.statement("load/after_loads.sql"))
        return try MartRefresher(connection: connection, sql: sql).refresh()
    }

    public struct Status: Sendable {
        /// The last applied migration, nil before the first migrate.
        public var version: String?
        public var appliedAt: String?
        public var pending: [String]
        /// Exact row counts of the warehouse tables, schema-qualified, in name order.
        public var rowCounts: [(table: String, rows: Int)]

        public func rendered() -> String {
            var lines = [
                "version / версия схемы: \(version ?? "none / нет") \(appliedAt.map { "(\($0))" } ?? "")",
                "pending migrations / не применено: \(pending.isEmpty ? "0" : pending.joined(separator: ", "))",
            ]
            let width = rowCounts.map(\.table.count).max() ?? 0
            for (table, rows) in rowCounts {
                lines.append(table.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(rows))
            }
            return lines.joined(separator: "\n")
        }
    }

    public static func status(conninfo: String, sql: SQLDirectory) throws -> Status {
        let connection = try Connection(conninfo: conninfo)
        defer { connection.close() }
        let migrations = try Migration.load(from: sql.url.appendingPathComponent("migrations"))
        let migrator = Migrator(connection: connection, migrations: migrations)
        let applied = try migrator.applied()
        let pending = try migrator.pending()
        let tables = try connection.execute("""
            select table_schema, table_name
            from information_schema.tables
            where table_schema in ('dw', 'mart') and table_type = 'BASE TABLE'
            order by table_schema, table_name
            """)
        var counts: [(String, Int)] = []
        for row in tables.rows {
            guard let schema = row[0], let table = row[1] else { continue }
            let name = try connection.escapeIdentifier(schema) + "." + connection.escapeIdentifier(table)
            let rows = try connection.execute(SQL(unsafeText: "select count(*) from \(name)")).scalarInt ?? 0
            counts.append(("\(schema).\(table)", rows))
        }
        return Status(
            version: applied.last?.name, appliedAt: applied.last?.appliedAt,
            pending: pending.map(\.name), rowCounts: counts)
    }
}
