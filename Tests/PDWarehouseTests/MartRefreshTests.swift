import Foundation
import Logging
import Testing
import PDContract
import PDPostgres
@testable import PDWarehouse

/// The mart refresh is a recorded step: a failure after a load's commit exits 3 naming the
/// database, and the next run refreshes even when no file is new.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct MartRefreshTests {
    static let schools = """
        school_code,name,school_type
        S01,Средняя школа № 1,general
        S02,Гимназия № 2,general
        """

    private func warehouse(_ fixture: LoadFixture) throws -> Warehouse {
        try Warehouse(conninfo: fixture.db.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"),
                      pseudonymizer: try Pseudonymizer(key: LoadFixture.key))
    }

    @Test func aLoadRecordsTheRefreshThatCoversIt() throws {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let schools = try fixture.write("schools.csv", Self.schools)
        let enrolments = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        _ = try warehouse.load([LoadRequest(path: schools), LoadRequest(path: enrolments)])
        let state = try warehouse.status().refresh
        #expect(state?.isNeeded == false)
        #expect(state?.coveredBatchKey == state?.lastLoadedBatchKey)
        #expect(try fixture.count("select count(*) from dw.mart_refresh where status = 'completed'") == 1)
        // Nothing newer: no second refresh.
        #expect(try warehouse.refreshIfNeeded() == nil)
        #expect(try fixture.count("select count(*) from dw.mart_refresh") == 1)
    }

    @Test func definitionErrorsAreTheDefinitionsAndEverythingElseIsTheDatabases() {
        func error(_ state: String?, _ kind: PostgresError.Kind = .query) -> PostgresError {
            PostgresError(kind: kind, sqlState: state, message: "m")
        }
        #expect(MartRefresher.isDefinitionError(error("42703")))  // undefined column
        #expect(MartRefresher.isDefinitionError(error("42601")))  // syntax error
        #expect(MartRefresher.isDefinitionError(error("22012")))  // division by zero
        #expect(!MartRefresher.isDefinitionError(error("57P01")))  // admin shutdown
        #expect(!MartRefresher.isDefinitionError(error("55P03")))  // lock not available
        #expect(!MartRefresher.isDefinitionError(error("53100")))  // disk full
        #expect(!MartRefresher.isDefinitionError(error(nil, .connectionLost)))
        #expect(ExitStatus(for: error("57P01")) == .database)
        #expect(ExitStatus(for: MartError.definitionFailed(indicator: "x", path: "p", reason: "r")) == .usage)
    }

    /// The refresh after a committed load cannot take its table (another session holds it and
    /// `lock_timeout` runs out): exit 3 with the database's message, the files stay loaded; the
    /// next night, with nothing new in the inbox, refreshes the mart.
    @Test(.enabled(if: PDMonProcess.isAvailable, "needs a built pdmon: run scripts/test"))
    func aFailedRefreshExits3AndTheNextRunRetriesIt() throws {
        let fixture = try LoadFixture()
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(Self.schools.utf8).write(to: inbox.appendingPathComponent("schools.csv"))
        try Data(ExportText.enrolmentsCanonical.utf8).write(to: inbox.appendingPathComponent("kpk_2023-2024.csv"))
        let environment = [
            "PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key,
            "PGOPTIONS": "-c lock_timeout=500",
        ]

        let holder = try fixture.db.connect()
        try holder.run("begin")
        try holder.run("lock table dw.agg_indicator_value in access exclusive mode")
        let first = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
        try holder.run("rollback")
        holder.close()

        #expect(first.status == 3, "\(first.stdout)\n\(first.stderr)")
        #expect(first.stderr.contains("PostgreSQL"), "\(first.stderr)")
        #expect(first.stderr.contains("55P03"), "\(first.stderr)")
        #expect(!first.stderr.contains("definition"), "\(first.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") == 0)
        #expect(try fixture.count("select count(*) from dw.mart_refresh where status = 'failed'") == 1)

        let state = try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).state()
        #expect(state.isNeeded && state.lastFailed)

        let second = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("files 0"), "\(second.stdout)")
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") > 0)
        #expect(try fixture.count("select count(*) from dw.mart_refresh where status = 'completed'") == 1)
    }

    /// A load committed and its refresh never ran (the process was killed in between): `db
    /// status` notices it and runs the refresh; a later `etl run` then has nothing to refresh.
    @Test func dbStatusRunsAMissingRefresh() throws {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let schools = try fixture.write("schools.csv", Self.schools)
        let enrolments = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        _ = try warehouse.load([LoadRequest(path: schools), LoadRequest(path: enrolments)])
        // As if killed after the commit: no refresh recorded, no values; a new process looks.
        warehouse.close()
        try fixture.connection.run("delete from dw.mart_refresh; delete from dw.agg_indicator_value")
        let status = try warehouse.status()
        #expect(status.refreshedNow != nil)
        #expect(status.refreshedNow?.indicatorValues ?? 0 > 0)
        #expect(status.refresh?.isNeeded == false)
        #expect(status.rendered().contains("has been refreshed"))
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") > 0)
        #expect(try fixture.count("select count(*) from dw.mart_refresh where status = 'completed'") == 1)
        // Up to date now: status refreshes nothing more.
        #expect(try warehouse.status().refreshedNow == nil)
        #expect(try fixture.count("select count(*) from dw.mart_refresh") == 1)
    }

    /// A load holds the writers' lock: `db status` leaves the refresh to it.
    @Test func dbStatusLeavesTheRefreshToARunningLoad() throws {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let schools = try fixture.write("schools.csv", Self.schools)
        _ = try warehouse.load([LoadRequest(path: schools)])
        warehouse.close()
        try fixture.connection.run("delete from dw.mart_refresh")
        let holder = try fixture.db.connect()
        defer { holder.close() }
        #expect(try holder.tryAdvisoryLock(Loader.lockKey))
        let other = try self.warehouse(fixture)
        defer { other.close() }
        let status = try other.status()
        #expect(status.refreshedNow == nil)
        #expect(status.loadRunning)
        #expect(status.refresh?.isNeeded == true)
    }
}
