import Crypto
import Foundation
import PDPostgres

/// One forward-only migration file, `sql/migrations/NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    /// The file name without `.sql`, e.g. `0003_dim_school`.
    public let name: String
    public let sql: String
    /// SHA-256 of the file's bytes, hex.
    public let checksum: String
    /// Checksums the file had before formatting-only edits, from its
    /// `-- pdmon:previous-checksum <sha256>` lines: a database that recorded one of them
    /// accepts the file (and `db migrate` records the new checksum). Like Liquibase's
    /// validCheckSum, each line is an auditable statement in the file's own history.
    public let previousChecksums: [String]

    /// The line prefix that lists a previous checksum.
    public static let previousChecksumMarker = "-- pdmon:previous-checksum"

    public init(version: Int, name: String, sql: String) throws {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = sha256Hex(sql)
        self.previousChecksums = try Self.previousChecksums(in: sql, file: name + ".sql")
    }

    /// The checksums listed on `-- pdmon:previous-checksum` lines; refuses a malformed one.
    static func previousChecksums(in sql: String, file: String) throws -> [String] {
        var checksums: [String] = []
        for (index, line) in sql.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(previousChecksumMarker) else { continue }
            let value = trimmed.dropFirst(previousChecksumMarker.count).trimmingCharacters(in: .whitespaces)
            guard value.count == 64, value.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw WarehouseError.badPreviousChecksum(file: file, line: index + 1)
            }
            checksums.append(value)
        }
        return checksums
    }

    /// Reads and orders the migrations of a folder; refuses badly named files and duplicate numbers.
    public static func load(from directory: URL) throws -> [Migration] {
        var migrations: [Migration] = []
        for file in try sqlFiles(in: directory) {
            let name = String(file.dropLast(4))
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            guard digits.count == 4, let version = Int(digits), name.dropFirst(4).first == "_" else {
                throw WarehouseError.badMigrationName(file: file)
            }
            let sql = try readText(directory.appendingPathComponent(file))
            migrations.append(try Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw WarehouseError.duplicateMigrationVersion(version: next.version, files: [previous.name, next.name])
        }
        return migrations
    }
}

/// One repeatable view file, `sql/views/<schema>.<view>.sql`: a `create or replace view` of
/// that view with its `comment on` and `grant` statements. `db migrate` runs it after the
/// migrations whenever its checksum differs from the one recorded in `public.schema_views`
/// or the view is missing; the files run in name order.
public struct RepeatableView: Sendable, Equatable {
    /// The schema-qualified view name, from the file name, e.g. `mart.teacher_year`.
    public let name: String
    public let sql: String
    /// SHA-256 of the file's bytes, hex.
    public let checksum: String

    public init(name: String, sql: String) {
        self.name = name
        self.sql = sql
        self.checksum = sha256Hex(sql)
    }

    /// Reads the view files of a folder in name order; refuses a file whose name is not
    /// `<schema>.<view>.sql` (`Migrator` refuses one that does not create that view).
    public static func load(from directory: URL) throws -> [RepeatableView] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        var views: [RepeatableView] = []
        for file in try sqlFiles(in: directory).sorted() {
            let name = String(file.dropLast(4))
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            let identifier = { (part: Substring) in
                !part.isEmpty && part.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
            }
            guard parts.count == 2, parts.allSatisfy(identifier) else {
                throw WarehouseError.badViewFile(file: file, reason: "the name is not <schema>.<view>.sql")
            }
            views.append(RepeatableView(name: name, sql: try readText(directory.appendingPathComponent(file))))
        }
        return views
    }
}

/// What `Migrator.migrate` did besides applying migrations, for the log.
public enum MigrationEvent: Sendable, Equatable {
    /// An applied migration's record took the checksum of its formatting-only edit.
    case checksumAccepted(migration: String, recorded: String, file: String)
    /// A view file was applied (new, changed, or its view was missing).
    case viewApplied(RepeatableView)
}

/// Applies migrations in order, each in its own transaction, recorded in `public.schema_migrations`,
/// then the repeatable view files, recorded in `public.schema_views`.
///
/// Holds an advisory lock while it works so that two migrators never interleave, and refuses to
/// start when an applied migration's file has changed (unless the file lists the recorded
/// checksum as a previous one) or disappeared. Its own statements are in `sql/admin/`.
public struct Migrator {
    /// The advisory lock key of `db migrate` ("pdmigrat" in ASCII).
    public static let lockKey: Int64 = 0x7064_6d69_6772_6174

    public let connection: Connection
    /// The folder whose `admin/` statements keep the migrator's books.
    public let sql: SQLDirectory
    public let migrations: [Migration]
    public let views: [RepeatableView]

    public init(connection: Connection, sql: SQLDirectory, migrations: [Migration], views: [RepeatableView] = []) {
        self.connection = connection
        self.sql = sql
        self.migrations = migrations
        self.views = views
    }

    /// The migrator of the project: the migrations of `sql/migrations/` and the views of `sql/views/`.
    public static func project(connection: Connection, sql: SQLDirectory) throws -> Migrator {
        Migrator(
            connection: connection, sql: sql,
            migrations: try Migration.load(from: sql.url.appendingPathComponent("migrations")),
            views: try RepeatableView.load(from: sql.url.appendingPathComponent("views")))
    }

    public struct Applied: Sendable, Equatable {
        public let name: String
        public let checksum: String
        public let appliedAt: String
    }

    /// The migrations recorded as applied (empty before the first migrate).
    public func applied() throws -> [Applied] {
        guard try bookkeeping().migrations else { return [] }
        let result = try connection.execute(try sql.statement("admin/applied_migrations.sql"))
        return result.rows.map { Applied(name: $0[0] ?? "", checksum: $0[1] ?? "", appliedAt: $0[2] ?? "") }
    }

    /// Migrations whose files exist but are not applied yet. Throws when history and files disagree.
    public func pending() throws -> [Migration] {
        try verified(applied: applied()).pending
    }

    /// View files that the next migrate applies: new, changed since applied, or whose view is missing.
    public func pendingViews() throws -> [RepeatableView] {
        var recorded: [String: (checksum: String, exists: Bool)] = [:]
        if try bookkeeping().views {
            for row in try connection.execute(try sql.statement("admin/applied_views.sql")).rows {
                guard let name = row[0], let checksum = row[1] else { continue }
                recorded[name] = (checksum, row[2] == "t")
            }
        }
        return views.filter { view in
            guard let record = recorded[view.name] else { return true }
            return record.checksum != view.checksum || !record.exists
        }
    }

    /// Applies every pending migration, then every pending view file; returns the migrations it
    /// applied (empty when up to date). `events` hears of accepted checksums and applied views.
    @discardableResult
    public func migrate(
        log: (Migration) -> Void = { _ in }, events: (MigrationEvent) -> Void = { _ in }
    ) throws -> [Migration] {
        let record = try sql.statement("admin/record_migration.sql")
        let accept = try sql.statement("admin/accept_migration_checksum.sql")
        let recordView = try sql.statement("admin/record_view.sql")
        let viewExists = try sql.statement("admin/view_exists.sql")
        do {
            try connection.advisoryLock(Self.lockKey)
        } catch let error as PostgresError where error.sqlState == "55P03" {
            // Another `db migrate` held the lock past lock_timeout (PDMON_LOCK_TIMEOUT): it is
            // still migrating; this one changed nothing.
            throw WarehouseError.lockHeld(what: "pdmon db migrate")
        }
        defer { try? connection.advisoryUnlock(Self.lockKey) }
        try connection.run(try sql.statement("admin/bookkeeping.sql"))

        let state = try verified(applied: applied())
        if !state.accepted.isEmpty {
            try connection.transaction {
                for accepted in state.accepted {
                    try connection.execute(accept, [accepted.migration, accepted.recorded, accepted.file])
                }
            }
            for accepted in state.accepted {
                events(.checksumAccepted(migration: accepted.migration, recorded: accepted.recorded, file: accepted.file))
            }
        }
        for migration in state.pending {
            try connection.transaction {
                try connection.run(SQL(fileText: migration.sql, path: "migrations/\(migration.name).sql"))
                try connection.execute(record, [String(migration.version), migration.name, migration.checksum])
            }
            log(migration)
        }
        for view in try pendingViews() {
            try connection.transaction {
                try connection.run(SQL(fileText: view.sql, path: "views/\(view.name).sql"))
                guard try connection.execute(viewExists, [view.name]).value(0, 0) == "t" else {
                    throw WarehouseError.badViewFile(file: view.name + ".sql", reason: "it did not create the view \(view.name)")
                }
                try connection.execute(recordView, [view.name, view.checksum])
            }
            events(.viewApplied(view))
        }
        return state.pending
    }

    private struct Verified {
        var pending: [Migration]
        /// Applied migrations whose record holds a previous checksum that their file lists.
        var accepted: [(migration: String, recorded: String, file: String)]
    }

    private func verified(applied: [Applied]) throws -> Verified {
        let byName = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0) })
        var accepted: [(migration: String, recorded: String, file: String)] = []
        for record in applied {
            guard let file = byName[record.name] else { throw WarehouseError.migrationMissing(name: record.name) }
            if file.checksum == record.checksum { continue }
            guard file.previousChecksums.contains(record.checksum) else {
                throw WarehouseError.migrationChanged(
                    name: record.name, appliedChecksum: record.checksum, fileChecksum: file.checksum)
            }
            accepted.append((record.name, record.checksum, file.checksum))
        }
        let appliedNames = Set(applied.map(\.name))
        return Verified(pending: migrations.filter { !appliedNames.contains($0.name) }, accepted: accepted)
    }

    private func bookkeeping() throws -> (migrations: Bool, views: Bool) {
        let row = try connection.execute(try sql.statement("admin/bookkeeping_exists.sql")).rows.first
        return (row?[0] == "t", row?[1] == "t")
    }
}

private func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
}

private func sqlFiles(in directory: URL) throws -> [String] {
    do {
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
    } catch {
        throw WarehouseError.fileUnreadable(path: directory.path, reason: error.localizedDescription)
    }
}

private func readText(_ url: URL) throws -> String {
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        throw WarehouseError.fileUnreadable(path: url.path, reason: "not UTF-8 text")
    }
    return text
}
