import Foundation
import PDContract

/// How one export kind is loaded, as a value: the loader runs every kind through the same steps
/// (scan, header, validate and copy, check, merge, record), and these values are all that differ
/// between kinds. Adding a source is adding one of these (with its row pipeline) and its
/// `sql/load/<kind>/` files, never a branch in the loader.
///
/// Every statement is named by its file under `sql/`: per-kind SQL is a per-kind file, never a
/// table name put into shared text.
struct ExportLoad: Sendable {
    /// The kind described (`ExportKind.detect` picks it from the header).
    let kind: ExportKind
    /// Makes one file's row pipeline for the staging path: the contract's validator and how an
    /// accepted record becomes a row of `staging.copy`.
    let rows: @Sendable (RowContext) throws -> any RowPipeline
    /// The staging path, which every kind has.
    let staging: Staging
    /// The set-based key check of the staged rows (the facts declare no foreign keys): counts the
    /// rows whose keys are missing from their dimensions, and any aborts the batch. Nil when the
    /// merge resolves every reference itself.
    let checkStaged: String?
    /// How the staged rows reach the warehouse.
    let merge: Merge
    /// The direct path of a first load, for kinds that have one.
    let direct: DirectLoad?
    /// What the load reports: the facts before and after it, and the rows its batch wrote.
    let counts: FactCounts
    /// Statements run after the batch's rows reached the warehouse (after the merge, or after
    /// the direct copy's key check) that keep facts derived from several kinds in step with
    /// them, whatever order their files arrive in: `sql/load/derived/` files, shared by the
    /// kinds whose facts they read (the ФИС ФРДО enrolments read documents, enrolment exports
    /// and the census).
    var derivations: [String] = []
    /// Lines of the file to report after the derivations, as notices.
    var lineNotices: LineNotices? = nil

    /// A query, run after the derivations while the staging table still exists, listing line
    /// numbers (one column) to report with `reason` against `field`'s column.
    struct LineNotices: Sendable {
        let query: String
        let reason: RejectReason
        let field: ContractField
    }

    /// A temporary staging table: created for the batch (dropped at commit), filled by one COPY,
    /// then analysed so that the check and the merge get hash joins rather than nested loops
    /// planned for an empty table.
    struct Staging: Sendable {
        let create: String
        /// `copy <stage> (…) from stdin`, in the column order of the pipeline's staged rows.
        let copy: String
        let analyze: String
        /// Run after `analyze`, for kinds whose staged rows need settling before the check and
        /// the merge (the survey: the latest form submission of each teacher and year).
        var settle: Settle? = nil
    }

    /// Settles the staged rows, and names the rows it dropped as superseded by rows already
    /// stored (reported as notices).
    struct Settle: Sendable {
        /// The statements that drop the staged rows that are not to be merged.
        let file: String
        /// One row per staged row dropped because a later one is stored: line, its time, the
        /// stored time, the stored row's batch.
        let superseded: String
    }

    struct Merge: Sendable {
        /// The merge of staged rows into the warehouse (stamping `pdmon.batch_key`).
        let file: String
        /// A cheaper merge for staged rows whose years hold no facts yet (nothing to compare
        /// with), if the kind has one.
        let firstLoad: FirstLoadMerge?
    }

    struct FirstLoadMerge: Sendable {
        /// One boolean: whether any staged row's year already holds facts.
        let stagedYearsHaveFacts: String
        /// Used instead of `Merge.file` when that is false.
        let file: String
    }

    /// A first load of its years goes straight into the fact table: nothing to merge with, so
    /// staging and `insert … select` would only copy the rows twice. A row of a year that already
    /// has facts sends the file back to the staging path, from its start.
    struct DirectLoad: Sendable {
        /// The academic years (start year, one column) that already hold facts of this kind.
        let yearsWithFacts: String
        /// `copy <fact table> (…, batch_key) from stdin`, in the column order of the fact rows.
        let copy: String
        /// The set-based key check of the batch's fact rows ($1 batch key); must count 0.
        let check: String
        /// Makes one file's row pipeline for this path.
        let rows: @Sendable (RowContext) throws -> any FactRowPipeline
    }

    struct FactCounts: Sendable {
        /// One count: the kind's facts (before and after the load).
        let all: String
        /// One count of the rows the batch wrote ($1 batch key): new or changed.
        let ofBatch: String
    }
}

extension ExportLoad {
    /// One description per export kind.
    static let all: [ExportLoad] = [.schools, .enrolments, .survey, .frdo, .requests, .measures]

    /// The description of `kind`.
    static func of(_ kind: ExportKind) -> ExportLoad {
        guard let load = all.first(where: { $0.kind == kind }) else {
            preconditionFailure("no load description for the export kind \(kind.rawValue)")
        }
        return load
    }

    /// Every `sql/` file of this kind's own folder that this description names (the shared
    /// `derivations` are not among them).
    var sqlFiles: [String] {
        [staging.create, staging.copy, staging.analyze, merge.file, counts.all, counts.ofBatch]
            + [staging.settle?.file, staging.settle?.superseded].compactMap { $0 }
            + [checkStaged, merge.firstLoad?.stagedYearsHaveFacts, merge.firstLoad?.file, lineNotices?.query]
                .compactMap { $0 }
            + (direct.map { [$0.yearsWithFacts, $0.copy, $0.check] } ?? [])
    }
}

/// The per-row half of a kind's load: validates rows with the contract's validator and writes
/// the record it accepted last as a COPY row.
///
/// Implementations are final classes holding their validator as a stored property: the loader's
/// row closure captures the pipeline, and methods on a captured struct copied it (validators,
/// caches, last record) on every row, about a fifth of the loader's CPU time. For the same
/// reason a validator is never kept inside an enum payload: taking it out of a case and putting
/// it back copied its duplicate tracker on every row. The accepted record is kept by plain
/// assignment: passing a class property inout is one more dynamically checked access per row.
protocol RowPipeline: AnyObject {
    /// Validates one row; an accepted record is kept for the encoder.
    func validate(_ fields: [String], line: Int) -> RowResult<Void>
    /// Writes the last accepted record as a staging row (`line` is its line in the file).
    func encodeStaged(line: Int, into row: inout CopyRow) throws
    /// The validator's notices about accepted rows (a restored SNILS zero, look-alike letters
    /// read as Cyrillic), to report with the rejects; none for kinds whose validator has none.
    var notices: [RowIssue] { get }
}

extension RowPipeline {
    var notices: [RowIssue] { [] }
}

/// A row pipeline that can also write fact rows, for a kind with a direct path.
protocol FactRowPipeline: RowPipeline {
    /// The academic year (start year) of the last accepted record.
    var lastAcademicYear: Int? { get }
    /// Writes the last accepted record as a fact row, the batch key on it.
    func encodeFact(batchKey: Int, into row: inout CopyRow) throws
}

extension RowResult {
    /// Accepted or rejected with the same issues, without the record (which the pipeline keeps).
    @inline(__always)
    var withoutRecord: RowResult<Void> {
        switch self {
        case .accepted: return .accepted(())
        case .rejected(let issues): return .rejected(issues)
        }
    }
}

/// What a row pipeline is made from: the file's header and request, and the dimension keys.
struct RowContext {
    let header: HeaderMap
    let request: LoadRequest
    let pseudonymizer: Pseudonymizer?
    let dimensions: DimensionKeys
    /// Enrolments without a status: completed when they ended before this day, else in progress.
    let today: CivilDate

    init(header: HeaderMap, request: LoadRequest, pseudonymizer: Pseudonymizer?, dimensions: DimensionKeys,
         now: Date = Date()) {
        self.header = header
        self.request = request
        self.pseudonymizer = pseudonymizer
        self.dimensions = dimensions
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: now)
        today = CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
    }

    /// Kinds with teacher identifiers cannot load without the pseudonym key.
    func requirePseudonymizer() throws -> Pseudonymizer {
        guard let pseudonymizer else { throw PseudonymKeyError.missing }
        return pseudonymizer
    }

    /// The schools rows may name: the current directory.
    var knownSchools: KnownSchools { KnownSchools(Set(dimensions.schools.keys)) }

    /// Where a row's academic year comes from when it does not say it.
    var years: YearSources { YearSources(explicitYear: request.explicitYear, fileName: request.fileName) }
}
