import PDContract

extension ExportLoad {
    /// Schools' course requests («заявка ОО», docs/exports.md §5.5): staged, key-checked and
    /// merged into `dw.school_request`, replacing the whole request of each (year, school) the
    /// file holds unless it is the same. Named teachers are keyed like every teacher id (their
    /// pseudonym only). Small files: no direct path.
    static let requests = ExportLoad(
        kind: .requests,
        rows: { context in try RequestRows(context) },
        staging: Staging(
            create: "load/requests/stage.sql", copy: "load/requests/copy_stage.sql",
            analyze: "load/requests/analyze_stage.sql"),
        checkStaged: "load/requests/check_stage.sql",
        merge: Merge(file: "load/requests/merge.sql", firstLoad: nil),
        direct: nil,
        counts: FactCounts(all: "load/requests/count_facts.sql", ofBatch: "load/requests/count_batch_facts.sql"))
}

/// The rows of one request file (see `RowPipeline`).
final class RequestRows: RowPipeline {
    private var validator: RequestValidator
    private var last: RequestRecord?
    private let dimensions: DimensionKeys

    init(_ context: RowContext) throws {
        validator = RequestValidator(
            header: context.header, knownSchools: context.knownSchools,
            pseudonymizer: try context.requirePseudonymizer(), years: context.years)
        dimensions = context.dimensions
    }

    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let result = validator.validate(fields, line: line)
        last = result.record
        return result.withoutRecord
    }

    var notices: [RowIssue] { validator.notices }

    /// A row of `load/requests/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let request = last else { return }
        row.int(line)
        row.int(request.academicYear.start)
        row.int(dimensions.schools[request.schoolCode])
        row.int(try request.teacherPseudonym.map { try dimensions.teacherKey($0) })
        row.int(request.teachersRequested)
        row.text(request.subject)
        row.int(request.focusArea.flatMap { dimensions.deficitAreas[$0.rawValue] })
        row.text(request.courseTitle)
        row.int(request.hours)
        row.end()
    }
}
