import PDContract

/// A typed cell of a sample file: written as text to CSV, as a typed cell to a workbook
/// (`SampleWorkbookOutput`).
public enum SampleCell: Sendable, Equatable {
    case empty
    /// Text, kept as text in a workbook (codes, ids and СНИЛС with their zeros and dashes).
    case text(String)
    /// A whole number (hours, years), a number cell in a workbook.
    case integer(Int)
    /// A date, a date cell in a workbook; `dd.mm.yyyy` in CSV, as the register's template writes it.
    case date(CivilDate)

    /// The cell as CSV text.
    public var csvText: String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .date(let date): return date.russian
        }
    }
}

/// The ФИС ФРДО upload of a sample city: the completed courses of its enrolment exports as rows
/// of the register's «Шаблон ДПО» (sheet «Шаблон», the 40 columns from «Вид документа» to
/// «Номер документа для изменения»; docs/exports.md §5.4). Every document is an original;
/// its issue date is the course's end date. Names, birth dates and СНИЛС are the sample's
/// fictional ones.
public enum FRDORegister {
    /// The sheet the register's template holds its data on.
    public static let sheetName = "Шаблон"

    /// The 40 columns of the «Шаблон ДПО» template, in its order.
    public static let header: [String] = [
        "Вид документа",
        "Статус документа",
        "Подтверждение утраты",
        "Подтверждение обмена",
        "Подтверждение уничтожения",
        "Серия документа",
        "Номер документа",
        "Дата выдачи документа",
        "Регистрационный номер",
        "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)",
        "Наименование дополнительной профессиональной программы",
        "Наименование области профессиональной деятельности",
        "Укрупненные группы специальностей",
        "Наименование квалификации, профессии, специальности",
        "Уровень образования ВО/СПО",
        "Фамилия указанная в дипломе о ВО или СПО",
        "Серия документа о ВО/СПО",
        "Номер документа о ВО/СПО",
        "Год начала обучения (для документа о квалификации)",
        "Год окончания обучения (для документа о квалификации)",
        "Срок обучения, часов (для документа о квалификации)",
        "Фамилия получателя",
        "Имя получателя",
        "Отчество получателя",
        "Дата рождения получателя",
        "Пол получателя",
        "СНИЛС",
        "Форма обучения",
        "Источник финансирования обучения",
        "Форма получения образования на момент прекращения образовательных отношений",
        "Гражданство получателя (код страны по ОКСМ)",
        "Наименование документа об образовании (оригинала)",
        "Серия (оригинала)",
        "Номер (оригинала)",
        "Регистрационный N (оригинала)",
        "Дата выдачи (оригинала)",
        "Фамилия получателя (оригинала)",
        "Имя получателя (оригинала)",
        "Отчество получателя (оригинала)",
        "Номер документа для изменения",
    ]

    /// The register's spelling of a course's form of study.
    static func form(_ delivery: Delivery) -> String {
        switch delivery {
        case .inPerson: return "Очная"
        case .blended: return "Очно-заочная (вечерняя)"
        case .distance: return "Заочная"
        }
    }

    /// The register's spelling of who paid.
    static func source(_ funding: Funding) -> String {
        switch funding {
        case .stateAssignment: return "Региональный бюджет"
        case .paid: return "Платное обучение"
        case .other: return "Местный бюджет"
        }
    }

    /// The row of one completed enrolment; `registration` is its registration number.
    static func row(_ enrolment: Enrolment, teacher: CityModel.Teacher, registration: String) -> [SampleCell] {
        let isRetraining = enrolment.course.kind == .retraining
        let names = teacher.fullName.split(separator: " ").map(String.init)
        let surname = names.first ?? "", given = names.count > 1 ? names[1] : "", patronymic = names.count > 2 ? names[2] : ""
        let female = patronymic.hasSuffix("на")
        // A fictional birth date, fixed by the teacher's serial number.
        let born = CivilDate(year: 1960 + teacher.serial % 35, month: 1 + teacher.serial % 12, day: 1 + teacher.serial % 28)!
        var cells: [SampleCell] = [
            .text(isRetraining ? "Диплом о профессиональной переподготовке" : "Удостоверение о повышении квалификации"),
            .text("Оригинал"), .text("Нет"), .text("Нет"), .text("Нет"),
            .empty,
            .text(enrolment.certificate),
            .date(enrolment.end),
            .text(registration),
            .text(isRetraining ? "Профессиональная переподготовка" : "Повышение квалификации"),
            .text(enrolment.course.title),
            .empty, .empty, .empty,
            .text("Высшее образование"),
            .empty, .empty, .empty,
            .integer(enrolment.start.year),
            .integer(enrolment.end.year),
            .integer(enrolment.course.hours),
            .text(surname), .text(given), .text(patronymic),
            .date(born),
            .text(female ? "Жен" : "Муж"),
            .text(SNILS.format(teacher.snils)),
            .text(form(enrolment.delivery)),
            .text(source(enrolment.funding)),
            .text("в образовательной организации"),
            .text("643"),
        ]
        cells += Array(repeating: SampleCell.empty, count: header.count - cells.count)
        return cells
    }
}
