import Foundation
import PDPostgres

/// Recomputes the catalogued indicators into `dw.agg_indicator_value`, which the views
/// `mart.school_year_indicator` and `mart.city_year_indicator` expose.
///
/// For each row of `dw.indicator` (in `sort_order`) it runs the definition
/// `sql/indicators/<indicator_id>.sql` — or, for the years from which a later version applies,
/// `sql/indicators/<indicator_id>@<yyyy-yyyy>.sql` (issue 13 §5; `DefinitionVersion`) — computes
/// the value (percent or hours, one decimal, null for a zero denominator), then gives every
/// (year, school) with data a row for every indicator. All of it happens in one
/// repeatable-read transaction: readers see the previous values until it commits, and a
/// failing definition leaves the previous values in place.
///
/// **Incremental** (issue 12): the refresh records the batches it covered
/// (`dw.mart_covered_batch`) and the census and enrolment rows per (year, school) it read
/// (`dw.mart_input_cell`). The next one computes the cells the uncovered batches touched
/// (`sql/mart/scope_cells.sql`: added, replaced and deleted rows; a teacher's new enrolments
/// in year y also reach the teacher's census cell in y, and for the three-year indicators
/// in y+1 and y+2), runs each definition for those cells' years only (its `dw.refresh_years()`
/// bound as a parameter, which Citus passes to its workers) and replaces only those cells and
/// the city rows of their years. It is **full** when asked
/// (`db refresh --full`), when there is no earlier refresh with the same definitions (the
/// digest of the catalogue and the files), when the rows are inconsistent with what was
/// recorded, or when the cells would exceed `fullShare` of the work of a full refresh.
/// Either way the values are those a full refresh computes (`MartRefreshTests`).
///
/// Two refreshes never interleave (a session advisory lock). Call it on a connection that is
/// not inside a transaction, e.g. after a load has committed.
public struct MartRefresher {
    /// The advisory lock key of the refresh ("pdmartrf" in ASCII).
    public static let lockKey: Int64 = 0x7064_6d61_7274_7266

    /// Above this share of a full refresh's work (cells × indicators), an incremental refresh
    /// is done as a full one: recomputing most of the years costs about as much, and a full
    /// refresh needs no scope.
    public static let fullShare = 0.6

    public let connection: Connection
    public let sql: SQLDirectory

    public init(connection: Connection, sql: SQLDirectory) {
        self.connection = connection
        self.sql = sql
    }

    /// Brings the indicator values up to date with the loads and records the refresh
    /// (`dw.mart_refresh`, `dw.mart_covered_batch`, `dw.mart_input_cell`,
    /// `dw.indicator_version`) in the same transaction; a failure is recorded afterwards, when
    /// the connection still works.
    ///
    /// - Parameter full: recompute every value even when an incremental refresh would do.
    /// - Returns: the rows of `dw.agg_indicator_value` after it, the newest loaded batch they
    ///   cover, the mode and the school-year cells recomputed.
    /// - Throws: `MartError.definitionFailed` when an indicator's definition is wrong (an
    ///   undefined column, a syntax or data error in `sql/indicators/<id>.sql`: exit 2);
    ///   `MartError.definitionMissing` / `.versionMalformed` for a missing or misnamed file
    ///   (exit 2); `PostgresError` when the database failed (connection lost, shut down, out of
    ///   resources: exit 3). Nothing is half-refreshed either way.
    @discardableResult
    public func refresh(full forceFull: Bool = false) throws -> MartRefresh {
        let insert = try sql.statement("mart/insert_indicator_values.sql")
        let malformed = MartError.templateMalformed(path: sql.url.appendingPathComponent("mart/insert_indicator_values.sql").path)
        // The definition's `dw.refresh_years()` becomes the bound years ($4): the function
        // only serves a file run by hand; a session setting would not reach a Citus worker.
        func inserting(_ definition: SQL) throws -> SQL {
            guard let statement = insert.embedding(definition.binding("dw.refresh_years()", toParameter: 4, as: "integer[]"),
                                                   inPlaceOfLinesFrom: Self.definitionBegin, through: Self.definitionEnd)
            else { throw malformed }
            return statement
        }
        _ = try inserting("")  // the markers are checked before anything runs

        try connection.advisoryLock(Self.lockKey)
        defer { try? connection.advisoryUnlock(Self.lockKey) }

        do {
            let result = try connection.transaction(isolation: .repeatableRead) { () throws -> MartRefresh in
                let catalogue = try connection.execute(try sql.statement("mart/catalogue.sql")).rows
                let indicators = try catalogue.compactMap { row -> IndicatorDefinitions? in
                    guard let id = row.first ?? nil else { return nil }
                    return IndicatorDefinitions(id: id, unit: row.count > 1 ? row[1] ?? "" : "", versions: try versions(of: id),
                                                source: row.count > 2 ? row[2] ?? "" : "")
                }
                let digest = Self.digest(indicators, template: insert.text)
                try connection.run(try sql.statement("mart/scope_input.sql"))

                // Full or incremental?
                var full = forceFull
                if !full {
                    let last = try connection.execute(try sql.statement("mart/last_digest.sql")).rows.first?.first ?? nil
                    full = last != digest
                }
                var cells = 0
                if !full {
                    try connection.run(try sql.statement("mart/scope_cells.sql"))
                    let row = try connection.execute(try sql.statement("mart/scope_summary.sql")).rows.first ?? []
                    func number(_ index: Int) -> Int { index < row.count ? row[index].flatMap { Int($0) } ?? 0 : 0 }
                    let window0 = number(0), window1 = number(1), window3 = number(2)
                    let universe = number(3), anomalies = number(4)
                    let census = indicators.filter { $0.scopeWindow >= 1 }.count
                    let threeYear = indicators.filter { $0.scopeWindow >= 3 }.count
                    let work = Double(window0 * indicators.count + window1 * census + window3 * threeYear)
                    let fullWork = Double(max(universe, 1) * max(indicators.count, 1))
                    full = anomalies > 0 || work > Self.fullShare * fullWork
                    cells = window0 + window1 + window3
                }
                if full {
                    try connection.run(try sql.statement("mart/scope_none.sql"))
                    try connection.execute(try sql.statement("mart/clear_indicator_values.sql"))
                }
                let allYears = try connection.execute(try sql.statement("mart/universe_years.sql")).rows
                    .compactMap { $0.first ?? nil }.compactMap { Int($0) }
                if full { cells = try connection.execute(try sql.statement("mart/scope_summary_full.sql")).scalarInt ?? 0 }
                TestPause.reach(.refresh, connection)

                let clearScope = try sql.statement("mart/clear_scope_values.sql")
                let scopeYears = try sql.statement("mart/scope_years.sql")
                for indicator in indicators {
                    let years: [Int]
                    if full {
                        years = allYears
                    } else {
                        years = try connection.execute(scopeYears, [String(indicator.scopeWindow)]).rows
                            .compactMap { $0.first ?? nil }.compactMap { Int($0) }
                        if years.isEmpty { continue }
                        try connection.execute(clearScope, [indicator.id, String(indicator.scopeWindow)])
                    }
                    for (index, version) in indicator.versions.enumerated() {
                        let next = index + 1 < indicator.versions.count ? indicator.versions[index + 1].fromYear : Int.max
                        let own = years.filter { $0 >= version.fromYear && $0 < next }
                        if own.isEmpty { continue }
                        do {
                            try connection.execute(try inserting(version.statement),
                                                   [indicator.id, full ? "true" : "false", String(indicator.scopeWindow),
                                                    "{" + own.map(String.init).joined(separator: ",") + "}"])
                        } catch let error as PostgresError where Self.isDefinitionError(error) {
                            throw MartError.definitionFailed(indicator: indicator.id, path: version.path, reason: error.message)
                        }
                    }
                }

                try connection.execute(try sql.statement("mart/clear_indicator_versions.sql"))
                let recordVersion = try sql.statement("mart/record_indicator_version.sql")
                for indicator in indicators {
                    for version in indicator.versions {
                        try connection.execute(recordVersion, [indicator.id, String(version.fromYear), version.relativePath,
                                                               version.reasonRU, version.reasonEN])
                    }
                }
                // SIGINT/SIGTERM during a load's refresh (`Interruption`): a signal that came between
                // two statements cancelled none, so the refresh stops here instead of committing.
                try Interruption.checkpoint()
                let rows = try connection.execute(try sql.statement("mart/count_indicator_values.sql")).scalarInt ?? 0
                let mode: MartRefresh.Mode = full ? .full : .incremental
                let refreshKey = try connection.execute(try sql.statement("mart/record_refresh.sql"),
                                                        [String(rows), mode.rawValue, String(cells), digest]).scalarInt ?? 0
                try connection.execute(try sql.statement("mart/record_covered_batches.sql"), [String(refreshKey)])
                try connection.run(try sql.statement("mart/record_input.sql"))
                return MartRefresh(indicatorValues: rows, coversBatchKey: nil, mode: mode, cells: cells)
            }
            try connection.run(try sql.statement("mart/analyze_indicator_values.sql"))
            var refreshed = result
            refreshed.coversBatchKey = try state().coveredBatchKey
            return refreshed
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

    /// The versions of an indicator's definition, oldest first: `sql/indicators/<id>.sql` (from
    /// the beginning) and every `sql/indicators/<id>@<yyyy-yyyy>.sql` (from that academic year).
    /// - Throws: `MartError.definitionMissing` without the first file;
    ///   `MartError.versionMalformed` for a version file whose year is not an academic year.
    func versions(of id: String) throws -> [DefinitionVersion] {
        let first = try definition(of: id)
        var versions = [DefinitionVersion(fromYear: 0, relativePath: "indicators/\(id).sql", path: first.path,
                                          statement: first.statement, reasonRU: nil, reasonEN: nil)]
        let folder = sql.url.appendingPathComponent("indicators")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasPrefix(id + "@") && name.hasSuffix(".sql") {
            let relative = "indicators/\(name)"
            let path = folder.appendingPathComponent(name).path
            let label = String(name.dropFirst(id.count + 1).dropLast(4))
            guard let year = DefinitionVersion.startYear(of: label) else {
                throw MartError.versionMalformed(indicator: id, path: path)
            }
            guard let statement = try? sql.statement(relative) else { throw MartError.definitionMissing(indicator: id, path: path) }
            let header = DefinitionVersion.header(statement.text)
            versions.append(DefinitionVersion(fromYear: year, relativePath: relative, path: path, statement: statement,
                                              reasonRU: header["version-reason-ru"], reasonEN: header["version-reason-en"]))
        }
        return versions.sorted { $0.fromYear < $1.fromYear }
    }

    /// FNV-1a (64 bits, hex) of the catalogue (ids, units), every version's year and text and
    /// the insert template: a change of any of them makes the next refresh a full one.
    static func digest(_ indicators: [IndicatorDefinitions], template: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3
        }
        add(template)
        for indicator in indicators {
            add(indicator.id); add(indicator.unit); add(indicator.source)
            for version in indicator.versions { add(String(version.fromYear)); add(version.statement.text) }
        }
        return String(hash, radix: 16)
    }
}

/// One indicator of the catalogue and its definition versions.
struct IndicatorDefinitions {
    var id: String
    var unit: String
    var versions: [DefinitionVersion]
    /// The years a value of year y reads: 3 when the first file says `-- window: 3` (the
    /// enrolments of y-2..y), 1 otherwise.
    var window: Int { versions.map { DefinitionVersion.header($0.statement.text)["window"] }.contains { $0?.hasPrefix("3") == true } ? 3 : 1 }
    /// `dw.indicator.source`: survey, enrolments or survey+enrolments.
    var source: String = ""
    /// The cells of `mart_scope` an incremental refresh recomputes for it: those with
    /// `window_years` up to this (`sql/mart/scope_cells.sql`). 0 for an indicator that reads
    /// only the enrolments of its cell (a census change leaves it alone), else `window`.
    var scopeWindow: Int { source == "enrolments" && window == 1 ? 0 : window }
}

/// A version of an indicator's definition (issue 13 §5): the file and the academic year from
/// which it applies, and the reason it changed (header lines `-- version-reason-ru:` and
/// `-- version-reason-en:` of `sql/indicators/<id>@<yyyy-yyyy>.sql`).
struct DefinitionVersion {
    /// Start year of the first academic year it applies to; 0 for the first version.
    var fromYear: Int
    /// Path under `sql/`.
    var relativePath: String
    var path: String
    var statement: SQL
    var reasonRU: String?
    var reasonEN: String?

    /// The start year of a canonical academic year label `yyyy-yyyy` (second = first + 1).
    static func startYear(of label: String) -> Int? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }), let first = Int(parts[0]), let second = Int(parts[1]),
              second == first + 1 else { return nil }
        return first
    }

    /// The `-- key: value` lines at the top of a definition (before the first line that is not a
    /// comment).
    static func header(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("--") else { break }
            let body = line.dropFirst(2).drop { $0 == " " }
            guard let colon = body.firstIndex(of: ":") else { continue }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, !key.contains(" ") else { continue }
            result[key] = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }
}

/// A completed refresh.
public struct MartRefresh: Sendable, Equatable {
    /// How much was recomputed.
    public enum Mode: String, Sendable {
        /// Every value.
        case full
        /// The cells the uncovered batches touched, and the city rows of their years.
        case incremental
    }

    /// Rows of `dw.agg_indicator_value` after the refresh.
    public var indicatorValues: Int
    /// The newest loaded batch the values include (nil: nothing loaded yet).
    public var coversBatchKey: Int?
    /// Full or incremental.
    public var mode: Mode = .full
    /// School-year cells recomputed (every cell with data for a full refresh).
    public var cells: Int = 0

    public init(indicatorValues: Int, coversBatchKey: Int?, mode: Mode = .full, cells: Int = 0) {
        self.indicatorValues = indicatorValues
        self.coversBatchKey = coversBatchKey
        self.mode = mode
        self.cells = cells
    }
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
