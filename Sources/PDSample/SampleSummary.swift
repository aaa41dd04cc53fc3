import PDContract

/// A kind of deliberately bad row that messy files contain, so the loader's reject path is exercised.
/// Each bad row is an extra row: a damaged copy of a real row of the same file.
public enum BadRowKind: String, CaseIterable, Sendable {
    /// The school code is not in the directory (`999999`).
    case unknownSchoolCode = "unknown_school_code"
    /// The start date is 31 February.
    case impossibleDate = "impossible_date"
    /// The end date is before the start date.
    case endBeforeStart = "end_before_start"
    /// The status is not in the contract's alias table.
    case unknownStatus = "unknown_status"
    /// An exact copy of the previous row.
    case duplicateRow = "duplicate_row"
    /// A census row for a teacher who already has one this year, from another school.
    case teacherListedTwice = "teacher_listed_twice"

    /// The kinds injected into files of `kind`, in the order they are used.
    public static func kinds(for kind: SampleFileKind) -> [BadRowKind] {
        switch kind {
        case .schools: []
        case .enrolments: [.impossibleDate, .unknownSchoolCode, .endBeforeStart, .unknownStatus, .duplicateRow]
        case .survey: [.teacherListedTwice, .unknownSchoolCode]
        case .frdo, .requests, .measures: []
        }
    }
}

/// How many bad rows of one kind a file holds.
public struct BadRowCount: Sendable, Equatable {
    public let kind: BadRowKind
    public let count: Int
}

/// What was written to one file.
public struct SampleFileSummary: Sendable, Equatable {
    public let fileName: String
    public let kind: SampleFileKind
    /// The academic year of an enrolment or survey file; nil for the directory.
    public let academicYear: AcademicYear?
    /// Data rows written, header excluded, bad rows included.
    public let rows: Int
    /// Bad rows injected, by kind, in `BadRowKind` order (only kinds with a count above zero).
    public let badRows: [BadRowCount]
    public let bytes: Int

    /// Total of `badRows`.
    public var badRowTotal: Int { badRows.reduce(0) { $0 + $1.count } }

    /// One bilingual line for the command's output, e.g.
    /// `survey_2021-2022.csv: 612 строк / rows, ошибочных / bad: 2 (teacher_listed_twice 1, unknown_school_code 1)`.
    public var summaryLine: String {
        var line = "\(fileName): \(rows) строк / rows"
        if !badRows.isEmpty {
            let detail = badRows.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
            line += ", из них ошибочных / bad rows: \(badRowTotal) (\(detail))"
        }
        return line
    }
}

/// Everything `SampleCity.write(to:)` produced, in the order the files were written.
public struct SampleSummary: Sendable, Equatable {
    public let directory: String
    public let files: [SampleFileSummary]

    /// The summary of the file called `fileName`, if it was written.
    public func file(named fileName: String) -> SampleFileSummary? {
        files.first { $0.fileName == fileName }
    }
}
