import PDPostgres

/// `pdmon db distribute`: turns a migrated warehouse on a Citus coordinator into a
/// distributed one (issue 12, "Scale-out on Citus").
///
/// The rule, in `sql/citus/pending.sql`: the facts and bridges (`dw.fact_*`, `dw.bridge_*`,
/// every key of which leads with `teacher_key`) are distributed by `teacher_key` in one
/// colocation group; every other `dw` table becomes a reference table. Tables go one at a
/// time, a table only after the tables its foreign keys point at. Idempotent: a table
/// already in Citus's metadata is left alone, so a second run changes nothing.
public struct CitusDistribution: Sendable, Equatable {
    /// One `dw` table after the run.
    public struct Table: Sendable, Equatable {
        /// Schema-qualified name, e.g. `dw.fact_teacher_year`.
        public let name: String
        /// `distributed`, `reference`, `citus local` or `local` (as `sql/citus/placement.sql` says).
        public let method: String
        /// The distribution column of a distributed table (`teacher_key`), else empty.
        public let distributionColumn: String
        /// Citus's colocation group id, else empty.
        public let colocationID: String
        /// Whether this run distributed the table (false: it already was).
        public let changedNow: Bool
    }

    /// The version of the `citus` extension in the database.
    public let citusVersion: String
    /// Every `dw` table, in name order.
    public let tables: [Table]

    /// How many tables this run changed (0 on a second run).
    public var changedCount: Int { tables.filter(\.changedNow).count }

    /// One line per table and a closing count, bilingual like the other `db` commands.
    public func rendered() -> String {
        var lines = ["citus \(citusVersion)"]
        for table in tables {
            var line = "\(table.name): \(table.method)"
            if !table.distributionColumn.isEmpty { line += " by \(table.distributionColumn)" }
            if !table.colocationID.isEmpty && table.method == "distributed" { line += ", colocation \(table.colocationID)" }
            if table.changedNow { line += " (now / сейчас)" }
            lines.append(line)
        }
        lines.append(changedCount == 0
            ? "nothing to change: already distributed / изменений нет: уже распределено"
            : "distributed \(changedCount) table(s) / распределено таблиц: \(changedCount)")
        return lines.joined(separator: "\n")
    }
}

/// Why `pdmon db distribute` did not run.
public enum CitusError: Error, CustomStringConvertible, ExitCoded, Equatable {
    /// The database has no `citus` extension: a plain PostgreSQL (exit 2).
    case extensionAbsent
    /// A pending table's foreign keys point at one another, so no order works (exit 3).
    case foreignKeyCycle(tables: [String])

    public var description: String {
        switch self {
        case .extensionAbsent:
            return """
                the citus extension is not installed in this database: `pdmon db distribute` runs on a Citus \
                coordinator (create extension citus; add the workers; see README) / расширение citus не \
                установлено в этой базе: команда выполняется на координаторе Citus (см. README)
                """
        case .foreignKeyCycle(let tables):
            return """
                the foreign keys of \(tables.joined(separator: ", ")) form a cycle: no order distributes them / \
                внешние ключи этих таблиц образуют цикл
                """
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .extensionAbsent: return .usage
        case .foreignKeyCycle: return .database
        }
    }
}

enum CitusDistributor {
    /// Runs the distribution on `connection` (the coordinator). Each table is one statement
    /// in its own transaction, so an interrupted run resumes where it stopped.
    /// - Throws: `CitusError.extensionAbsent` without the extension; `PostgresError` when
    ///   Citus refuses a table.
    static func distribute(_ connection: Connection, sql: SQLDirectory) throws -> CitusDistribution {
        guard let version = try connection.execute(try sql.statement("citus/extension.sql")).rows.first?.first ?? nil
        else { throw CitusError.extensionAbsent }
        var changed: Set<String> = []
        while let next = try connection.execute(try sql.statement("citus/pending.sql")).rows.first {
            guard let name = next[0], let method = next[1] else { break }
            guard next[2] == "0" else {
                let all = try connection.execute(try sql.statement("citus/pending.sql")).rows.compactMap { $0[0] }
                throw CitusError.foreignKeyCycle(tables: all)
            }
            let file = method == "distributed" ? "citus/distribute.sql" : "citus/reference.sql"
            try connection.execute(try sql.statement(file), [name])
            changed.insert(name)
        }
        try readMartWithOwnerRights(connection, sql: sql)
        let tables = try connection.execute(try sql.statement("citus/placement.sql")).rows.compactMap { row -> CitusDistribution.Table? in
            guard let name = row[0] else { return nil }
            return CitusDistribution.Table(
                name: name, method: row[1] ?? "", distributionColumn: row[2] ?? "", colocationID: row[3] ?? "",
                changedNow: changed.contains(name))
        }
        return CitusDistribution(citusVersion: version, tables: tables)
    }

    /// On a database with the citus extension, turns every `mart` view into a read through a
    /// security-definer function (`sql/citus/definer_views.sql`): Citus checks a view's shard
    /// queries against the reader's rights, not the owner's, so per-school readers (who hold no
    /// right on `dw`) could read nothing. Idempotent; a no-op without the extension.
    static func readMartWithOwnerRights(_ connection: Connection, sql: SQLDirectory) throws {
        guard try connection.execute(try sql.statement("citus/extension.sql")).rows.first != nil else { return }
        try connection.run(try sql.statement("citus/definer_views.sql"))
    }
}
