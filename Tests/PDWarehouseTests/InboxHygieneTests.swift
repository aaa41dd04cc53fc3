import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PDWarehouse

/// `etl run` never opens an inbox entry that is not a regular file, and leaves files still
/// being written for the next night (issue 9 §5).
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct InboxHygieneTests {
    @Test func linksFIFOsAndUnfinishedFilesAreNeverOpenedAndTheCleanFileLoads() throws {
        let fixture = try LoadFixture()
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data(MartRefreshTests.schools.utf8).write(to: inbox.appendingPathComponent("schools.csv"))
        try Data(ExportText.enrolmentsCanonical.utf8).write(to: inbox.appendingPathComponent("kpk_2023-2024.csv"))
        let elsewhere = try fixture.write("outside.csv", ExportText.enrolmentsCanonical)
        try FileManager.default.createSymbolicLink(
            atPath: inbox.appendingPathComponent("link.csv").path, withDestinationPath: elsewhere)
        #expect(mkfifo(inbox.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        try Data("half a file".utf8).write(to: inbox.appendingPathComponent("kpk_2024-2025.csv.part"))
        try Data("lock".utf8).write(to: inbox.appendingPathComponent("~$kpk_2023-2024.csv"))
        let environment = ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]

        for night in 1...2 {
            let started = Date()
            let result = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
            #expect(result.status == 1, "night \(night): \(result.stdout)\n\(result.stderr)")
            #expect(Date().timeIntervalSince(started) < 60, "a FIFO must never be opened")
            #expect(result.stdout.contains("link.csv NOT LOADED"), "\(result.stdout)")
            #expect(result.stdout.contains("pipe.csv NOT LOADED"), "\(result.stdout)")
            #expect(!result.stdout.contains(".part"), "\(result.stdout)")
            #expect(!result.stdout.contains("~$"), "\(result.stdout)")
            if night == 1 {
                #expect(result.stdout.contains("kpk_2023-2024.csv [enrolments] loaded"), "\(result.stdout)")
            }
        }
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: inbox.path))
        #expect(left.isSuperset(of: ["link.csv", "pipe.csv", "kpk_2024-2025.csv.part", "~$kpk_2023-2024.csv"]))
        #expect(!left.contains("kpk_2023-2024.csv"))
    }

    /// The content hashed is the content loaded: a file that differs from when the run listed
    /// it (still being written) is not loaded, nothing is recorded, and it loads once it is whole.
    @Test func aFileThatChangedSinceItWasListedIsLeftAndLoadsWhenWhole() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let lines = ExportText.enrolmentsCanonical.split(separator: "\n")
        let path = try fixture.write("kpk_2023-2024.csv", lines.prefix(2).joined(separator: "\n") + "\n")
        let listed = try #require(FileState.of(path))
        // The writer goes on after the listing.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((lines[2] + "\n").utf8))
        try handle.close()

        let loader = fixture.loader()
        defer { loader.close() }
        var request = LoadRequest(path: path)
        request.listedState = listed
        #expect(throws: FileChangedWhileRead.self) { _ = try loader.load(request) }
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_batch where file_name = 'kpk_2023-2024.csv'") == 0)
        let error = FileChangedWhileRead(fileName: "kpk_2023-2024.csv", before: listed, after: FileState.of(path))
        #expect(error.exitStatus == .refused)
        #expect(error.description.contains("still being written") && error.description.contains("оставлен"))

        // The next night the file is whole and unchanged since its listing: it loads.
        request.listedState = FileState.of(path)
        let outcome = try loader.load(request)
        #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 2)
    }
}
