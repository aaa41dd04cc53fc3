/// The kinds of file the generator writes (the same three kinds the loader reads).
public enum SampleFileKind: String, CaseIterable, Sendable {
    case schools, enrolments, survey
    /// The ФИС ФРДО upload of a year's completed courses (`FRDORegister`).
    case frdo
    /// The schools' course requests of a year («заявка ОО», `--requests`).
    case requests
    /// The measures taken on the year's recommendations (`--measures`).
    case measures
}

/// One column of a sample file: its canonical English header (clean files), the Russian
/// alias from the data contract used in messy files, and whether it holds text
/// (text is quoted in messy files; numbers and dates are not).
public struct SampleColumn: Sendable, Equatable {
    public let canonical: String
    public let russian: String
    public let isText: Bool

    init(_ canonical: String, _ russian: String, text: Bool = true) {
        self.canonical = canonical
        self.russian = russian
        self.isText = text
    }
}

/// The exact header rows the generator writes.
public enum SampleHeaders {
    public static let schools: [SampleColumn] = [
        SampleColumn("school_code", "Код ОО"),
        SampleColumn("name", "Наименование ОО"),
        SampleColumn("school_type", "Тип ОО"),
        SampleColumn("is_base_school", "Опорная школа"),
        SampleColumn("municipality", "Муниципалитет"),
    ]

    public static let enrolments: [SampleColumn] = [
        SampleColumn("academic_year", "Учебный год"),
        SampleColumn("school_code", "Код ОО"),
        SampleColumn("teacher_id", "СНИЛС"),
        SampleColumn("full_name", "ФИО"),
        SampleColumn("position", "Должность"),
        SampleColumn("staff_category", "Категория работника"),
        SampleColumn("subject", "Предмет"),
        SampleColumn("course_title", "Наименование программы"),
        SampleColumn("program_kind", "Вид программы"),
        SampleColumn("hours", "Объём, часов", text: false),
        SampleColumn("delivery", "Форма обучения"),
        SampleColumn("focus_area", "Направленность"),
        SampleColumn("provider", "Образовательная организация"),
        SampleColumn("funding", "Источник финансирования"),
        SampleColumn("requested_by_school", "По заявке ОО"),
        SampleColumn("start_date", "Дата начала", text: false),
        SampleColumn("end_date", "Дата окончания", text: false),
        SampleColumn("status", "Статус"),
        SampleColumn("certificate_no", "Номер удостоверения"),
    ]

    public static let survey: [SampleColumn] = [
        SampleColumn("academic_year", "Учебный год"),
        SampleColumn("school_code", "Код ОО"),
        SampleColumn("teacher_id", "Идентификатор педагога"),
        SampleColumn("full_name", "ФИО"),
        SampleColumn("position", "Должность"),
        SampleColumn("staff_category", "Категория работника"),
        SampleColumn("subject", "Предмет"),
        SampleColumn("experience_years", "Педагогический стаж", text: false),
        SampleColumn("qualification_category", "Квалификационная категория"),
        SampleColumn("deficit_diagnostic", "Диагностика профессиональных дефицитов"),
        SampleColumn("deficits", "Выявленные дефициты"),
        SampleColumn("individual_route", "ИОМ"),
        SampleColumn("mentoring_role", "Наставничество"),
        SampleColumn("expert_roles", "Экспертная деятельность"),
        SampleColumn("methodological_asset", "Методический актив"),
        SampleColumn("network_communities", "Сетевые сообщества", text: false),
        SampleColumn("subject_club", "Предметный клуб"),
        SampleColumn("interregional", "Межрегиональное взаимодействие"),
        SampleColumn("conferences", "Конференции", text: false),
        SampleColumn("seminars", "Семинары", text: false),
        SampleColumn("webinars", "Вебинары", text: false),
        SampleColumn("internships", "Стажировки", text: false),
        SampleColumn("publications", "Публикации", text: false),
    ]

    public static let requests: [SampleColumn] = [
        SampleColumn("academic_year", "Учебный год"),
        SampleColumn("school_code", "Код ОО"),
        SampleColumn("teacher_id", "СНИЛС"),
        SampleColumn("teachers_requested", "Количество педагогов", text: false),
        SampleColumn("subject", "Предмет"),
        SampleColumn("focus_area", "Направленность"),
        SampleColumn("course_title", "Наименование программы"),
        SampleColumn("hours", "Объём, часов", text: false),
    ]

    public static let measures: [SampleColumn] = [
        SampleColumn("academic_year", "Учебный год"),
        SampleColumn("level", "Уровень"),
        SampleColumn("rule_code", "Код правила"),
        SampleColumn("indicator", "Показатель"),
        SampleColumn("measure_text", "Содержание меры"),
        SampleColumn("measure_date", "Дата решения", text: false),
        SampleColumn("responsible_role", "Ответственный"),
    ]

    /// The columns of a file of `kind`.
    public static func columns(for kind: SampleFileKind) -> [SampleColumn] {
        switch kind {
        case .schools: schools
        case .enrolments: enrolments
        case .survey: survey
        case .frdo: FRDORegister.header.map { SampleColumn($0, $0) }
        case .requests: requests
        case .measures: measures
        }
    }

    /// The header row written for `kind`: canonical names in clean files, Russian ones in messy files.
    public static func header(for kind: SampleFileKind, messy: Bool) -> [String] {
        columns(for: kind).map { messy ? $0.russian : $0.canonical }
    }
}
