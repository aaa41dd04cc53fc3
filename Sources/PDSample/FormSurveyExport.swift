import Foundation
import PDContract

/// The sample city's census as a form service exports it (`pdmon sample --form-survey`): one
/// file per academic year, `form_survey_<start year>.csv` (no academic year in the name, no year
/// column: the loader takes the year from the submission times), and the mapping file
/// `form_survey.mapping.toml` that loads them.
///
/// What makes it a form export, as Яндекс Формы and Google Forms write them (UTF-8, `,`):
/// - a timestamp column first: «Время создания» with `2021-10-14 09:12:45` (Яндекс Формы) in
///   files of even start years, «Отметка времени» with `14.10.2021 09:12:45` (Google Sheets in a
///   Russian locale) in odd ones; rows in the order of submission;
/// - one column per question, headed by the question's full text;
/// - answers spelled as the form's options («Да, проходил(а)», «Член предметной комиссии ГИА
///   (ЕГЭ, ОГЭ)»), multi-select answers joined with `, ` in one cell, options that contain a
///   comma included;
/// - the staff category asked as a question («Педагогический работник»), since a position such as
///   «советник директора по воспитанию» would otherwise be derived as leadership;
/// - some teachers submitted twice: an earlier submission with other answers (no diagnostic,
///   no mentoring, other counts) precedes the one the census holds, so the census is the same as
///   `survey_<year>.csv`'s only when the latest submission wins.
struct FormSurveyExport {
    /// One column of the form: the question's text and the field it answers.
    struct Question {
        let text: String
        let field: ContractField
    }

    /// The questions after the timestamp column, in the form's order.
    static let questions: [Question] = [
        Question(text: "Код вашей образовательной организации", field: .schoolCode),
        Question(text: "Укажите ваш СНИЛС", field: .teacherID),
        Question(text: "Фамилия, имя, отчество", field: .fullName),
        Question(text: "Ваша должность", field: .position),
        Question(text: "К какой категории работников вы относитесь?", field: .staffCategory),
        Question(text: "Какой предмет вы преподаёте?", field: .subject),
        Question(text: "Сколько полных лет вы работаете педагогом?", field: .experienceYears),
        Question(text: "Какая у вас квалификационная категория?", field: .qualificationCategory),
        Question(text: "Проходили ли вы в этом учебном году диагностику профессиональных дефицитов?", field: .deficitDiagnostic),
        Question(text: "Какие профессиональные дефициты у вас выявлены?", field: .deficits),
        Question(text: "Есть ли у вас индивидуальный образовательный маршрут (ИОМ)?", field: .individualRoute),
        Question(text: "Участвуете ли вы в наставничестве?", field: .mentoringRole),
        Question(text: "В какой экспертной деятельности вы участвуете?", field: .expertRoles),
        Question(text: "Входите ли вы в методический актив города?", field: .methodologicalAsset),
        Question(text: "В скольких сетевых педагогических сообществах вы состоите?", field: .networkCommunities),
        Question(text: "Состоите ли вы в предметном клубе?", field: .subjectClub),
        Question(text: "Участвуете ли вы в межрегиональном взаимодействии педагогов?", field: .interregional),
        Question(text: "Сколько раз за учебный год вы выступали на конференциях?", field: .conferences),
        Question(text: "Сколько раз за учебный год вы выступали на семинарах?", field: .seminars),
        Question(text: "Сколько раз за учебный год вы выступали на вебинарах?", field: .webinars),
        Question(text: "Сколько стажировок на базовых площадках вы прошли за учебный год?", field: .internships),
        Question(text: "Сколько у вас публикаций за учебный год?", field: .publications),
    ]

    /// The form's options for the coded questions, as the form writes them.
    static let deficitOptions: [DeficitArea: String] = [
        .subject: "Предметные (знание содержания предмета)",
        .methodological: "Методические (современные образовательные технологии)",
        .psychological: "Психолого-педагогические (работа с детьми с ОВЗ, инклюзия)",
        .digital: "Цифровые (ИКТ)",
        .communicative: "Коммуникативные (работа с родителями и коллегами)",
        .regulatory: "Нормативно-правовые",
    ]
    static let expertOptions: [ExpertRole: String] = [
        .examCommission: "Член предметной комиссии ГИА (ЕГЭ, ОГЭ)",
        .attestation: "Эксперт аттестационной комиссии",
        .competitions: "Член жюри конкурсов, олимпиад",
        .other: "Другое",
    ]
    static let mentoringOptions: [MentoringRole: String] = [
        .mentor: "Да, я наставник",
        .mentee: "Да, у меня есть наставник",
        .none: "Не участвую",
    ]
    static let qualificationOptions: [QualificationCategory: String] = [
        .highest: "Высшая", .first: "Первая", .compliance: "Соответствие занимаемой должности", .none: "Без категории",
    ]
    static let staffCategoryOptions: [StaffCategory: String] = [
        .teaching: "Педагогический работник", .leadership: "Руководящий работник",
    ]
    static let diagnosticYes = "Да, проходил(а)"
    static let diagnosticNo = "Нет, не проходил(а)"
    static let yes = "Да"
    static let no = "Нет"

    /// The name of the mapping file written beside the exports.
    static let mappingFileName = "form_survey.mapping.toml"

    /// `form_survey_2021.csv` for 2021-2022: the name holds no academic year the loader reads.
    static func fileName(_ year: AcademicYear) -> String { "form_survey_\(year.start).csv" }

    /// Share of teachers who submitted the form twice.
    static let resubmissionShare = 0.04

    /// Random stream of the form's own choices (times, resubmissions), apart from the city's streams.
    private static let stream: UInt64 = 0x464F_524D

    /// The mapping file that loads the exports: the question texts as headers, the options as values.
    static var mappingText: String {
        var text = """
            # Сопоставление для выгрузки формы «Мониторинг профессионального развития педагогов»
            # (pdmon sample --form-survey). Учебный год берётся из отметки времени ответа.
            # Mapping for the form-service export of the sample city's census; the academic year
            # comes from each submission's timestamp.

            [headers.survey]

            """
        for question in questions { text += "\(question.field.rawValue) = \(toml(question.text))\n" }
        text += "\n[values.staff_category]\n"
        for category in StaffCategory.allCases { text += "\(category.rawValue) = \(toml(staffCategoryOptions[category]!))\n" }
        text += "\n[values.deficit_diagnostic]\ntrue = \(toml(diagnosticYes))\nfalse = \(toml(diagnosticNo))\n"
        text += "\n[values.deficits]\n"
        for area in DeficitArea.allCases { text += "\(area.rawValue) = \(toml(deficitOptions[area]!))\n" }
        text += "\n[values.mentoring_role]\n"
        for role in MentoringRole.allCases { text += "\(role.rawValue) = \(toml(mentoringOptions[role]!))\n" }
        text += "\n[values.expert_roles]\n"
        for role in ExpertRole.allCases { text += "\(role.rawValue) = \(toml(expertOptions[role]!))\n" }
        return text
    }

    private static func toml(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One submission: when, and the answers in `questions` order.
    struct Submission {
        let time: SubmissionTime
        let order: Int
        let answers: [String]
    }

    let seed: UInt64
    let year: AcademicYear
    private(set) var submissions: [Submission] = []

    init(seed: UInt64, year: AcademicYear) {
        self.seed = seed
        self.year = year
    }

    /// Adds the teacher's submission holding `row` (and, for a few teachers, an earlier one
    /// with other answers).
    mutating func add(_ row: CensusRow, teacher: CityModel.Teacher, post: CityModel.Post, school: CityModel.School) {
        var random = SampleRandom(seed: seed, stream: Self.stream, UInt64(teacher.serial), UInt64(year.start))
        let day = 30 + random.int(in: 0...79)
        let second = 8 * 3600 + random.int(in: 0...(12 * 3600 - 1))
        let time = SubmissionTime(date: year.firstDay.adding(days: day), secondOfDay: second)
        if random.chance(Self.resubmissionShare) {
            var earlier = row
            earlier.diagnostic = false
            earlier.deficits = DeficitSet()
            earlier.mentoring = .none
            earlier.conferences += 2
            earlier.seminars += 1
            let before = SubmissionTime(date: time.date.adding(days: -(1 + random.int(in: 0...19))),
                                        secondOfDay: random.int(in: 0...86_399))
            submissions.append(Submission(time: before, order: submissions.count,
                                          answers: answers(earlier, teacher: teacher, post: post, school: school, random: &random)))
        }
        submissions.append(Submission(time: time, order: submissions.count,
                                      answers: answers(row, teacher: teacher, post: post, school: school, random: &random)))
    }

    private func answers(_ row: CensusRow, teacher: CityModel.Teacher, post: CityModel.Post, school: CityModel.School,
                         random: inout SampleRandom) -> [String] {
        [
            school.code,
            random.chance(0.7) ? SNILS.format(teacher.snils) : SNILS.digitsOnly(teacher.snils),
            teacher.fullName,
            post.position.title,
            Self.staffCategoryOptions[post.position.category]!,
            post.subject,
            String(teacher.experience),
            Self.qualificationOptions[teacher.qualification]!,
            row.diagnostic ? Self.diagnosticYes : Self.diagnosticNo,
            row.deficits.areas.map { Self.deficitOptions[$0]! }.joined(separator: ", "),
            row.individualRoute ? Self.yes : Self.no,
            Self.mentoringOptions[row.mentoring]!,
            row.expertRoles.map { Self.expertOptions[$0]! }.joined(separator: ", "),
            row.methodologicalAsset ? Self.yes : Self.no,
            String(row.networkCommunities),
            row.subjectClub ? Self.yes : Self.no,
            row.interregional ? Self.yes : Self.no,
            String(row.conferences),
            String(row.seminars),
            String(row.webinars),
            String(row.internships),
            String(row.publications),
        ]
    }

    /// Writes the year's file into `directory`, submissions in the order of their times.
    func write(to directory: String) throws(SampleError) -> SampleFileSummary {
        let yandex = year.start % 2 == 0
        let output = try SampleFileOutput(directory: directory, fileName: Self.fileName(year), messy: false,
                                          textColumns: Array(repeating: true, count: Self.questions.count + 1))
        try output.writeHeader([yandex ? "Время создания" : "Отметка времени"] + Self.questions.map(\.text))
        for submission in submissions.sorted(by: { ($0.time, $0.order) < ($1.time, $1.order) }) {
            let stamp = yandex ? submission.time.iso : Self.sheetsRussian(submission.time)
            try output.writeRow([stamp] + submission.answers)
        }
        try output.finish()
        return SampleFileSummary(fileName: Self.fileName(year), kind: .survey, academicYear: year, rows: output.rows,
                                 badRows: [], bytes: output.bytesWritten)
    }

    /// `14.10.2021 09:12:45`, as Google Sheets writes «Отметка времени» in a Russian locale.
    static func sheetsRussian(_ time: SubmissionTime) -> String {
        time.date.russian + " " + time.iso.split(separator: " ")[1]
    }

    /// Writes the mapping file into `directory`.
    static func writeMapping(to directory: String) throws(SampleError) {
        let path = directory + "/" + mappingFileName
        do {
            try mappingText.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .outputFailed(path: path, reason: "\(error)")
        }
    }
}
