import PDContract

extension ExportLoad {
    /// ФИС ФРДО uploads (docs/exports.md §5.4): the documents are staged and merged into
    /// `dw.fact_qualification_document` (an annulment is final, a duplicate never replaces its
    /// original); their completed enrolments are then derived into `dw.fact_course_enrolment`,
    /// each at the teacher's school in the census, by the shared derivation that enrolment and
    /// census loads run too. Documents whose school is still unknown are reported as notices.
    static let frdo = ExportLoad(
        kind: .frdo,
        rows: { context in try FRDORows(context) },
        staging: Staging(
            create: "load/frdo/stage.sql", copy: "load/frdo/copy_stage.sql", analyze: "load/frdo/analyze_stage.sql"),
        checkStaged: "load/frdo/check_stage.sql",
        merge: Merge(file: "load/frdo/merge.sql", firstLoad: nil),
        direct: nil,
        counts: FactCounts(all: "load/frdo/count_facts.sql", ofBatch: "load/frdo/count_batch_facts.sql"),
        derivations: ["load/derived/register_enrolments.sql"],
        lineNotices: LineNotices(query: "load/frdo/school_unknown.sql", reason: .schoolUnknown, field: .teacherID))
}

/// The rows of one ФИС ФРДО file (see `RowPipeline`): teachers and programmes are keyed in the
/// client from `DimensionKeys`, as for enrolments; the provider is the request's (`--provider`,
/// the mapping's `[defaults]`), since the register has none.
final class FRDORows: RowPipeline {
    private var validator: FRDOValidator
    private var last: FRDORecord?
    private let dimensions: DimensionKeys

    init(_ context: RowContext) throws {
        validator = FRDOValidator(
            header: context.header, pseudonymizer: try context.requirePseudonymizer(), provider: context.request.provider)
        dimensions = context.dimensions
    }

    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let result = validator.validate(fields, line: line)
        last = result.record
        return result.withoutRecord
    }

    var notices: [RowIssue] { validator.notices }

    /// A row of `load/frdo/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let document = last else { return }
        row.int(line)
        row.int(try dimensions.teacherKey(document.teacherPseudonym))
        row.int(document.academicYear.start)
        row.text(document.documentID)
        row.text(document.status.rawValue)
        row.int(document.issueDate.key)
        row.int(try dimensions.courseKey(CourseMember(
            title: document.courseTitle, programKind: document.programKind?.rawValue, hours: document.hours,
            delivery: document.delivery?.rawValue, focusAreaKey: nil, provider: document.provider,
            funding: document.funding?.rawValue)))
        row.end()
    }
}
