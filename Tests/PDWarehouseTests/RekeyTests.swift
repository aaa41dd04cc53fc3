import Foundation
import Logging
import Testing
import PDContract
import PDPostgres
@testable import PDWarehouse

/// `db rekey` (issue 10): every teacher re-pseudonymised under the new key in one transaction,
/// from the raw identifiers of the exports; every indicator identical afterwards; a rekey that
/// would leave a teacher behind, or under another old key, changes nothing.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct RekeyTests {
    static let newKey = "another-pseudonym-key-9876543210"

    static func warehouse(_ fixture: LoadFixture, key: String = LoadFixture.key) throws -> Warehouse {
        try Warehouse(conninfo: fixture.db.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"),
                      pseudonymizer: try Pseudonymizer(key: key))
    }

    /// A warehouse with schools, enrolments and a survey loaded under the test key; the export files.
    static func loaded() throws -> (LoadFixture, [String]) {
        let fixture = try LoadFixture()
        let warehouse = try warehouse(fixture)
        defer { warehouse.close() }
        let files = [
            try fixture.write("schools.csv", MartRefreshTests.schools + "\nS03,Детский сад № 3,preschool"),
            try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical),
            try fixture.write("monitoring_2023-2024.csv", ExportText.surveyCanonical),
        ]
        let outcomes = try warehouse.load(files.map { LoadRequest(path: $0) })
        precondition(outcomes.allSatisfy { $0.status == .loaded }, "\(outcomes.map(\.summaryLine))")
        return (fixture, files)
    }

    static func indicators(_ fixture: LoadFixture) throws -> [[String?]] {
        try fixture.rows("""
            select indicator_id, academic_year_key::text, grain, school_code, numerator::text, denominator::text, value::text
            from dw.agg_indicator_value order by 1, 2, 3, 4
            """)
    }

    static func teachers(_ fixture: LoadFixture) throws -> [[String?]] {
        try fixture.rows("select teacher_key::text, encode(teacher_pseudonym, 'hex') from dw.dim_teacher order by teacher_key")
    }

    @Test func everyTeacherGetsTheNewPseudonymAndEveryIndicatorStaysTheSame() throws {
        let (fixture, files) = try Self.loaded()
        let before = try Self.indicators(fixture)
        let teachersBefore = try Self.teachers(fixture)
        #expect(!before.isEmpty && teachersBefore.count == 2)

        let owner = try Self.warehouse(fixture)
        defer { owner.close() }
        let old = try Pseudonymizer(key: LoadFixture.key), new = try Pseudonymizer(key: Self.newKey)
        let result = try owner.rekey(old: old, new: new, files: [fixture.folder.path])
        #expect(result.teachers == teachersBefore.count)
        #expect(result.files == 2)

        let teachersAfter = try Self.teachers(fixture)
        #expect(teachersAfter.map { $0[0] } == teachersBefore.map { $0[0] })
        for (was, now) in zip(teachersBefore, teachersAfter) { #expect(was[1] != now[1]) }
        // Each new pseudonym is the new key's HMAC of an identifier of the files.
        #expect(teachersAfter.contains { $0[1] == new.pseudonym(forTeacherID: "123-456-789 01") })
        #expect(try fixture.rows("select key_fingerprint from dw.pseudonym_key") == [[new.keyFingerprint]])

        _ = try owner.refresh()
        #expect(try Self.indicators(fixture) == before)

        // The old key is now refused, and the new one loads the same people as the same teachers.
        let oldKeyed = try Self.warehouse(fixture)
        defer { oldKeyed.close() }
        #expect(throws: WarehouseError.self) { try oldKeyed.load([LoadRequest(path: files[1], force: true)]) }
        let newKeyed = try Self.warehouse(fixture, key: Self.newKey)
        defer { newKeyed.close() }
        let reload = try newKeyed.load([LoadRequest(path: files[1], force: true), LoadRequest(path: files[2], force: true)])
        #expect(reload.allSatisfy { $0.status == .loaded })
        #expect(try Self.teachers(fixture) == teachersAfter)
        #expect(try Self.indicators(fixture) == before)
    }

    @Test func aTeacherMissingFromTheFilesChangesNothing() throws {
        let (fixture, _) = try Self.loaded()
        let teachersBefore = try Self.teachers(fixture)
        let owner = try Self.warehouse(fixture)
        defer { owner.close() }
        let old = try Pseudonymizer(key: LoadFixture.key), new = try Pseudonymizer(key: Self.newKey)
        // A survey of one of the two teachers.
        let lines = ExportText.surveyCanonical.split(separator: "\n").map(String.init)
        let partial = try fixture.write("monitoring_partial.csv", lines.prefix(2).joined(separator: "\n"))
        do {
            _ = try owner.rekey(old: old, new: new, files: [partial])
            Issue.record("a partial rekey was accepted")
        } catch let error as RekeyError {
            guard case .teachersNotCovered(let missing, let of, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(missing == 1 && of == teachersBefore.count)
            #expect(ExitStatus(for: error) == .usage)
        }
        #expect(try Self.teachers(fixture) == teachersBefore)
        #expect(try fixture.rows("select key_fingerprint from dw.pseudonym_key") == [[old.keyFingerprint]])
    }

    @Test func anotherOldKeyOrTheSameKeyIsRefused() throws {
        let (fixture, _) = try Self.loaded()
        let teachersBefore = try Self.teachers(fixture)
        let owner = try Self.warehouse(fixture)
        defer { owner.close() }
        let stranger = try Pseudonymizer(key: "not-the-warehouse-key-000000")
        #expect(throws: RekeyError.oldKeyIsNotTheWarehouses) {
            try owner.rekey(old: stranger, new: try Pseudonymizer(key: Self.newKey), files: [fixture.folder.path])
        }
        let same = try Pseudonymizer(key: LoadFixture.key)
        #expect(throws: RekeyError.sameKey) { try owner.rekey(old: same, new: same, files: [fixture.folder.path]) }
        #expect(try Self.teachers(fixture) == teachersBefore)
    }
}
