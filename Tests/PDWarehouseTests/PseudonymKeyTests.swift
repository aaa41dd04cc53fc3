import Foundation
import Logging
import Testing
import PDContract
@testable import PDWarehouse

/// The warehouse remembers its pseudonym key's fingerprint and refuses a load under another key.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct PseudonymKeyTests {
    private func warehouse(_ fixture: LoadFixture, key: String) throws -> Warehouse {
        try Warehouse(conninfo: fixture.db.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"),
                      pseudonymizer: try Pseudonymizer(key: key))
    }

    @Test func aLoadUnderAnotherKeyIsRefusedBeforeReadingTheFile() throws {
        let fixture = try LoadFixture()
        let schools = try fixture.write("schools.csv", MartRefreshTests.schools)
        let enrolments = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let first = try warehouse(fixture, key: LoadFixture.key)
        _ = try first.load([LoadRequest(path: schools), LoadRequest(path: enrolments)])
        first.close()
        #expect(try fixture.count("select count(*) from dw.pseudonym_key") == 1)
        let teachers = try fixture.count("select count(*) from dw.dim_teacher")

        let other = try warehouse(fixture, key: "another-key-of-the-same-city-0001")
        defer { other.close() }
        #expect(throws: WarehouseError.pseudonymKeyChanged(isDemoRecorded: false, isDemoGiven: false)) {
            _ = try other.load([LoadRequest(path: enrolments, force: true)])
        }
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == teachers)
        #expect(ExitStatus(for: WarehouseError.pseudonymKeyChanged(isDemoRecorded: false, isDemoGiven: false)) == .usage)

        // The same key again loads (the content is the same: skipped, not refused).
        let same = try warehouse(fixture, key: LoadFixture.key)
        defer { same.close() }
        #expect(try same.load([LoadRequest(path: enrolments)]).first?.status == .skipped)
    }

    @Test(.enabled(if: PDMonProcess.isAvailable, "needs a built pdmon: run scripts/test"))
    func theCommandSaysWhatHappenedAndExits2() throws {
        let fixture = try LoadFixture()
        let schools = try fixture.write("schools.csv", MartRefreshTests.schools)
        let enrolments = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let environment = ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
        #expect(try PDMonProcess.run(["load", "schools", schools], environment: environment).status == 0)
        #expect(try PDMonProcess.run(["load", "enrolments", enrolments], environment: environment).status == 0)
        let other = try PDMonProcess.run(
            ["load", "enrolments", enrolments, "--force"],
            environment: ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": "another-key-of-the-same-city-0001"])
        #expect(other.status == 2, "\(other.stdout)\n\(other.stderr)")
        #expect(other.stderr.contains("pseudonym key differs"), "\(other.stderr)")
        #expect(!other.stderr.contains("another-key"), "the key itself is never printed")
        // The key file and the variable are read the same way: a trailing newline is no other key.
        let withNewline = try PDMonProcess.run(
            ["load", "enrolments", enrolments, "--force"],
            environment: ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key + "\n"])
        #expect(withNewline.status == 0, "\(withNewline.stdout)\n\(withNewline.stderr)")
    }

    @Test func theVariableIsTrimmedLikeTheKeyFile() throws {
        let plain = try Pseudonymizer.load(keyFile: nil, environment: ["PDMON_PSEUDONYM_KEY": LoadFixture.key])
        let padded = try Pseudonymizer.load(keyFile: nil, environment: ["PDMON_PSEUDONYM_KEY": " \(LoadFixture.key)\r\n"])
        #expect(plain.keyFingerprint == padded.keyFingerprint)
        #expect(plain.keyFingerprint.count == 64)
        #expect(plain.keyFingerprint != Pseudonymizer.demo.keyFingerprint)
        #expect(throws: PseudonymKeyError.missing) {
            _ = try Pseudonymizer.load(keyFile: nil, environment: ["PDMON_PSEUDONYM_KEY": " \n"])
        }
    }
}
