import Foundation
import Testing
import PDPostgres
@testable import PDWarehouse

@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct MigratorTests {
    private func scratchMigrations(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-mig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, sql) in files {
            try sql.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func appliesInOrderOnceAndRecordsChecksums() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        let folder = try scratchMigrations([
            "0002_add_b.sql": "alter table t add column b int;",
            "0001_create_t.sql": "create table t (a int);",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let migrator = Migrator(connection: connection, migrations: try Migration.load(from: folder))
        #expect(try migrator.migrate().map(\.name) == ["0001_create_t", "0002_add_b"])
        #expect(try migrator.migrate().isEmpty)
        let applied = try migrator.applied()
        #expect(applied.map(\.name) == ["0001_create_t", "0002_add_b"])
        #expect(applied[0].checksum.count == 64)
    }

    @Test func refusesWhenAnAppliedFileChanged() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        let folder = try scratchMigrations(["0001_create_t.sql": "create table t (a int);"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Migrator(connection: connection, migrations: try Migration.load(from: folder)).migrate()
        try "create table t (a bigint);".write(
            to: folder.appendingPathComponent("0001_create_t.sql"), atomically: true, encoding: .utf8)
        let changed = Migrator(connection: connection, migrations: try Migration.load(from: folder))
        #expect(throws: WarehouseError.self) { try changed.migrate() }
    }

    @Test func aFailingMigrationLeavesNothingOfItself() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        let folder = try scratchMigrations([
            "0001_ok.sql": "create table ok (a int);",
            "0002_broken.sql": "create table half (a int); select 1/0;",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let migrator = Migrator(connection: connection, migrations: try Migration.load(from: folder))
        #expect(throws: PostgresError.self) { try migrator.migrate() }
        #expect(try migrator.applied().map(\.name) == ["0001_ok"])
        #expect(try connection.execute("select to_regclass('half') is null").value(0, 0) == "t")
    }

    @Test func rejectsBadNamesAndDuplicateNumbers() throws {
        let bad = try scratchMigrations(["1_x.sql": "select 1;"])
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(throws: WarehouseError.badMigrationName(file: "1_x.sql")) { try Migration.load(from: bad) }
        let duplicate = try scratchMigrations(["0001_a.sql": "select 1;", "0001_b.sql": "select 2;"])
        defer { try? FileManager.default.removeItem(at: duplicate) }
        #expect(throws: WarehouseError.self) { try Migration.load(from: duplicate) }
    }

    @Test func projectMigrationsApplyCleanlyAndAreIdempotent() throws {
        let db = try TestDatabase(migrated: true)
        let connection = try db.connect()
        let migrations = try Migration.load(from: TestDatabase.sqlDirectory.url.appendingPathComponent("migrations"))
        #expect(!migrations.isEmpty)
        #expect(try Migrator(connection: connection, migrations: migrations).migrate().isEmpty)
    }
}
