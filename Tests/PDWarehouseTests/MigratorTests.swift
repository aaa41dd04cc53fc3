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
        let migrator = Migrator(connection: connection, sql: TestDatabase.sqlDirectory, migrations: try Migration.load(from: folder))
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
        try Migrator(connection: connection, sql: TestDatabase.sqlDirectory, migrations: try Migration.load(from: folder)).migrate()
        try "create table t (a bigint);".write(
            to: folder.appendingPathComponent("0001_create_t.sql"), atomically: true, encoding: .utf8)
        let changed = Migrator(connection: connection, sql: TestDatabase.sqlDirectory, migrations: try Migration.load(from: folder))
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
        let migrator = Migrator(connection: connection, sql: TestDatabase.sqlDirectory, migrations: try Migration.load(from: folder))
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
        #expect(try Migrator(connection: connection, sql: TestDatabase.sqlDirectory, migrations: migrations).migrate().isEmpty)
    }

    // MARK: - Formatting-only edits of applied migrations

    @Test func aFormattingOnlyEditIsAcceptedOnlyWhenTheFileListsTheRecordedChecksum() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        let folder = try scratchMigrations(["0001_create_t.sql": "create table t (a int);"])
        defer { try? FileManager.default.removeItem(at: folder) }
        func migrator() throws -> Migrator {
            Migrator(connection: connection, sql: TestDatabase.sqlDirectory, migrations: try Migration.load(from: folder))
        }
        func edit(_ text: String) throws {
            try text.write(to: folder.appendingPathComponent("0001_create_t.sql"), atomically: true, encoding: .utf8)
        }
        try migrator().migrate()
        let recorded = try migrator().applied()[0].checksum
        let reformatted = "create table t (\n    a int\n);\n"

        try edit(reformatted)
        #expect(throws: WarehouseError.self) { try migrator().migrate() }
        try edit("-- pdmon:previous-checksum \(String(repeating: "0", count: 64))\n" + reformatted)
        #expect(throws: WarehouseError.self) { try migrator().pending() }
        #expect(throws: WarehouseError.self) { try migrator().migrate() }
        #expect(try migrator().applied()[0].checksum == recorded)

        try edit("-- Reformatted.\n-- pdmon:previous-checksum \(recorded)\n" + reformatted)
        let accepting = try migrator()
        #expect(accepting.migrations[0].previousChecksums == [recorded])
        #expect(try accepting.pending().isEmpty)
        var events: [MigrationEvent] = []
        #expect(try accepting.migrate(events: { events.append($0) }).isEmpty)
        let current = accepting.migrations[0].checksum
        #expect(events == [.checksumAccepted(migration: "0001_create_t", recorded: recorded, file: current)])
        #expect(try accepting.applied().map(\.checksum) == [current])
        events = []
        #expect(try accepting.migrate(events: { events.append($0) }).isEmpty)
        #expect(events.isEmpty)
    }

    @Test func aMalformedPreviousChecksumLineIsRefused() throws {
        let folder = try scratchMigrations(["0001_x.sql": "select 1;\n  -- pdmon:previous-checksum ABC\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: WarehouseError.badPreviousChecksum(file: "0001_x.sql", line: 2)) { try Migration.load(from: folder) }
    }

    // MARK: - Repeatable view files

    /// A copy of the project's `sql/views/`, to change in a test.
    private func scratchViews() throws -> URL {
        let source = TestDatabase.sqlDirectory.url.appendingPathComponent("views")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-views-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file.hasSuffix(".sql") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        return folder
    }

    @Test func everyViewFileIsAppliedAndRecordedOnce() throws {
        let db = try TestDatabase(migrated: true)
        let connection = try db.connect()
        let migrator = try Migrator.project(connection: connection, sql: TestDatabase.sqlDirectory)
        #expect(migrator.views.map(\.name) == [
            "mart.city_year_indicator", "mart.course_enrolment", "mart.data_as_of", "mart.deficit_area", "mart.indicator",
            "mart.indicator_version", "mart.measure", "mart.plan_order_issued", "mart.plan_teacher_year", "mart.reader_scope",
            "mart.recommendation_indicator", "mart.recommendation_rule", "mart.recommendation_theme",
            "mart.request_reconciliation", "mart.school_year_indicator", "mart.teacher_year",
        ])
        let recorded = try connection.execute("select name, checksum from public.schema_views order by name").rows
        #expect(recorded == migrator.views.map { [$0.name, $0.checksum] })
        #expect(try migrator.pendingViews().isEmpty)
        var events: [MigrationEvent] = []
        #expect(try migrator.migrate(events: { events.append($0) }).isEmpty)
        #expect(events.isEmpty)
    }

    @Test func aChangedViewFileIsAppliedByTheNextMigrateWithoutANewMigration() throws {
        let db = try TestDatabase(migrated: true)
        let connection = try db.connect()
        let views = try scratchViews()
        defer { try? FileManager.default.removeItem(at: views) }
        func migrator() throws -> Migrator {
            Migrator(
                connection: connection, sql: TestDatabase.sqlDirectory,
                migrations: try Migration.load(from: TestDatabase.sqlDirectory.url.appendingPathComponent("migrations")),
                views: try RepeatableView.load(from: views))
        }
        let file = views.appendingPathComponent("mart.indicator.sql")
        let original = try String(contentsOf: file, encoding: .utf8)
        let from = "from dw.indicator as i\nwhere "
        try #require(original.contains(from))
        let changed = original
            .replacingOccurrences(of: from, with: "from dw.indicator as i\nwhere i.unit = 'hours' and ")
            .replacingOccurrences(of: "'Indicator catalogue:", with: "'Hours indicators of the catalogue:")
        try changed.write(to: file, atomically: true, encoding: .utf8)
        let hours = try connection.execute("select count(*) from dw.indicator where unit = 'hours'").scalarInt
        #expect(try connection.execute("select count(*) from mart.indicator").scalarInt != hours)

        #expect(try migrator().pendingViews().map(\.name) == ["mart.indicator"])
        var events: [MigrationEvent] = []
        #expect(try migrator().migrate(events: { events.append($0) }).isEmpty)
        #expect(events == [.viewApplied(RepeatableView(name: "mart.indicator", sql: changed))])
        #expect(try connection.execute("select count(*) from mart.indicator").scalarInt == hours)
        let comment = try connection.execute("select obj_description('mart.indicator'::regclass, 'pg_class')").value(0, 0)
        #expect(comment?.hasPrefix("Hours indicators of the catalogue:") == true)
        let checksum = try connection.execute(
            "select checksum from public.schema_views where name = 'mart.indicator'").value(0, 0)
        #expect(checksum == RepeatableView(name: "mart.indicator", sql: changed).checksum)

        events = []
        #expect(try migrator().migrate(events: { events.append($0) }).isEmpty)
        #expect(events.isEmpty, "an unchanged view file is not applied again")

        // A view that is gone (dropped by hand, or by a migration that had to) is created again.
        try connection.run("drop view mart.indicator")
        #expect(try migrator().pendingViews().map(\.name) == ["mart.indicator"])
        #expect(try migrator().migrate(events: { events.append($0) }).isEmpty)
        #expect(events.count == 1)
        #expect(try connection.execute("select count(*) from mart.indicator").scalarInt == hours)
        #expect(try connection.execute(
            "select has_table_privilege('pdmon_reader', 'mart.indicator', 'select')").value(0, 0) == "t")
    }

    @Test func aViewFileMustBeNamedAfterTheViewItCreates() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        let folder = try scratchMigrations([
            "public.wrong.sql": "create or replace view public.other as select 1 as one;",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let migrator = Migrator(
            connection: connection, sql: TestDatabase.sqlDirectory, migrations: [],
            views: try RepeatableView.load(from: folder))
        #expect(throws: WarehouseError.badViewFile(file: "public.wrong.sql", reason: "it did not create the view public.wrong")) {
            try migrator.migrate()
        }
        #expect(try connection.execute("select to_regclass('public.other') is null").value(0, 0) == "t")
        let badName = try scratchMigrations(["indicator.sql": "select 1;"])
        defer { try? FileManager.default.removeItem(at: badName) }
        #expect(throws: WarehouseError.self) { try RepeatableView.load(from: badName) }
    }
}
