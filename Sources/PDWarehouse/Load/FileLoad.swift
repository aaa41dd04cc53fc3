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
    /// Where the header step found the header (`HeaderLocator`): the format it was read
    /// with and how many records a reader opened again skips to reach the data.
    private(set) var dataStart: (format: CSVFormat, recordsThroughHeader: Int)?
    /// Notices for the lines above the header row (sep= line, title rows).
    private(set) var skippedAboveHeader: [RowIssue] = []

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

    /// The header step: `HeaderLocator` finds the header row (below a preamble, with
    /// another delimiter when the detected one reads no header), and the reader it used stands
    /// just after it. Throws `HeaderRefusal`, or what the reader throws.
    mutating func locateHeader() throws -> HeaderMap {
        let path = request.path
        let located = try HeaderLocator.locate(format: scan.format, kind: request.kind, mapping: request.mapping) {
            try Self.openReader(path, format: $0)
        }
        reader = located.reader
        dataStart = (located.format, located.recordsThroughHeader)
        skippedAboveHeader = located.skipped
        return located.header
    }

    /// Back to the first data row with nothing counted (the direct path's fallback starts over).
    mutating func rewind() throws {
        let start = dataStart ?? (format: scan.format, recordsThroughHeader: 1)
        reader = try Self.openReader(request.path, format: start.format)
        for _ in 0..<start.recordsThroughHeader { _ = try reader.next() }
        tally = RowTally()
        startReading()
    }

    /// The outcome's row counts and rejects, from the rows read.
    mutating func takeCounts() {
        outcome.rowsRead = tally.read
        outcome.rowsRejected = tally.rejectedRows
        // A superseded form submission was read and accepted, but a later one is what loads.
        outcome.rowsLoaded = tally.read - tally.rejectedRows
            - tally.pipelineNotices.count(where: { $0.reason == .supersededSubmission })
        outcome.rejects = reported
    }

    /// What the load reports: the rejects and the notices (lines above the header, rows
    /// that are not data, values read differently from how they are written), in line order.
    /// Only the rejects count as rejected rows and against the reject ratio.
    var reported: [RejectEntry] {
        let notices = (skippedAboveHeader + tally.pipelineNotices).map(RejectEntry.init) + tally.notices
        guard !notices.isEmpty else { return tally.rejects }
        let room = max(0, LoadOutcome.maximumStoredRejects - tally.rejects.count)
        return (tally.rejects + notices.prefix(room)).enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
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
    /// Notices about rows skipped as not data: reported, counted neither as read nor as rejected.
    var notices: [RejectEntry] = []
    /// The row pipeline's notices about accepted rows (a restored SNILS zero), taken
    /// when its rows have been read.
    var pipelineNotices: [RowIssue] = []

    func exceeds(_ ratio: Double) -> Bool {
        read > 0 && Double(rejectedRows) > ratio * Double(read)
    }

    /// Counts a rejected row (already counted as read) and keeps its issues.
    mutating func reject(_ issues: [RowIssue]) {
        rejectedRows += 1
        for issue in issues where rejects.count < LoadOutcome.maximumStoredRejects {
            rejects.append(RejectEntry(issue))
        }
    }

    /// Keeps a notice about a row that is not data.
    mutating func note(_ notice: RowIssue) {
        if notices.count < LoadOutcome.maximumStoredRejects { notices.append(RejectEntry(notice)) }
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

    /// A header that cannot be loaded, on `line` (1 when the file could not be read as CSV).
    init(header reasonCode: String, _ text: String, line: Int = 1) {
        rejects = [RejectEntry(line: line, column: "header", value: "", reasonCode: reasonCode, reasonText: text)]
        message = text
        rowsRejected = nil
    }

    /// No header row found (`HeaderLocator`): recorded with its line, the description
    /// naming the header cells read.
    init(_ refusal: HeaderRefusal) {
        self.init(header: refusal.code, refusal.description, line: refusal.line)
    }

    /// What a failure inside the batch's transaction means for the file: a refusal when it is a
    /// problem of the file's data, nil when it is not (the failure is then thrown on: exit 3).
    init?(after error: Error, of file: FileLoad) {
        let tally = file.tally
        switch error {
        case is RefuseFile:
            rejects = file.reported
            message = Loader.ratioMessage(tally, file.request.maxRejectRatio)
            rowsRejected = tally.rejectedRows
        case let error as CSVError:
            rejects = file.reported + [RejectEntry(line: max(error.line ?? 0, 1), column: "", value: "",
                                                   reasonCode: "malformed_csv", reasonText: error.description)]
            message = error.description
            rowsRejected = 0
        case let error as PostgresError where error.isRefusalOfFileContent:
            let state = error.sqlState ?? ""
            let text = "PostgreSQL refused a value of the file [\(state)]: \(error.message); the file was not loaded"
                + " / PostgreSQL не принял значение из файла [\(state)]: \(error.message); файл не загружен"
            // The server does not say which row (COPY's context is not kept): line 1 stands for the file.
            rejects = file.reported + [RejectEntry(line: 1, column: "", value: "", reasonCode: "refused_by_database",
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
