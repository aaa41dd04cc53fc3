import PDContract

extension ExportLoad {
    /// The yearly census: staged, then it replaces the census of each (year, school) it lists,
    /// leaving identical rows alone; years without a census yet get a plain insert.
    static let survey = ExportLoad(
        kind: .survey,
        rows: { context in try SurveyRows(context) },
        staging: Staging(
            create: "load/survey/stage.sql", copy: "load/survey/copy_stage.sql",
            analyze: "load/survey/analyze_stage.sql",
            settle: Settle(file: "load/survey/settle_stage.sql", superseded: "load/survey/superseded.sql")),
        checkStaged: "load/survey/check_stage.sql",
        merge: Merge(
            file: "load/survey/merge.sql",
            firstLoad: FirstLoadMerge(
                stagedYearsHaveFacts: "load/survey/staged_years_have_facts.sql",
                file: "load/survey/merge_first_load.sql")),
        direct: nil,
        counts: FactCounts(all: "load/survey/count_facts.sql", ofBatch: "load/survey/count_batch_facts.sql"),
        // A census gives the ФИС ФРДО enrolments of its teachers their school.
        derivations: ["load/derived/register_enrolments.sql"])
}

/// The rows of one census file (see `RowPipeline`): deficits and expert roles travel as arrays
/// of codes and become bridge rows in the merge.
final class SurveyRows: RowPipeline {
    private var validator: SurveyValidator
    private var last: SurveyRecord?
    private let dimensions: DimensionKeys

    init(_ context: RowContext) throws {
        validator = SurveyValidator(
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

    /// A row of `load/survey/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let census = last else { return }
        row.int(line)
        row.int(try dimensions.teacherKey(census.teacherPseudonym))
        row.int(census.academicYear.start)
        row.int(dimensions.schools[census.schoolCode])
        row.text(census.schoolCode)
        row.text(census.position)
        row.text(census.staffCategory.rawValue)
        row.text(census.subject)
        row.int(census.experienceYears)
        row.text(census.qualificationCategory.rawValue)
        row.bool(census.deficitDiagnostic)
        row.bool(census.individualRoute)
        row.text(census.mentoringRole.rawValue)
        row.bool(census.methodologicalAsset)
        row.int(census.networkCommunities)
        row.bool(census.subjectClub)
        row.bool(census.interregional)
        row.int(census.conferences)
        row.int(census.seminars)
        row.int(census.webinars)
        row.int(census.internships)
        row.int(census.publications)
        // Sorted, so the merge can tell an unchanged census row by comparing arrays.
        row.codes(census.deficits.map(\.rawValue).sorted())
        row.codes(census.expertRoles.map(\.rawValue).sorted())
        row.text(census.submittedAt?.iso)
        row.end()
    }
}
