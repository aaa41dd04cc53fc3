import Foundation
import PDContract
import PDPostgres

/// The kind-specific half of a load: which contract validator reads the rows, how an accepted
/// record becomes a staging row (with its dimension keys), and which SQL files stage, check
/// and merge it.
///
/// A class, not a struct: the loader's row closure captures it, and calling a method on a
/// captured struct copied the whole pipeline (validators, caches, last record) on every row,
/// about a fifth of the loader's CPU time.
final class KindPipeline {
    let kind: ExportKind
    // One of these is set, by kind. Separate optionals (not an enum with payloads) so that
    // validating mutates the validator in place: taking it out of an enum case and putting
    // it back copied its duplicate tracker on every row.
    private var schoolValidator: SchoolValidator?
    private var enrolmentValidator: EnrolmentValidator?
    private var surveyValidator: SurveyValidator?
    private let dimensions: DimensionKeys
    private var lastSchool: SchoolRecord?
    private var lastEnrolment: EnrolmentRecord?
    private var lastSurvey: SurveyRecord?
    /// Enrolments without a status: completed when they ended before this day, else in progress.
    private let today: CivilDate

    init(header: HeaderMap, request: LoadRequest, pseudonymizer: Pseudonymizer?, dimensions: DimensionKeys) throws {
        self.dimensions = dimensions
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        today = CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)!
        let schoolCodes = Set(dimensions.schools.keys)
        let years = YearSources(explicitYear: request.explicitYear, fileName: request.fileName)
        kind = header.kind
        switch header.kind {
        case .schools:
            schoolValidator = SchoolValidator(header: header)
        case .enrolments:
            guard let pseudonymizer else { throw PseudonymKeyError.missing }
            enrolmentValidator = EnrolmentValidator(
                header: header, knownSchools: KnownSchools(schoolCodes), pseudonymizer: pseudonymizer, years: years)
        case .survey:
            guard let pseudonymizer else { throw PseudonymKeyError.missing }
            surveyValidator = SurveyValidator(
                header: header, knownSchools: KnownSchools(schoolCodes), pseudonymizer: pseudonymizer, years: years)
        }
    }

    var stageFile: String { "load/stage_\(kind.rawValue).sql" }
    var mergeFile: String { "load/merge_\(kind.rawValue).sql" }
    /// The merge for staged rows of years that hold no facts yet (nothing to compare with), if
    /// the kind has a cheaper one than `mergeFile`.
    var firstLoadMergeFile: String? { kind == .survey ? "load/merge_survey_new.sql" : nil }

    /// Whether any of the staged rows' academic years already has fact rows.
    func stagedYearsHaveFacts(_ connection: Connection) throws -> Bool {
        try connection.execute(SQL(unsafeText: """
            select exists (
                select 1 from \(factTable) f
                where f.academic_year_key in (select distinct academic_year_key from \(stageTable)))
            """)).rows.first?[0] == "t"
    }

    var checkFile: String? { kind == .schools ? nil : "load/check_\(kind.rawValue).sql" }

    /// The temporary staging table `stageFile` creates.
    var stageTable: String {
        switch kind {
        case .schools: return "stage_school"
        case .enrolments: return "stage_enrolment"
        case .survey: return "stage_teacher_year"
        }
    }

    var factTable: String {
        switch kind {
        case .schools: return "dw.dim_school"
        case .enrolments: return "dw.fact_course_enrolment"
        case .survey: return "dw.fact_teacher_year"
        }
    }

    var copyStatement: SQL {
        switch kind {
        case .schools:
            return "copy stage_school (line_number, school_code, name, school_type, is_base_school, municipality) from stdin"
        case .enrolments:
            return """
                copy stage_enrolment (line_number, teacher_key, academic_year_key, school_key, course_key, course_title,
                    start_date_key, end_date_key, staff_category, position, subject, status, is_requested_by_school,
                    has_certificate) from stdin
                """
        case .survey:
            return """
                copy stage_teacher_year (line_number, teacher_key, academic_year_key, school_key, school_code, position,
                    staff_category, subject, experience_years, qualification_category, has_deficit_diagnostic,
                    has_individual_route, mentoring_role, is_methodological_asset, network_communities,
                    is_subject_club_member, has_interregional, conferences, seminars, webinars, internships,
                    publications, deficit_codes, expert_role_codes) from stdin
                """
        }
    }

    /// Whether this kind can go straight into its fact table when the batch's years hold no
    /// rows yet (a first load): enrolments, whose merge then has nothing to compare against.
    var supportsDirectLoad: Bool { kind == .enrolments }

    /// COPY straight into the fact table (direct load), the batch key on every row.
    var directCopyStatement: SQL {
        """
        copy dw.fact_course_enrolment (teacher_key, academic_year_key, school_key, course_key, start_date_key,
            end_date_key, staff_category, position, subject, status, is_requested_by_school, has_certificate,
            batch_key) from stdin
        """
    }

    /// The set-based key check of a direct load: fact rows of the batch whose keys are missing
    /// from their dimensions. Must be 0.
    var directCheckFile: String { "load/check_\(kind.rawValue)_direct.sql" }

    /// The academic years (start year) that already hold fact rows of this kind.
    func yearsWithFacts(_ connection: Connection) throws -> Set<Int> {
        let rows = try connection.execute(SQL(unsafeText: """
            select y.academic_year_key from dw.dim_academic_year y
            where exists (select 1 from \(factTable) f where f.academic_year_key = y.academic_year_key)
            """)).rows
        return Set(rows.compactMap { $0[0].flatMap { Int($0) } })
    }

    /// The academic year of the last accepted record (enrolments and survey).
    var lastYear: Int? {
        switch kind {
        case .schools: return nil
        case .enrolments: return lastEnrolment?.academicYear.start
        case .survey: return lastSurvey?.academicYear.start
        }
    }

    func factCount(_ connection: Connection) throws -> Int {
        let filter = kind == .schools ? " where is_current" : ""
        return try connection.execute(SQL(unsafeText: "select count(*) from \(factTable)\(filter)")).scalarInt ?? 0
    }

    /// Validates one row; an accepted record is kept for `encode`.
    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let issues: [RowIssue]?
        switch kind {
        case .schools:
            let result = schoolValidator!.validate(fields, line: line)
            lastSchool = result.record
            issues = lastSchool == nil ? result.issues : nil
        case .enrolments:
            let result = enrolmentValidator!.validate(fields, line: line)
            lastEnrolment = result.record
            issues = lastEnrolment == nil ? result.issues : nil
        case .survey:
            let result = surveyValidator!.validate(fields, line: line)
            lastSurvey = result.record
            issues = lastSurvey == nil ? result.issues : nil
        }
        return issues.map { .rejected($0) } ?? .accepted(())
    }

    /// [cases] The validator's notices about accepted rows (a restored SNILS zero), to report.
    var notices: [RowIssue] {
        enrolmentValidator?.notices ?? surveyValidator?.notices ?? []
    }

    /// Writes the last accepted enrolment as a fact row (direct load), resolving its keys.
    func encodeDirect(batchKey: Int, into row: inout CopyRow) throws {
        guard let enrolment = lastEnrolment else { return }
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

    /// Writes the last accepted record as a staging row, resolving its dimension keys.
    func encode(line: Int, into row: inout CopyRow) throws {
        switch kind {
        case .schools:
            guard let school = lastSchool else { return }
            row.int(line)
            row.text(school.schoolCode)
            row.text(school.name)
            row.text(school.schoolType?.rawValue)
            row.bool(school.isBaseSchool)
            row.text(school.municipality)
        case .enrolments:
            guard let enrolment = lastEnrolment else { return }
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
        case .survey:
            guard let census = lastSurvey else { return }
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
        }
        row.end()
    }
}
