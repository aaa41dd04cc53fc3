import Foundation
import Testing
@testable import PDWarehouse

/// `pdmon audit` finds nothing on a loaded warehouse and finds planted personal data.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct AuditTests {
    @Test func aLoadedWarehouseIsCleanAndPlantedValuesAreFound() throws {
        let fixture = try LoadFixture()
        let environment = ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
        let schools = try fixture.write("schools.csv", MartRefreshTests.schools)
        let enrolments = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsRussian)
        #expect(try PDMonProcess.run(["load", "schools", schools], environment: environment).status == 0)
        #expect(try PDMonProcess.run(["load", "enrolments", enrolments], environment: environment).status == 0)

        let clean = try PDMonProcess.run(["audit", "--format", "csv"], environment: environment)
        #expect(clean.status == 0, "\(clean.stdout)\n\(clean.stderr)")
        #expect(clean.stdout.split(separator: "\n").count == 1, "only the header: \(clean.stdout)")

        try fixture.connection.run("""
            update dw.etl_batch set message = 'teacher 112-233-445 95, tel. +7 (912) 345-67-89, Иванова Мария Петровна'
            where batch_key = (select min(batch_key) from dw.etl_batch)
            """)
        let found = try PDMonProcess.run(["audit", "--format", "csv"], environment: environment)
        #expect(found.status == 1, "\(found.stdout)\n\(found.stderr)")
        for shape in ["СНИЛС", "телефон", "ФИО"] {
            #expect(found.stdout.contains("dw.etl_batch,message,\(shape),1"), "\(found.stdout)")
        }
    }

    /// A file's SHA-256 or a pseudonym is random hex: its digit runs are shaped like a SNILS or
    /// a phone number now and then, and are none.
    @Test func aDigestIsNoSNILSButASNILSInTextStillIs() throws {
        let fixture = try LoadFixture()
        let shapes = PersonalDataAudit.Shape.allCases
        func matches(_ value: String) throws -> [PersonalDataAudit.Shape] {
            try shapes.filter { shape in
                try fixture.connection.execute("select $1::text ~ $2::text", [value, shape.pattern]).rows.first?[0] == "t"
            }
        }
        #expect(try matches("a" + "12345678901" + String(repeating: "b", count: 52)) == [])
        #expect(try matches("c" + "89123456789" + String(repeating: "d", count: 52)) == [])
        #expect(try matches("СНИЛС 123-456-789 01") == [.snils])
        #expect(try matches("12345678901") == [.snils])
        #expect(try matches("тел. 8 912 345-67-89") == [.phone])
    }
}
