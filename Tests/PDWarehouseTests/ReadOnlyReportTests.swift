import Foundation
import Testing
@testable import PDWarehouse

/// `pdmon report run FILE` only reads, whatever the file says, and never hangs.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct ReadOnlyReportTests {
    @Test(arguments: [
        "drop table dw.dim_school",
        "with gone as (delete from dw.indicator returning 1) select count(*) as n from gone",
        "copy (select 1) to program 'touch /tmp/pdmon-report-ran-a-program'",
        "select 1 as one; drop table dw.dim_school",
        "select setval('dw.dim_teacher_teacher_key_seq', 1000) as v",
    ])
    func aReportFileThatWouldWriteIsRefusedAndChangesNothing(statement: String) throws {
        let fixture = try LoadFixture()
        let indicators = try fixture.count("select count(*) from dw.indicator")
        let file = try fixture.write("hostile.sql", "-- name: hostile\n-- description: tries to write\n\(statement)\n")
        let result = try PDMonProcess.run(["report", "run", file], environment: ["PDMON_DATABASE_URL": fixture.db.url])
        #expect([2, 3].contains(result.status), "\(result.stdout)\n\(result.stderr)")
        #expect(try fixture.count("select count(*) from dw.indicator") == indicators)
        #expect(try fixture.count("select count(*) from pg_tables where schemaname = 'dw' and tablename = 'dim_school'") == 1)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/pdmon-report-ran-a-program"))
    }

    @Test func aStatementThatIsNotAQueryExits2WithAMessage() throws {
        let fixture = try LoadFixture()
        let file = try fixture.write("drop.sql", "-- name: drop\n-- description: drops\ndrop table dw.dim_school\n")
        let result = try PDMonProcess.run(["report", "run", file], environment: ["PDMON_DATABASE_URL": fixture.db.url])
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("a report only reads"), "\(result.stderr)")
    }

    @Test func aWritingWithIsStoppedByTheReadOnlyTransaction() throws {
        let fixture = try LoadFixture()
        let file = try fixture.write("with.sql", """
            -- name: sneaky
            -- description: a delete inside a with
            with gone as (delete from dw.indicator returning 1) select count(*) as n from gone
            """)
        let result = try PDMonProcess.run(["report", "run", file], environment: ["PDMON_DATABASE_URL": fixture.db.url])
        #expect(result.status == 2, "\(result.stdout)\n\(result.stderr)")
        #expect(try fixture.count("select count(*) from dw.indicator") > 0)
    }

    @Test func aReportPastTheStatementTimeoutExits3InsteadOfHanging() throws {
        let fixture = try LoadFixture()
        let file = try fixture.write("slow.sql", "-- name: slow\n-- description: sleeps\nselect pg_sleep(30) as slept\n")
        let started = Date()
        let result = try PDMonProcess.run(
            ["report", "run", file], environment: ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_STATEMENT_TIMEOUT": "300ms"])
        #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stderr.contains("57014"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
