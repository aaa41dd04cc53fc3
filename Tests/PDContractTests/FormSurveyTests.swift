import Testing
@testable import PDContract

/// Form-service surveys (issue 9 §3): the timestamp column, the academic year of a submission,
/// and the latest submission of a teacher in a year winning.
@Suite("Form-service submission times")
struct SubmissionTimeTests {
    static func time(_ year: Int, _ month: Int, _ day: Int, _ h: Int, _ m: Int, _ s: Int) -> SubmissionTime {
        SubmissionTime(date: CivilDate(year: year, month: month, day: day)!, secondOfDay: h * 3600 + m * 60 + s)
    }

    @Test("the layouts the services write", arguments: [
        ("2024-03-12 10:15:02", time(2024, 3, 12, 10, 15, 2)),          // Яндекс Формы
        ("2024-03-12T10:15:02Z", time(2024, 3, 12, 10, 15, 2)),         // Forms API, ISO 8601
        ("2024-03-12T10:15:02.045+03:00", time(2024, 3, 12, 10, 15, 2)),
        ("12.03.2024 10:15:02", time(2024, 3, 12, 10, 15, 2)),          // Google Sheets, Russian locale
        ("2.3.2024 9:05", time(2024, 3, 2, 9, 5, 0)),
        ("12.03.2024", time(2024, 3, 12, 0, 0, 0)),                     // an XLSX date cell at midnight
        ("2024/03/12 10:15:02 AM GMT+3", time(2024, 3, 12, 10, 15, 2)), // Google Forms' CSV download
        ("2024/03/12 12:15:02 AM UTC+3", time(2024, 3, 12, 0, 15, 2)),
        ("2024/03/12 1:15:02 PM GMT+03:00", time(2024, 3, 12, 13, 15, 2)),
        (" 2024-03-12 10:15:02\u{00A0}", time(2024, 3, 12, 10, 15, 2)),
    ])
    func accepted(text: String, expected: SubmissionTime) {
        #expect(SubmissionTime.parse(text) == .success(expected), "\(text)")
    }

    @Test("day and month in either order are refused as ambiguous", arguments: ["3/12/2024 10:15:02", "12/3/2024", "03/04/2024 1:00:00"])
    func ambiguous(text: String) {
        #expect(SubmissionTime.parse(text) == .failure(.ambiguousDayMonth))
    }

    @Test("anything else is unreadable", arguments: [
        "", "вчера", "2024-03-12 25:00:00", "2024-03-12 10:61", "31.02.2024 10:00:00", "12.03.24 10:00",
        "12.03.2024 10:15:02 PM", "2024-3-12 10:00:00", "12.03.2024 10:15:02 завтра", "2024/03/12 13:15:02 PM",
    ])
    func refused(text: String) {
        #expect(SubmissionTime.parse(text) == .failure(.unparseable), "\(text)")
    }

    @Test("the academic year of a submission runs September to August")
    func academicYear() {
        #expect(Self.time(2023, 9, 1, 0, 0, 0).academicYear == AcademicYear(start: 2023))
        #expect(Self.time(2024, 8, 31, 23, 59, 59).academicYear == AcademicYear(start: 2023))
        #expect(Self.time(2023, 8, 31, 10, 0, 0).academicYear == AcademicYear(start: 2022))
        #expect(Self.time(2024, 3, 12, 10, 15, 2).iso == "2024-03-12 10:15:02")
    }
}

@Suite("Form-service survey exports")
struct FormSurveyValidatorTests {
    static let header = ["Отметка времени", "Код вашей ОО", "Укажите ваш СНИЛС", "Сколько полных лет вы работаете педагогом?",
                         "Участвуете ли вы в наставничестве?"]
    static let mapping = """
        [headers.survey]
        school_code = "Код вашей ОО"
        teacher_id = "Укажите ваш СНИЛС"
        experience_years = "Сколько полных лет вы работаете педагогом?"
        mentoring_role = "Участвуете ли вы в наставничестве?"

        [values.mentoring_role]
        mentor = "Да, я наставник"
        none = "Не участвую"
        """

    static func validator(years: YearSources = YearSources(fileName: "forms.csv")) throws -> SurveyValidator {
        let map = try HeaderMap(kind: .survey, header: header, mapping: try ContractMapping(toml: mapping))
        return SurveyValidator(header: map, knownSchools: Fixtures.schools, pseudonymizer: .demo, years: years)
    }

    @Test("the timestamp column is found by its built-in names")
    func header() throws {
        for name in ["Отметка времени", "Время создания", "Timestamp", "время отправки"] {
            let map = try HeaderMap(kind: .survey, header: [name, "Код ОО", "СНИЛС", "Стаж"])
            #expect(map.index(of: .submittedAt) == 0, "\(name)")
        }
    }

    @Test("the academic year comes from the submission when nothing else gives it")
    func yearFromTimestamp() throws {
        var validator = try Self.validator()
        let autumn = validator.validate(["15.09.2023 10:01:00", "S01", "112-233-445 95", "6", "Не участвую"], line: 2)
        #expect(autumn.record?.academicYear == AcademicYear(start: 2023))
        let spring = validator.validate(["2024-05-20 18:00:00", "S01", "112-233-445 96", "6", "Не участвую"], line: 3)
        #expect(spring.record?.academicYear == AcademicYear(start: 2023))
        let august = validator.validate(["2023-08-30 18:00:00", "S01", "112-233-445 97", "6", "Да, я наставник"], line: 4)
        #expect(august.record?.academicYear == AcademicYear(start: 2022))
        #expect(august.record?.mentoringRole == .mentor)
        #expect(august.record?.submittedAt?.iso == "2023-08-30 18:00:00")
    }

    @Test("--year and the file name come before the submission's year")
    func explicitYearFirst() throws {
        var byOption = try Self.validator(years: YearSources(explicitYear: AcademicYear(start: 2022), fileName: "f.csv"))
        #expect(byOption.validate(["15.09.2023 10:01:00", "S01", "112-233-445 95", "6", ""], line: 2).record?.academicYear
            == AcademicYear(start: 2022))
        var byName = try Self.validator(years: YearSources(fileName: "опрос_2021-2022.csv"))
        #expect(byName.validate(["15.09.2023 10:01:00", "S01", "112-233-445 95", "6", ""], line: 2).record?.academicYear
            == AcademicYear(start: 2021))
    }

    @Test("a missing or unreadable timestamp rejects the row, an ambiguous one says why")
    func badTimestamp() throws {
        var validator = try Self.validator()
        #expect(validator.validate(["", "S01", "112-233-445 95", "6", ""], line: 2).reasons == [.missingRequired])
        #expect(validator.validate(["вчера", "S01", "112-233-445 95", "6", ""], line: 3).reasons == [.badTimestamp])
        let ambiguous = validator.validate(["3/12/2024 10:15:02", "S01", "112-233-445 95", "6", ""], line: 4)
        #expect(ambiguous.reasons == [.badTimestamp])
        #expect(ambiguous.issues.first?.detail?.contains("day and month cannot be told apart") == true)
        #expect(ambiguous.issues.first?.value == "3/12/2024 10:15:02")
    }

    @Test("several submissions of a teacher in a year: all accepted, the earlier ones reported as notices")
    func latestWins() throws {
        var validator = try Self.validator()
        let rows: [[String]] = [
            ["20.10.2023 09:00:00", "S01", "112-233-445 95", "6", "Не участвую"],       // line 2: superseded by line 4
            ["20.10.2023 09:30:00", "S01", "112-233-445 96", "7", "Не участвую"],       // line 3: another teacher
            ["21.10.2023 08:00:00", "S02", "11223344595", "6", "Да, я наставник"],      // line 4: the latest of 112…95
            ["19.10.2023 12:00:00", "S01", "112 233 445 95", "6", "Не участвую"],       // line 5: older than line 4
            ["2024-09-02 10:00:00", "S01", "112-233-445 95", "7", "Не участвую"],       // line 6: the next year
        ]
        for (offset, row) in rows.enumerated() {
            #expect(validator.validate(row, line: offset + 2).record != nil, "line \(offset + 2)")
        }
        #expect(validator.supersededRows == 2)
        #expect(validator.notices.map(\.line).sorted() == [2, 5])
        #expect(validator.notices.allSatisfy { $0.reason == .supersededSubmission && $0.reason.isNotice })
        let first = try #require(validator.notices.first { $0.line == 2 })
        #expect(first.value == "2023-10-20 09:00:00")
        #expect(first.detail?.contains("line 4 at 2023-10-21 08:00:00 counts for 2023-2024") == true)
    }

    @Test("at the same second the later line wins")
    func sameSecond() throws {
        var validator = try Self.validator()
        _ = validator.validate(["20.10.2023 09:00:00", "S01", "112-233-445 95", "6", ""], line: 2)
        _ = validator.validate(["20.10.2023 09:00:00", "S01", "112-233-445 95", "8", ""], line: 3)
        #expect(validator.notices.map(\.line) == [2])
    }

    @Test("without a timestamp column a second row of a teacher is still a duplicate")
    func censusWithoutTimestamps() throws {
        var validator = try Fixtures.surveyValidator()
        let row = Fixtures.surveyRows.row(Fixtures.goodSurvey)
        #expect(validator.validate(row, line: 2).record != nil)
        #expect(validator.validate(row, line: 3).reasons == [.duplicateTeacher])
    }
}

@Suite("mapping suggest")
struct MappingSuggestionTests {
    @Test("question-text headers and their values give the fields")
    func questions() throws {
        let header = ["Отметка времени", "Код вашей образовательной организации", "Укажите ваш СНИЛС",
                      "Сколько полных лет вы работаете педагогом?", "Какие профессиональные дефициты у вас выявлены?",
                      "Состоите ли вы в предметном клубе?", "Какой предмет вы преподаёте?",
                      "Сколько стажировок вы прошли за учебный год?", "Любимый цвет"]
        let rows: [[String]] = (0..<20).map { index in
            ["15.09.2023 10:\(10 + index):00", "10100\(index % 3)", "112-233-445 \(10 + index)", String(3 + index),
             index % 2 == 0 ? "Психолого-педагогические (работа с детьми с ОВЗ, инклюзия), Цифровые (ИКТ)" : "Цифровые (ИКТ)",
             index % 3 == 0 ? "Да" : "Нет", "математика", String(index % 2), index % 2 == 0 ? "синий" : "зелёный"]
        }
        let suggestion = MappingSuggestion.suggest(header: header, rows: rows)
        #expect(suggestion.kind == .survey)
        #expect(suggestion.columns.map(\.field) == [
            .submittedAt, .schoolCode, .teacherID, .experienceYears, .deficits, .subjectClub, .subject, .internships, nil,
        ])
        let deficits = suggestion.columns[4].values
        #expect(deficits.map(\.text) == ["Цифровые (ИКТ)", "Психолого-педагогические (работа с детьми с ОВЗ, инклюзия)"])
        #expect(deficits.map(\.code) == ["digital", "psychological"])
        // The printed file is a mapping file `--mapping` reads, and it maps the header.
        let mapping = try ContractMapping(toml: suggestion.toml)
        let map = try HeaderMap(kind: .survey, header: header, mapping: mapping)
        #expect(map.index(of: .experienceYears) == 3)
        #expect(suggestion.toml.contains("# psychological = \"Психолого-педагогические (работа с детьми с ОВЗ, инклюзия)\""))
    }

    @Test("the code of an option: built in, by a spelling it starts with or holds, by a stem, a refusal is no", arguments: [
        ("Высшая", ContractField.qualificationCategory, "highest"),
        ("Да, проходил(а)", .deficitDiagnostic, "true"),
        ("Нет, не проходил(а)", .deficitDiagnostic, "false"),
        ("Не участвую", .mentoringRole, "none"),
        ("Да, я наставник", .mentoringRole, "mentor"),
        ("Эксперт аттестационной комиссии", .expertRoles, "attestation"),
        ("Член жюри конкурсов, олимпиад", .expertRoles, "competitions"),
        ("Цифровые (ИКТ)", .deficits, "digital"),
    ])
    func codes(text: String, field: ContractField, code: String) {
        #expect(MappingSuggestion.guessCode(text, field: field).0 == code, "\(text)")
    }

    @Test("a multi-select cell splits where a new option starts", arguments: [
        ("Член жюри конкурсов, олимпиад, Другое", ["Член жюри конкурсов, олимпиад", "Другое"]),
        ("Член предметной комиссии ГИА (ЕГЭ, ОГЭ), Эксперт", ["Член предметной комиссии ГИА (ЕГЭ, ОГЭ)", "Эксперт"]),
        ("А; Б | В", ["А", "Б", "В"]),
    ])
    func items(cell: String, expected: [String]) {
        #expect(ColumnProfile.items(cell) == expected)
    }
}
