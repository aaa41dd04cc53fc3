import Foundation
import Testing
@testable import PDContract

@Suite("Mapping files")
struct MappingTests {
    /// A form service's survey export, headed by its question texts.
    static let formMapping = """
    # Опрос педагогов (выгрузка сервиса форм)
    [defaults]
    municipality = "Энский городской округ"
    academic_year = "2022-2023"

    [headers.survey]
    school_code = "Ваша образовательная организация (код)"
    teacher_id = ["Укажите ваш СНИЛС", "СНИЛС (без пробелов)"]
    experience_years = "Сколько полных лет вы работаете педагогом?"
    mentoring_role = "Участвуете ли вы в наставничестве?"
    deficit_diagnostic = "Проходили ли вы диагностику профессиональных дефицитов?"

    [headers.schools]
    municipality = "Район"

    [values.mentoring_role]
    mentor = ["Да, я наставник", "являюсь наставником"]
    mentee = "Да, у меня есть наставник"
    none = "Не участвую"

    [values.deficit_diagnostic]
    true = ["Да, проходил(а)"]
    false = ["Нет, не проходил(а)"]

    [values.delivery]
    distance = ["онлайн"]
    """

    @Test("a form-service export loads through the mapping")
    func formService() throws {
        let mapping = try ContractMapping(toml: Self.formMapping, source: "forms.toml")
        let header = ["Отметка времени", "Ваша образовательная организация (код)", "Укажите ваш СНИЛС",
                      "Сколько полных лет вы работаете педагогом?", "Участвуете ли вы в наставничестве?",
                      "Проходили ли вы диагностику профессиональных дефицитов?"]
        let map = try ExportKind.detect(header: header, mapping: mapping)
        #expect(map.kind == .survey)
        // The timestamp is a built-in header (submitted_at, docs/exports.md §6.1).
        #expect(map.unknownColumns.isEmpty)
        #expect(map.index(of: .submittedAt) == 0)
        var validator = SurveyValidator(header: map, knownSchools: KnownSchools(["S01"]),
                                        pseudonymizer: .demo, years: YearSources())
        let row = ["12.05.2023 10:00", "S01", "123-456-789 01", "2", "ДА, Я НАСТАВНИК", "Да, проходил(а)"]
        let record = try #require(validator.validate(row, line: 2).record)
        #expect(record.mentoringRole == .mentor)
        #expect(record.deficitDiagnostic)
        #expect(record.academicYear.label == "2022-2023") // from [defaults]
        #expect(record.isYoungTeacher)
        let other = ["13.05.2023 11:00", "S01", "98765432100", "10", "Не участвую", "Нет, не проходил(а)"]
        let second = try #require(validator.validate(other, line: 3).record)
        #expect(second.mentoringRole == MentoringRole.none)
        #expect(!second.deficitDiagnostic)
        // Without the mapping the same header is not a survey at all.
        #expect(throws: HeaderError.self) { try ExportKind.detect(header: header) }
    }

    @Test("the parsed mapping holds what the file says")
    func parsedContent() throws {
        let mapping = try ContractMapping(toml: Self.formMapping, source: "forms.toml")
        #expect(mapping.defaults[.municipality] == "Энский городской округ")
        #expect(mapping.headerAliases[.survey]?[.teacherID] == ["Укажите ваш СНИЛС", "СНИЛС (без пробелов)"])
        #expect(mapping.headerAliases[.schools]?[.municipality] == ["Район"])
        #expect(mapping.valueAliases[.delivery]?["distance"] == ["онлайн"])
        #expect(mapping.source == "forms.toml")
        #expect(ContractMapping.none.headerAliases.isEmpty)
    }

    @Test("defaults fill absent columns and blank cells; a defaulted required column may be absent")
    func defaults() throws {
        let mapping = try ContractMapping(toml: """
        [defaults]
        municipality = "Энск"
        name = "Без названия"
        """)
        let map = try HeaderMap(kind: .schools, header: ["код ОО", "муниципалитет"], mapping: mapping)
        var validator = SchoolValidator(header: map)
        let first = try #require(validator.validate(["S01", ""], line: 2).record)
        #expect(first.municipality == "Энск")
        #expect(first.name == "Без названия")
        let second = try #require(validator.validate(["S02", "Другой"], line: 3).record)
        #expect(second.municipality == "Другой")
    }

    @Test("value aliases and header aliases from the mapping apply to rows")
    func valueAliases() throws {
        let mapping = try ContractMapping(toml: """
        [headers.enrolments]
        course_title = "Курс"
        [values.delivery]
        distance = "онлайн"
        [values.program_kind]
        advanced_training = "Курсы ПК"
        """)
        let header = ["код ОО", "СНИЛС", "Курс", "форма обучения", "вид программы", "дата начала", "дата окончания"]
        let map = try ExportKind.detect(header: header, mapping: mapping)
        #expect(map.kind == .enrolments)
        var validator = EnrolmentValidator(header: map, knownSchools: KnownSchools(["S01"]), pseudonymizer: .demo,
                                           years: YearSources())
        let record = try #require(validator.validate(
            ["S01", "112-233-445 95", "Цифровая школа", "ОНЛАЙН", "курсы пк", "01.10.2022", "10.10.2022"], line: 2).record)
        #expect(record.delivery == .distance)
        #expect(record.programKind == .advancedTraining)
        #expect(record.courseTitle == "Цифровая школа")
    }

    @Test("bad mapping files are refused with a precise error", arguments: [
        ("[headers.courses]\nx = \"y\"", MappingError.unknownKind(source: "m", name: "courses")),
        ("[headers.schools]\nhours = \"Часы\"", .unknownField(source: "m", kind: "schools", name: "hours")),
        ("[values.colour]\nred = \"красный\"", .unknownField(source: "m", kind: nil, name: "colour")),
        ("[values.school_code]\nx = \"y\"", .notCoded(source: "m", field: "school_code")),
        ("[values.delivery]\nonline = \"онлайн\"", .unknownCode(source: "m", field: "delivery", code: "online",
                                                               expected: ["in_person", "distance", "blended"])),
        ("[headers.survey]\nteacher_id = 5", .wrongType(source: "m", path: "headers.survey.teacher_id",
                                                       expected: "a string or an array of strings")),
        ("headers = 3", .wrongType(source: "m", path: "headers", expected: "a table")),
        ("[extras]\na = 1", .unknownSection(source: "m", name: "extras")),
        ("[defaults]\nteacher_id = \"1\"", .personalDefault(source: "m", field: "teacher_id")),
        ("[headers.survey]\nsubject = \"стаж\"", .conflict(source: "m", spelling: "стаж", existing: "experience_years",
                                                          requested: "subject")),
        ("[values.delivery]\ndistance = \"Очно\"", .conflict(source: "m", spelling: "Очно", existing: "delivery=in_person",
                                                            requested: "delivery=distance")),
        ("[values.subject_club]\nfalse = \"да\"", .conflict(source: "m", spelling: "да", existing: "subject_club=true",
                                                           requested: "subject_club=false")),
    ])
    func refused(text: String, expected: MappingError) {
        #expect(throws: expected) { try ContractMapping(toml: text, source: "m") }
    }

    @Test("a TOML syntax error names the line")
    func syntaxError() {
        do {
            _ = try ContractMapping(toml: "[defaults]\nmunicipality = \n", source: "m.toml")
            Issue.record("expected a syntax error")
        } catch {
            guard case let .syntax(source, line, _, _) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(source == "m.toml")
            #expect(line == 2)
            #expect(error.description.contains("m.toml:2:"))
        }
    }

    @Test("a mapping file is read from disk; a missing file is a clear error")
    func fromDisk() throws {
        let path = NSTemporaryDirectory() + "pdmon-mapping-\(UInt32.random(in: 0...UInt32.max)).toml"
        try Self.formMapping.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let mapping = try ContractMapping.load(path: path)
        #expect(mapping.defaults[.municipality] == "Энский городской округ")
        #expect(throws: MappingError.self) { try ContractMapping.load(path: path + ".missing") }
    }
}
