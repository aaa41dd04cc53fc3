import PDContract

extension ExportLoad {
    /// Course enrolments: a first load of their years goes straight into the fact table; other
    /// files are staged and upserted on the natural key (academic year, teacher, course title,
    /// start date).
    static let enrolments = ExportLoad(
        kind: .enrolments,
        rows: { context in try EnrolmentRows(context) },
        staging: Staging(
            create: "load/enrolments/stage.sql", copy: "load/enrolments/copy_stage.sql",
            analyze: "load/enrolments/analyze_stage.sql"),
        checkStaged: "load/enrolments/check_stage.sql",
        merge: Merge(file: "load/enrolments/merge.sql", firstLoad: nil),
        direct: DirectLoad(
            yearsWithFacts: "load/enrolments/years_with_facts.sql", copy: "load/enrolments/copy_facts.sql",
            check: "load/enrolments/check_facts.sql", rows: { context in try EnrolmentRows(context) }),
        counts: FactCounts(
            all: "load/enrolments/count_facts.sql", ofBatch: "load/enrolments/count_batch_facts.sql"),
        derivations: ["load/derived/register_enrolments.sql"])
}

/// The rows of one enrolment file (see `RowPipeline`): teachers and courses are keyed in the
/// client from `DimensionKeys`, new ones getting keys from their sequences.
final class EnrolmentRows: FactRowPipeline {
    private var validator: EnrolmentValidator
    private var last: EnrolmentRecord?
    private let dimensions: DimensionKeys
    private let today: CivilDate

    init(_ context: RowContext) throws {
        validator = EnrolmentValidator(
            header: context.header, knownSchools: context.knownSchools,
            pseudonymizer: try context.requirePseudonymizer(), years: context.years)
        dimensions = context.dimensions
        today = context.today
    }

    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let result = validator.validate(fields, line: line)
        last = result.record
        return result.withoutRecord
    }

    var notices: [RowIssue] { validator.notices }

    var lastAcademicYear: Int? { last?.academicYear.start }

    /// A row of `load/enrolments/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let enrolment = last else { return }
        let course = courseMember(enrolment)
        let status = status(of: enrolment)
        row.int(line)
        row.int(try dimensions.teacherKey(enrolment.teacherPseudonym))
        row.int(enrolment.academicYear.start)
        row.int(dimensions.schools[enrolment.schoolCode])
        row.int(try dimensions.courseKey(course))
        row.text(enrolment.courseTitle)
        row.int(enrolment.startDate.key)
        row.int(enrolment.endDate.key)
        row.text(enrolment.staffCategory.rawValue)
        row.text(enrolment.position)
        row.text(enrolment.subject)
        row.text(status.rawValue)
        row.bool(enrolment.requestedBySchool)
        row.bool(enrolment.certificateNo != nil)
        row.end()
    }

    /// A row of `load/enrolments/copy_facts.sql` (the direct path).
    func encodeFact(batchKey: Int, into row: inout CopyRow) throws {
        guard let enrolment = last else { return }
        row.int(try dimensions.teacherKey(enrolment.teacherPseudonym))
        row.int(enrolment.academicYear.start)
        row.int(dimensions.schools[enrolment.schoolCode])
        row.int(try dimensions.courseKey(courseMember(enrolment)))
        row.int(enrolment.startDate.key)
        row.int(enrolment.endDate.key)
        row.text(enrolment.staffCategory.rawValue)
        row.text(enrolment.position)
        row.text(enrolment.subject)
        row.text(status(of: enrolment).rawValue)
        row.bool(enrolment.requestedBySchool)
        row.bool(enrolment.certificateNo != nil)
        row.int(batchKey)
        row.end()
    }

    private func courseMember(_ enrolment: EnrolmentRecord) -> CourseMember {
        CourseMember(
            title: enrolment.courseTitle, programKind: enrolment.programKind?.rawValue, hours: enrolment.hours,
            delivery: enrolment.delivery?.rawValue,
            focusAreaKey: enrolment.focusArea.flatMap { dimensions.deficitAreas[$0.rawValue] },
            provider: enrolment.provider, funding: enrolment.funding?.rawValue)
    }

    private func status(of enrolment: EnrolmentRecord) -> EnrolmentStatus {
        enrolment.status ?? (enrolment.endDate < today ? .completed : .inProgress)
    }
}
