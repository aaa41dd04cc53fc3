import Foundation
import Testing
import PDCSV
import PDContract
import PDPostgres
import PDSample
@testable import PDWarehouse

/// ФИС ФРДО uploads (issue 9 §2, docs/exports.md §5.4) against the real PostgreSQL: the sample
/// city's register loads, its teachers get their schools from the census whatever order the
/// files come in, the teacher-based indicators equal those of the same completed courses sent
/// as an enrolment export, and repeats, duplicates and annulments follow the register's meaning.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct FRDOLoadTests {
    // MARK: - The sample city

    /// A small clean sample city with its ФИС ФРДО uploads, written once per test.
    static func sampleCity(format: SampleFormat = .csv) throws -> (folder: URL, summary: SampleSummary) {
        var options = SampleOptions(schools: 4, teachers: 120, years: try AcademicYear.parseList("2021-2022..2023-2024"),
                                    seed: 11)
        options.frdo = true
        options.format = format
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-frdo-\(UUID().uuidString)")
        let summary = try SampleCity(options: options).write(to: folder.path)
        return (folder, summary)
    }

    static func files(_ summary: SampleSummary, _ kind: SampleFileKind, in folder: URL) -> [String] {
        summary.files.filter { $0.kind == kind }.map { folder.appendingPathComponent($0.fileName).path }
    }

    /// The completed courses of the sample's enrolment exports, as one enrolment export whose
    /// academic year is the one of each course's end date (the register dates a course by its
    /// document), written to `folder`.
    static func completedCoursesExport(_ summary: SampleSummary, in folder: URL) throws -> String {
        var writer = CSVWriter(delimiter: UInt8(ascii: ","), lineEnding: [10])
        var wroteHeader = false
        for path in files(summary, .enrolments, in: folder) {
            var reader = try CSVReader(path: path)
            _ = try reader.next()
            let header = reader.record.strings()
            let year = header.firstIndex(of: "academic_year")!, status = header.firstIndex(of: "status")!
            let end = header.firstIndex(of: "end_date")!
            if !wroteHeader { writer.writeRecord(header); wroteHeader = true }
            while try reader.next() {
                var fields = reader.record.strings()
                guard fields[status] == "completed", case .success(let date) = CivilDate.parse(fields[end]) else { continue }
                fields[year] = AcademicYear.containing(date).label
                writer.writeRecord(fields)
            }
        }
        let path = folder.appendingPathComponent("completed_courses.csv").path
        try Data(writer.drain()).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Loads `paths` in order into `fixture` (each must load) and refreshes the mart.
    @discardableResult
    static func load(_ fixture: LoadFixture, _ paths: [String], provider: String? = nil,
                     ratio: Double = 0.05) throws -> [LoadOutcome] {
        let loader = fixture.loader()
        defer { loader.close() }
        var outcomes: [LoadOutcome] = []
        for path in paths {
            var request = LoadRequest(path: path)
            request.provider = provider
            request.maxRejectRatio = ratio
            let outcome = try loader.load(request)
            #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
            outcomes.append(outcome)
        }
        _ = try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).refresh()
        return outcomes
    }

    /// Every indicator value of the warehouse, in natural terms.
    static func indicatorValues(_ fixture: LoadFixture, only indicators: [String]? = nil) throws -> [[String?]] {
        try fixture.rows("""
            select indicator_id, academic_year_key::text, grain, school_code, numerator::text, denominator::text, value::text
            from dw.agg_indicator_value
            where $1::text[] is null or indicator_id = any($1::text[])
            order by 1, 2, 3, 4
            """, [indicators.map { "{" + $0.joined(separator: ",") + "}" }])
    }

    /// The enrolments derived from documents, in natural terms (no surrogate keys).
    static func registerEnrolments(_ fixture: LoadFixture) throws -> [[String?]] {
        try fixture.rows("""
            select encode(t.teacher_pseudonym, 'hex'), f.academic_year_key::text, s.school_code, c.course_title, c.program_kind,
                   c.hours::text, f.start_date_key::text, f.end_date_key::text, f.status, f.staff_category
            from dw.fact_course_enrolment as f
            inner join dw.dim_teacher as t on t.teacher_key = f.teacher_key
            inner join dw.dim_course as c on c.course_key = f.course_key
            left join dw.dim_school as s on s.school_key = f.school_key
            where f.document_key is not null
            order by 1, 2, 4, 7
            """)
    }

    @Test func theSampleRegisterGivesTheTeacherIndicatorsOfTheSameCoursesSentAsAnEnrolmentExport() throws {
        let (folder, summary) = try Self.sampleCity()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schools = Self.files(summary, .schools, in: folder), surveys = Self.files(summary, .survey, in: folder)
        let register = Self.files(summary, .frdo, in: folder)
        #expect(register.count == 3)

        let fromRegister = try LoadFixture()
        let outcomes = try Self.load(fromRegister, schools + surveys + register, provider: "ГАУ ДПО ИРО")
        let registerRows = outcomes.suffix(3).map(\.rowsLoaded).reduce(0, +)
        #expect(registerRows > 50)
        #expect(try fromRegister.count("select count(*) from dw.fact_qualification_document") == registerRows)
        #expect(try fromRegister.count("select count(*) from dw.fact_course_enrolment where document_key is not null")
                == registerRows)
        // Every teacher of the register is in a census of the document's year or an earlier one.
        #expect(try fromRegister.count("select count(*) from dw.fact_course_enrolment where school_key is null") == 0)
        #expect(try fromRegister.count("""
            select count(*) from dw.fact_course_enrolment as f
            inner join dw.dim_course as c on c.course_key = f.course_key
            where f.document_key is not null and c.provider is distinct from 'ГАУ ДПО ИРО'
            """) == 0)

        let fromExport = try LoadFixture()
        try Self.load(fromExport, schools + surveys + [try Self.completedCoursesExport(summary, in: folder)])

        let teacherIndicators = ["avg_pd_hours", "pd_coverage", "pd_coverage_3y", "retraining_share"]
        let registerValues = try Self.indicatorValues(fromRegister, only: teacherIndicators)
        let exportValues = try Self.indicatorValues(fromExport, only: teacherIndicators)
        #expect(registerValues.count == exportValues.count)
        #expect(registerValues.count >= 4 * 3 * 5, "4 indicators × 3 years × (4 schools + the city)")
        #expect(registerValues.contains { $0[0] == "avg_pd_hours" && ($0[4].flatMap { Int($0) } ?? 0) > 0 })
        #expect(registerValues.contains { $0[0] == "pd_coverage" && ($0[4].flatMap { Int($0) } ?? 0) > 0 })
        for (register, export) in zip(registerValues, exportValues) {
            #expect(register == export)
        }
    }

    @Test func theRegisterBeforeOrAfterTheCensusGivesTheSameWarehouse() throws {
        let (folder, summary) = try Self.sampleCity()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schools = Self.files(summary, .schools, in: folder), surveys = Self.files(summary, .survey, in: folder)
        let register = Self.files(summary, .frdo, in: folder)

        let registerFirst = try LoadFixture()
        let early = try Self.load(registerFirst, schools + register + surveys)
        // With no census yet, every document waits for its school, and says so.
        let notices = early[1...3].flatMap(\.rejects).filter { $0.reasonCode == RejectReason.schoolUnknown.code }
        #expect(notices.count == early[1...3].map(\.rowsLoaded).reduce(0, +))
        #expect(notices.allSatisfy { $0.isNotice && $0.column == "СНИЛС" && $0.value.isEmpty })
        #expect(early[1...3].allSatisfy { $0.rowsRejected == 0 })

        let censusFirst = try LoadFixture()
        let late = try Self.load(censusFirst, schools + surveys + register)
        #expect(late[4...].flatMap(\.rejects).allSatisfy { $0.reasonCode != RejectReason.schoolUnknown.code })

        #expect(try registerFirst.count("select count(*) from dw.fact_course_enrolment where school_key is null") == 0)
        let first = try Self.registerEnrolments(registerFirst), second = try Self.registerEnrolments(censusFirst)
        #expect(!first.isEmpty)
        #expect(first == second)
        let firstValues = try Self.indicatorValues(registerFirst), secondValues = try Self.indicatorValues(censusFirst)
        #expect(!firstValues.isEmpty)
        #expect(firstValues == secondValues)
    }

    /// `pdmon sample --format xlsx --frdo`: the same city as workbooks (dates as date cells,
    /// numbers as numbers, codes and ids as text; the register on its sheet «Шаблон») loads to
    /// the same warehouse as the CSV files.
    @Test func theSampleCityAsWorkbooksLoadsAsItsCSVFilesDo() throws {
        let (csvFolder, csv) = try Self.sampleCity()
        let (xlsxFolder, xlsx) = try Self.sampleCity(format: .xlsx)
        defer {
            try? FileManager.default.removeItem(at: csvFolder)
            try? FileManager.default.removeItem(at: xlsxFolder)
        }
        #expect(xlsx.files.allSatisfy { $0.fileName.hasSuffix(".xlsx") })
        #expect(xlsx.files.map(\.rows) == csv.files.map(\.rows))
        func paths(_ summary: SampleSummary, _ folder: URL) -> [String] {
            [SampleFileKind.schools, .survey, .enrolments, .frdo].flatMap { Self.files(summary, $0, in: folder) }
        }
        let fromCSV = try LoadFixture(), fromWorkbooks = try LoadFixture()
        try Self.load(fromCSV, paths(csv, csvFolder))
        let outcomes = try Self.load(fromWorkbooks, paths(xlsx, xlsxFolder))
        #expect(outcomes.last?.kind == .frdo)
        #expect(outcomes.last?.rowsLoaded == csv.files.last?.rows)
        #expect(try fromWorkbooks.censusFacts() == fromCSV.censusFacts())
        #expect(try fromWorkbooks.enrolmentFacts() == fromCSV.enrolmentFacts())
        let documents: SQL = "select count(*) from dw.fact_qualification_document where status = 'original'"
        #expect(try fromWorkbooks.count(documents) == fromCSV.count(documents))
        #expect(try fromWorkbooks.count(documents) == xlsx.files.filter { $0.kind == .frdo }.map(\.rows).reduce(0, +))
        // Every document's course is in the city's enrolment exports: one enrolment each, the export's.
        #expect(try fromWorkbooks.count("select count(*) from dw.fact_course_enrolment where document_key is not null") == 0)
        let values = try Self.indicatorValues(fromWorkbooks)
        #expect(!values.isEmpty)
        #expect(values == (try Self.indicatorValues(fromCSV)))
    }

    // MARK: - Repeats, duplicates and statuses

    static let header = FRDORegister.header

    /// A register row: the template's columns, `values` by header name.
    static func row(snils: String, registration: String, title: String, issued: String, status: String = "Оригинал",
                    extra: [String: String] = [:]) -> String {
        var values: [String: String] = [
            "Вид документа": "Удостоверение о повышении квалификации", "Статус документа": status,
            "Дата выдачи документа": issued, "Регистрационный номер": registration,
            "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)": "Повышение квалификации",
            "Наименование дополнительной профессиональной программы": title,
            "Срок обучения, часов (для документа о квалификации)": "72", "Фамилия получателя": "Иванова",
            "Имя получателя": "Мария", "Отчество получателя": "Петровна", "Дата рождения получателя": "03.04.1985",
            "СНИЛС": snils, "Форма обучения": "Очная", "Источник финансирования обучения": "Региональный бюджет",
        ]
        values.merge(extra) { $1 }
        return header.map { name in
            let value = values[name] ?? ""
            return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }.joined(separator: ",")
    }

    static func registerFile(_ fixture: LoadFixture, _ name: String, _ rows: [String]) throws -> String {
        let headerLine = header.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
        return try fixture.write(name, ([headerLine] + rows).joined(separator: "\n") + "\n")
    }

    static let teacherA = "112-233-445 95", teacherB = "112-233-446 96", teacherC = "112-233-447 97"

    static func census(_ fixture: LoadFixture, _ name: String, _ rows: [(snils: String, school: String)]) throws -> String {
        try fixture.write(name, (["academic_year,school_code,teacher_id,position,experience_years"]
            + rows.map { "2023-2024,\($0.school),\($0.snils),учитель,7" }).joined(separator: "\n") + "\n")
    }

    /// The enrolments of one teacher in natural terms.
    static func enrolments(_ fixture: LoadFixture) throws -> [[String?]] {
        try fixture.rows("""
            select encode(t.teacher_pseudonym, 'hex'), c.course_title, f.end_date_key::text, s.school_code, f.status,
                   (f.document_key is not null)::text
            from dw.fact_course_enrolment as f
            inner join dw.dim_teacher as t on t.teacher_key = f.teacher_key
            inner join dw.dim_course as c on c.course_key = f.course_key
            left join dw.dim_school as s on s.school_key = f.school_key
            order by 1, 3, 2
            """)
    }

    @Test func aRepeatAndADuplicateAreOneCourseAndAnAnnulmentRemovesItForGood() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        try Self.load(fixture, [try Self.census(fixture, "census_2023-2024.csv",
                                                [(Self.teacherA, "S01"), (Self.teacherB, "S02")])])
        let first = try Self.registerFile(fixture, "frdo_1.csv", [
            Self.row(snils: Self.teacherA, registration: "23-001", title: "Курс 1", issued: "14.11.2023"),
            Self.row(snils: Self.teacherB, registration: "23-002", title: "Курс 2", issued: "01.12.2023"),
            Self.row(snils: Self.teacherA, registration: "23-003", title: "Курс 3", issued: "10.03.2024",
                     extra: ["Вид документа": "Диплом о профессиональной переподготовке",
                             "Дополнительная профессиональная программа (повышение квалификации/ профессиональная переподготовка)": ""]),
            // The duplicate of 23-001: the same document, not a second course.
            Self.row(snils: Self.teacherA, registration: "24-101", title: "Курс 1", issued: "05.02.2024", status: "Дубликат",
                     extra: ["Регистрационный N (оригинала)": "23-001", "Дата выдачи (оригинала)": "14.11.2023"]),
            // A bad СНИЛС: rejected, masked in the report.
            Self.row(snils: "12345", registration: "23-004", title: "Курс 4", issued: "11.03.2024"),
        ])
        let loaded = try Self.load(fixture, [first], provider: "ИРО", ratio: 0.5)[0]
        #expect(loaded.rowsRead == 5 && loaded.rowsLoaded == 4 && loaded.rowsRejected == 1)
        let bad = try #require(loaded.rejects.first { $0.reasonCode == RejectReason.badSNILS.code })
        #expect(bad.value == Masking.placeholder)
        #expect(try fixture.count("select count(*) from dw.fact_qualification_document") == 3)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)
        #expect(try fixture.count("""
            select count(*) from dw.fact_course_enrolment as f inner join dw.dim_course as c on c.course_key = f.course_key
            where c.course_title = 'Курс 3' and c.program_kind = 'retraining'
            """) == 1)
        let afterFirst = try Self.enrolments(fixture)

        // The same registration numbers again: nothing changes.
        let again = try Self.registerFile(fixture, "frdo_again.csv", [
            Self.row(snils: Self.teacherA, registration: "23-001", title: "Курс 1", issued: "14.11.2023"),
            Self.row(snils: Self.teacherB, registration: "23-002", title: "Курс 2", issued: "01.12.2023"),
        ])
        #expect(try Self.load(fixture, [again], provider: "ИРО")[0].rowsChanged == 0)
        #expect(try Self.enrolments(fixture) == afterFirst)

        // 23-002 annulled: B's completion is gone, and an original arriving later does not bring it back.
        let annulled = try Self.registerFile(fixture, "frdo_annulled.csv", [
            Self.row(snils: Self.teacherB, registration: "23-002", title: "Курс 2", issued: "01.12.2023", status: "Аннулирован"),
        ])
        try Self.load(fixture, [annulled], provider: "ИРО")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 2)
        let later = try Self.registerFile(fixture, "frdo_later.csv", [
            Self.row(snils: Self.teacherB, registration: "23-002", title: "Курс 2", issued: "01.12.2023"),
        ])
        try Self.load(fixture, [later], provider: "ИРО")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 2)
        #expect(try fixture.count("select count(*) from dw.fact_qualification_document where status = 'cancelled'") == 1)

        // No name, birth date, СНИЛС or registration number anywhere in dw.
        let findings = try PersonalDataAudit(connection: fixture.connection, sql: TestDatabase.sqlDirectory).run()
        #expect(findings.isEmpty, "\(findings)")
        #expect(try fixture.count("""
            select count(*) from dw.etl_reject
            where value_masked ~ '(Иванова|Мария|Петровна|1985|23-00|112-233)'
            """) == 0)
    }

    @Test func theRegisterAndAnEnrolmentExportOfOneCourseAreOneEnrolmentInEitherOrder() throws {
        func warehouse(exportFirst: Bool) throws -> [[String?]] {
            let fixture = try LoadFixture()
            try fixture.loadSchools()
            let census = try Self.census(fixture, "census_2023-2024.csv", [(Self.teacherA, "S01")])
            let register = try Self.registerFile(fixture, "frdo.csv", [
                Self.row(snils: Self.teacherA, registration: "23-001", title: "Курс 1", issued: "14.11.2023"),
                Self.row(snils: Self.teacherA, registration: "23-003", title: "Курс 3", issued: "10.03.2024"),
            ])
            // The export spells the title in another case; its row carries the school and the dates.
            let export = try fixture.write("kpk_2023-2024.csv", """
                school_code,teacher_id,course_title,start_date,end_date,status
                S02,\(Self.teacherA),КУРС 1,2023-11-01,2023-11-14,completed
                """)
            try Self.load(fixture, exportFirst ? [census, export, register] : [census, register, export])
            #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 2)
            return try Self.enrolments(fixture)
        }
        let exportFirst = try warehouse(exportFirst: true)
        #expect(exportFirst == (try warehouse(exportFirst: false)))
        // The export's row of Курс 1 (at S02, from the export), the register's of Курс 3 (at S01, from the census).
        #expect(exportFirst.map { [$0[1], $0[3], $0[5]] } == [["КУРС 1", "S02", "false"], ["Курс 3", "S01", "true"]])
    }

    @Test func aDocumentWhoseTeacherIsInNoCensusWaitsForOneAndTakesAnEarlierCensusOtherwise() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        // C is in the 2022-2023 census only: a 2023-2024 document takes that school.
        try Self.load(fixture, [try fixture.write("census_2022-2023.csv", """
            academic_year,school_code,teacher_id,position,experience_years
            2022-2023,S03,\(Self.teacherC),воспитатель,4
            """)])
        let register = try Self.registerFile(fixture, "frdo.csv", [
            Self.row(snils: Self.teacherC, registration: "23-010", title: "Курс 1", issued: "14.11.2023"),
            Self.row(snils: Self.teacherA, registration: "23-011", title: "Курс 2", issued: "15.11.2023"),
        ])
        let outcome = try Self.load(fixture, [register])[0]
        // A is in no census: loaded, school unknown, reported on its line.
        #expect(outcome.rowsLoaded == 2)
        #expect(outcome.rejects.map(\.line) == [3])
        #expect(outcome.rejects.map(\.reasonCode) == [RejectReason.schoolUnknown.code])
        #expect(outcome.summaryLine.contains("notices 1"))
        #expect(try Self.enrolments(fixture).map { $0[3] }.sorted { ($0 ?? "") < ($1 ?? "") } == [nil, "S03"])
        // Enrolment-based indicators count a row once its school is known; the mart shows it meanwhile.
        #expect(try fixture.count("select count(*) from mart.course_enrolment where school_code is null and is_from_register") == 1)

        // The census of the document's year arrives: A's document gets A's school, C's follows C.
        try Self.load(fixture, [try Self.census(fixture, "census_2023-2024.csv",
                                                [(Self.teacherA, "S02"), (Self.teacherC, "S01")])])
        #expect(try Self.enrolments(fixture).map { $0[3] }.sorted { ($0 ?? "") < ($1 ?? "") } == ["S01", "S02"])
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment where school_key is null") == 0)
    }
}
