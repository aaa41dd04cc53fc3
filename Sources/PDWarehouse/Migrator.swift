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

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads and orders the migrations of a folder; refuses badly named files and duplicate numbers.
    public static func load(from directory: URL) throws -> [Migration] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".sql") }
        } catch {
            throw WarehouseError.fileUnreadable(path: directory.path, reason: error.localizedDescription)
        }
        var migrations: [Migration] = []
        for file in files {
            let name = String(file.dropLast(4))
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            guard digits.count == 4, let version = Int(digits), name.dropFirst(4).first == "_" else {
                throw WarehouseError.badMigrationName(file: file)
            }
            let url = directory.appendingPathComponent(file)
            guard let sql = try? String(contentsOf: url, encoding: .utf8) else {
                throw WarehouseError.fileUnreadable(path: url.path, reason: "not UTF-8 text")
            }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw WarehouseError.duplicateMigrationVersion(version: next.version, files: [previous.name, next.name])
        }
        return migrations
    }
}

/// Applies migrations in order, each in its own transaction, recorded in `public.schema_migrations`.
///
/// Holds an advisory lock while it works so that two migrators never interleave, and refuses to
/// start when an applied migration's file has changed or disappeared.
public struct Migrator {
    /// The advisory lock key of `db migrate` ("pdmigrat" in ASCII).
    public static let lockKey: Int64 = 0x7064_6d69_6772_6174

    public let connection: Connection
    public let migrations: [Migration]

    public init(connection: Connection, migrations: [Migration]) {
        self.connection = connection
        self.migrations = migrations
    }

    public struct Applied: Sendable, Equatable {
        public let name: String
        public let checksum: String
        public let appliedAt: String
    }

    /// The migrations recorded as applied (empty before the first migrate).
    public func applied() throws -> [Applied] {
        let exists = try connection.execute("select to_regclass('public.schema_migrations') is not null")
        guard exists.value(0, 0) == "t" else { return [] }
        let result = try connection.execute(
            "select name, checksum, to_char(applied_at, 'YYYY-MM-DD HH24:MI:SS') from public.schema_migrations order by version")
        return result.rows.map { Applied(name: $0[0] ?? "", checksum: $0[1] ?? "", appliedAt: $0[2] ?? "") }
    }

    /// Migrations whose files exist but are not applied yet. Throws when history and files disagree.
    public func pending() throws -> [Migration] {
        try verifiedPending(applied: applied())
    }

    /// Applies every pending migration; returns what it applied (empty when up to date).
    @discardableResult
    public func migrate(log: (Migration) -> Void = { _ in }) throws -> [Migration] {
        try connection.advisoryLock(Self.lockKey)
        defer { try? connection.advisoryUnlock(Self.lockKey) }
        try connection.run("""
            create table if not exists public.schema_migrations (
                version integer primary key,
                name text not null unique,
                checksum text not null,
                applied_at timestamptz not null default now()
            );
            comment on table public.schema_migrations is 'Migrations applied by pdmon db migrate (name, SHA-256 of the file, when).';
            """)
        let pending = try verifiedPending(applied: applied())
        for migration in pending {
            try connection.transaction {
                try connection.run(SQL(fileText: migration.sql, path: "migrations/\(migration.name).sql"))
                try connection.execute(
                    "insert into public.schema_migrations (version, name, checksum) values ($1, $2, $3)",
                    [String(migration.version), migration.name, migration.checksum])
            }
            log(migration)
        }
        return pending
    }

    private func verifiedPending(applied: [Applied]) throws -> [Migration] {
        let byName = Dictionary(uniqueKeysWithValues: migrations.map { ($0.name, $0) })
        for record in applied {
            guard let file = byName[record.name] else { throw WarehouseError.migrationMissing(name: record.name) }
            guard file.checksum == record.checksum else {
                throw WarehouseError.migrationChanged(
                    name: record.name, appliedChecksum: record.checksum, fileChecksum: file.checksum)
            }
        }
        let appliedNames = Set(applied.map(\.name))
        return migrations.filter { !appliedNames.contains($0.name) }
    }
}
