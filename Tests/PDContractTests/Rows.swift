@testable import PDContract

/// Builds data rows for a header from field → value pairs (absent fields are empty cells).
struct Rows {
    let header: [String]

    init(_ fields: [ContractField]) { header = fields.map(\.rawValue) }

    func row(_ values: [ContractField: String]) -> [String] {
        header.map { values[ContractField(rawValue: $0)!] ?? "" }
    }
}

extension RowResult {
    var reasons: [RejectReason] { issues.map(\.reason) }
}

enum Fixtures {
    static var schools: KnownSchools { KnownSchools(["S01", "S02"]) }

    static let enrolmentRows = Rows(ExportKind.enrolments.fields.map(\.field))
    /// Every survey column but the form service's timestamp (a census export has none).
    static let surveyRows = Rows(ExportKind.survey.fields.map(\.field).filter { $0 != .submittedAt })

    static func enrolmentValidator(years: YearSources = YearSources()) throws -> EnrolmentValidator {
        let map = try HeaderMap(kind: .enrolments, header: enrolmentRows.header)
        return EnrolmentValidator(header: map, knownSchools: schools, pseudonymizer: .demo, years: years)
    }

    static func surveyValidator(years: YearSources = YearSources()) throws -> SurveyValidator {
        let map = try HeaderMap(kind: .survey, header: surveyRows.header)
        return SurveyValidator(header: map, knownSchools: schools, pseudonymizer: .demo, years: years)
    }

    static let goodEnrolment: [ContractField: String] = [
        .schoolCode: "S01", .teacherID: "123-456-789 01", .fullName: "Иванова Мария Петровна",
        .position: "учитель математики", .subject: "математика", .courseTitle: "Формирование функциональной грамотности",
        .programKind: "КПК", .hours: "72", .delivery: "ДОТ", .focusArea: "методические", .provider: "ИРО",
        .funding: "бюджет", .startDate: "02.09.2022", .endDate: "30.09.2022", .status: "завершил",
        .certificateNo: "УД-123",
    ]

    static let goodSurvey: [ContractField: String] = [
        .academicYear: "2022/23", .schoolCode: "S02", .teacherID: "12345678901", .fullName: "Петров Пётр",
        .position: "Директор", .experienceYears: "25", .qualificationCategory: "высшая", .deficitDiagnostic: "да",
        .deficits: "методические; ИКТ", .individualRoute: "+", .mentoringRole: "наставник",
        .expertRoles: "ЕГЭ, жюри|ОГЭ", .methodologicalAsset: "х", .networkCommunities: "2", .subjectClub: "нет",
        .interregional: "", .conferences: "1", .seminars: "", .webinars: "3", .internships: "0", .publications: "1 000",
    ]
}
