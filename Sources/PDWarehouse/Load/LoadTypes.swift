import Foundation
import PDContract

/// What to load and how.
public struct LoadRequest: Sendable {
    public var path: String
    /// The kind the user named (`load enrolments`), or nil to detect it from the header (`etl run`).
    public var kind: ExportKind?
    /// `--year`: the academic year for rows that do not say it.
    public var explicitYear: AcademicYear?
    public var mapping: ContractMapping
    /// More rejected rows than this share of the file's rows refuses the whole file.
    public var maxRejectRatio: Double
    /// Validate and report; write nothing.
    public var dryRun: Bool
    /// Load even when a file with the same SHA-256 was loaded before.
    public var force: Bool
    /// `--progress`: a progress line (rows, rate, ETA) on stderr while reading, when it is a terminal.
    public var progress: Bool
    /// `--provider`: the training provider of ФИС ФРДО rows (the register has no provider
    /// column); wins over the mapping's `[defaults] provider`. Other kinds ignore it.
    public var provider: String? = nil
    /// `--sheet`: the sheet of a workbook to read (else the first visible sheet whose header
    /// matches); ignored for a CSV file.
    public var sheet: String?
    /// The file's state when `etl run` listed the inbox: a file that differs by the time it is
    /// read is still being written (`FileChangedWhileRead`).
    public var listedState: FileState?

    public init(
        path: String, kind: ExportKind? = nil, explicitYear: AcademicYear? = nil, mapping: ContractMapping = .none,
        maxRejectRatio: Double = 0.05, dryRun: Bool = false, force: Bool = false, progress: Bool = false,
        sheet: String? = nil
    ) {
        self.progress = progress
        self.sheet = sheet
        self.path = path
        self.kind = kind
        self.explicitYear = explicitYear
        self.mapping = mapping
        self.maxRejectRatio = maxRejectRatio
        self.dryRun = dryRun
        self.force = force
    }

    public var fileName: String { URL(fileURLWithPath: path).lastPathComponent }
}

/// One rejected row (or header) as stored in `dw.etl_reject` and written to `<file>.errors.csv`.
/// The value is masked already when it is personal data.
public struct RejectEntry: Sendable, Equatable {
    public var line: Int
    public var column: String
    public var value: String
    public var reasonCode: String
    public var reasonText: String

    public init(line: Int, column: String, value: String, reasonCode: String, reasonText: String) {
        self.line = line
        self.column = column
        self.value = value
        self.reasonCode = reasonCode
        self.reasonText = reasonText
    }

    /// Whether the entry is a notice (a line skipped as not data, a value read differently
    /// from how it is written) rather than a rejection: not counted in `rows_rejected`.
    public var isNotice: Bool { RejectReason(rawValue: reasonCode)?.isNotice ?? false }

    init(_ issue: RowIssue) {
        var text = issue.reason.bilingual
        if let detail = issue.detail { text += "; \(detail)" }
        self.init(line: issue.line, column: issue.column, value: issue.value, reasonCode: issue.reason.code, reasonText: text)
    }
}

/// What happened to one file.
public struct LoadOutcome: Sendable {
    public enum Status: String, Sendable {
        /// Written to the warehouse.
        case loaded
        /// Validated only (`--dry-run`): nothing written.
        case validated
        /// Refused whole: bad header or too many bad rows. Nothing of it written.
        case refused
        /// Its content was loaded before; nothing done.
        case skipped
    }

    public var status: Status
    public var fileName: String
    public var kind: ExportKind?
    public var sha256: String
    public var batchKey: Int?
    public var rowsRead = 0
    public var rowsLoaded = 0
    public var rowsRejected = 0
    /// Rows the merge inserted or replaced (the rest were already there unchanged).
    public var rowsChanged = 0
    public var message: String
    /// The rejects (capped at `LoadOutcome.maximumStoredRejects`).
    public var rejects: [RejectEntry] = []
    public var seconds: Double = 0

    /// Beyond this many reject entries per file only the count is kept.
    public static let maximumStoredRejects = 100_000

    /// One line for the terminal or the cron log.
    public var summaryLine: String {
        let kindText = kind?.rawValue ?? "?"
        let statusText: String
        switch status {
        case .loaded: statusText = "loaded / загружен"
        case .validated: statusText = "validated (dry run) / проверен (без записи)"
        case .refused: statusText = "REFUSED / ОТКЛОНЁН"
        case .skipped: statusText = "skipped / пропущен"
        }
        var line = "\(fileName) [\(kindText)] \(statusText): read \(rowsRead), loaded \(rowsLoaded), rejected \(rowsRejected)"
        // Notices are listed with the rejects; the summary counts them apart.
        let notices = rejects.filter(\.isNotice)
        let skipped = notices.filter { $0.reasonCode.hasPrefix("skipped_") }.count
        if skipped > 0 { line += ", skipped \(skipped) non-data line(s) / пропущено строк не с данными: \(skipped)" }
        if notices.count > skipped { line += ", notices \(notices.count - skipped) / замечаний \(notices.count - skipped)" }
        if let batchKey { line += ", batch \(batchKey)" }
        line += String(format: ", %.2f s", seconds)
        if !message.isEmpty { line += " — \(message)" }
        return line
    }
}
