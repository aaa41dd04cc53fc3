import PDContract

/// The fixed vocabulary of the sample city: subjects, positions, providers and the
/// catalogue of further-training programmes. Titles imitate real Russian programmes.
enum Catalogue {
    // MARK: Subjects

    /// A school subject and the genitive used in «учитель математики».
    struct Subject: Sendable {
        let name: String
        /// The subject in the genitive, as in «учитель <ofSubject>».
        let ofSubject: String
        let hasStateExam: Bool
        /// Relative share of teachers of this subject in a general school.
        let weight: Double

        var teacherNominative: String { "учитель " + ofSubject }
        var teacherGenitive: String { "учителя " + ofSubject }
    }

    static let subjects: [Subject] = [
        Subject(name: "русский язык и литература", ofSubject: "русского языка и литературы", hasStateExam: true, weight: 16),
        Subject(name: "математика", ofSubject: "математики", hasStateExam: true, weight: 16),
        Subject(name: "английский язык", ofSubject: "английского языка", hasStateExam: true, weight: 11),
        Subject(name: "немецкий язык", ofSubject: "немецкого языка", hasStateExam: true, weight: 2),
        Subject(name: "история и обществознание", ofSubject: "истории и обществознания", hasStateExam: true, weight: 9),
        Subject(name: "физика", ofSubject: "физики", hasStateExam: true, weight: 5),
        Subject(name: "химия", ofSubject: "химии", hasStateExam: true, weight: 4),
        Subject(name: "биология", ofSubject: "биологии", hasStateExam: true, weight: 5),
        Subject(name: "география", ofSubject: "географии", hasStateExam: true, weight: 4),
        Subject(name: "информатика", ofSubject: "информатики", hasStateExam: true, weight: 5),
        Subject(name: "физическая культура", ofSubject: "физической культуры", hasStateExam: false, weight: 8),
        Subject(name: "труд (технология)", ofSubject: "труда (технологии)", hasStateExam: false, weight: 4),
        Subject(name: "изобразительное искусство", ofSubject: "изобразительного искусства", hasStateExam: false, weight: 3),
        Subject(name: "музыка", ofSubject: "музыки", hasStateExam: false, weight: 3),
        Subject(name: "ОБЗР", ofSubject: "основ безопасности и защиты Родины", hasStateExam: false, weight: 3),
    ]

    static let subjectWeights: [Double] = subjects.map(\.weight)

    static let primarySubject = "начальные классы"

    /// Directions of additional (out-of-school) education.
    static let additionalDirections: [String] = [
        "техническое творчество", "робототехника", "хореография", "вокал", "декоративно-прикладное творчество",
        "туризм и краеведение", "шахматы", "изобразительное искусство", "спортивные секции", "театр",
    ]

    // MARK: Positions

    /// Who a course is meant for.
    enum Audience: Sendable, Equatable {
        case subjectTeacher, primaryTeacher, preschool, additional, leadership, support
    }

    /// A post in a school's staff list.
    struct Position: Sendable {
        let title: String
        let category: StaffCategory
        let audience: Audience
    }

    static let director = Position(title: "директор", category: .leadership, audience: .leadership)
    static let deputyDirector = Position(title: "заместитель директора", category: .leadership, audience: .leadership)
    static let headOfKindergarten = Position(title: "заведующий", category: .leadership, audience: .leadership)
    static let teacher = Position(title: "учитель", category: .teaching, audience: .subjectTeacher)
    static let primaryTeacher = Position(title: "учитель начальных классов", category: .teaching, audience: .primaryTeacher)
    static let additionalTeacher = Position(title: "педагог дополнительного образования", category: .teaching, audience: .additional)
    static let educator = Position(title: "воспитатель", category: .teaching, audience: .preschool)
    static let seniorEducator = Position(title: "старший воспитатель", category: .teaching, audience: .preschool)
    static let musicDirector = Position(title: "музыкальный руководитель", category: .teaching, audience: .preschool)
    static let physicalInstructor = Position(title: "инструктор по физической культуре", category: .teaching, audience: .preschool)
    static let psychologist = Position(title: "педагог-психолог", category: .teaching, audience: .support)
    static let speechTherapist = Position(title: "учитель-логопед", category: .teaching, audience: .support)
    static let socialPedagogue = Position(title: "социальный педагог", category: .teaching, audience: .support)
    static let organiser = Position(title: "педагог-организатор", category: .teaching, audience: .additional)
    static let educationAdviser = Position(title: "советник директора по воспитанию", category: .teaching, audience: .support)
    static let methodologist = Position(title: "методист", category: .teaching, audience: .additional)

    // MARK: Providers

    /// An organisation that runs further-training programmes.
    struct Provider: Sendable {
        let name: String
        let isCommercial: Bool
    }

    static let iro = Provider(name: "ГАУ ДПО «Институт развития образования»", isCommercial: false)
    static let cnppm = Provider(
        name: "Центр непрерывного повышения профессионального мастерства педагогических работников (ЦНППМ)", isCommercial: false)
    static let academy = Provider(name: "ФГАОУ ДПО «Академия Минпросвещения России»", isCommercial: false)
    static let university = Provider(name: "ФГБОУ ВО «Государственный педагогический университет»", isCommercial: false)
    static let methodCentre = Provider(name: "МКУ «Информационно-методический центр»", isCommercial: false)
    static let trainingCentre = Provider(name: "АНО ДПО «Учебный центр «Профессионал»»", isCommercial: true)
    static let onlineCentre = Provider(name: "ООО «Центр дистанционного образования «Развитие»»", isCommercial: true)

    // MARK: Courses

    /// A further-training programme: its title, kind, hours, focus area and who runs it.
    /// Internships (`kind == .internship`) are run by a base school, chosen when enrolling.
    struct Course: Sendable {
        let title: String
        let kind: ProgramKind
        let hours: Int
        let focus: DeficitArea?
        let audiences: [Audience]
        /// For subject-specific programmes, the index into `subjects`.
        let subjectIndex: Int?
        let providers: [Provider]
        let deliveries: [Delivery]
        /// Relative popularity.
        let weight: Double
        /// Only for teachers with at most (or at least) this experience.
        let maximumExperience: Int
        let minimumExperience: Int

        init(_ title: String, _ kind: ProgramKind, hours: Int, focus: DeficitArea?, for audiences: [Audience] = [],
             subjectIndex: Int? = nil, providers: [Provider], deliveries: [Delivery], weight: Double = 1,
             maximumExperience: Int = 99, minimumExperience: Int = 0) {
            self.title = title
            self.kind = kind
            self.hours = hours
            self.focus = focus
            self.audiences = audiences
            self.subjectIndex = subjectIndex
            self.providers = providers
            self.deliveries = deliveries
            self.weight = weight
            self.maximumExperience = maximumExperience
            self.minimumExperience = minimumExperience
        }

        /// Whether the programme is meant for a teacher in `audience` teaching `subjectIndex`.
        func suits(audience: Audience, subjectIndex teacherSubject: Int?) -> Bool {
            if !audiences.isEmpty && !audiences.contains(audience) { return false }
            if let subjectIndex, subjectIndex != teacherSubject { return false }
            return true
        }

        /// Whether a teacher with `experience` years may take it.
        func allows(experience: Int) -> Bool {
            experience <= maximumExperience && experience >= minimumExperience
        }
    }

    static let courses: [Course] = {
        let state = [iro, cnppm, academy]
        let anyTeacher: [Audience] = [.subjectTeacher, .primaryTeacher, .preschool, .additional, .support]
        let schoolTeacher: [Audience] = [.subjectTeacher, .primaryTeacher]
        var list: [Course] = [
            // For every teacher.
            Course("Формирование функциональной грамотности обучающихся", .advancedTraining, hours: 72, focus: .methodological,
                   for: schoolTeacher, providers: [iro, cnppm, academy], deliveries: [.blended, .distance], weight: 4),
            Course("Цифровая образовательная среда: инструменты и сервисы для педагога", .advancedTraining, hours: 36, focus: .digital,
                   for: anyTeacher, providers: [iro, cnppm, onlineCentre], deliveries: [.distance, .blended], weight: 3),
            Course("Использование ФГИС «Моя школа» в образовательной деятельности", .advancedTraining, hours: 36, focus: .digital,
                   for: schoolTeacher, providers: [academy, iro], deliveries: [.distance], weight: 2),
            Course("Искусственный интеллект в образовании: возможности и риски", .advancedTraining, hours: 36, focus: .digital,
                   providers: [university, onlineCentre], deliveries: [.distance], weight: 1),
            Course("Реализация требований обновлённых ФГОС НОО, ФГОС ООО в работе учителя", .advancedTraining, hours: 36,
                   focus: .regulatory, for: schoolTeacher, providers: state, deliveries: [.distance, .blended], weight: 3),
            Course("Федеральные образовательные программы: нормативные основы и содержание", .advancedTraining, hours: 24,
                   focus: .regulatory, for: anyTeacher, providers: [iro, methodCentre], deliveries: [.inPerson, .blended], weight: 2),
            Course("Организация обучения детей с ограниченными возможностями здоровья (ОВЗ) в соответствии с ФГОС",
                   .advancedTraining, hours: 72, focus: .psychological, for: anyTeacher, providers: [iro, university, trainingCentre],
                   deliveries: [.blended, .distance], weight: 2),
            Course("Профилактика деструктивного поведения подростков", .advancedTraining, hours: 36, focus: .psychological,
                   for: [.subjectTeacher, .support], providers: [iro, cnppm], deliveries: [.inPerson, .distance], weight: 1.5),
            Course("Эффективная коммуникация с родителями (законными представителями) обучающихся", .advancedTraining, hours: 24,
                   focus: .communicative, for: anyTeacher, providers: [cnppm, methodCentre, onlineCentre],
                   deliveries: [.inPerson, .distance], weight: 1.5),
            Course("Конфликтология в образовательной организации: медиация и восстановительные практики", .advancedTraining,
                   hours: 36, focus: .communicative, providers: [iro, university], deliveries: [.blended], weight: 1),
            Course("Разговоры о важном: система работы классного руководителя", .advancedTraining, hours: 58, focus: .communicative,
                   for: schoolTeacher, providers: [academy], deliveries: [.distance], weight: 2),
            Course("Школа молодого педагога: методика современного урока", .advancedTraining, hours: 36, focus: .methodological,
                   for: schoolTeacher, providers: [cnppm, methodCentre], deliveries: [.inPerson, .blended], weight: 3,
                   maximumExperience: 3),
            Course("Наставничество в образовательной организации: программы и практики", .advancedTraining, hours: 36,
                   focus: .methodological, for: anyTeacher, providers: [cnppm, iro], deliveries: [.blended, .distance], weight: 1.5,
                   minimumExperience: 10),
            Course("Оказание первой помощи в образовательной организации", .advancedTraining, hours: 16, focus: nil,
                   providers: [trainingCentre], deliveries: [.inPerson], weight: 2),
            Course("Антитеррористическая защищённость образовательной организации", .advancedTraining, hours: 16, focus: .regulatory,
                   for: [.leadership, .support], providers: [trainingCentre, onlineCentre], deliveries: [.distance], weight: 1),
            // Primary school.
            Course("Реализация требований обновлённого ФГОС НОО в работе учителя начальных классов", .advancedTraining, hours: 36,
                   focus: .regulatory, for: [.primaryTeacher], providers: state, deliveries: [.distance, .blended], weight: 3),
            Course("Формирование читательской грамотности младших школьников", .advancedTraining, hours: 72, focus: .subject,
                   for: [.primaryTeacher], providers: [iro, university], deliveries: [.blended], weight: 2),
            Course("Методика обучения математике в начальной школе", .advancedTraining, hours: 72, focus: .subject,
                   for: [.primaryTeacher], providers: [iro, university, onlineCentre], deliveries: [.distance, .blended], weight: 2),
            // Preschool.
            Course("Реализация федеральной образовательной программы дошкольного образования (ФОП ДО)", .advancedTraining,
                   hours: 72, focus: .regulatory, for: [.preschool], providers: [iro, cnppm], deliveries: [.blended, .distance], weight: 3),
            Course("Развитие речи детей дошкольного возраста: современные технологии", .advancedTraining, hours: 36,
                   focus: .methodological, for: [.preschool], providers: [iro, methodCentre, onlineCentre], deliveries: [.distance, .inPerson],
                   weight: 2),
            Course("Инклюзивное образование детей с ОВЗ в дошкольной образовательной организации", .advancedTraining, hours: 72,
                   focus: .psychological, for: [.preschool], providers: [iro, university], deliveries: [.blended], weight: 2),
            Course("Игровые технологии в работе воспитателя", .advancedTraining, hours: 36, focus: .subject, for: [.preschool],
                   providers: [methodCentre, trainingCentre], deliveries: [.inPerson, .distance], weight: 2),
            // Additional education.
            Course("Проектирование дополнительных общеразвивающих программ", .advancedTraining, hours: 72, focus: .methodological,
                   for: [.additional], providers: [iro, cnppm], deliveries: [.blended, .distance], weight: 3),
            Course("Навигатор дополнительного образования: работа в региональной информационной системе", .advancedTraining,
                   hours: 16, focus: .digital, for: [.additional, .leadership], providers: [iro], deliveries: [.distance], weight: 2),
            Course("Современные технологии дополнительного образования: «Точка роста», «Кванториум», IT-куб", .advancedTraining,
                   hours: 72, focus: .subject, for: [.additional], providers: [academy, iro], deliveries: [.blended], weight: 2),
            // Leadership.
            Course("Управление образовательной организацией в условиях обновлённых ФГОС", .advancedTraining, hours: 72,
                   focus: .regulatory, for: [.leadership], providers: [iro, academy], deliveries: [.blended], weight: 3),
            Course("Проект \"Школа Минпросвещения России\": управленческие решения", .advancedTraining, hours: 36,
                   focus: .regulatory, for: [.leadership], providers: [academy], deliveries: [.distance], weight: 2),
            Course("Внутренняя система оценки качества образования", .advancedTraining, hours: 36, focus: .methodological,
                   for: [.leadership], providers: [iro, cnppm], deliveries: [.blended, .inPerson], weight: 2),
            Course("Управление командой: коммуникации, мотивация, профилактика выгорания", .advancedTraining, hours: 36,
                   focus: .communicative, for: [.leadership], providers: [university, trainingCentre], deliveries: [.inPerson], weight: 1.5),
            Course("Цифровая трансформация управления школой", .advancedTraining, hours: 36, focus: .digital,
                   for: [.leadership], providers: [academy, university], deliveries: [.distance], weight: 1.5),
            // Support staff.
            Course("Психолого-педагогическое сопровождение обучающихся в условиях реализации ФГОС", .advancedTraining, hours: 72,
                   focus: .psychological, for: [.support], providers: [iro, university], deliveries: [.blended], weight: 3),
            Course("Кризисная психологическая помощь в образовательной организации", .advancedTraining, hours: 36,
                   focus: .psychological, for: [.support], providers: [university, cnppm], deliveries: [.inPerson], weight: 2),
            // Retraining.
            Course("Менеджмент в образовании", .retraining, hours: 520, focus: .regulatory, for: [.leadership],
                   providers: [university, trainingCentre], deliveries: [.distance, .blended], weight: 0.6, minimumExperience: 5),
            Course("Дошкольное образование: воспитатель дошкольной образовательной организации", .retraining, hours: 288,
                   focus: .subject, for: [.preschool], providers: [university, trainingCentre, onlineCentre],
                   deliveries: [.distance], weight: 0.5),
            Course("Педагогика дополнительного образования детей и взрослых", .retraining, hours: 256, focus: .methodological,
                   for: [.additional], providers: [university, onlineCentre], deliveries: [.distance], weight: 0.5),
            Course("Специальное (дефектологическое) образование: учитель-логопед", .retraining, hours: 520, focus: .psychological,
                   for: [.support, .primaryTeacher], providers: [university], deliveries: [.blended], weight: 0.3),
            Course("Психология образования: педагог-психолог", .retraining, hours: 340, focus: .psychological, for: [.support],
                   providers: [university, trainingCentre], deliveries: [.distance, .blended], weight: 0.3),
            // Internships at base schools (the provider is the base school).
            Course("Стажировка на базе опорной школы: формирование функциональной грамотности", .internship, hours: 24,
                   focus: .methodological, for: schoolTeacher, providers: [], deliveries: [.inPerson], weight: 1),
            Course("Стажировка на базе опорной школы: цифровая образовательная среда", .internship, hours: 16, focus: .digital,
                   for: schoolTeacher, providers: [], deliveries: [.inPerson], weight: 0.8),
            Course("Стажировка на базе опорной школы: наставничество молодых педагогов", .internship, hours: 16,
                   focus: .methodological, for: anyTeacher, providers: [], deliveries: [.inPerson], weight: 0.8),
            Course("Стажировка на базе опорной школы: инклюзивное образование", .internship, hours: 24, focus: .psychological,
                   for: anyTeacher, providers: [], deliveries: [.inPerson], weight: 0.6),
        ]
        let retrainingHours = [252, 300, 340, 520]
        for (index, subject) in subjects.enumerated() {
            list.append(Course("Реализация требований обновлённых ФГОС ООО и ФГОС СОО в работе \(subject.teacherGenitive)",
                               .advancedTraining, hours: 36, focus: .regulatory, for: [.subjectTeacher], subjectIndex: index,
                               providers: state, deliveries: [.distance, .blended], weight: 3))
            list.append(Course("Школа современного \(subject.teacherGenitive)", .advancedTraining, hours: 100, focus: .subject,
                               for: [.subjectTeacher], subjectIndex: index, providers: [academy], deliveries: [.distance], weight: 2))
            list.append(Course("Содержание и методика преподавания предмета «\(subject.name)» в условиях реализации ФООП",
                               .advancedTraining, hours: 72, focus: .subject, for: [.subjectTeacher], subjectIndex: index,
                               providers: [iro, university, onlineCentre], deliveries: [.blended, .distance], weight: 2))
            if subject.hasStateExam {
                list.append(Course("Подготовка обучающихся к ГИА по предмету «\(subject.name)»: содержание и методика",
                                   .advancedTraining, hours: 36, focus: .subject, for: [.subjectTeacher], subjectIndex: index,
                                   providers: [iro, cnppm], deliveries: [.inPerson, .blended], weight: 2))
                list.append(Course("Стажировка на базе опорной школы: подготовка к ГИА по предмету «\(subject.name)»",
                                   .internship, hours: 16, focus: .subject, for: [.subjectTeacher], subjectIndex: index,
                                   providers: [], deliveries: [.inPerson], weight: 0.7))
            }
            // Retraining for a second subject, offered to teachers of the neighbouring subject.
            let other = subjects[(index + 1) % subjects.count]
            list.append(Course("Педагогическое образование: \(other.teacherNominative)", .retraining,
                               hours: retrainingHours[index % retrainingHours.count], focus: .subject, for: [.subjectTeacher],
                               subjectIndex: index, providers: [university, trainingCentre, onlineCentre],
                               deliveries: [.distance, .blended], weight: 0.4))
        }
        return list
    }()
}
