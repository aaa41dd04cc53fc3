import Foundation
import PDPostgres

/// Recomputes every catalogued indicator into `dw.agg_indicator_value`, which the views
/// `mart.school_year_indicator` and `mart.city_year_indicator` expose.
///
/// For each row of `dw.indicator` (in `sort_order`) it runs the definition
/// `sql/indicators/<indicator_id>.sql` (contract: `sql/indicators/README.md`), computes the
/// value (percent or hours, one decimal, null for a zero denominator), then gives every
/// (year, school) with data a row for every indicator. All of it happens in one
/// repeatable-read transaction: readers see the previous values until it commits, and a
/// failing definition leaves the previous values in place.
///
/// Two refreshes never interleave (a session advisory lock). Call it on a connection that is
/// not inside a transaction, e.g. after a load has committed.
public struct MartRefresher {
    /// The advisory lock key of the refresh ("pdmartrf" in ASCII).
    public static let lockKey: Int64 = 0x7064_6d61_7274_7266

    public let connection: Connection
    public let sql: SQLDirectory

    public init(connection: Connection, sql: SQLDirectory) {
        self.connection = connection
        self.sql = sql
    }

    /// Rebuilds the indicator values; returns the number of rows written
    /// (indicators × (school-years + city-years)).
    @discardableResult
    public func refresh() throws -> Int {
        let clear = try sql.statement("mart/clear_indicator_values.sql")
        let insert = try sql.statement("mart/insert_indicator_values.sql")
        let fill = try sql.statement("mart/fill_missing_indicator_values.sql")
        let catalogue = try sql.statement("mart/catalogue.sql")
        let count = try sql.statement("mart/count_indicator_values.sql")
        let analyze = try sql.statement("mart/analyze_indicator_values.sql")
        let malformed = MartError.templateMalformed(path: sql.url.appendingPathComponent("mart/insert_indicator_values.sql").path)
        func inserting(_ definition: SQL) throws -> SQL {
            guard let statement = insert.embedding(definition, inPlaceOfLinesFrom: Self.definitionBegin, through: Self.definitionEnd)
            else { throw malformed }
            return statement
        }
        _ = try inserting("")  // the markers are checked before anything runs

        try connection.advisoryLock(Self.lockKey)
        defer { try? connection.advisoryUnlock(Self.lockKey) }

        let rows = try connection.transaction(isolation: .repeatableRead) {
            let ids = try connection.execute(catalogue).rows.compactMap { $0.first ?? nil }
            let definitions = try ids.map { id in (id, try definition(of: id)) }
            try connection.execute(clear)
            for (id, definition) in definitions {
                let statement = try inserting(definition.statement)
                do {
                    try connection.execute(statement, [id])
                } catch let error as PostgresError {
                    throw MartError.definitionFailed(indicator: id, path: definition.path, reason: error.message)
                }
            }
            try connection.execute(fill)
            return try connection.execute(count).scalarInt ?? 0
        }
        // Fresh statistics, or the reports plan against a table the planner thinks is empty.
        try connection.run(analyze)
        return rows
    }

    /// The lines of the insert statement that a definition replaces (from the one starting with
    /// `definitionBegin` through the one starting with `definitionEnd`, each exactly once).
    static let definitionBegin = "-- @definition-begin"
    static let definitionEnd = "-- @definition-end"

    /// The statement of `sql/indicators/<id>.sql` (run as a subquery of the insert).
    func definition(of id: String) throws -> (path: String, statement: SQL) {
        let relative = "indicators/\(id).sql"
        let path = sql.url.appendingPathComponent(relative).path
        guard let statement = try? sql.statement(relative) else {
            throw MartError.definitionMissing(indicator: id, path: path)
        }
        return (path, statement)
    }
}
