import Foundation
import Testing
import PDPostgres

/// Every connection waits for a lock at most `lock_timeout`: `PDMON_LOCK_TIMEOUT`, else 30 s;
/// `PGOPTIONS` or the URL's own `options` win (issue 10: a held table is an error, not a hang).
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct LockTimeoutTests {
    static func lockTimeout(_ conninfo: String, _ environment: [String: String]) throws -> String? {
        let connection = try Connection(conninfo: conninfo, environment: environment)
        defer { connection.close() }
        return try connection.execute("select current_setting('lock_timeout')").value(0, 0)
    }

    @Test func theDefaultTheVariableAndWhatWins() throws {
        let db = try TestDatabase(migrated: false)
        #expect(try Self.lockTimeout(db.url, [:]) == Connection.defaultLockTimeout)
        #expect(try Self.lockTimeout(db.url, ["PDMON_LOCK_TIMEOUT": " 7 s\n"]) == "7s")
        // PGOPTIONS set: pdmon adds no options of its own (libpq reads PGOPTIONS itself).
        #expect(try Self.lockTimeout(db.url, ["PGOPTIONS": "-c work_mem=8MB"]) == "0")
        // The URL's own options replace pdmon's.
        let withOptions = db.url + "?options=-c%20lock_timeout%3D3s"
        #expect(try Self.lockTimeout(withOptions, ["PDMON_LOCK_TIMEOUT": "9s"]) == "3s")
    }
}
