/// Every column the contract knows, by its canonical English name (the raw value).
/// Fields shared by several kinds (school_code, teacher_id, …) have one case.
public enum ContractField: String, CaseIterable, Hashable, Sendable, Codable {
    // schools
    case schoolCode = "school_code"
    case name
    case schoolType = "school_type"
    case isBaseSchool = "is_base_school"
    case municipality
    // enrolments and survey
    case academicYear = "academic_year"
    case teacherID = "teacher_id"
    case fullName = "full_name"
    case position
    case staffCategory = "staff_category"
    case subject
    // enrolments
    case courseTitle = "course_title"
    case programKind = "program_kind"
    case hours
    case delivery
    case focusArea = "focus_area"
    case provider
    case funding
    case requestedBySchool = "requested_by_school"
    case startDate = "start_date"
    case endDate = "end_date"
    case status
    case certificateNo = "certificate_no"
    // survey
    /// When a form service recorded the submission (a form-service survey's timestamp column).
    case submittedAt = "submitted_at"
    case experienceYears = "experience_years"
    case qualificationCategory = "qualification_category"
    case deficitDiagnostic = "deficit_diagnostic"
    case deficits
    case individualRoute = "individual_route"
    case mentoringRole = "mentoring_role"
    case expertRoles = "expert_roles"
    case methodologicalAsset = "methodological_asset"
    case networkCommunities = "network_communities"
    case subjectClub = "subject_club"
    case interregional
    case conferences, seminars, webinars, internships, publications
    // frdo (ФИС ФРДО, «Шаблон ДПО»)
    case documentKind = "document_kind"
    case documentStatus = "document_status"
    case documentNumber = "document_number"
    case issueDate = "issue_date"
    case registrationNumber = "registration_number"
    case studyStartYear = "study_start_year"
    case studyEndYear = "study_end_year"
    case surname
    case givenName = "given_name"
    case patronymic
    case birthDate = "birth_date"
    case originalRegistrationNumber = "original_registration_number"
    case originalIssueDate = "original_issue_date"
    case studyForm = "study_form"
    case fundingSource = "funding_source"
    // requests
    /// How many teachers a request row asks for (1, or empty, for a named teacher).
    case teachersRequested = "teachers_requested"
    // measures
    /// An indicator id of the catalogue (`pd_coverage_3y`).
    case indicator
    /// The city (`город`, `city`, empty) or a school code.
    case level
    /// A recommendation rule's code (`R03`): with the year and the level, the recommendation answered.
    case ruleCode = "rule_code"
    case measureText = "measure_text"
    case measureDate = "measure_date"
    /// A role (заместитель директора по УВР), never a person's name.
    case responsibleRole = "responsible_role"

    /// True for personal data: values of these fields are masked in reject reports.
    public var isPersonal: Bool {
        switch self {
        case .teacherID, .fullName, .surname, .givenName, .patronymic, .birthDate: return true
        default: return false
        }
    }

    /// The canonical codes a coded or list field accepts (its raw values), or `nil` for
    /// fields that are not coded. Flags accept `true` and `false`.
    public var codes: [String]? {
        switch self {
        case .schoolType: return SchoolType.allCases.map(\.rawValue)
        case .staffCategory: return StaffCategory.allCases.map(\.rawValue)
        case .programKind: return ProgramKind.allCases.map(\.rawValue)
        case .delivery: return Delivery.allCases.map(\.rawValue)
        case .funding: return Funding.allCases.map(\.rawValue)
        case .status: return EnrolmentStatus.allCases.map(\.rawValue)
        case .qualificationCategory: return QualificationCategory.allCases.map(\.rawValue)
        case .mentoringRole: return MentoringRole.allCases.map(\.rawValue)
        case .focusArea, .deficits: return DeficitArea.allCases.map(\.rawValue)
        case .expertRoles: return ExpertRole.allCases.map(\.rawValue)
        case .documentKind: return DocumentKind.allCases.map(\.rawValue)
        case .documentStatus: return DocumentStatus.allCases.map(\.rawValue)
        case .studyForm: return StudyForm.allCases.map(\.rawValue)
        case .fundingSource: return FundingSource.allCases.map(\.rawValue)
        case .isBaseSchool, .requestedBySchool, .deficitDiagnostic, .individualRoute,
             .methodologicalAsset, .subjectClub, .interregional:
            return ["true", "false"]
        default: return nil
        }
    }
}

/// What a field's values look like.
public enum FieldValueType: Hashable, Sendable {
    /// Free text, stored trimmed with runs of whitespace folded.
    case text
    /// A teacher identifier: normalised and replaced by its pseudonym.
    case personalIdentifier
    /// A person's name: read, never stored, always masked.
    case personalName
    /// A yes/no flag; `emptyMeans` is the value of an empty cell.
    case flag(emptyMeans: Bool)
    /// A calendar date.
    case date
    /// An academic year such as `2021-2022`.
    case academicYear
    /// A form service's submission time (`SubmissionTime`).
    case timestamp
    /// A whole number within `range`; `emptyIsZero` says whether an empty cell counts as 0.
    case integer(range: ClosedRange<Int>, emptyIsZero: Bool)
    /// One code from the field's alias table.
    case code
    /// A list of codes separated by `,`, `;` or `|`.
    case codeList
}

/// One column of one kind of export: canonical name, Russian header aliases, whether the
/// column must be present (and its value non-empty), and its value type.
public struct FieldDefinition: Hashable, Sendable {
    public let field: ContractField
    /// The header names it answers to besides the canonical name, exactly as the contract lists them.
    public let aliases: [String]
    public let isRequired: Bool
    public let valueType: FieldValueType

    public init(_ field: ContractField, aliases: [String], required: Bool = false, _ valueType: FieldValueType) {
        self.field = field
        self.aliases = aliases
        self.isRequired = required
        self.valueType = valueType
    }

    /// The canonical name, e.g. `school_code`.
    public var name: String { field.rawValue }
}

/// The upper bound of the open-ended counts (`network_communities`, `conferences`, …): the
/// largest value a PostgreSQL `integer` holds.
public let maximumCount = Int(Int32.max)

extension ExportKind {
    /// The columns of this kind, in the order docs/exports.md lists them.
    public var fields: [FieldDefinition] {
        switch self {
        case .schools: return ContractTables.schoolFields
        case .enrolments: return ContractTables.enrolmentFields
        case .survey: return ContractTables.surveyFields
        case .frdo: return ContractTables.frdoFields
        case .requests: return ContractTables.requestFields
        case .measures: return ContractTables.measureFields
        }
    }

    /// The definition of `field` in this kind, or `nil` when the kind has no such column.
    public func definition(of field: ContractField) -> FieldDefinition? {
        fields.first { $0.field == field }
    }

    /// The fields whose column must be present in the header.
    public var requiredFields: [ContractField] {
        fields.filter(\.isRequired).map(\.field)
    }
}

/// The built-in field tables. Kept in one place so that docs/exports.md can be checked against them.
enum ContractTables {
    static let schoolFields: [FieldDefinition] = [
        FieldDefinition(.schoolCode, aliases: ["код ОО", "код организации"], required: true, .text),
        FieldDefinition(.name, aliases: ["наименование", "наименование ОО"], required: true, .text),
        FieldDefinition(.schoolType, aliases: ["тип ОО"], .code),
        FieldDefinition(.isBaseSchool, aliases: ["опорная школа"], .flag(emptyMeans: false)),
        FieldDefinition(.municipality, aliases: ["муниципалитет"], .text),
    ]

    /// Columns shared by enrolments and survey, in contract order.
    private static let academicYear = FieldDefinition(.academicYear, aliases: ["учебный год"], .academicYear)
    private static let personColumns: [FieldDefinition] = [
        FieldDefinition(.schoolCode, aliases: ["код ОО"], required: true, .text),
        FieldDefinition(.teacherID, aliases: ["идентификатор педагога", "СНИЛС", "табельный номер"],
                        required: true, .personalIdentifier),
        FieldDefinition(.fullName, aliases: ["ФИО"], .personalName),
        FieldDefinition(.position, aliases: ["должность"], .text),
        FieldDefinition(.staffCategory, aliases: ["категория работника"], .code),
        FieldDefinition(.subject, aliases: ["предмет"], .text),
    ]

    static let enrolmentFields: [FieldDefinition] = [academicYear] + personColumns + [
        FieldDefinition(.courseTitle, aliases: ["наименование программы"], required: true, .text),
        FieldDefinition(.programKind, aliases: ["вид программы"], .code),
        FieldDefinition(.hours, aliases: ["объём часов", "объём, часов", "количество часов"],
                        .integer(range: 1...2000, emptyIsZero: false)),
        FieldDefinition(.delivery, aliases: ["форма обучения"], .code),
        FieldDefinition(.focusArea, aliases: ["направленность"], .code),
        FieldDefinition(.provider, aliases: ["образовательная организация", "организация ДПО"], .text),
        FieldDefinition(.funding, aliases: ["источник финансирования"], .code),
        FieldDefinition(.requestedBySchool, aliases: ["по заявке ОО"], .flag(emptyMeans: true)),
        FieldDefinition(.startDate, aliases: ["дата начала"], required: true, .date),
        FieldDefinition(.endDate, aliases: ["дата окончания"], required: true, .date),
        FieldDefinition(.status, aliases: ["статус"], .code),
        FieldDefinition(.certificateNo, aliases: ["номер удостоверения"], .text),
    ]

    private static func count(_ field: ContractField, _ alias: String) -> FieldDefinition {
        FieldDefinition(field, aliases: [alias], .integer(range: 0...maximumCount, emptyIsZero: true))
    }

    /// The timestamp column a form service puts first: «Отметка времени» (Google Forms in
    /// Russian), «Время создания» (Яндекс Формы), «Timestamp» (Google Forms in English).
    static let submittedAt = FieldDefinition(
        .submittedAt, aliases: ["отметка времени", "время создания", "время отправки", "Timestamp"], .timestamp)

    static let surveyFields: [FieldDefinition] = [academicYear, submittedAt] + personColumns + [
        FieldDefinition(.experienceYears, aliases: ["педагогический стаж", "стаж"], required: true,
                        .integer(range: 0...60, emptyIsZero: false)),
        FieldDefinition(.qualificationCategory, aliases: ["квалификационная категория"], .code),
        FieldDefinition(.deficitDiagnostic, aliases: ["диагностика профессиональных дефицитов"], .flag(emptyMeans: false)),
        FieldDefinition(.deficits, aliases: ["выявленные дефициты"], .codeList),
        FieldDefinition(.individualRoute, aliases: ["ИОМ", "индивидуальный образовательный маршрут"], .flag(emptyMeans: false)),
        FieldDefinition(.mentoringRole, aliases: ["наставничество"], .code),
        FieldDefinition(.expertRoles, aliases: ["экспертная деятельность"], .codeList),
        FieldDefinition(.methodologicalAsset, aliases: ["методический актив"], .flag(emptyMeans: false)),
        count(.networkCommunities, "сетевые сообщества"),
        FieldDefinition(.subjectClub, aliases: ["предметный клуб"], .flag(emptyMeans: false)),
        FieldDefinition(.interregional, aliases: ["межрегиональное взаимодействие"], .flag(emptyMeans: false)),
        count(.conferences, "конференции"),
        count(.seminars, "семинары"),
        count(.webinars, "вебинары"),
        count(.internships, "стажировки"),
        count(.publications, "публикации"),
    ]

    /// ФИС ФРДО, the «Шаблон ДПО» upload (sheet «Шаблон», 40 columns from «Вид документа» to
    /// «Номер документа для изменения»): the columns that matter, by the template's own headers.
    /// The other columns (series, education level, gender, citizenship, …) are ignored. There is
    /// no school column (the school comes from the census) and no provider column (`provider`
    /// comes from `--provider` or the mapping's `[defaults]`); the academic year is the one of
    /// the issue date. Surname, given name, patronymic and birth date are personal data: read,
    /// never stored, masked in reports.
    static let frdoFields: [FieldDefinition] = [
        FieldDefinition(.documentKind, aliases: ["Вид документа"], .code),
        FieldDefinition(.documentStatus, aliases: ["Статус документа"], required: true, .code),
        FieldDefinition(.documentNumber, aliases: ["Номер документа"], .text),
        FieldDefinition(.issueDate, aliases: ["Дата выдачи документа", "Дата выдачи"], required: true, .date),
        FieldDefinition(.registrationNumber, aliases: ["Регистрационный номер"], required: true, .text),
        FieldDefinition(.programKind, aliases: [
            "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)",
            "Дополнительная профессиональная программа (повышение квалификации/профессиональная переподготовка)",
            "Дополнительная профессиональная программа",
        ], .code),
        FieldDefinition(.courseTitle, aliases: ["Наименование дополнительной профессиональной программы"],
                        required: true, .text),
        FieldDefinition(.studyStartYear, aliases: ["Год начала обучения (для документа о квалификации)", "Год начала обучения"],
                        .integer(range: 1900...2100, emptyIsZero: false)),
        FieldDefinition(.studyEndYear, aliases: ["Год окончания обучения (для документа о квалификации)", "Год окончания обучения"],
                        .integer(range: 1900...2100, emptyIsZero: false)),
        FieldDefinition(.hours, aliases: ["Срок обучения, часов (для документа о квалификации)", "Срок обучения, часов"],
                        .integer(range: 1...2000, emptyIsZero: false)),
        FieldDefinition(.surname, aliases: ["Фамилия получателя"], .personalName),
        FieldDefinition(.givenName, aliases: ["Имя получателя"], .personalName),
        FieldDefinition(.patronymic, aliases: ["Отчество получателя", "Отчество получателя (при наличии)"], .personalName),
        FieldDefinition(.birthDate, aliases: ["Дата рождения получателя"], .personalName),
        FieldDefinition(.teacherID, aliases: ["СНИЛС"], required: true, .personalIdentifier),
        FieldDefinition(.studyForm, aliases: ["Форма обучения"], .code),
        FieldDefinition(.fundingSource, aliases: ["Источник финансирования обучения"], .code),
        FieldDefinition(.provider, aliases: [], .text),
        FieldDefinition(.originalRegistrationNumber, aliases: ["Регистрационный N (оригинала)", "Регистрационный № (оригинала)"], .text),
        FieldDefinition(.originalIssueDate, aliases: ["Дата выдачи (оригинала)"], .date),
    ]

    /// A school's request for the year's courses («заявка ОО», issue 13 §2): one row per named
    /// teacher, or per counted group of a subject and focus area, each for a course or a focus
    /// area. `teachers_requested` is the column that tells it from an enrolment export.
    static let requestFields: [FieldDefinition] = [
        FieldDefinition(.academicYear, aliases: ["учебный год"], .academicYear),
        FieldDefinition(.schoolCode, aliases: ["код ОО"], required: true, .text),
        FieldDefinition(.teacherID, aliases: ["идентификатор педагога", "СНИЛС", "табельный номер"], .personalIdentifier),
        FieldDefinition(.teachersRequested, aliases: ["количество педагогов", "число педагогов", "заявлено педагогов"],
                        required: true, .integer(range: 1...10_000, emptyIsZero: false)),
        FieldDefinition(.subject, aliases: ["предмет"], .text),
        FieldDefinition(.focusArea, aliases: ["направленность"], .code),
        FieldDefinition(.courseTitle, aliases: ["наименование программы"], .text),
        FieldDefinition(.hours, aliases: ["объём часов", "объём, часов", "количество часов"],
                        .integer(range: 1...2000, emptyIsZero: false)),
    ]

    /// Measures taken on recommendations (issue 13 §3): one row per measure of the city or a
    /// school, answering a rule's recommendation of the year or aimed at an indicator.
    static let measureFields: [FieldDefinition] = [
        FieldDefinition(.academicYear, aliases: ["учебный год"], .academicYear),
        FieldDefinition(.level, aliases: ["уровень", "город или код ОО", "код ОО"], required: true, .text),
        FieldDefinition(.ruleCode, aliases: ["код правила", "правило", "рекомендация"], .text),
        FieldDefinition(.indicator, aliases: ["показатель", "код показателя"], .text),
        FieldDefinition(.measureText, aliases: ["мера", "содержание меры", "принятая мера", "управленческое решение"],
                        required: true, .text),
        FieldDefinition(.measureDate, aliases: ["дата решения", "дата принятия меры", "дата"], required: true, .date),
        FieldDefinition(.responsibleRole, aliases: ["ответственный", "ответственный (роль)"], .text),
    ]
}
