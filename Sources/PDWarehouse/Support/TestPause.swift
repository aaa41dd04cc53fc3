import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PDPostgres
import Synchronization

/// A test-only hook that stops a load at a named point, so that a fault test can strike exactly
/// there (`FaultMatrixTests`): inert unless `PDMON_TEST_PAUSE_AT` and `PDMON_TEST_PAUSE_FILE`
/// are both set, and then it only waits.
///
/// The first time the process reaches the point named by `PDMON_TEST_PAUSE_AT`, it writes the
/// backend pid of the connection in use (`pg_stat_activity.pid`, decimal) to the file
/// `PDMON_TEST_PAUSE_FILE` (atomically: a reader never sees it half-written), then waits until
/// the test deletes that file (at most `maximumWait`, then it goes on) and goes on. Later
/// arrivals at the point do not stop. Points (`Point`): inside the COPY (as a row is streamed),
/// before the key check, before the merge (inside the batch's open transaction), right after
/// the batch's commit, inside the mart refresh's transaction, and in `etl run` before each file
/// after the first (the previous file committed and moved, the next one's first statement not
/// sent).
enum TestPause {
    enum Point: String, CaseIterable {
        case copy, check, merge, committed, refresh
        case betweenFiles = "between-files"
    }

    /// How long a pause waits for the test at most: a test that died never hangs a load for long.
    static let maximumWait: TimeInterval = 120

    /// The armed point and its file, read once from the environment; nil (the hook inert) unless both are set.
    private static let armed: (point: Point, file: String)? = {
        let environment = ProcessInfo.processInfo.environment
        guard let name = environment["PDMON_TEST_PAUSE_AT"], let point = Point(rawValue: name),
              let file = environment["PDMON_TEST_PAUSE_FILE"], !file.isEmpty
        else { return nil }
        return (point, file)
    }()

    /// Whether the pause already happened (it happens once per process).
    private static let done = Atomic<Bool>(false)

    /// Stops here when `point` is the armed point and it was not reached before; `connection`
    /// is the one whose backend the test may terminate. Returns at once otherwise.
    static func reach(_ point: Point, _ connection: Connection) {
        guard let armed, armed.point == point, !done.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let temporary = armed.file + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data("\(connection.backendPID)\n".utf8)),
              rename(temporary, armed.file) == 0
        else { return }
        let deadline = Date().addingTimeInterval(maximumWait)
        while FileManager.default.fileExists(atPath: armed.file), Date() < deadline { usleep(10_000) }
    }
}
