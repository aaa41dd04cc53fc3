import PDContract

extension ExportLoad {
    /// The schools directory: staged and merged as a slowly changing dimension (type 2 on name and
    /// type); it references nothing, so it has no key check, and no direct path.
    static let schools = ExportLoad(
        kind: .schools,
        rows: { context in SchoolRows(context) },
        staging: Staging(
            create: "load/schools/stage.sql", copy: "load/schools/copy_stage.sql",
            analyze: "load/schools/analyze_stage.sql"),
        checkStaged: nil,
        merge: Merge(file: "load/schools/merge.sql", firstLoad: nil),
        direct: nil,
        counts: FactCounts(all: "load/schools/count_facts.sql", ofBatch: "load/schools/count_batch_facts.sql"))
}

/// The rows of one schools directory file (see `RowPipeline`).
final class SchoolRows: RowPipeline {
    private var validator: SchoolValidator
    private var last: SchoolRecord?

    init(_ context: RowContext) {
        validator = SchoolValidator(header: context.header)
    }

    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let result = validator.validate(fields, line: line)
        last = result.record
        return result.withoutRecord
    }

    var notices: [RowIssue] { validator.notices }

    /// A row of `load/schools/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let school = last else { return }
        row.int(line)
        row.text(school.schoolCode)
        row.text(school.name)
        row.text(school.schoolType?.rawValue)
        row.bool(school.isBaseSchool)
        row.text(school.municipality)
        row.end()
    }
}
