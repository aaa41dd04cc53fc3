import Foundation
import Logging
import Testing
import PDPostgres
@testable import PDWarehouse

/// Per-school access on Citus (issue 12): Citus checks a view's shard queries against the
/// rights of the role that reads it, not the view's owner, so after `db distribute` the mart
/// views read through security-definer functions (`sql/citus/definer_views.sql`). On a
/// single-node Citus (the coordinator holds the shards) a login granted one school reads that
/// school's rows through every mart view, a login with no grant reads nothing, and neither can
/// call the functions with another role's name. Needs the citus extension, which a clean
/// machine lacks (it is no Debian package): skipped there with a message, and checked on a
/// three-node cluster by `scripts/citus-check`.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"),
       .enabled(if: OwnServer.citusIsInstalled,
                "needs the citus extension (citus.so; scripts/citus-check CITUS_SOURCE_DIR builds it): skipped"))
struct CitusAccessTests {
    /// A migrated, distributed warehouse loaded from the sample city by `pdmon etl run` (the
    /// real loader: the hand-written inserts of `IndicatorFixture` use subqueries Citus refuses
    /// in an insert), with its owner's connection and the schools it holds.
    struct Distributed {
        let database: TestDatabase
        let owner: Warehouse
        let connection: Connection
        let schools: [String]
    }

    static func distributedSampleCity() throws -> Distributed {
        let server = try OwnServer.citus.get()
        let database = try TestDatabase(admin: server.adminURL, migrated: false)
        let connection = try database.connect()
        try connection.run("create extension citus")
        try connection.execute("select citus_set_coordinator_host('127.0.0.1', $1::integer)", [String(server.port)])
        try connection.execute("select citus_set_node_property('127.0.0.1', $1::integer, 'shouldhaveshards', true)",
                               [String(server.port)])
        let owner = try Warehouse(conninfo: database.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"))
        try owner.migrate()
        let distribution = try owner.distribute()
        #expect(distribution.tables.contains { $0.name == "dw.fact_teacher_year" && $0.method == "distributed" })
        let inbox = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-citus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: inbox) }
        let sample = try PDMonProcess.run(["sample", "--out", inbox.path, "--schools", "3", "--teachers", "60"])
        #expect(sample.status == 0, "\(sample.stderr)")
        let run = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path, "--demo-pseudonym-key"],
                                       environment: ["PDMON_DATABASE_URL": database.url])
        #expect(run.status == 0, "\(run.stderr)")
        let schools = try connection.execute("select distinct school_code from mart.teacher_year order by 1")
            .rows.compactMap { $0[0] }
        return Distributed(database: database, owner: owner, connection: connection, schools: schools)
    }

    static func definition(_ connection: Connection, _ view: String) throws -> String {
        try connection.execute("select pg_get_viewdef(('mart.' || quote_ident($1))::regclass)", [view]).value(0, 0) ?? ""
    }

    @Test func aLoginGrantedOneSchoolReadsOnlyItsRowsThroughEveryView() throws {
        let city = try Self.distributedSampleCity()
        defer { city.owner.close(); city.connection.close() }
        #expect(city.schools.count == 3)
        let school = try #require(city.schools.first)
        let login = try TestLogin(city.database, roles: ["pdmon_reader"])
        let nobody = try TestLogin(city.database, roles: ["pdmon_reader"])
        _ = try city.owner.grantAccess(role: login.name, schools: [school], everySchool: false, language: .en)

        let connection = try login.connect()
        defer { connection.close() }
        let none = try nobody.connect()
        defer { none.close() }
        for view in SchoolAccessTests.schoolViews {
            #expect(try Self.definition(city.connection, view).contains("dw.definer_\(view)("), "mart.\(view)")
            #expect(try SchoolAccessTests.schools(connection, view) == [school], "mart.\(view)")
            let owners = try city.connection.execute(SQL(unsafeText: """
                select count(*) from \(try SchoolAccessTests.name(city.connection, view)) where school_code = $1
                """), [school]).scalarInt
            #expect(try SchoolAccessTests.count(connection, view) == owners, "mart.\(view)")
            #expect(try SchoolAccessTests.count(connection, view) > 0, "mart.\(view)")
            #expect(try SchoolAccessTests.count(none, view) == 0, "mart.\(view)")
        }
        for view in SchoolAccessTests.otherViews {
            #expect(try SchoolAccessTests.count(connection, view) == (try SchoolAccessTests.count(city.connection, view)),
                    "mart.\(view)")
            #expect(try SchoolAccessTests.count(none, view) == 0, "mart.\(view)")
        }
        // The functions take the reader's name, but a reader cannot name them (no usage on dw).
        let direct = #expect(throws: PostgresError.self) {
            try connection.execute("select count(*) from dw.definer_teacher_year('postgres')")
        }
        #expect(direct?.sqlState == "42501")
    }

    @Test func aViewFileAppliedAgainIsTurnedAgainAndASecondMigrateChangesNothing() throws {
        let city = try Self.distributedSampleCity()
        defer { city.owner.close(); city.connection.close() }
        // Forget one view's record: the next migrate applies its file (the view's own query)…
        try city.connection.execute("delete from public.schema_views where name = 'mart.teacher_year'")
        try city.owner.migrate()
        // …and turns it into a read through its function again.
        #expect(try Self.definition(city.connection, "teacher_year").contains("dw.definer_teacher_year("))
        let before = try Self.definition(city.connection, "course_enrolment")
        try city.owner.migrate()
        #expect(try Self.definition(city.connection, "course_enrolment") == before)
        let school = try #require(city.schools.last)
        let login = try TestLogin(city.database, roles: ["pdmon_reader"])
        _ = try city.owner.grantAccess(role: login.name, schools: [school], everySchool: false, language: .en)
        let connection = try login.connect()
        defer { connection.close() }
        #expect(try SchoolAccessTests.schools(connection, "teacher_year") == [school])
    }
}
