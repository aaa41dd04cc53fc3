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
        let insertTemplate = try sql.text("mart/insert_indicator_values.sql")
        let fill = try sql.statement("mart/fill_missing_indicator_values.sql")
        let catalogue = try sql.statement("mart/catalogue.sql")
        let templateLines = insertTemplate.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard templateLines.filter({ $0.trimmingCharacters(in: .whitespaces) == Self.definitionMarker }).count == 1 else {
            throw MartError.templateMalformed(path: sql.url.appendingPathComponent("mart/insert_indicator_values.sql").path)
        }

        try connection.advisoryLock(Self.lockKey)
        defer { try? connection.advisoryUnlock(Self.lockKey) }

        let rows = try connection.transaction {
            try connection.run("set transaction isolation level repeatable read")
            let ids = try connection.execute(catalogue).rows.compactMap { $0.first ?? nil }
            let definitions = try ids.map { id in (id, try definition(of: id)) }
            try connection.execute(clear)
            for (id, definition) in definitions {
                let statement = templateLines
                    .map { $0.trimmingCharacters(in: .whitespaces) == Self.definitionMarker ? definition.text : $0 }
                    .joined(separator: "\n")
                do {
                    try connection.execute(SQL(unsafeText: statement), [id])
                } catch let error as PostgresError {
                    throw MartError.definitionFailed(indicator: id, path: definition.path, reason: error.message)
                }
            }
            try connection.execute(fill)
            return try connection.execute("select count(*) from dw.agg_indicator_value").scalarInt ?? 0
        }
        // Fresh statistics, or the reports plan against a table the planner thinks is empty
        // (compare's SQL took 1.4 s instead of 0.2 s until autovacuum came by).
        try connection.run("analyze dw.agg_indicator_value")
        return rows
    }

    /// The line of the insert template that a definition replaces (the whole line, exactly once).
    static let definitionMarker = "-- @definition"

    /// The text of `sql/indicators/<id>.sql`, without a final `;` (it is run as a subquery).
    func definition(of id: String) throws -> (path: String, text: String) {
        let relative = "indicators/\(id).sql"
        let path = sql.url.appendingPathComponent(relative).path
        guard let text = try? sql.text(relative) else {
            throw MartError.definitionMissing(indicator: id, path: path)
        }
        var body = Substring(text)
        while let last = body.last, last.isWhitespace || last == ";" { body = body.dropLast() }
        // A newline keeps a trailing line comment of the file from swallowing the ") as q".
        return (path, String(body) + "\n")
    }
}
