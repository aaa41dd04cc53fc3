import Foundation
import PDContract
import PDPostgres
import PDCSV
import PDSample
import PDXLSX
import Testing
@testable import PDWarehouse

/// Form-service surveys in the warehouse (issue 9 §3): the sample city's census exported by a
/// form service loads with its mapping file into the same census as its CSV survey, and the
/// latest submission of a teacher in a year wins within a file and across files.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct FormSurveyLoadTests {
    static let years = [AcademicYear(start: 2022), AcademicYear(start: 2023)]

    /// The dw census and every indicator value computed from it, with the surrogate keys left out.
    static func censusAndIndicators(_ fixture: LoadFixture) throws -> (census: [[String?]], indicators: [[String?]]) {
        try MartRefresher(connection: fixture.connection, sql: TestDatabase.sqlDirectory).refresh()
        let indicators = try fixture.rows("""
            select indicator_id, academic_year_key, grain, school_code, numerator, denominator, value
            from dw.agg_indicator_value
            order by 1, 2, 3, 4
            """)
        return (try fixture.censusFacts(), indicators)
    }

    @Test("the sample city's form export loads with its mapping file and gives the CSV survey's census")
    func sameCensusAsCSV() throws {
        let csv = try LoadFixture()
        let forms = try LoadFixture()
        let city = csv.folder.appendingPathComponent("city").path
        _ = try SampleCity(options: SampleOptions(schools: 6, teachers: 240, years: Self.years, seed: 11, formSurvey: true))
            .write(to: city)
        let mapping = try ContractMapping.load(path: city + "/form_survey.mapping.toml")
        for fixture in [csv, forms] {
            let schools = try fixture.load(city + "/schools.csv", kind: .schools)
            #expect(schools.status == .loaded, "\(schools.summaryLine)")
        }
        var superseded = 0
        for year in Self.years {
            let census = try csv.load(city + "/survey_\(year).csv", kind: .survey)
            #expect(census.status == .loaded && census.rowsRejected == 0, "\(census.summaryLine)")
            // Kind detected from the header, as the nightly run does; the year from the timestamps.
            let loader = forms.loader()
            defer { loader.close() }
            let form = try loader.load(LoadRequest(path: city + "/form_survey_\(year.start).csv", mapping: mapping))
            #expect(form.kind == .survey)
            #expect(form.status == .loaded && form.rowsRejected == 0, "\(form.summaryLine) \(form.rejects)")
            let notices = form.rejects.filter { $0.reasonCode == "superseded_submission" }
            #expect(!notices.isEmpty, "some teachers submitted twice")
            #expect(notices.allSatisfy { $0.isNotice })
            #expect(form.rowsLoaded == census.rowsLoaded, "\(form.summaryLine) vs \(census.summaryLine)")
            superseded += notices.count
        }
        #expect(superseded > 0)
        let expected = try Self.censusAndIndicators(csv)
        let actual = try Self.censusAndIndicators(forms)
        #expect(expected.census.count == 480)
        #expect(actual.census == expected.census)
        #expect(!expected.indicators.isEmpty)
        #expect(actual.indicators == expected.indicators)
        // The form rows keep their submission times; the CSV census has none.
        #expect(try forms.count("select count(*) from dw.fact_teacher_year where submitted_at is null") == 0)
        #expect(try csv.count("select count(*) from dw.fact_teacher_year where submitted_at is not null") == 0)
    }

    /// The form export `csvPath` as the service's XLSX download: the timestamp a date-time cell,
    /// the numeric answers number cells, the rest text.
    static func workbook(from csvPath: String, to path: String, mapping: ContractMapping) throws {
        var reader = try CSVReader(path: csvPath)
        var records: [[String]] = []
        while try reader.next() { records.append(reader.record.strings()) }
        let header = try #require(records.first)
        let map = try HeaderMap(kind: .survey, header: header, mapping: mapping)
        let numeric = Set(ExportKind.survey.fields.filter {
            if case .integer = $0.valueType { return true } else { return false }
        }.compactMap { map.index(of: $0.field) })
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Ответы на форму (1)", frozenRows: 1)
        try sheet.appendHeader(header)
        for row in records.dropFirst() {
            try sheet.append(row.enumerated().map { index, cell -> XLSXValue in
                if index == 0, case let .success(time) = SubmissionTime.parse(cell) {
                    let second = time.secondOfDay
                    return .date(XLSXDate(year: time.date.year, month: time.date.month, day: time.date.day,
                                          hour: second / 3600, minute: second / 60 % 60, second: second % 60)!)
                }
                if numeric.contains(index), let number = Int(cell) { return .integer(number) }
                return cell.isEmpty ? .empty : .text(cell)
            })
        }
        try writer.close()
    }

    @Test("the same form export as an XLSX workbook loads to the same census, and mapping suggest reads it")
    func workbookExport() throws {
        let csv = try LoadFixture()
        let xlsx = try LoadFixture()
        let city = csv.folder.appendingPathComponent("city").path
        let year = Self.years[1]
        _ = try SampleCity(options: SampleOptions(schools: 4, teachers: 120, years: [year], seed: 5, formSurvey: true))
            .write(to: city)
        let mapping = try ContractMapping.load(path: city + "/form_survey.mapping.toml")
        let book = xlsx.folder.appendingPathComponent("Мониторинг (ответы).xlsx").path
        try Self.workbook(from: city + "/form_survey_\(year.start).csv", to: book, mapping: mapping)
        for fixture in [csv, xlsx] { _ = try fixture.load(city + "/schools.csv", kind: .schools) }
        let census = try csv.load(city + "/survey_\(year).csv", kind: .survey)
        #expect(census.status == .loaded, "\(census.summaryLine)")
        let loader = xlsx.loader()
        defer { loader.close() }
        let form = try loader.load(LoadRequest(path: book, mapping: mapping))
        #expect(form.status == .loaded && form.rowsRejected == 0, "\(form.summaryLine) \(form.rejects)")
        #expect(form.rowsLoaded == census.rowsLoaded)
        #expect(try xlsx.censusFacts() == csv.censusFacts())

        let fromCSV = try Warehouse.suggestMapping(path: city + "/form_survey_\(year.start).csv")
        let fromBook = try Warehouse.suggestMapping(path: book)
        let headerLines = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains(" = ") } }
        #expect(headerLines(fromBook) == headerLines(fromCSV))
        #expect(headerLines(fromBook).count >= 20, "\(fromBook)")
    }

    static let header = "Отметка времени,Код ОО,Укажите ваш СНИЛС,Стаж,Участвуете ли вы в наставничестве?"
    static let mapping = """
        [headers.survey]
        teacher_id = "Укажите ваш СНИЛС"
        mentoring_role = "Участвуете ли вы в наставничестве?"

        [values.mentoring_role]
        mentor = "Да, я наставник"
        none = "Не участвую"
        """

    /// The census rows (year, school, experience, mentoring, submitted_at) of the teacher `112-233-445 95`.
    static func teacher95(_ fixture: LoadFixture) throws -> [[String?]] {
        try fixture.rows("""
            select y.label, s.school_code, f.experience_years::text, f.mentoring_role, f.submitted_at::text
            from dw.fact_teacher_year as f
            inner join dw.dim_academic_year as y on y.academic_year_key = f.academic_year_key
            inner join dw.dim_school as s on s.school_key = f.school_key
            inner join dw.dim_teacher as t on t.teacher_key = f.teacher_key
            where encode(t.teacher_pseudonym, 'hex') = $1
            order by 1
            """, [try Pseudonymizer(key: LoadFixture.key).pseudonym(forTeacherID: "11223344595")])
    }

    @Test("within one file the latest submission wins, whatever the order of the rows")
    func latestWithinFile() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let path = try fixture.write("forms.csv", """
            \(Self.header)
            21.10.2023 08:00:00,S02,112-233-445 95,7,Да, я наставник
            20.10.2023 09:00:00,S01,112-233-445 95,6,Не участвую
            20.10.2023 09:30:00,S01,112-233-445 96,9,Не участвую
            19.10.2023 12:00:00,S01,11223344595,5,Не участвую
            """.replacingOccurrences(of: "Да, я наставник", with: "\"Да, я наставник\""))
        let loader = fixture.loader()
        defer { loader.close() }
        let outcome = try loader.load(LoadRequest(path: path, kind: .survey, mapping: try ContractMapping(toml: Self.mapping)))
        #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
        #expect(outcome.rowsRead == 4 && outcome.rowsRejected == 0 && outcome.rowsLoaded == 2, "\(outcome.summaryLine)")
        #expect(outcome.rejects.map(\.line) == [3, 5])
        #expect(outcome.rejects.allSatisfy { $0.reasonCode == "superseded_submission" })
        #expect(try Self.teacher95(fixture) == [["2023-2024", "S02", "7", "mentor", "2023-10-21 08:00:00"]])
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 2)
        // The superseded rows are recorded as notices of the batch, not as rejected rows.
        #expect(try fixture.count("select rows_rejected from dw.etl_batch where kind = 'survey'") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'superseded_submission'") == 2)
    }

    @Test("across files of a year: an older submission loaded later does not replace a newer one")
    func latestAcrossFiles() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let mapping = try ContractMapping(toml: Self.mapping)
        let loader = fixture.loader()
        defer { loader.close() }
        let newer = try fixture.write("forms_november.csv", """
            \(Self.header)
            10.11.2023 10:00:00,S02,112-233-445 95,7,"Да, я наставник"
            10.11.2023 10:05:00,S02,112-233-445 97,12,Не участвую
            """)
        let older = try fixture.write("forms_october.csv", """
            \(Self.header)
            10.10.2023 10:00:00,S02,112-233-445 95,6,Не участвую
            10.10.2023 10:10:00,S02,112-233-445 96,3,Не участвую
            """)
        let first = try loader.load(LoadRequest(path: newer, kind: .survey, mapping: mapping))
        #expect(first.status == .loaded, "\(first.summaryLine)")
        let second = try loader.load(LoadRequest(path: older, kind: .survey, mapping: mapping))
        #expect(second.status == .loaded, "\(second.summaryLine)")
        #expect(second.rejects.map(\.line) == [2])
        #expect(second.rejects.first?.reasonCode == "superseded_submission")
        #expect(second.rejects.first?.reasonText.contains("2023-11-10 10:00:00") == true)
        #expect(second.rowsLoaded == 1, "\(second.summaryLine)")
        // The newer row stays, and so does the other teacher of the same school in the newer file:
        // a form export's rows are single submissions, they replace only their own teachers' rows.
        #expect(try Self.teacher95(fixture) == [["2023-2024", "S02", "7", "mentor", "2023-11-10 10:00:00"]])
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 3)

        // A later submission loaded later replaces the stored one.
        let later = try fixture.write("forms_december.csv", """
            \(Self.header)
            01.12.2023 09:00:00,S01,112-233-445 95,8,Не участвую
            """)
        let third = try loader.load(LoadRequest(path: later, kind: .survey, mapping: mapping))
        #expect(third.status == .loaded && third.rejects.isEmpty, "\(third.summaryLine) \(third.rejects)")
        #expect(try Self.teacher95(fixture) == [["2023-2024", "S01", "8", "none", "2023-12-01 09:00:00"]])
    }
}

/// The command line of form-service surveys: `pdmon load survey … --mapping` refuses an
/// ambiguous mapping before reading the file, and `pdmon mapping suggest` prints a mapping file.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct FormSurveyCommandTests {
    @Test("a mapping whose option reads as a list of other options is refused up front (exit 2), nothing written")
    func ambiguousMappingRefused() throws {
        let fixture = try LoadFixture()
        let environment = ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
        #expect(try PDMonProcess.run(["db", "migrate"], environment: environment).status == 0)
        try fixture.loadSchools()
        let forms = try fixture.write("forms.csv", """
            Отметка времени,Код ОО,СНИЛС,Стаж,Выявленные дефициты
            15.09.2023 10:01:00,S01,112-233-445 95,6,"Предметные, Методические"
            """)
        let mapping = try fixture.write("ambiguous.toml", """
            [values.deficits]
            psychological = "Предметные, Методические"
            """)
        let batches = try fixture.count("select count(*) from dw.etl_batch")
        let run = try PDMonProcess.run(["load", "survey", forms, "--mapping", mapping], environment: environment)
        #expect(run.status == 2, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr.contains("«Предметные, Методические»"), "\(run.stderr)")
        #expect(try fixture.count("select count(*) from dw.etl_batch") == batches)
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 0)
    }

    @Test("pdmon mapping suggest prints a mapping file that loads the sample city's form export")
    func suggestCommand() throws {
        let fixture = try LoadFixture()
        let environment = ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
        let city = fixture.folder.appendingPathComponent("city").path
        #expect(try PDMonProcess.run(["sample", "--out", city, "--schools", "3", "--teachers", "60",
                                      "--years", "2023-2024", "--form-survey"]).status == 0)
        let suggest = try PDMonProcess.run(["mapping", "suggest", city + "/form_survey_2023.csv"])
        #expect(suggest.status == 0, "\(suggest.stderr)")
        let draft = try ContractMapping(toml: suggest.stdout, source: "draft.toml")
        #expect(draft.headerAliases[.survey]?[.experienceYears] == ["Сколько полных лет вы работаете педагогом?"])
        #expect(try PDMonProcess.run(["mapping", "suggest", city + "/missing.csv"]).status == 2)
        // The sample's own mapping loads the export with the nightly command's detection.
        #expect(try PDMonProcess.run(["db", "migrate"], environment: environment).status == 0)
        #expect(try PDMonProcess.run(["load", "schools", city + "/schools.csv"], environment: environment).status == 0)
        let load = try PDMonProcess.run(["load", "survey", city + "/form_survey_2023.csv",
                                         "--mapping", city + "/form_survey.mapping.toml"], environment: environment)
        #expect(load.status == 0, "\(load.stdout)\n\(load.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 60)
    }
}
