#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PDPostgres
import Synchronization

/// SIGINT and SIGTERM during a load (`Warehouse.load`, `Warehouse.runInbox`): the batch is rolled
/// back, the lock released, the file left where it was, and the command ends with 130 or 143
/// naming what was not loaded (`LoadInterrupted`).
///
/// While armed, a signal handler records the signal and asks the server to cancel the running
/// statement of every armed connection (`CancelHandle`, `PQcancel`, safe in a signal handler);
/// the loader's row loop asks `checkpoint()` between rows. Either way the batch's transaction
/// fails and rolls back. A second signal ends the process at once (the default action is back).
/// Outside a load the default actions stand.
enum Interruption {
    /// The signal received while armed (0: none).
    private static let received = Atomic<Int32>(0)
    /// The connections to cancel, read by the signal handler (set only while no signal can come:
    /// between `arm` and `disarm`, before the handler is installed).
    nonisolated(unsafe) private static var cancels: [CancelHandle] = []

    /// The signal received since `arm`, if any.
    static var receivedSignal: Int32? {
        let number = received.load(ordering: .acquiring)
        return number == 0 ? nil : number
    }

    /// Throws `Interrupted` once a signal has been received: the loader's check between rows.
    static func checkpoint() throws {
        if let number = receivedSignal { throw Interrupted(signal: number) }
    }

    /// Runs `body` with SIGINT and SIGTERM caught, cancelling the statements of `connections`.
    /// The signals are unblocked on the calling thread meanwhile: a process may start with them
    /// blocked (a parent's mask is inherited), and then none would ever arrive.
    static func armed<T>(cancelling connections: [CancelHandle], _ body: () throws -> T) rethrows -> T {
        cancels = connections
        received.store(0, ordering: .releasing)
        signal(SIGINT, onSignal)
        signal(SIGTERM, onSignal)
        var wanted = sigset_t(), previous = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &wanted, &previous)
        defer {
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
            cancels = []
        }
        return try body()
    }

    /// What the handler does: record, cancel, and let a second signal take its default action.
    fileprivate static func handle(_ number: Int32) {
        received.store(number, ordering: .releasing)
        for cancel in cancels { cancel.cancel() }
        signal(number, SIG_DFL)
    }

    /// The signal's conventional exit status: 128 + its number (130 for SIGINT, 143 for SIGTERM).
    static func exitStatus(_ signal: Int32) -> ExitStatus {
        signal == SIGINT ? .interrupted : .terminated
    }

    static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}

private func onSignal(_ number: Int32) {
    Interruption.handle(number)
}

/// Thrown by `Interruption.checkpoint()` inside a load; the facade turns it into `LoadInterrupted`.
struct Interrupted: Error, CustomStringConvertible {
    var signal: Int32
    var description: String { "interrupted by \(Interruption.name(signal)) / прервано сигналом \(Interruption.name(signal))" }
}

/// A load or `etl run` stopped by SIGINT or SIGTERM: what was loaded stays loaded, the file being
/// loaded was rolled back, and it and the ones after it were not loaded and are where they were.
/// Exits 130 (SIGINT) or 143 (SIGTERM).
public struct LoadInterrupted: Error, CustomStringConvertible, Equatable {
    public var signal: Int32
    /// The files not loaded, in the order they would have been (the first was being loaded).
    public var notLoaded: [String]
    /// The files had loaded, but the mart refresh after them was stopped: the next `load`,
    /// `etl run` or `db status` runs it.
    public var refreshStopped: Bool

    public var description: String {
        let name = Interruption.name(signal)
        var en = "interrupted by \(name): "
        var ru = "прервано сигналом \(name): "
        if notLoaded.isEmpty {
            en += "every file was loaded"
            ru += "все файлы загружены"
        } else {
            let files = notLoaded.joined(separator: ", ")
            en += "not loaded (rolled back, left where they were): \(files)"
            ru += "не загружено (изменения отменены, файлы оставлены на месте): \(files)"
        }
        if refreshStopped {
            en += "; the mart refresh was stopped and runs with the next load, etl run or db status"
            ru += "; пересчёт витрин прерван и будет выполнен при следующей загрузке, etl run или db status"
        }
        return en + " / " + ru
    }
}
