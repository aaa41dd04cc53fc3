import Testing
@testable import PDContract

@Suite("Header mapping and kind detection")
struct HeaderTests {
    static let russianEnrolments = [
        "Учебный год", "Код ОО", "СНИЛС", "ФИО", "Должность", "Категория работника", "Предмет",
        "Наименование программы", "Вид программы", "Объём, часов", "Форма обучения", "Направленность",
        "Организация ДПО", "Источник финансирования", "По заявке ОО", "Дата начала", "Дата окончания",
        "Статус", "Номер удостоверения",
    ]
    static let russianSurvey = [
        "Учебный год", "Код ОО", "Табельный номер", "ФИО", "Должность", "Категория работника", "Предмет",
        "Педагогический стаж", "Квалификационная категория", "Диагностика профессиональных дефицитов",
        "Выявленные дефициты", "ИОМ", "Наставничество", "Экспертная деятельность", "Методический актив",
        "Сетевые сообщества", "Предметный клуб", "Межрегиональное взаимодействие", "Конференции", "Семинары",
        "Вебинары", "Стажировки", "Публикации",
    ]
    static let russianSchools = ["Код организации", "Наименование ОО", "Тип ОО", "Опорная школа", "Муниципалитет"]

    @Test("each kind is detected from Russian headers and from canonical names")
    func detectsEachKind() throws {
        #expect(try ExportKind.detect(header: Self.russianEnrolments).kind == .enrolments)
        #expect(try ExportKind.detect(header: Self.russianSurvey).kind == .survey)
        #expect(try ExportKind.detect(header: Self.russianSchools).kind == .schools)
        for kind in ExportKind.allCases {
            #expect(try ExportKind.detect(header: kind.fields.map(\.name)).kind == kind)
        }
    }

    @Test("columns are located; unknown and duplicate columns are reported, not fatal")
    func columnsAndUnknowns() throws {
        let header = ["  КОД  ОО ", "ИДЕНТИФИКАТОР ПЕДАГОГА", "Табельный номер", "Комментарий", "Стаж", ""]
        let map = try HeaderMap(kind: .survey, header: header)
        #expect(map.index(of: .schoolCode) == 0)
        #expect(map.index(of: .teacherID) == 1)
        #expect(map.index(of: .experienceYears) == 4)
        #expect(map.index(of: .deficits) == nil)
        #expect(map.columnName(of: .schoolCode) == "КОД ОО")
        #expect(map.columnName(of: .deficits) == "deficits")
        #expect(map.unknownColumns.map(\.name) == ["Комментарий", ""])
        #expect(map.unknownColumns.map(\.index) == [3, 5])
        #expect(map.duplicateColumns.map(\.index) == [2])
        #expect(map.duplicateColumns.first?.field == .teacherID)
        #expect(map.columnCount == 6)
    }

    @Test("an enrolment file missing a required column is refused, not loaded as a survey")
    func missingRequiredColumn() {
        let header = Self.russianEnrolments.filter { $0 != "Дата окончания" }
        #expect(throws: HeaderError.missingRequiredColumns(kind: .enrolments, missing: [.endDate])) {
            try ExportKind.detect(header: header)
        }
        let survey = Self.russianSurvey.filter { $0 != "Педагогический стаж" && $0 != "Код ОО" }
        #expect(throws: HeaderError.missingRequiredColumns(kind: .survey, missing: [.schoolCode, .experienceYears])) {
            try ExportKind.detect(header: survey)
        }
    }

    @Test("the refusal names the missing columns in Russian and English")
    func missingColumnMessage() {
        let error = HeaderError.missingRequiredColumns(kind: .enrolments, missing: [.startDate, .endDate])
        #expect(error.description.contains("«дата начала» (start_date)"))
        #expect(error.description.contains("«дата окончания» (end_date)"))
        #expect(error.description.contains("lacks the required columns: start_date, end_date"))
    }

    @Test("a header of unknown columns or an empty header is refused")
    func unrecognised() {
        #expect(throws: HeaderError.unrecognised(columns: ["a", "b"])) { try ExportKind.detect(header: ["a", "b"]) }
        #expect(throws: HeaderError.emptyHeader) { try ExportKind.detect(header: ["", " "]) }
        #expect(throws: HeaderError.emptyHeader) { try HeaderMap(kind: .schools, header: []) }
    }

    @Test("a header fitting two kinds equally goes to the one with more required columns present")
    func tieBreak() throws {
        // school_code and teacher_id are shared by enrolments and survey; experience_years tips it.
        #expect(try ExportKind.detect(header: ["код ОО", "СНИЛС", "стаж"]).kind == .survey)
        let scores = ExportKind.scores(header: ["код ОО", "СНИЛС"])
        // frdo shares only the СНИЛС column; a request has both, but only one of them required;
        // a measure reads «код ОО» as its level.
        let matched = Dictionary(uniqueKeysWithValues: scores.map { ($0.kind, $0.matched) })
        #expect([ExportKind.schools, .enrolments, .survey, .frdo, .requests, .measures].map { matched[$0] } == [1, 2, 2, 1, 2, 1])
        #expect(scores.first { $0.kind == .requests }?.requiredMatched == 1)
    }

    @Test("the user-given kind is checked against the header")
    func explicitKind() {
        #expect(throws: HeaderError.missingRequiredColumns(kind: .schools, missing: [.name])) {
            try HeaderMap(kind: .schools, header: Self.russianEnrolments)
        }
    }
}
