import Foundation
import Testing
import PDPostgres
@testable import PDWarehouse

/// The CLI as cron runs it: exit codes, the inbox's folders, locks, kills and dead servers.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct ETLProcessTests {
    private func environment(_ fixture: LoadFixture) -> [String: String] {
        ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
    }

    private func inbox(_ fixture: LoadFixture) throws -> URL {
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        return inbox
    }

    @Test func etlRunLoadsTheInboxDirectoryFirstAndFilesItsFiles() throws {
        let fixture = try LoadFixture()
        let inbox = try inbox(fixture)
        try Data(ExportText.enrolmentsCanonical.utf8).write(to: inbox.appendingPathComponent("a_kpk_2023-2024.csv"))
        try Data("""
            school_code,name,school_type
            S01,Средняя школа № 1,general
            S02,Гимназия № 2,general
            """.utf8).write(to: inbox.appendingPathComponent("z_schools.csv"))
        try Data("""
            something,else
            1,2
            """.utf8).write(to: inbox.appendingPathComponent("notes.csv"))
        let result = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment(fixture))
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("z_schools.csv [schools] loaded") == true, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("a_kpk_2023-2024.csv [enrolments] loaded") })
        #expect(lines.contains { $0.hasPrefix("notes.csv [?] REFUSED") })
        let manager = FileManager.default
        let archive = try manager.contentsOfDirectory(atPath: inbox.appendingPathComponent("archive").path)
        #expect(archive.count == 1)
        let day = inbox.appendingPathComponent("archive").appendingPathComponent(archive[0])
        #expect(Set(try manager.contentsOfDirectory(atPath: day.path)) == ["a_kpk_2023-2024.csv", "z_schools.csv"])
        let rejectedDay = inbox.appendingPathComponent("rejected").appendingPathComponent(archive[0])
        #expect(Set(try manager.contentsOfDirectory(atPath: rejectedDay.path)) == ["notes.csv", "notes.csv.errors.csv"])
        let errors = try String(contentsOf: rejectedDay.appendingPathComponent("notes.csv.errors.csv"), encoding: .utf8)
        #expect(errors.contains("line,column,value,reason,description"))
        #expect(errors.contains("unrecognised_header"))
        #expect(try manager.contentsOfDirectory(atPath: inbox.path).sorted() == ["archive", "rejected"])
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)

        // A second run over an inbox with only an already-loaded file skips it and exits 0.
        try Data(ExportText.enrolmentsCanonical.utf8).write(to: inbox.appendingPathComponent("again.csv"))
        let second = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment(fixture))
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
        #expect(second.stdout.contains("again.csv [enrolments] skipped"))

        let history = try PDMonProcess.run(["etl", "history", "--format", "csv"], environment: environment(fixture))
        #expect(history.status == 0)
        #expect(history.stdout.hasPrefix("batch,file_name,kind,sha256,rows_read,rows_loaded,rows_rejected,status,started,seconds"))
        #expect(history.stdout.contains("notes.csv,,"))
    }

    @Test func aSecondRunWhileTheLockIsHeldExits75AtOnce() throws {
        let fixture = try LoadFixture()
        let inbox = try inbox(fixture)
        try Data(ExportText.enrolmentsCanonical.utf8).write(to: inbox.appendingPathComponent("kpk.csv"))
        let holder = try fixture.db.connect()
        #expect(try holder.tryAdvisoryLock(Loader.lockKey))
        let started = Date()
        let result = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment(fixture))
        #expect(result.status == 75, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("another"))
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("kpk.csv").path))
        holder.close()
    }

    @Test func usageErrorsExit2AndAMissingKeyIsExplained() throws {
        let fixture = try LoadFixture()
        let missing = try PDMonProcess.run(["etl", "run", "--inbox", "/nonexistent/inbox"], environment: environment(fixture))
        #expect(missing.status == 2)
        try fixture.loadSchools()
        let file = try fixture.write("kpk.csv", ExportText.enrolmentsCanonical)
        var env = environment(fixture)
        env["PDMON_PSEUDONYM_KEY"] = ""
        let noKey = try PDMonProcess.run(["load", "enrolments", file], environment: env)
        #expect(noKey.status == 2, "\(noKey.stdout)\n\(noKey.stderr)")
        #expect(noKey.stderr.contains("PDMON_PSEUDONYM_KEY"))
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
    }

    /// Bytes or values PostgreSQL cannot store are a data problem of their file (exit 1), never
    /// a database failure (exit 3), and the run goes on to the next file.
    @Test func aFileWithValuesTheDatabaseCannotStoreExits1AndTheRunGoesOn() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let inbox = try inbox(fixture)
        let long = LoadPathTests.enrolments(year: "2023-2024", first: 1, last: 30)
            .replacingOccurrences(of: "Курс «Функциональная грамотность» № 3", with: ExportText.unindexableTitle)
        try Data(long.utf8).write(to: inbox.appendingPathComponent("a_long_title.csv"))
        let nul = ExportText.enrolmentsCanonical.replacingOccurrences(of: "Управление школой", with: "Управление\u{0}школой")
        try Data(nul.utf8).write(to: inbox.appendingPathComponent("b_nul.csv"))
        try Data(ExportText.surveyCanonical.utf8).write(to: inbox.appendingPathComponent("c_survey.csv"))
        let run = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment(fixture))
        #expect(run.status == 1, "\(run.stdout)\n\(run.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 2)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_batch where status = 'refused'") == 2)
        // The title too long to index is rejected by the contract (too_long) before PostgreSQL sees it.
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'nul_byte'") == 1)
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'too_long'") > 0)
    }

    @Test func aDeadServerExits3AndSaysSo() throws {
        let fixture = try LoadFixture()
        let file = try fixture.write("kpk.csv", ExportText.enrolmentsCanonical)
        let result = try PDMonProcess.run(
            ["load", "enrolments", file, "--database-url", "postgresql://postgres:secret-pw@127.0.0.1:1/none?connect_timeout=2"],
            environment: environment(fixture))
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot connect"))
        #expect(!result.stderr.contains("secret-pw"))
    }

    @Test func aLoadKilledHalfWayLeavesNothingOfItself() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        // A file large enough that the load is still streaming when it is killed.
        var text = "academic_year,school_code,teacher_id,course_title,start_date,end_date,status\n"
        text.reserveCapacity(10_000_000)
        for index in 0..<100_000 {
            text += "2023-2024,S0\(index % 3 + 1),ID\(index),Курс повышения квалификации № \(index % 50),2023-10-02,2023-10-20,completed\n"
        }
        let file = try fixture.write("big.csv", text)
        let (process, _, _) = try PDMonProcess.start(["load", "enrolments", file], environment: environment(fixture))
        // Wait until the server is receiving the COPY, then kill the loader outright.
        let watcher = try fixture.db.connect()
        let deadline = Date().addingTimeInterval(60)
        var copying = false
        while Date() < deadline, process.isRunning, !copying {
            copying = try watcher.execute("""
                select count(*) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()
                  and (query like '%copy stage_enrolment (%' or query like '%copy dw.fact_course_enrolment (%')
                """).scalarInt ?? 0 > 0
            if !copying { usleep(20_000) }
        }
        #expect(copying, "the load never reached COPY")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The server notices the dead client and rolls its transaction back.
        var remaining = 1
        for _ in 0..<200 where remaining > 0 {
            remaining = try watcher.execute("""
                select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                  and application_name = 'pdmon'
                """).scalarInt ?? 0
            if remaining > 0 { usleep(50_000) }
        }
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_batch where file_name = 'big.csv'") == 0)
        // And the next run loads it whole.
        let rerun = try PDMonProcess.run(["load", "enrolments", file], environment: environment(fixture))
        #expect(rerun.status == 0, "\(rerun.stdout)\n\(rerun.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 100_000)
        watcher.close()
    }

    @Test func migrateStatusSampleAndDryRunThroughTheCLI() throws {
        let db = try TestDatabase(migrated: false)
        let env = ["PDMON_DATABASE_URL": db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
        let first = try PDMonProcess.run(["db", "migrate"], environment: env)
        #expect(first.status == 0 && first.stdout.contains("applied"), "\(first.stderr)")
        let second = try PDMonProcess.run(["db", "migrate"], environment: env)
        #expect(second.status == 0 && second.stdout.contains("up to date"))
        let status = try PDMonProcess.run(["db", "status"], environment: env)
        #expect(status.status == 0)
        #expect(status.stdout.contains("pending migrations / не применено: 0"))
        #expect(status.stdout.contains("dw.fact_course_enrolment"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try PDMonProcess.run(
            ["sample", "--out", folder.path, "--schools", "3", "--teachers", "40", "--years", "2023-2024", "--messy"],
            environment: env)
        #expect(sample.status == 0, "\(sample.stderr)")
        let schools = try PDMonProcess.run(["load", "schools", folder.appendingPathComponent("schools.csv").path], environment: env)
        #expect(schools.status == 0 && schools.stdout.contains("loaded"), "\(schools.stdout) \(schools.stderr)")
        let census = folder.appendingPathComponent("survey_2023-2024.csv").path
        let dry = try PDMonProcess.run(["load", "survey", census, "--dry-run"], environment: env)
        #expect(dry.status == 0 && dry.stdout.contains("validated"), "\(dry.stdout) \(dry.stderr)")
        let connection = try db.connect()
        #expect(try connection.execute("select count(*) from dw.fact_teacher_year").scalarInt == 0)
        let real = try PDMonProcess.run(["load", "survey", census], environment: env)
        #expect(real.status == 0, "\(real.stdout) \(real.stderr)")
        #expect(try connection.execute("select count(*) from dw.fact_teacher_year").scalarInt ?? 0 >= 35)
        connection.close()
    }
}
