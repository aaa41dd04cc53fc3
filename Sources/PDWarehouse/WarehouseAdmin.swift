import PDPostgres

/// Administrative reads of `db status`.
enum WarehouseAdmin {
    /// Exact row counts of the base tables of `dw` and `mart`, schema-qualified, in name order.
    static func rowCounts(_ connection: Connection) throws -> [(table: String, rows: Int)] {
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
        return counts
    }
}
