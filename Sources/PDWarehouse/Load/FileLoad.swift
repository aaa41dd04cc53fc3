import Foundation
import PDCSV
import PDContract
import PDPostgres

/// One file's load as the loader's steps hand it on: the request, what the scan found, the
/// reader, the row counts and the outcome being filled in.
struct FileLoad {
    let request: LoadRequest
    let scan: FileScan
    let started: Date
    var reader: CSVReader
    var tally = RowTally()
    var progress: LoadProgress
    var outcome: LoadOutcome

    init(request: LoadRequest, scan: FileScan, started: Date) throws {
        self.request = request
        self.scan = scan
        self.started = started
        reader = try Self.openReader(request.path, format: scan.format)
        progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
        outcome = LoadOutcome(status: .loaded, fileName: request.fileName, kind: request.kind, sha256: scan.sha256, message: "")
    }

    /// Starts the progress line over, when the rows start to be read.
    mutating func startReading() {
        progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
    }

    /// Back to the first data row with nothing counted (the direct path's fallback starts over).
    mutating func rewind() throws {
        reader = try Self.openReader(request.path, format: scan.format)
        _ = try reader.next()
        tally = RowTally()
        startReading()
    }

    /// The outcome's row counts and rejects, from the rows read.
    mutating func takeCounts() {
        outcome.rowsRead = tally.read
        outcome.rowsRejected = tally.rejectedRows
        outcome.rowsLoaded = tally.read - tally.rejectedRows
        outcome.rejects = tally.rejects
    }

    private static func openReader(_ path: String, format: CSVFormat) throws -> CSVReader {
        do {
            return try CSVReader(path: path, format: format)
        } catch {
            throw WarehouseError.fileUnreadable(path: path, reason: String(describing: error))
        }
    }
}

/// Counts of one file's rows.
struct RowTally {
    var read = 0
    var rejectedRows = 0
    var rejects: [RejectEntry] = []

    func exceeds(_ ratio: Double) -> Bool {
        read > 0 && Double(rejectedRows) > ratio * Double(read)
    }
}

/// Where the accepted rows went.
enum CopyPath {
    /// Straight into the fact table (a first load of the file's years): `copied` fact rows.
    case direct(ExportLoad.DirectLoad, copied: Int)
    /// Into the kind's staging table, to be checked and merged.
    case staged
}

/// Thrown inside the COPY closure to abort it when the file is over the reject ratio.
struct RefuseFile: Error {}

/// Thrown inside a direct load's COPY when a row belongs to a year that already has facts:
/// the file then goes through staging and the merge instead.
struct YearHasFacts: Error {}

/// Why a file is refused, as the refusal is recorded: the batch's rejects and message.
struct Refusal: Error {
    var rejects: [RejectEntry]
    var message: String
    /// The rejected rows to report, when the rows read tell it (else the rejects' lines do).
    var rowsRejected: Int?

    /// A header that cannot be loaded (line 1).
    init(header reasonCode: String, _ text: String) {
        rejects = [RejectEntry(line: 1, column: "header", value: "", reasonCode: reasonCode, reasonText: text)]
        message = text
        rowsRejected = nil
    }

    /// What a failure inside the batch's transaction means for the file: a refusal when it is a
    /// problem of the file's data, nil when it is not (the failure is then thrown on: exit 3).
    init?(after error: Error, of file: FileLoad) {
        let tally = file.tally
        switch error {
        case is RefuseFile:
            rejects = tally.rejects
            message = Loader.ratioMessage(tally, file.request.maxRejectRatio)
            rowsRejected = tally.rejectedRows
        case let error as CSVError:
            rejects = tally.rejects + [RejectEntry(line: max(error.line ?? 0, 1), column: "", value: "",
                                                   reasonCode: "malformed_csv", reasonText: error.description)]
            message = error.description
            rowsRejected = 0
        case let error as PostgresError where error.isRefusalOfFileContent:
            let state = error.sqlState ?? ""
            let text = "PostgreSQL refused a value of the file [\(state)]: \(error.message); the file was not loaded"
                + " / PostgreSQL не принял значение из файла [\(state)]: \(error.message); файл не загружен"
            // The server does not say which row (COPY's context is not kept): line 1 stands for the file.
            rejects = tally.rejects + [RejectEntry(line: 1, column: "", value: "", reasonCode: "refused_by_database",
                                                   reasonText: text)]
            message = text
            rowsRejected = tally.rejectedRows
        default:
            return nil
        }
    }
}

extension PostgresError {
    /// Whether the server refused the content of the file being loaded rather than failed: a
    /// data exception (class 22, e.g. a NUL byte: 22021), an integrity constraint violation
    /// (class 23) or a value over a limit (54000, e.g. a title too long for its unique index),
    /// on a connection that is still up. Inside a load every value comes from the file: such a
    /// file is refused (exit 1), while a lost connection or a failing server throws (exit 3).
    var isRefusalOfFileContent: Bool {
        guard kind == .query || kind == .copy, let state = sqlState else { return false }
        return state.hasPrefix("22") || state.hasPrefix("23") || state == "54000"
    }
}

extension String {
    /// The text with each NUL character (which PostgreSQL cannot store) shown as `␀` (U+2400).
    var withoutNUL: String {
        guard utf8.contains(0) else { return self }
        return replacingOccurrences(of: "\u{0}", with: "\u{2400}")
    }
}
