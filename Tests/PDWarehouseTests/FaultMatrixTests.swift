import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import PDPostgres
@testable import PDWarehouse

/// Issue 10's matrix: every fault in every phase of an `etl run`, against the built `pdmon` and
/// the real server. The run is stopped exactly at the phase by the test-only hook `TestPause`
/// (`PDMON_TEST_PAUSE_AT`, `PDMON_TEST_PAUSE_FILE`), the fault strikes, the run goes on (or is
/// dead), and then the test checks what is left and runs `etl run` again.
///
/// The inbox: `a_kpk_2023-2024.csv`, enrolments of a year that already holds facts (so it is
/// staged, key-checked and merged), then `b_monitoring_2023-2024.csv`, a census file (loaded
/// straight into its facts). The warehouse before the run holds the directory, one earlier
/// enrolment file and a completed refresh. Each case asserts: exactly the committed files'
/// rows (none of a rolled-back batch, no batch row of it), the exit code, which files are left
/// in the inbox and which archived, whether the mart is behind; and after the next run: the
/// same rows and indicator values as a clean run (`Reference`), every batch loaded once, the
/// refresh recorded for the latest batch.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct FaultMatrixTests {
    /// Where the run is stopped (`TestPause.Point`, by its raw value).
    enum Phase: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// Inside the COPY of file a (the server in `COPY … FROM STDIN`, the rows being streamed).
        case copy
        /// File a copied and its new dimension members inserted, the key check next.
        case check
        /// File a checked, its merge next.
        case merge
        /// File a committed, not yet moved to the archive.
        case committed
        /// Inside the mart refresh's transaction after both files (its scope decided, nothing recomputed yet).
        case refresh
        /// File a committed and archived, file b's first statement not yet sent.
        case betweenFiles = "between-files"

        var testDescription: String { rawValue }

        /// How many of the run's files are committed when the fault strikes here.
        var committedFiles: Int {
            switch self {
            case .copy, .check, .merge: return 0
            case .committed, .betweenFiles: return 1
            case .refresh: return 2
            }
        }
    }

    enum Fault: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// `pg_terminate_backend` of the backend pdmon is using at the phase.
        case terminate
        /// `pg_ctl stop -m immediate` of the whole server (`OwnServer`), started again afterwards.
        case stopImmediately = "stop-immediate"
        case sigkill, sigterm

        var testDescription: String { rawValue }
    }

    static let fileA = "a_kpk_2023-2024.csv"
    static let fileB = "b_monitoring_2023-2024.csv"

    /// The warehouse before the run (directory, an earlier enrolment file of the same year, a
    /// refreshed mart) and the inbox holding files a and b.
    static func prepare(_ fixture: LoadFixture, files: [String] = [fileA, fileB]) throws -> URL {
        try fixture.loadSchools()
        let earlier = try fixture.load(try fixture.write("kpk_earlier.csv", ExportText.enrolmentsCanonical))
        precondition(earlier.status == .loaded, earlier.summaryLine)
        try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).refresh()
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in files { try write(name, into: inbox) }
        return inbox
    }

    static func write(_ name: String, into inbox: URL) throws {
        let text = name == fileA ? LoadPathTests.enrolments(year: "2023-2024", first: 1, last: 40) : ExportText.surveyCanonical
        try Data(text.utf8).write(to: inbox.appendingPathComponent(name))
    }

    static func environment(_ fixture: LoadFixture, _ extra: [String: String] = [:]) -> [String: String] {
        ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key].merging(extra) { $1 }
    }

    // MARK: - What the warehouse holds

    /// The rows of the warehouse that loads write, by natural values (no surrogate keys).
    struct Snapshot: Equatable, Sendable {
        var enrolments: [[String?]]
        var census: [[String?]]
        var teachers: Int
        var courses: Int
        var loadedBatches: Int
        var deficitBridges: Int
    }

    static func snapshot(_ fixture: LoadFixture) throws -> Snapshot {
        Snapshot(enrolments: try fixture.enrolmentFacts(), census: try fixture.censusFacts(),
                 teachers: try fixture.count("select count(*) from dw.dim_teacher"),
                 courses: try fixture.count("select count(*) from dw.dim_course"),
                 loadedBatches: try fixture.count("select count(*) from dw.etl_batch where status = 'loaded'"),
                 deficitBridges: try fixture.count("select count(*) from dw.bridge_teacher_year_deficit"))
    }

    /// A clean run's results: the warehouse after 0, 1 and 2 of the files committed, and the
    /// mart's indicator values after both (computed once, on scripts/test's server).
    struct Reference: Sendable {
        var after: [Snapshot]
        var indicatorValues: Int
    }

    static let reference: Result<Reference, any Error> = Result {
        let fixture = try LoadFixture()
        let inbox = try prepare(fixture, files: [])
        var after = [try snapshot(fixture)]
        for name in [fileA, fileB] {
            try write(name, into: inbox)
            let run = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment(fixture))
            guard run.status == 0 else { throw OwnServer.Failure(description: "reference run: \(run.stdout)\n\(run.stderr)") }
            after.append(try snapshot(fixture))
        }
        return Reference(after: after, indicatorValues: try fixture.count("select count(*) from dw.agg_indicator_value"))
    }

    // MARK: - The matrix

    /// Terminated backend, SIGKILL and SIGTERM, on scripts/test's server (cases run in parallel).
    @Test(arguments: Phase.allCases, [Fault.terminate, .sigkill, .sigterm])
    func aFaultInEachPhaseLosesNothingAndLoadsNothingTwice(_ phase: Phase, _ fault: Fault) throws {
        try strike(phase, fault, server: nil)
    }

    /// The server stopped `-m immediate`: on a server of the tests' own, one case at a time,
    /// started again after each stop.
    @Test(.serialized, arguments: Phase.allCases)
    func theServerStoppedInEachPhaseLosesNothingAndLoadsNothingTwice(_ phase: Phase) throws {
        let server = try OwnServer.shared.get()
        try strike(phase, .stopImmediately, server: server)
    }

    private func strike(_ phase: Phase, _ fault: Fault, server: OwnServer?) throws {
        let reference = try Self.reference.get()
        let fixture = try LoadFixture(admin: server?.adminURL)
        let inbox = try Self.prepare(fixture)
        let pauseFile = fixture.folder.appendingPathComponent("paused").path
        let (process, out, err) = try PDMonProcess.start(
            ["etl", "run", "--inbox", inbox.path],
            environment: Self.environment(fixture, ["PDMON_TEST_PAUSE_AT": phase.rawValue, "PDMON_TEST_PAUSE_FILE": pauseFile]))
        guard let backend = Self.waitForPause(pauseFile, process) else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            let result = FaultTests.finish(process, out, err)
            Issue.record("the run never paused at \(phase.rawValue): exit \(result.status)\n\(result.stdout)\n\(result.stderr)")
            return
        }

        switch fault {
        case .terminate:
            let watcher = try fixture.db.connect()
            defer { watcher.close() }
            #expect(try watcher.execute("select pg_terminate_backend($1::int)", [String(backend)]).rows.first?[0] == "t")
            // Gone before the run goes on, so that its next statement certainly meets a dead session.
            for _ in 0..<500 {
                let alive = try watcher.execute("select count(*) from pg_stat_activity where pid = $1::int", [String(backend)])
                if alive.scalarInt ?? 0 == 0 { break }
                usleep(10_000)
            }
        case .stopImmediately:
            try server?.stopImmediately()
        case .sigkill:
            kill(process.processIdentifier, SIGKILL)
        case .sigterm:
            kill(process.processIdentifier, SIGTERM)
        }
        try? FileManager.default.removeItem(atPath: pauseFile)
        let result = FaultTests.finish(process, out, err)
        let output = "\(result.stdout)\n\(result.stderr)"
        if fault == .stopImmediately {
            try server?.start()
            try fixture.reconnect()
        }

        switch fault {
        case .terminate, .stopImmediately:
            #expect(result.status == 3, "\(output)")
        case .sigterm:
            #expect(result.status == 143, "\(output)")
            #expect(result.stderr.contains("SIGTERM"), "\(output)")
        case .sigkill:
            #expect(process.terminationReason == .uncaughtSignal && result.status == SIGKILL, "\(output)")
        }
        try Self.waitForTheRunsSessions(fixture)

        // Exactly the committed files' rows: nothing of a rolled-back batch, and no batch row of it.
        let committed = phase.committedFiles
        #expect(try Self.snapshot(fixture) == reference.after[committed], "\(output)")
        #expect(try fixture.count("select count(*) from dw.etl_batch where status not in ('loaded', 'skipped')") == 0)
        for (index, name) in [Self.fileA, Self.fileB].enumerated() {
            #expect(try fixture.count("select count(*) from dw.etl_batch where file_name = $1", [name]) == (index < committed ? 1 : 0),
                    "\(name)")
        }
        #expect(try fixture.count("""
            select (select count(*) from dw.fact_course_enrolment as f where not exists (
                        select 1 from dw.etl_batch as b where b.batch_key = f.batch_key and b.status = 'loaded'))
                 + (select count(*) from dw.fact_teacher_year as f where not exists (
                        select 1 from dw.etl_batch as b where b.batch_key = f.batch_key and b.status = 'loaded'))
            """) == 0)

        // Files: an uncommitted one stays in the inbox; a committed one is archived, unless pdmon
        // was killed before it could move it (the next run archives it as already loaded).
        let left = try Self.csvFiles(in: inbox)
        let expectedLeft: [String]
        switch phase {
        case .copy, .check, .merge: expectedLeft = [Self.fileA, Self.fileB]
        case .committed: expectedLeft = fault == .sigkill ? [Self.fileA, Self.fileB] : [Self.fileB]
        case .betweenFiles: expectedLeft = [Self.fileB]
        case .refresh: expectedLeft = []
        }
        #expect(left == expectedLeft, "\(output)")
        #expect(Set(try Self.archived(in: inbox)) == Set([Self.fileA, Self.fileB]).subtracting(expectedLeft), "\(output)")

        // The mart: untouched and complete when nothing was committed, behind otherwise.
        let refresher = MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory)
        #expect(try refresher.state().isNeeded == (committed > 0), "\(output)")
        if phase == .refresh, fault == .sigterm {
            // The refresh saw the signal on a working connection: it recorded its failure.
            #expect(try fixture.count("select count(*) from dw.mart_refresh where status = 'failed'") == 1)
        }
        if fault == .sigterm {
            // The files not loaded are named, and only they; or the refresh is said to be stopped.
            #expect(result.stderr.contains(Self.fileB) == (committed < 2), "\(output)")
            #expect(result.stderr.contains(Self.fileA) == (committed == 0), "\(output)")
            #expect(result.stderr.contains("refresh was stopped") == (committed == 2), "\(output)")
        }

        // The next run: everything loaded once, the mart complete.
        let next = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: Self.environment(fixture))
        #expect(next.status == 0, "\(next.stdout)\n\(next.stderr)")
        #expect(try Self.csvFiles(in: inbox).isEmpty)
        #expect(Set(try Self.archived(in: inbox)) == [Self.fileA, Self.fileB])
        #expect(try Self.snapshot(fixture) == reference.after[2])
        for name in [Self.fileA, Self.fileB] {
            #expect(try fixture.count("select count(*) from dw.etl_batch where file_name = $1 and status = 'loaded'", [name]) == 1)
        }
        let state = try refresher.state()
        #expect(state.isNeeded == false && state.coveredBatchKey != nil && state.coveredBatchKey == state.lastLoadedBatchKey)
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value") == reference.indicatorValues)
        #expect(try fixture.count("select count(*) from dw.agg_indicator_value where value is not null") > 0)
    }

    // MARK: - Helpers

    /// Waits (up to a minute) for the run to reach the pause; the backend pid it wrote, or nil
    /// when the process ended first.
    static func waitForPause(_ file: String, _ process: Process) -> Int32? {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if let text = try? String(contentsOfFile: file, encoding: .utf8),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            usleep(10_000)
        }
        return nil
    }

    /// Waits (up to 20 s) until the sessions of the run are gone (a killed client's backend
    /// ends when the server reads its closed socket, and rolls its transaction back).
    static func waitForTheRunsSessions(_ fixture: LoadFixture) throws {
        let own = String(fixture.connection.backendPID)
        for _ in 0..<400 {
            let left = try fixture.count("""
                select count(*) from pg_stat_activity
                where datname = current_database() and application_name like 'pdmon%' and pid <> $1::int
                """, [own])
            if left == 0 { return }
            usleep(50_000)
        }
        Issue.record("a session of the run is still there")
    }

    static func csvFiles(in inbox: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { $0.hasSuffix(".csv") }.sorted()
    }

    /// The file names under `archive/<day>/`.
    static func archived(in inbox: URL) throws -> [String] {
        let archive = inbox.appendingPathComponent("archive")
        guard FileManager.default.fileExists(atPath: archive.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: archive.path).flatMap { day in
            try FileManager.default.contentsOfDirectory(atPath: archive.appendingPathComponent(day).path)
        }.filter { !$0.hasSuffix(".errors.csv") }
    }
}
