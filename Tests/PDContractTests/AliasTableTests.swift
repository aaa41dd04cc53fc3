import Foundation
import Testing
@testable import PDContract

/// Every spelling the contract lists, written out here independently of the source tables,
/// checked in its own case, upper case and with stray whitespace.
@Suite("Alias tables")
struct AliasTableTests {
    static let codes: [(ContractField, String, String)] = [
        (.schoolType, "общеобразовательная", "general"), (.schoolType, "дошкольная", "preschool"),
        (.schoolType, "дополнительного образования", "additional"), (.schoolType, "иная", "other"),
        (.staffCategory, "педагогический", "teaching"), (.staffCategory, "руководящий", "leadership"),
        (.programKind, "повышение квалификации", "advanced_training"), (.programKind, "КПК", "advanced_training"),
        (.programKind, "ПК", "advanced_training"), (.programKind, "профессиональная переподготовка", "retraining"),
        (.programKind, "переподготовка", "retraining"), (.programKind, "ПП", "retraining"),
        (.programKind, "стажировка", "internship"),
        (.delivery, "очная", "in_person"), (.delivery, "очно", "in_person"), (.delivery, "дистанционная", "distance"),
        (.delivery, "дистанционно", "distance"), (.delivery, "ДОТ", "distance"), (.delivery, "очно-заочная", "blended"),
        (.delivery, "смешанная", "blended"),
        (.funding, "госзадание", "state_assignment"), (.funding, "бюджет", "state_assignment"),
        (.funding, "внебюджет", "paid"), (.funding, "платно", "paid"), (.funding, "иное", "other"),
        (.status, "завершено", "completed"), (.status, "завершил", "completed"), (.status, "окончил", "completed"),
        (.status, "обучается", "in_progress"), (.status, "отчислен", "dropped"), (.status, "не завершил", "dropped"),
        (.status, "не приступил", "not_started"),
        (.qualificationCategory, "высшая", "highest"), (.qualificationCategory, "первая", "first"),
        (.qualificationCategory, "соответствие", "compliance"),
        (.qualificationCategory, "соответствие занимаемой должности", "compliance"),
        (.qualificationCategory, "СЗД", "compliance"), (.qualificationCategory, "без категории", "none"),
        (.mentoringRole, "наставник", "mentor"), (.mentoringRole, "наставляемый", "mentee"), (.mentoringRole, "нет", "none"),
        (.deficits, "предметные", "subject"), (.deficits, "методические", "methodological"),
        (.deficits, "психолого-педагогические", "psychological"), (.deficits, "цифровые", "digital"),
        (.deficits, "ИКТ", "digital"), (.deficits, "коммуникативные", "communicative"),
        (.deficits, "нормативно-правовые", "regulatory"),
        (.focusArea, "предметные", "subject"), (.focusArea, "ИКТ", "digital"),
        (.expertRoles, "предметная комиссия", "exam_commission"), (.expertRoles, "ГИА", "exam_commission"),
        (.expertRoles, "ЕГЭ", "exam_commission"), (.expertRoles, "ОГЭ", "exam_commission"),
        (.expertRoles, "аттестация", "attestation"), (.expertRoles, "жюри", "competitions"),
        (.expertRoles, "конкурсы", "competitions"), (.expertRoles, "олимпиады", "competitions"),
        (.expertRoles, "другое", "other"),
        (.documentKind, "Удостоверение о повышении квалификации", "certificate"), (.documentKind, "удостоверение", "certificate"),
        (.documentKind, "Диплом о профессиональной переподготовке", "diploma"), (.documentKind, "диплом", "diploma"),
        (.documentStatus, "Оригинал", "original"), (.documentStatus, "Дубликат", "duplicate"),
        (.documentStatus, "Аннулирован", "cancelled"), (.documentStatus, "аннулирован документ", "cancelled"),
        (.documentStatus, "недействителен", "cancelled"), (.documentStatus, "Утерян", "lost"), (.documentStatus, "утрачен", "lost"),
        (.studyForm, "Очная", "in_person"), (.studyForm, "Очно-заочная (вечерняя)", "blended"),
        (.studyForm, "Очно-заочная", "blended"), (.studyForm, "Заочная", "distance"),
        (.fundingSource, "Федеральный бюджет", "state_assignment"), (.fundingSource, "Региональный бюджет", "state_assignment"),
        (.fundingSource, "Местный бюджет", "state_assignment"), (.fundingSource, "Бюджетное обучение", "state_assignment"),
        (.fundingSource, "Платное обучение", "paid"),
    ]

    static let flags: [(String, String)] = [
        ("да", "true"), ("д", "true"), ("yes", "true"), ("y", "true"), ("true", "true"), ("1", "true"),
        ("+", "true"), ("x", "true"), ("х", "true"), ("есть", "true"),
        ("нет", "false"), ("н", "false"), ("no", "false"), ("n", "false"), ("false", "false"), ("0", "false"),
        ("-", "false"),
    ]

    static func variants(_ spelling: String) -> [String] {
        [spelling, spelling.uppercased(), spelling.lowercased(), "  \(spelling)\u{00A0}", spelling.replacingOccurrences(of: " ", with: "  ")]
    }

    @Test("every coded value spelling maps to its code, in any case")
    func codedValues() {
        for (field, spelling, code) in Self.codes {
            let table = Vocabulary.builtInValues(of: field)
            for variant in Self.variants(spelling) {
                #expect(table[TextFold.fold(variant)] == code, "\(field.rawValue): \(variant)")
            }
            // The canonical code itself is accepted too.
            #expect(table[TextFold.fold(code)] == code)
        }
    }

    @Test("the built-in tables hold nothing the contract does not list")
    func noExtraSpellings() {
        for field in [ContractField.schoolType, .staffCategory, .programKind, .delivery, .funding, .status,
                      .qualificationCategory, .mentoringRole, .deficits, .expertRoles, .documentKind, .documentStatus,
                      .studyForm, .fundingSource] {
            let listed = Set(Self.codes.filter { $0.0 == field }.map { TextFold.fold($0.1) })
                .union(field.codes ?? [])
            #expect(Set(Vocabulary.builtInValues(of: field).keys) == listed, "\(field.rawValue)")
        }
        let flagSpellings = Set(Self.flags.map { TextFold.fold($0.0) })
        #expect(Set(Vocabulary.builtInValues(of: .isBaseSchool).keys) == flagSpellings)
    }

    @Test("every flag spelling, including Latin x and Cyrillic х")
    func flagValues() {
        let table = FlagTable(field: .subjectClub, emptyMeans: false, mapping: .none)
        for (spelling, value) in Self.flags {
            for variant in Self.variants(spelling) {
                #expect(table.lookup[TextFold.fold(variant)] == (value == "true"), "\(variant)")
            }
        }
        #expect(table.lookup["может быть"] == nil)
    }

    @Test("typed code tables agree with the string tables")
    func typedTables() {
        let delivery = CodeTable<Delivery>(field: .delivery, mapping: .none)
        #expect(delivery.code(forFolded: "дот") == .distance)
        #expect(delivery.code(forFolded: "in_person") == .inPerson)
        let kinds = CodeTable<ProgramKind>(field: .programKind, mapping: .none)
        #expect(kinds.code(forFolded: TextFold.fold("Кпк")) == .advancedTraining)
        #expect(kinds.code(forFolded: "заочная") == nil)
    }

    static let headers: [(ExportKind, String, ContractField)] = [
        (.schools, "код ОО", .schoolCode), (.schools, "код организации", .schoolCode),
        (.schools, "наименование", .name), (.schools, "наименование ОО", .name), (.schools, "тип ОО", .schoolType),
        (.schools, "опорная школа", .isBaseSchool), (.schools, "муниципалитет", .municipality),
        (.enrolments, "учебный год", .academicYear), (.enrolments, "код ОО", .schoolCode),
        (.enrolments, "идентификатор педагога", .teacherID), (.enrolments, "СНИЛС", .teacherID),
        (.enrolments, "табельный номер", .teacherID), (.enrolments, "ФИО", .fullName),
        (.enrolments, "должность", .position), (.enrolments, "категория работника", .staffCategory),
        (.enrolments, "предмет", .subject), (.enrolments, "наименование программы", .courseTitle),
        (.enrolments, "вид программы", .programKind), (.enrolments, "объём часов", .hours),
        (.enrolments, "объём, часов", .hours), (.enrolments, "количество часов", .hours),
        (.enrolments, "объем часов", .hours), (.enrolments, "форма обучения", .delivery),
        (.enrolments, "направленность", .focusArea), (.enrolments, "образовательная организация", .provider),
        (.enrolments, "организация ДПО", .provider), (.enrolments, "источник финансирования", .funding),
        (.enrolments, "по заявке ОО", .requestedBySchool), (.enrolments, "дата начала", .startDate),
        (.enrolments, "дата окончания", .endDate), (.enrolments, "статус", .status),
        (.enrolments, "номер удостоверения", .certificateNo),
        (.survey, "учебный год", .academicYear), (.survey, "код ОО", .schoolCode),
        (.survey, "отметка времени", .submittedAt), (.survey, "время создания", .submittedAt),
        (.survey, "время отправки", .submittedAt), (.survey, "Timestamp", .submittedAt),
        (.survey, "идентификатор педагога", .teacherID), (.survey, "СНИЛС", .teacherID),
        (.survey, "табельный номер", .teacherID), (.survey, "ФИО", .fullName), (.survey, "должность", .position),
        (.survey, "категория работника", .staffCategory), (.survey, "предмет", .subject),
        (.survey, "педагогический стаж", .experienceYears), (.survey, "стаж", .experienceYears),
        (.survey, "квалификационная категория", .qualificationCategory),
        (.survey, "диагностика профессиональных дефицитов", .deficitDiagnostic),
        (.survey, "выявленные дефициты", .deficits), (.survey, "ИОМ", .individualRoute),
        (.survey, "индивидуальный образовательный маршрут", .individualRoute), (.survey, "наставничество", .mentoringRole),
        (.survey, "экспертная деятельность", .expertRoles), (.survey, "методический актив", .methodologicalAsset),
        (.survey, "сетевые сообщества", .networkCommunities), (.survey, "предметный клуб", .subjectClub),
        (.survey, "межрегиональное взаимодействие", .interregional), (.survey, "конференции", .conferences),
        (.survey, "семинары", .seminars), (.survey, "вебинары", .webinars), (.survey, "стажировки", .internships),
        (.survey, "публикации", .publications),
        (.frdo, "Вид документа", .documentKind), (.frdo, "Статус документа", .documentStatus),
        (.frdo, "Номер документа", .documentNumber), (.frdo, "Дата выдачи документа", .issueDate),
        (.frdo, "Дата выдачи", .issueDate), (.frdo, "Регистрационный номер", .registrationNumber),
        (.frdo, "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)", .programKind),
        (.frdo, "Дополнительная профессиональная программа (повышение квалификации/профессиональная переподготовка)", .programKind),
        (.frdo, "Дополнительная профессиональная программа", .programKind),
        (.frdo, "Наименование дополнительной профессиональной программы", .courseTitle),
        (.frdo, "Год начала обучения (для документа о квалификации)", .studyStartYear),
        (.frdo, "Год начала обучения", .studyStartYear),
        (.frdo, "Год окончания обучения (для документа о квалификации)", .studyEndYear),
        (.frdo, "Год окончания обучения", .studyEndYear),
        (.frdo, "Срок обучения, часов (для документа о квалификации)", .hours), (.frdo, "Срок обучения, часов", .hours),
        (.frdo, "Фамилия получателя", .surname), (.frdo, "Имя получателя", .givenName),
        (.frdo, "Отчество получателя", .patronymic), (.frdo, "Отчество получателя (при наличии)", .patronymic),
        (.frdo, "Дата рождения получателя", .birthDate), (.frdo, "СНИЛС", .teacherID),
        (.frdo, "Форма обучения", .studyForm), (.frdo, "Источник финансирования обучения", .fundingSource),
        (.frdo, "Регистрационный N (оригинала)", .originalRegistrationNumber),
        (.frdo, "Регистрационный № (оригинала)", .originalRegistrationNumber),
        (.frdo, "Дата выдачи (оригинала)", .originalIssueDate),
        (.requests, "учебный год", .academicYear), (.requests, "код ОО", .schoolCode),
        (.requests, "идентификатор педагога", .teacherID), (.requests, "СНИЛС", .teacherID),
        (.requests, "табельный номер", .teacherID), (.requests, "количество педагогов", .teachersRequested),
        (.requests, "число педагогов", .teachersRequested), (.requests, "заявлено педагогов", .teachersRequested),
        (.requests, "предмет", .subject), (.requests, "направленность", .focusArea),
        (.requests, "наименование программы", .courseTitle), (.requests, "объём часов", .hours),
        (.requests, "объём, часов", .hours), (.requests, "количество часов", .hours),
        (.measures, "учебный год", .academicYear), (.measures, "уровень", .level), (.measures, "город или код ОО", .level),
        (.measures, "код ОО", .level), (.measures, "код правила", .ruleCode), (.measures, "правило", .ruleCode),
        (.measures, "рекомендация", .ruleCode), (.measures, "показатель", .indicator), (.measures, "код показателя", .indicator),
        (.measures, "мера", .measureText), (.measures, "содержание меры", .measureText),
        (.measures, "принятая мера", .measureText), (.measures, "управленческое решение", .measureText),
        (.measures, "дата решения", .measureDate), (.measures, "дата принятия меры", .measureDate), (.measures, "дата", .measureDate),
        (.measures, "ответственный", .responsibleRole), (.measures, "ответственный (роль)", .responsibleRole),
        (.targets, "показатель", .indicator), (.targets, "код показателя", .indicator),
        (.targets, "учебный год", .academicYear), (.targets, "уровень", .level), (.targets, "город или код ОО", .level),
        (.targets, "целевое значение", .targetValue), (.targets, "цель", .targetValue),
        (.targets, "документ", .sourceDocument), (.targets, "документ-основание", .sourceDocument),
        (.targets, "дата документа", .sourceDate),
    ]

    @Test("every header alias and every canonical name maps to its field, in any case")
    func headerAliases() {
        for (kind, alias, field) in Self.headers {
            let table = Vocabulary.builtInHeaders(of: kind)
            for variant in Self.variants(alias) {
                #expect(table[TextFold.fold(variant)] == field, "\(kind): \(variant)")
            }
        }
        for kind in ExportKind.allCases {
            let table = Vocabulary.builtInHeaders(of: kind)
            for definition in kind.fields {
                #expect(table[definition.name] == definition.field)
                #expect(table[TextFold.fold(definition.name.uppercased())] == definition.field)
            }
            let listed = Set(Self.headers.filter { $0.0 == kind }.map { TextFold.fold($0.1) })
                .union(kind.fields.map(\.name))
            #expect(Set(table.keys) == listed, "\(kind): no header alias beyond the contract's")
        }
    }

    @Test("required columns per kind")
    func requiredColumns() {
        #expect(ExportKind.schools.requiredFields == [.schoolCode, .name])
        #expect(ExportKind.enrolments.requiredFields == [.schoolCode, .teacherID, .courseTitle, .startDate, .endDate])
        #expect(ExportKind.survey.requiredFields == [.schoolCode, .teacherID, .experienceYears])
        #expect(ExportKind.frdo.requiredFields == [.documentStatus, .issueDate, .registrationNumber, .courseTitle, .teacherID])
        #expect(ExportKind.requests.requiredFields == [.schoolCode, .teachersRequested])
        #expect(ExportKind.measures.requiredFields == [.level, .measureText, .measureDate])
    }

    @Test("staff category derived from the position")
    func derivedCategory() {
        #expect(StaffCategory.derived(fromFoldedPosition: TextFold.fold("Директор")) == .leadership)
        #expect(StaffCategory.derived(fromFoldedPosition: TextFold.fold("Заместитель директора по УВР")) == .leadership)
        #expect(StaffCategory.derived(fromFoldedPosition: TextFold.fold("ЗАВЕДУЮЩАЯ")) == .leadership)
        #expect(StaffCategory.derived(fromFoldedPosition: TextFold.fold("Заведующий")) == .leadership)
        #expect(StaffCategory.derived(fromFoldedPosition: TextFold.fold("учитель")) == .teaching)
        #expect(StaffCategory.derived(fromFoldedPosition: nil) == .teaching)
    }
}
