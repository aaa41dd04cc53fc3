import Foundation
import PDCSV
import PDContract
import PDPostgres
import PDXLSX

/// One file's load as the loader's steps hand it on: the request, what the scan found, the
/// reader, the row counts and the outcome being filled in.
struct FileLoad {
    let request: LoadRequest
    let scan: FileScan
    let started: Date
    /// The file's state before it was scanned: the content hashed is the content loaded only
    /// while it stays so (`checkUnchanged`).
    let stateBeforeScan: FileState?
    /// The rows being read: a CSV file, or the sheet of a workbook the header step chose.
    private var table: Table
    /// The workbook, when the file is one (`FileContainer.zip`, by its content): opened by the
    /// header step, so that a workbook that cannot be read is refused like a bad header.
    private var workbook: XLSXWorkbook?
    var tally = RowTally()
    var progress: LoadProgress
    var outcome: LoadOutcome
    /// Where the header step found the header (`HeaderLocator`): the CSV format it was read
    /// with (nil for a sheet) and how many records a reader opened again skips to reach the data.
    private(set) var dataStart: (format: CSVFormat?, recordsThroughHeader: Int)?
    /// Notices for the lines above the header row (sep= line, title rows).
    private(set) var skippedAboveHeader: [RowIssue] = []
    /// The sheet whose rows are loaded, for a workbook.
    private(set) var sheet: XLSXSheetInfo?

    /// A reader of either kind of table file.
    private enum Table {
        case csv(CSVReader)
        case sheet(XLSXSheetReader)
        /// Only while a CSV reader is lent out to `readRows` (so that it is not copied).
        case lent
    }

    /// Opens a CSV reader at the file's first row (a workbook waits for the header step).
    /// Throws `WarehouseError.fileUnreadable` for a file that cannot be opened.
    init(request: LoadRequest, scan: FileScan, started: Date, stateBeforeScan: FileState?) throws {
        self.request = request
        self.scan = scan
        self.started = started
        self.stateBeforeScan = stateBeforeScan
        switch scan.container {
        case .zip, .compoundFile: table = .lent
        case .text: table = .csv(try Self.openReader(request.path, format: scan.format))
        }
        progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
        outcome = LoadOutcome(status: .loaded, fileName: request.fileName, kind: request.kind, sha256: scan.sha256, message: "")
    }

    /// Throws `FileChangedWhileRead` when the file is not as it was when it was listed and
    /// scanned: called after the rows were read and before anything is recorded.
    func checkUnchanged() throws {
        let now = FileState.of(request.path)
        if let listed = request.listedState, listed != stateBeforeScan {
            throw FileChangedWhileRead(fileName: request.fileName, before: listed, after: stateBeforeScan)
        }
        if now != stateBeforeScan {
            throw FileChangedWhileRead(fileName: request.fileName, before: stateBeforeScan, after: now)
        }
    }

    /// Starts the progress line over, when the rows start to be read.
    mutating func startReading() {
        progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
    }

    /// The header step: `HeaderLocator` finds the header row (below a preamble, with
    /// another delimiter when the detected one reads no header), and the reader it used stands
    /// just after it. In a workbook, the sheet is `--sheet` or the first visible one whose header
    /// matches. Throws `HeaderRefusal` or `WorkbookRefusal`, or what the reader throws.
    mutating func locateHeader() throws -> HeaderMap {
        if scan.container != .text {
            do {
                let workbook = try XLSXWorkbook(path: request.path)
                self.workbook = workbook
                return try locateSheetHeader(in: workbook)
            } catch let error as XLSXError {
                throw WorkbookRefusal(code: "unreadable_workbook", description: error.description, line: error.row ?? 1)
            }
        }
        let path = request.path
        let located = try HeaderLocator.locate(format: scan.format, kind: request.kind, mapping: request.mapping) {
            try Self.openReader(path, format: $0)
        }
        table = .csv(located.reader)
        dataStart = (located.format, located.recordsThroughHeader)
        skippedAboveHeader = located.skipped
        return located.header
    }

    /// The header of a workbook: of the sheet `--sheet` names, or of the first visible sheet
    /// whose header matches a kind (the request's, if it names one). A workbook with no such
    /// sheet is refused naming its sheets.
    private mutating func locateSheetHeader(in workbook: XLSXWorkbook) throws -> HeaderMap {
        let names = workbook.sheets.map { "«\($0.name)»" }.joined(separator: ", ")
        let candidates: [XLSXSheetInfo]
        if let name = request.sheet {
            guard let named = workbook.sheet(named: name) else {
                throw WorkbookRefusal(
                    code: "no_such_sheet",
                    description: "the workbook has no sheet «\(name)»; its sheets: \(names)"
                        + " / в книге нет листа «\(name)»; листы книги: \(names)")
            }
            candidates = [named]
        } else {
            candidates = workbook.sheets.filter(\.isVisibleWorksheet)
        }
        var refusals: [(sheet: XLSXSheetInfo, refusal: HeaderRefusal)] = []
        for candidate in candidates {
            let reader: XLSXSheetReader
            do {
                reader = try workbook.openSheet(candidate)
            } catch {
                throw WorkbookRefusal(code: "unreadable_workbook", description: error.description, line: error.row ?? 1)
            }
            do {
                let located = try HeaderLocator.locate(in: reader, kind: request.kind, mapping: request.mapping)
                table = .sheet(located.reader)
                sheet = candidate
                dataStart = (nil, located.recordsThroughHeader)
                skippedAboveHeader = located.skipped
                return located.header
            } catch let refusal as HeaderRefusal {
                reader.close()
                refusals.append((candidate, refusal))
            }
        }
        guard let first = refusals.first else {
            throw WorkbookRefusal(
                code: "no_matching_sheet",
                description: "the workbook has no visible worksheet to read; its sheets: \(names)"
                    + " / в книге нет видимого листа с данными; листы книги: \(names)")
        }
        if refusals.count == 1 {
            throw WorkbookRefusal(
                code: first.refusal.code,
                description: "sheet «\(first.sheet.name)»: \(first.refusal.description)", line: first.refusal.line)
        }
        throw WorkbookRefusal(
            code: "no_matching_sheet",
            description: "no sheet of the workbook has the header of an export (sheets: \(names)); use --sheet to name one."
                + " First sheet «\(first.sheet.name)»: \(first.refusal.description)"
                + " / ни на одном листе книги нет заголовка выгрузки (листы: \(names)); укажите лист: --sheet",
            line: first.refusal.line)
    }

    /// Back to the first data row with nothing counted (the direct path's fallback starts over).
    mutating func rewind() throws {
        let skip = dataStart?.recordsThroughHeader ?? 1
        if let workbook, let sheet {
            if case .sheet(let reader) = table { reader.close() }
            let reader: XLSXSheetReader
            do {
                reader = try workbook.openSheet(sheet)
                for _ in 0..<skip { _ = try reader.next() }
            } catch {
                throw WorkbookRefusal(code: "unreadable_workbook", description: error.description, line: error.row ?? 1)
            }
            table = .sheet(reader)
        } else {
            var reader = try Self.openReader(request.path, format: dataStart?.format ?? scan.format)
            for _ in 0..<skip { _ = try reader.next() }
            table = .csv(reader)
        }
        tally = RowTally()
        startReading()
    }

    /// Reads every data row, hands it to `handle`, and counts what was accepted and rejected
    /// (`Loader.readRows`, over whichever reader the file has).
    mutating func readRows(screen: RowScreen, _ handle: ([String], Int) throws -> RowResult<Void>) throws {
        switch table {
        case .csv(var reader):
            table = .lent
            defer { table = .csv(reader) }
            try Loader.readRows(&reader, into: &tally, progress: &progress, screen: screen, handle)
        case .sheet(var reader):
            try Loader.readRows(&reader, into: &tally, progress: &progress, screen: screen, handle)
        case .lent:
            preconditionFailure("the header step opens the rows before they are read")
        }
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

/// A workbook the loader cannot read rows from: not a workbook, damaged, over a size limit, no
/// sheet with an export's header. The file is refused (exit 1) with `code` and `description`.
struct WorkbookRefusal: Error {
    let code: String
    let description: String
    var line = 1
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

    /// A workbook that cannot be read, or has no sheet with an export's header.
    init(_ refusal: WorkbookRefusal) {
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
        case let error as XLSXError:
            rejects = file.reported + [RejectEntry(line: error.row ?? 1, column: "", value: "",
                                                   reasonCode: "malformed_xlsx", reasonText: error.description)]
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
