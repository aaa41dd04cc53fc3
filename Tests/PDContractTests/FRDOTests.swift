import Testing
@testable import PDContract

/// ФИС ФРДО uploads (docs/exports.md §5.4): recognised by the «Шаблон ДПО» header, rows read as
/// documents, personal data never in a record and masked in issues.
@Suite("ФИС ФРДО rows")
struct FRDOTests {
    /// The template's 40 columns, as `pdmon sample --frdo` writes them (from a public copy of
    /// the «Шаблон ДПО» upload template).
    static let templateHeader: [String] = [
        "Вид документа", "Статус документа", "Подтверждение утраты", "Подтверждение обмена",
        "Подтверждение уничтожения", "Серия документа", "Номер документа", "Дата выдачи документа",
        "Регистрационный номер",
        "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)",
        "Наименование дополнительной профессиональной программы",
        "Наименование области профессиональной деятельности", "Укрупненные группы специальностей",
        "Наименование квалификации, профессии, специальности", "Уровень образования ВО/СПО",
        "Фамилия указанная в дипломе о ВО или СПО", "Серия документа о ВО/СПО", "Номер документа о ВО/СПО",
        "Год начала обучения (для документа о квалификации)", "Год окончания обучения (для документа о квалификации)",
        "Срок обучения, часов (для документа о квалификации)", "Фамилия получателя", "Имя получателя",
        "Отчество получателя", "Дата рождения получателя", "Пол получателя", "СНИЛС", "Форма обучения",
        "Источник финансирования обучения",
        "Форма получения образования на момент прекращения образовательных отношений",
        "Гражданство получателя (код страны по ОКСМ)", "Наименование документа об образовании (оригинала)",
        "Серия (оригинала)", "Номер (оригинала)", "Регистрационный N (оригинала)", "Дата выдачи (оригинала)",
        "Фамилия получателя (оригинала)", "Имя получателя (оригинала)", "Отчество получателя (оригинала)",
        "Номер документа для изменения",
    ]

    static func column(_ name: String) -> Int { templateHeader.firstIndex(of: name)! }

    /// A row of the template: `values` by header name, the rest empty.
    static func row(_ values: [String: String]) -> [String] {
        templateHeader.map { values[$0] ?? "" }
    }

    static let original: [String: String] = [
        "Вид документа": "Удостоверение о повышении квалификации", "Статус документа": "Оригинал",
        "Номер документа": "ПК-23-000123", "Дата выдачи документа": "14.11.2023", "Регистрационный номер": "23-000001",
        "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)": "Повышение квалификации",
        "Наименование дополнительной профессиональной программы": "Формирование функциональной грамотности",
        "Срок обучения, часов (для документа о квалификации)": "72", "Фамилия получателя": "Иванова",
        "Имя получателя": "Мария", "Отчество получателя": "Петровна", "Дата рождения получателя": "03.04.1985",
        "СНИЛС": "123-456-789 01", "Форма обучения": "Очно-заочная (вечерняя)",
        "Источник финансирования обучения": "Региональный бюджет",
    ]

    static func validator(provider: String? = nil, mapping: ContractMapping = .none) throws -> FRDOValidator {
        FRDOValidator(header: try ExportKind.detect(header: templateHeader, mapping: mapping), pseudonymizer: .demo,
                      provider: provider)
    }

    @Test func theTemplateHeaderIsRecognisedAsFRDOAndNothingElse() throws {
        let map = try ExportKind.detect(header: Self.templateHeader)
        #expect(map.kind == .frdo)
        #expect(map.index(of: .teacherID) == Self.column("СНИЛС"))
        #expect(map.index(of: .documentNumber) == Self.column("Номер документа"))
        #expect(map.index(of: .courseTitle) == Self.column("Наименование дополнительной профессиональной программы"))
        // The other kinds' files are not taken for the register.
        let enrolments = ExportKind.enrolments.fields.map(\.name)
        #expect(try ExportKind.detect(header: enrolments).kind == .enrolments)
        #expect(try ExportKind.detect(header: ExportKind.enrolments.fields.compactMap(\.aliases.first)).kind == .enrolments)
    }

    @Test func anOriginalIsACompletedCourseOfTheIssueDatesYear() throws {
        var validator = try Self.validator(provider: "ИРО")
        let record = try #require(validator.validate(Self.row(Self.original), line: 2).record)
        #expect(record.status == .original)
        #expect(record.issueDate == CivilDate(year: 2023, month: 11, day: 14))
        #expect(record.academicYear == AcademicYear(start: 2023))
        #expect(record.programKind == .advancedTraining)
        #expect(record.hours == 72)
        #expect(record.delivery == .blended)
        #expect(record.funding == .stateAssignment)
        #expect(record.provider == "ИРО")
        #expect(record.teacherPseudonym == Pseudonymizer.demo.pseudonym(forTeacherID: "12345678901"))
        #expect(record.documentID == validator.documentID(ofRegistrationNumber: "23-000001"))
        #expect(record.documentID != record.teacherPseudonym)
    }

    @Test func theProviderComesFromTheOptionElseTheMappingElseNowhere() throws {
        var none = try Self.validator()
        #expect(none.validate(Self.row(Self.original), line: 2).record?.provider == nil)
        let mapping = ContractMapping(defaults: [.provider: "ГАУ ДПО ИРО"])
        var mapped = try Self.validator(mapping: mapping)
        #expect(mapped.validate(Self.row(Self.original), line: 2).record?.provider == "ГАУ ДПО ИРО")
        var both = try Self.validator(provider: "ЦНППМ", mapping: mapping)
        #expect(both.validate(Self.row(Self.original), line: 2).record?.provider == "ЦНППМ")
    }

    @Test func theDocumentKindTellsTheProgrammeWhenItsColumnIsEmpty() throws {
        var validator = try Self.validator()
        var values = Self.original
        values["Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)"] = ""
        values["Вид документа"] = "Диплом о профессиональной переподготовке"
        #expect(validator.validate(Self.row(values), line: 2).record?.programKind == .retraining)
    }

    @Test func aDuplicateIsItsOriginalsDocument() throws {
        var validator = try Self.validator()
        let original = try #require(validator.validate(Self.row(Self.original), line: 2).record)
        var values = Self.original
        values["Статус документа"] = "Дубликат"
        values["Регистрационный номер"] = "24-000077"
        values["Дата выдачи документа"] = "10.02.2025"
        values["Регистрационный N (оригинала)"] = "23-000001"
        values["Дата выдачи (оригинала)"] = "14.11.2023"
        let duplicate = try #require(validator.validate(Self.row(values), line: 3).record)
        #expect(duplicate.status == .duplicate)
        #expect(duplicate.documentID == original.documentID)
        #expect(duplicate.issueDate == original.issueDate)
        #expect(duplicate.academicYear == original.academicYear)

        values["Регистрационный N (оригинала)"] = ""
        values["Дата выдачи (оригинала)"] = ""
        let orphan = validator.validate(Self.row(values), line: 4)
        #expect(orphan.reasons == [.missingRequired, .missingRequired])
        #expect(Set(orphan.issues.map(\.column)) == ["Регистрационный N (оригинала)", "Дата выдачи (оригинала)"])
    }

    @Test func statusesOfTheRegister() throws {
        var validator = try Self.validator()
        for (spelling, status) in [("Аннулирован", DocumentStatus.cancelled), ("утерян", .lost), ("ОРИГИНАЛ", .original)] {
            var values = Self.original
            values["Статус документа"] = spelling
            #expect(validator.validate(Self.row(values), line: 2).record?.status == status, "\(spelling)")
        }
        var values = Self.original
        values["Статус документа"] = "Черновик"
        #expect(validator.validate(Self.row(values), line: 2).reasons == [.unknownValue])
        values["Статус документа"] = ""
        #expect(validator.validate(Self.row(values), line: 2).reasons == [.missingRequired])
    }

    @Test func theSNILSFollowsTheSNILSRulesAndPersonalDataIsMasked() throws {
        var validator = try Self.validator()
        var values = Self.original
        values["СНИЛС"] = "1234567890"
        #expect(validator.validate(Self.row(values), line: 2).record != nil)
        #expect(validator.notices.map(\.reason) == [.snilsLeadingZeroRestored])
        values["СНИЛС"] = "12345"
        values["Дата выдачи документа"] = "31.02.2023"
        let rejected = validator.validate(Self.row(values), line: 3)
        #expect(Set(rejected.reasons) == [.badSNILS, .impossibleDate])
        let snils = try #require(rejected.issues.first { $0.reason == .badSNILS })
        #expect(snils.value == Masking.placeholder)
        // Names and birth dates are masked whatever is reported about them.
        for field in [ContractField.surname, .givenName, .patronymic, .birthDate] {
            #expect(field.isPersonal)
            #expect(RowIssue(line: 1, column: "", field: field, value: "Иванова", reason: .tooLong).value == Masking.placeholder)
        }
    }

    @Test func aRegisterWithoutItsRequiredColumnsIsRefusedNotTakenForAnotherKind() {
        let header = Self.templateHeader.filter { $0 != "Регистрационный номер" }
        #expect(throws: HeaderError.missingRequiredColumns(kind: .frdo, missing: [.registrationNumber])) {
            try ExportKind.detect(header: header)
        }
    }
}
