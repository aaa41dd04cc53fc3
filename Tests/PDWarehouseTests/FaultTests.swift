import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import PDPostgres
@testable import PDWarehouse

/// Faults of issue 10 against the built `pdmon` and the real server: signals and killed
/// backends in each phase of a load, two migrations at once, a load during a report and during
/// a refresh, and a server that accepts a connection and never answers. Each test says which
/// phase it reaches and how it knows it is there (`pg_stat_activity`).
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct FaultTests {
    static func environment(_ fixture: LoadFixture, _ extra: [String: String] = [:]) -> [String: String] {
        ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key,
         "PDMON_LOCK_TIMEOUT": "120s"].merging(extra) { $1 }
    }

    /// An enrolment file large enough that its load is still streaming when the test acts.
    static func bigFile(_ fixture: LoadFixture, rows: Int = 100_000, folder: URL? = nil) throws -> String {
        var text = "academic_year,school_code,teacher_id,course_title,start_date,end_date,status\n"
        text.reserveCapacity(rows * 100)
        for index in 0..<rows {
            text += "2023-2024,S0\(index % 3 + 1),ID\(index),Курс повышения квалификации № \(index % 50),2023-10-02,2023-10-20,completed\n"
        }
        guard let folder else { return try fixture.write("big.csv", text) }
        let url = folder.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Waits (up to a minute) until `query` counts a row, or the process ends; true when it did.
    static func waitUntil(_ watcher: Connection, _ process: Process, _ query: SQL) throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if try watcher.execute(query).scalarInt ?? 0 > 0 { return true }
            usleep(20_000)
        }
        return false
    }

    static let copying: SQL = """
        select count(*) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and (query like '%copy stage_enrolment (%' or query like '%copy dw.fact_course_enrolment (%')
        """
    static let waitingForALock: SQL = """
        select count(*) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and application_name = 'pdmon' and wait_event_type = 'Lock'
        """

    /// Waits until no pdmon session is left on the database (the server rolled a dead one back).
    static func waitForNoPDMon(_ watcher: Connection) throws {
        for _ in 0..<200 {
            let left = try watcher.execute("""
                select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                  and application_name like 'pdmon%'
                """).scalarInt ?? 0
            if left == 0 { return }
            usleep(50_000)
        }
    }

    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> PDMonProcess.Result {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PDMonProcess.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func nothingOfTheBigFile(_ fixture: LoadFixture) throws {
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_batch where file_name = 'big.csv' and status = 'loaded'") == 0)
    }

    // MARK: - Signals

    @Test func sigtermDuringTheCopyRollsBackReleasesTheLockAndExits143() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let file = try Self.bigFile(fixture)
        let (process, out, err) = try PDMonProcess.start(["load", "enrolments", file], environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.copying), "the load never reached COPY")
        kill(process.processIdentifier, SIGTERM)
        let result = Self.finish(process, out, err)
        #expect(result.status == 143, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("SIGTERM") && result.stderr.contains("big.csv"), "\(result.stderr)")
        #expect(result.stderr.contains("не загружено"), "\(result.stderr)")
        try Self.nothingOfTheBigFile(fixture)
        // The lock is free at once and the file is where it was: the next run loads it whole.
        #expect(try watcher.tryAdvisoryLock(Loader.lockKey))
        try watcher.advisoryUnlock(Loader.lockKey)
        #expect(FileManager.default.fileExists(atPath: file))
        let rerun = try PDMonProcess.run(["load", "enrolments", file], environment: Self.environment(fixture))
        #expect(rerun.status == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 100_000)
    }

    @Test func sigintDuringAnEtlRunLeavesTheFileInTheInboxAndExits130() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        _ = try Self.bigFile(fixture, folder: inbox)
        try Data(ExportText.enrolmentsCanonical.utf8).write(to: inbox.appendingPathComponent("kpk_2023-2024.csv"))
        let (process, out, err) = try PDMonProcess.start(["etl", "run", "--inbox", inbox.path],
                                                         environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.copying), "the run never reached COPY")
        kill(process.processIdentifier, SIGINT)
        let result = Self.finish(process, out, err)
        #expect(result.status == 130, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("SIGINT") && result.stderr.contains("big.csv"), "\(result.stderr)")
        // Neither the interrupted file nor the one after it was loaded or moved.
        #expect(result.stderr.contains("kpk_2023-2024.csv"), "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(left == ["big.csv", "kpk_2023-2024.csv"])
        try Self.nothingOfTheBigFile(fixture)
    }

    /// A signal after the first file of an `etl run` was loaded, during the second: the first
    /// stays loaded and archived, the second is rolled back and left, the message names only it,
    /// and the next run loads it and refreshes the mart.
    @Test func aSignalDuringTheSecondFileKeepsTheFirstAndLeavesTheRest() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(ExportText.surveyCanonical.utf8).write(to: inbox.appendingPathComponent("a_monitoring_2023-2024.csv"))
        _ = try Self.bigFile(fixture, folder: inbox)
        let (process, out, err) = try PDMonProcess.start(["etl", "run", "--inbox", inbox.path],
                                                         environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.copying), "the run never reached the second file's COPY")
        kill(process.processIdentifier, SIGTERM)
        let result = Self.finish(process, out, err)
        #expect(result.status == 143, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("a_monitoring_2023-2024.csv [survey] loaded"), "\(result.stdout)")
        #expect(result.stderr.contains("big.csv") && !result.stderr.contains("a_monitoring"), "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { $0.hasSuffix(".csv") }
        #expect(left == ["big.csv"])
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 2)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        let rerun = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: Self.environment(fixture))
        #expect(rerun.status == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 100_000)
        let state = try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).state()
        #expect(state.isNeeded == false)
    }

    /// Blocked on a lock after the COPY (inserting the batch's new teachers, the step before the
    /// key check and the merge): SIGTERM cancels the statement on the server (PQcancel).
    @Test func sigtermWhileWaitingInTheMergeCancelsTheStatementAndExits143() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let file = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let holder = try fixture.db.connect()
        defer { holder.close() }
        try holder.run("begin; lock table dw.dim_teacher in share mode")
        let (process, out, err) = try PDMonProcess.start(["load", "enrolments", file], environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.waitingForALock), "the load never waited for the lock")
        kill(process.processIdentifier, SIGTERM)
        let result = Self.finish(process, out, err)
        try holder.run("rollback")
        #expect(result.status == 143, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("kpk_2023-2024.csv"), "\(result.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_batch where kind = 'enrolments'") == 0)
    }

    // MARK: - The server ends the loader's session

    @Test func theLoadersBackendTerminatedDuringTheCopyExits3AndLeavesNothing() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let file = try Self.bigFile(fixture)
        let (process, out, err) = try PDMonProcess.start(["load", "enrolments", file], environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.copying), "the load never reached COPY")
        try watcher.execute("""
            select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and (query like '%copy stage_enrolment (%' or query like '%copy dw.fact_course_enrolment (%')
            """)
        let result = Self.finish(process, out, err)
        #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        try Self.waitForNoPDMon(watcher)
        try Self.nothingOfTheBigFile(fixture)
        let rerun = try PDMonProcess.run(["load", "enrolments", file], environment: Self.environment(fixture))
        #expect(rerun.status == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 100_000)
    }

    @Test func theLoadersBackendTerminatedWhileWaitingInTheMergeExits3() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let file = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let holder = try fixture.db.connect()
        defer { holder.close() }
        try holder.run("begin; lock table dw.dim_teacher in share mode")
        let (process, out, err) = try PDMonProcess.start(["load", "enrolments", file], environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.waitingForALock), "the load never waited for the lock")
        try watcher.execute("""
            select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and application_name = 'pdmon' and wait_event_type = 'Lock'
            """)
        let result = Self.finish(process, out, err)
        try holder.run("rollback")
        #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        let rerun = try PDMonProcess.run(["load", "enrolments", file], environment: Self.environment(fixture))
        #expect(rerun.status == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)
    }

    /// Right after the commit, during the refresh: the load stays, the mart is behind, and the
    /// next `db status` refreshes it. Once with the session's backend terminated (exit 3), once
    /// with pdmon killed outright.
    @Test(arguments: ["terminate", "SIGKILL"])
    func aFailureDuringTheRefreshKeepsTheLoadAndDbStatusRefreshes(_ how: String) throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let file = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let holder = try fixture.db.connect()
        defer { holder.close() }
        try holder.run("begin; lock table dw.agg_indicator_value in access exclusive mode")
        let (process, out, err) = try PDMonProcess.start(["load", "enrolments", file], environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.waitingForALock), "the refresh never waited for the lock")
        if how == "SIGKILL" {
            kill(process.processIdentifier, SIGKILL)
        } else {
            try watcher.execute("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and application_name = 'pdmon' and wait_event_type = 'Lock'
                """)
        }
        let result = Self.finish(process, out, err)
        try holder.run("rollback")
        if how == "SIGKILL" {
            #expect(process.terminationReason == .uncaughtSignal)
        } else {
            #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        }
        try Self.waitForNoPDMon(watcher)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") == 0)
        let status = try PDMonProcess.run(["db", "status"], environment: Self.environment(fixture))
        #expect(status.status == 0, "\(status.stdout)\n\(status.stderr)")
        #expect(status.stdout.contains("has been refreshed"), "\(status.stdout)")
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") > 0)
        // Nothing was loaded twice.
        #expect(try fixture.count("select count(*) from dw.etl_batch where status = 'loaded' and kind = 'enrolments'") == 1)
    }

    // MARK: - Concurrency

    @Test func twoMigrationsAtOnceMigrateTheSchemaOnce() throws {
        let db = try TestDatabase(migrated: false)
        let env = ["PDMON_DATABASE_URL": db.url]
        let first = try PDMonProcess.start(["db", "migrate"], environment: env)
        let second = try PDMonProcess.start(["db", "migrate"], environment: env)
        let results = [Self.finish(first.0, first.1, first.2), Self.finish(second.0, second.1, second.2)]
        for result in results { #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)") }
        #expect(results.filter { $0.stdout.contains("up to date") }.count == 1, "\(results.map(\.stdout))")
        let files = try FileManager.default.contentsOfDirectory(
            atPath: TestDatabase.sqlDirectory.url.appendingPathComponent("migrations").path).filter { $0.hasSuffix(".sql") }
        let connection = try db.connect()
        defer { connection.close() }
        #expect(try connection.execute("select count(*) from public.schema_migrations").scalarInt == files.count)
        #expect(try connection.execute("select count(distinct version) from public.schema_migrations").scalarInt == files.count)
    }

    /// A report's read-only transaction is open (it holds its tables' share locks and its
    /// snapshot) while a load and its refresh run: neither waits for the other.
    @Test func aLoadDuringAReportNeitherWaitsNorChangesTheReport() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let reader = try fixture.db.connect()
        defer { reader.close() }
        try reader.run("begin transaction isolation level repeatable read read only")
        let before = try reader.execute("select count(*) from mart.course_enrolment").scalarInt
        let started = Date()
        let file = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let result = try PDMonProcess.run(["load", "enrolments", file], environment: Self.environment(fixture, ["PDMON_LOCK_TIMEOUT": "5s"]))
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try reader.execute("select count(*) from mart.course_enrolment").scalarInt == before)
        try reader.run("commit")
        #expect(try reader.execute("select count(*) from mart.course_enrolment").scalarInt == 3)
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") > 0)
    }

    /// Another refresh is rewriting the mart (its transaction holds the values' rows) when a
    /// load's own refresh starts: that refresh waits for it, then completes.
    @Test func aLoadDuringARefreshWaitsForItThenCompletes() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let first = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        #expect(try PDMonProcess.run(["load", "enrolments", first], environment: Self.environment(fixture)).status == 0)
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") > 0)
        let refreshing = try fixture.db.connect()
        defer { refreshing.close() }
        try refreshing.run("begin isolation level repeatable read; delete from dw.agg_indicator_value")
        let second = try fixture.write("monitoring_2023-2024.csv", ExportText.surveyCanonical)
        let (process, out, err) = try PDMonProcess.start(["load", "survey", second], environment: Self.environment(fixture))
        let watcher = try fixture.db.connect()
        defer { watcher.close() }
        #expect(try Self.waitUntil(watcher, process, Self.waitingForALock), "the load's refresh never waited")
        #expect(try fixture.count("select count(*) from dw.etl_batch where kind = 'survey' and status = 'loaded'") == 1)
        try refreshing.run("rollback")
        let result = Self.finish(process, out, err)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try fixture.count("select count(*) from dw.mart_refresh where status = 'completed'") == 2)
        let state = try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).state()
        #expect(state.isNeeded == false)
    }

    // MARK: - A server that never answers

    /// A TCP socket that accepts connections (the kernel completes the handshake) and never
    /// says a word: pdmon gives up after connect_timeout with exit 3 instead of hanging.
    @Test func aSilentListenerTimesOutWithExit3() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(listener, 16) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = UInt16(bigEndian: address.sin_port)
        let started = Date()
        let result = try PDMonProcess.run(["db", "status"], environment: [
            "PDMON_DATABASE_URL": "postgresql://pdmon:secret-pw@127.0.0.1:\(port)/pdmon", "PGCONNECT_TIMEOUT": "2",
        ])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(elapsed < 20, "took \(elapsed) s")
        #expect(result.stderr.contains("timeout"), "\(result.stderr)")
        #expect(!result.stderr.contains("secret-pw"))
    }

    // MARK: - Lock timeout

    /// A table held by someone else: the statement waiting for it fails after PDMON_LOCK_TIMEOUT
    /// with the database's message (55P03) instead of waiting forever.
    @Test func aHeldTableFailsAfterTheLockTimeoutInsteadOfHanging() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let file = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let holder = try fixture.db.connect()
        defer { holder.close() }
        try holder.run("begin; lock table dw.dim_teacher in share mode")
        let started = Date()
        let result = try PDMonProcess.run(["load", "enrolments", file],
                                          environment: Self.environment(fixture, ["PDMON_LOCK_TIMEOUT": "1s"]))
        try holder.run("rollback")
        #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("55P03"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
    }
}
