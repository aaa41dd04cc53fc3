import PDPostgres

/// Administrative reads of `db status`.
enum WarehouseAdmin {
    /// Exact row counts of the base tables of `dw` and `mart`, schema-qualified, in name order:
    /// one query (`sql/admin/row_counts.sql`) in which each count runs through `query_to_xml`.
    static func rowCounts(_ connection: Connection, sql: SQLDirectory) throws -> [(table: String, rows: Int)] {
        try connection.execute(try sql.statement("admin/row_counts.sql")).rows.compactMap { row in
            guard let schema = row[0], let table = row[1] else { return nil }
            return ("\(schema).\(table)", row[2].flatMap { Int($0) } ?? 0)
        }
    }
}
