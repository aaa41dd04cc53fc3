/// One valid row of a schools directory, normalised.
public struct SchoolRecord: Hashable, Sendable {
    /// 1-based line of the row in its file.
    public let line: Int
    /// Trimmed, runs of whitespace folded; case kept (codes are compared exactly).
    public let schoolCode: String
    public let name: String
    /// `nil` when the file leaves it empty.
    public let schoolType: SchoolType?
    public let isBaseSchool: Bool
    /// From the file, else from the mapping's `[defaults]`, else `nil`.
    public let municipality: String?
}

/// One valid row of an enrolment export (one teacher on one course), normalised.
/// Holds the teacher's pseudonym only: no identifier, no name.
public struct EnrolmentRecord: Hashable, Sendable {
    public let line: Int
    /// Resolved by the year chain (column, `--year`, file name, dates).
    public let academicYear: AcademicYear
    public let schoolCode: String
    /// HMAC-SHA256 (hex) of the normalised teacher identifier.
    public let teacherPseudonym: String
    public let position: String?
    public let staffCategory: StaffCategory
    public let subject: String?
    public let courseTitle: String
    public let programKind: ProgramKind?
    public let hours: Int?
    public let delivery: Delivery?
    public let focusArea: DeficitArea?
    public let provider: String?
    public let funding: Funding?
    public let requestedBySchool: Bool
    public let startDate: CivilDate
    public let endDate: CivilDate
    public let status: EnrolmentStatus?
    public let certificateNo: String?
}

/// One valid row of the yearly monitoring census (one teacher in one year), normalised.
/// Holds the teacher's pseudonym only: no identifier, no name.
public struct SurveyRecord: Hashable, Sendable {
    public let line: Int
    public let academicYear: AcademicYear
    /// When a form service recorded the submission; nil for a census without a timestamp column.
    public let submittedAt: SubmissionTime?
    public let schoolCode: String
    public let teacherPseudonym: String
    public let position: String?
    public let staffCategory: StaffCategory
    public let subject: String?
    public let experienceYears: Int
    public let qualificationCategory: QualificationCategory
    public let deficitDiagnostic: Bool
    /// Distinct, in the order the file lists them.
    public let deficits: [DeficitArea]
    public let individualRoute: Bool
    public let mentoringRole: MentoringRole
    /// Distinct, in the order the file lists them.
    public let expertRoles: [ExpertRole]
    public let methodologicalAsset: Bool
    public let networkCommunities: Int
    public let subjectClub: Bool
    public let interregional: Bool
    public let conferences: Int
    public let seminars: Int
    public let webinars: Int
    public let internships: Int
    public let publications: Int

    /// The largest experience of a young teacher.
    public static let youngTeacherMaximumExperience = 3

    /// A young teacher has at most three years of experience.
    public var isYoungTeacher: Bool { experienceYears <= Self.youngTeacherMaximumExperience }
}

/// The outcome of validating one row: a record, or every problem found with the row.
public enum RowResult<Record: Sendable>: Sendable {
    case accepted(Record)
    case rejected([RowIssue])

    /// The record, when accepted.
    public var record: Record? {
        if case let .accepted(record) = self { return record }
        return nil
    }

    /// The issues, empty when accepted.
    public var issues: [RowIssue] {
        if case let .rejected(issues) = self { return issues }
        return []
    }
}
