import PDWarehouse

/// What runs after files were loaded.
enum Hooks {
    static func afterLoads(conninfo: String, sql: SQLDirectory) throws {
        try WarehouseAdmin.afterLoads(conninfo: conninfo, sql: sql)
    }
}
