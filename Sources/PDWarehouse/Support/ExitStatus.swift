import PDCSV
import PDContract
import PDPostgres
import PDReport

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
    /// Stopped by SIGINT (128 + 2): the file being loaded was rolled back and left in place.
    case interrupted = 130
    /// Stopped by SIGTERM (128 + 15): as for SIGINT.
    case terminated = 143

    /// The exit status for an error that ended a command: its own `exitStatus` when it
    /// declares one (`ExitCoded`), else 2 (usage or configuration).
    public init(for error: any Error) {
        self = (error as? any ExitCoded)?.exitStatus ?? .usage
    }
}

/// An error that declares the exit status it ends a command with.
///
/// The error types of this package declare theirs here, in one place, so the cron contract
/// (0 ok, 1 a file refused, 2 usage or configuration, 3 the database, 75 locked) can be read
/// at a glance. A data problem of a file is 1 whatever PostgreSQL said about a value: the
/// loader turns such server errors into a refusal before they get here.
public protocol ExitCoded: Error {
    var exitStatus: ExitStatus { get }
}

extension ExitStatusError: ExitCoded {
    public var exitStatus: ExitStatus { status }
}

extension LoadInterrupted: ExitCoded {
    public var exitStatus: ExitStatus { Interruption.exitStatus(signal) }
}

extension Interrupted: ExitCoded {
    var exitStatus: ExitStatus { Interruption.exitStatus(signal) }
}

extension PostgresError: ExitCoded {
    /// The database was unreachable, failed, or refused a statement of ours.
    public var exitStatus: ExitStatus { .database }
}

extension WarehouseError: ExitCoded {
    public var exitStatus: ExitStatus {
        switch self {
        case .lockHeld: return .locked
        case .notMigrated, .migrationChanged, .migrationMissing: return .database
        case .sqlDirectoryNotFound, .sqlFileUnreadable, .badMigrationName, .duplicateMigrationVersion, .fileUnreadable,
             .pseudonymKeyChanged, .badPreviousChecksum, .badViewFile:
            return .usage
        }
    }
}

/// A usage or configuration error (exit 2): the fix is in the command, a file of `sql/`, a
/// mapping, rules or key file.
public protocol UsageErrorCode: ExitCoded {}
extension UsageErrorCode {
    public var exitStatus: ExitStatus { .usage }
}

/// A data problem of a file (exit 1): the fix is in the export.
public protocol FileRefusalCode: ExitCoded {}
extension FileRefusalCode {
    public var exitStatus: ExitStatus { .refused }
}

/// A missing or broken indicator definition is configuration (a file of sql/ to fix).
extension MartError: UsageErrorCode {}
extension ReportError: UsageErrorCode {}
extension MeasureError: UsageErrorCode {}
extension RecommendError: UsageErrorCode {}
extension ReportFileError: UsageErrorCode {}
extension ReportParameterError: UsageErrorCode {}
extension MappingError: UsageErrorCode {}
extension RuleFileError: UsageErrorCode {}
extension PseudonymKeyError: UsageErrorCode {}
/// A grant of school access that cannot be made (no such role, no school named).
extension AccessError: UsageErrorCode {}
/// A rekey that would leave teachers behind, or under another old key.
extension RekeyError: UsageErrorCode {}
/// A year, school, indicator or batch the data does not have.
extension UnknownChoice: UsageErrorCode {}
/// A document that cannot be written, or no PDF converter installed.
extension DocumentError: UsageErrorCode {}

/// A file that cannot be read as CSV, or whose header names no kind, is a data problem of that file.
extension CSVError: FileRefusalCode {}
extension HeaderError: FileRefusalCode {}

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
