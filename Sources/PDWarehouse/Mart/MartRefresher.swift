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

    /// Rebuilds the indicator values and records the refresh (`dw.mart_refresh`) in the same
    /// transaction; a failure is recorded afterwards, when the connection still works.
    ///
    /// - Returns: the rows written (indicators × (school-years + city-years)) and the newest
    ///   loaded batch they cover.
    /// - Throws: `MartError.definitionFailed` when an indicator's definition is wrong (an
    ///   undefined column, a syntax or data error in `sql/indicators/<id>.sql`: exit 2);
    ///   `PostgresError` when the database failed (connection lost, shut down, out of
    ///   resources: exit 3). Nothing is half-refreshed either way.
    @discardableResult
    public func refresh() throws -> MartRefresh {
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

        do {
            let rows = try connection.transaction(isolation: .repeatableRead) {
                let ids = try connection.execute(catalogue).rows.compactMap { $0.first ?? nil }
                let definitions = try ids.map { id in (id, try definition(of: id)) }
                try connection.execute(clear)
                TestPause.reach(.refresh, connection)
                for (id, definition) in definitions {
                    let statement = try inserting(definition.statement)
                    do {
                        try connection.execute(statement, [id])
                    } catch let error as PostgresError where Self.isDefinitionError(error) {
                        throw MartError.definitionFailed(indicator: id, path: definition.path, reason: error.message)
                    }
                }
                try connection.execute(fill)
                // SIGINT/SIGTERM during a load's refresh (`Interruption`): a signal that came between
                // two statements cancelled none, so the refresh stops here instead of committing.
                try Interruption.checkpoint()
                let rows = try connection.execute(count).scalarInt ?? 0
                try connection.execute(try sql.statement("mart/record_refresh.sql"), [String(rows)])
                return rows
            }
            try connection.run(analyze)
            let state = try state()
            return MartRefresh(indicatorValues: rows, coversBatchKey: state.coveredBatchKey)
        } catch {
            recordFailure(error)
            throw error
        }
    }

    /// Whether the mart is behind the loads, and how the last refresh ended.
    public func state() throws -> MartRefreshState {
        let row = try connection.execute(try sql.statement("mart/refresh_state.sql")).rows.first ?? []
        func value(_ index: Int) -> String? { index < row.count ? row[index] : nil }
        return MartRefreshState(
            lastLoadedBatchKey: value(0).flatMap { Int($0) }, coveredBatchKey: value(1).flatMap { Int($0) },
            lastCompleted: value(2), lastFailed: value(3) == "failed", lastMessage: value(4), isNeeded: value(5) == "t")
    }

    /// A definition's own fault: SQLSTATE class 42 (syntax error, undefined table or column)
    /// or 22 (a data exception such as division by zero). Anything else — a lost connection,
    /// an administrator's shutdown, lack of memory or disk — is the database's failure.
    static func isDefinitionError(_ error: PostgresError) -> Bool {
        guard error.kind == .query, let state = error.sqlState else { return false }
        return state.hasPrefix("42") || state.hasPrefix("22")
    }

    /// Best effort: a dead connection cannot record anything, and the next run refreshes anyway.
    private func recordFailure(_ error: any Error) {
        guard connection.isOpen, let statement = try? sql.statement("mart/record_refresh_failure.sql") else { return }
        let message = (error as? PostgresError)?.message ?? String(describing: error)
        _ = try? connection.execute(statement, [String(message.prefix(1000))])
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

/// A completed refresh.
public struct MartRefresh: Sendable, Equatable {
    /// Rows written to `dw.agg_indicator_value`.
    public var indicatorValues: Int
    /// The newest loaded batch the values include (nil: nothing loaded yet).
    public var coversBatchKey: Int?
}

/// The mart against the loads (`sql/mart/refresh_state.sql`).
public struct MartRefreshState: Sendable, Equatable {
    /// The newest batch with status `loaded`.
    public var lastLoadedBatchKey: Int?
    /// The newest loaded batch covered by the last completed refresh.
    public var coveredBatchKey: Int?
    /// When the last completed refresh finished (`YYYY-MM-DD HH:MM:SS`), nil if never.
    public var lastCompleted: String?
    /// Whether the most recent refresh failed.
    public var lastFailed: Bool
    /// The most recent refresh's failure message.
    public var lastMessage: String?
    /// A loaded batch is newer than the last completed refresh.
    public var isNeeded: Bool

    /// One line for `db status`.
    public var summary: String {
        var text = isNeeded
            ? "behind the loads: refreshed by the next load or etl run, or by `pdmon db refresh`"
                + " / отстают от загрузок: будут пересчитаны следующей загрузкой или `pdmon db refresh`"
            : "up to date / актуальны"
        if let lastCompleted { text += "; last refresh / последний пересчёт \(lastCompleted)" }
        if lastFailed { text += "; the last refresh failed / последний пересчёт завершился ошибкой: \(lastMessage ?? "")" }
        return text
    }
}
