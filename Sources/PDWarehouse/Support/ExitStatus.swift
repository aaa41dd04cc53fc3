import PDPostgres

/// The process exit codes that cron and wrappers can act on (documented in README).
public enum ExitStatus: Int32, Sendable {
    /// Everything was done (files already loaded and skipped count as done).
    case ok = 0
    /// At least one file was refused (bad header, too many bad rows).
    case refused = 1
    /// Wrong arguments or configuration (missing key, unreadable file, unknown option).
    case usage = 2
    /// The database was unreachable or failed mid-way; nothing half-done was kept.
    case database = 3
    /// Another run holds the advisory lock (EX_TEMPFAIL: try later).
    case locked = 75

    /// The exit status for an error that ended a command.
    public init(for error: any Error) {
        switch error {
        case let error as ExitStatusError:
            self = error.status
        case is PostgresError:
            self = .database
        case let error as WarehouseError:
            switch error {
            case .lockHeld: self = .locked
            case .notMigrated, .migrationChanged, .migrationMissing: self = .database
            default: self = .usage
            }
        default:
            // Input and configuration problems: unreadable files, a missing pseudonym key, …
            self = .usage
        }
    }
}

/// An error that knows its own exit status (e.g. "some files were refused").
public struct ExitStatusError: Error, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }
}
