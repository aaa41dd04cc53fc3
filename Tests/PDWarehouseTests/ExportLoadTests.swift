import Foundation
import Testing
import PDContract
import PDPostgres
@testable import PDWarehouse

/// The load descriptions (`ExportLoad`) and the load path's sources, checked without a database.
@Suite struct ExportLoadTests {
    static let sql = TestDatabase.sqlDirectory.url
    static let loadSources = sql.deletingLastPathComponent().appendingPathComponent("Sources/PDWarehouse/Load")

    @Test func everyKindHasExactlyOneDescription() {
        for kind in ExportKind.allCases {
            #expect(ExportLoad.all.filter { $0.kind == kind }.count == 1, "\(kind)")
            #expect(ExportLoad.of(kind).kind == kind)
        }
        #expect(ExportLoad.all.count == ExportKind.allCases.count)
    }

    @Test(arguments: ExportLoad.all.map(\.kind))
    func everyFileADescriptionNamesExistsAndIsItsKinds(kind: ExportKind) throws {
        let load = ExportLoad.of(kind)
        #expect(!load.sqlFiles.isEmpty)
        for file in load.sqlFiles {
            #expect(FileManager.default.fileExists(atPath: Self.sql.appendingPathComponent(file).path), "\(file)")
            // Per-kind statements live in the kind's folder: no file is shared between kinds.
            #expect(file.hasPrefix("load/\(kind.rawValue)/"), "\(file)")
        }
    }

    /// Facts derived from several kinds (the ФИС ФРДО enrolments) are kept by shared files of
    /// `load/derived/`, run by every kind whose facts they read.
    @Test func derivationsAreSharedFilesRunByEveryKindTheyRead() {
        for load in ExportLoad.all {
            for file in load.derivations {
                #expect(FileManager.default.fileExists(atPath: Self.sql.appendingPathComponent(file).path), "\(file)")
                #expect(file.hasPrefix("load/derived/"), "\(file)")
            }
        }
        let readers = ExportLoad.all.filter { $0.derivations.contains("load/derived/register_enrolments.sql") }.map(\.kind)
        #expect(Set(readers) == [.enrolments, .survey, .frdo])
    }

    @Test func theLoadPathHoldsNoSQLTextOfItsOwn() throws {
        let files = FileManager.default.enumerator(atPath: Self.loadSources.path)
        var checked = 0
        let statement = try Regex(#""\s*(select|insert|update|delete|copy|create|with|analyze|drop|alter|set)\s"#)
            .ignoresCase()
        while let file = files?.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: Self.loadSources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("unsafeText"), "\(file) builds SQL text at run time")
            #expect(text.firstMatch(of: statement) == nil, "\(file) holds a SQL statement")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test func aValueTheServerRefusesIsTheFilesProblemAndALostServerIsNot() {
        func error(_ kind: PostgresError.Kind, _ state: String?) -> PostgresError {
            PostgresError(kind: kind, sqlState: state, message: "m")
        }
        #expect(error(.copy, "22021").isRefusalOfFileContent)      // NUL: invalid byte sequence
        #expect(error(.copy, "22P02").isRefusalOfFileContent)      // invalid text representation
        #expect(error(.query, "23505").isRefusalOfFileContent)     // unique violation
        #expect(error(.query, "23514").isRefusalOfFileContent)     // check violation
        #expect(error(.copy, "54000").isRefusalOfFileContent)      // index row too large
        #expect(!error(.connectionLost, "22021").isRefusalOfFileContent)
        #expect(!error(.connection, nil).isRefusalOfFileContent)
        #expect(!error(.query, "57P01").isRefusalOfFileContent)    // admin shutdown
        #expect(!error(.query, "53100").isRefusalOfFileContent)    // disk full
        #expect(!error(.query, "40P01").isRefusalOfFileContent)    // deadlock
        #expect(!error(.query, nil).isRefusalOfFileContent)        // the loader's own key check
    }

    @Test func rejectsNeverCarryANULToTheDatabase() {
        #expect("a\u{0}b".withoutNUL == "a\u{2400}b")
        #expect("Школа № 1".withoutNUL == "Школа № 1")
    }
}
