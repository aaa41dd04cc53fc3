import Foundation
import Testing
import PDCSV
import PDContract
import PDPostgres
@testable import PDWarehouse

/// One case of Tests/PDWarehouseTests/Cases (copied from ../shared/cases, issue 9 §4), run as its
/// cmd.sh runs it: the built `pdmon` against a database of its own, in a copy of the case folder
/// (`etl run` moves the inbox's files).
final class CaseRun {
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    let fixture: LoadFixture
    let folder: URL

    init(_ name: String) throws {
        fixture = try LoadFixture()
        folder = fixture.folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Self.cases.appendingPathComponent(name), to: folder)
    }

    var environment: [String: String] {
        ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
    }

    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// `pdmon ARGS` with the case's files given relative to its folder.
    func pdmon(_ arguments: [String]) throws -> PDMonProcess.Result {
        try PDMonProcess.run(arguments, environment: environment)
    }

    func load(_ kind: String, _ file: String, _ more: [String] = []) throws -> PDMonProcess.Result {
        try pdmon(["load", kind, path(file)] + more)
    }

    func etlRun(_ inbox: String = "inbox") throws -> PDMonProcess.Result {
        try pdmon(["etl", "run", "--inbox", path(inbox)])
    }

    /// (rows_read, rows_loaded, rows_rejected, status) of the last batch of `file`.
    func batch(_ file: String) throws -> [String] {
        try fixture.rows("""
            select rows_read::text, rows_loaded::text, rows_rejected::text, status from dw.etl_batch
            where file_name = $1 order by batch_key desc limit 1
            """, [file]).first?.map { $0 ?? "" } ?? []
    }

    /// (line, column, reason) of the reject entries of the last batch of `file`, in line order.
    func entries(_ file: String) throws -> [[String]] {
        try fixture.rows("""
            select r.line_number::text, r.column_name, r.reason_code from dw.etl_reject r
            where r.batch_key = (select max(batch_key) from dw.etl_batch where file_name = $1)
            order by r.line_number, r.reject_key
            """, [file]).map { $0.map { $0 ?? "" } }
    }

    func count(_ sql: SQL, _ parameters: [String?] = []) throws -> Int { try fixture.count(sql, parameters) }

    /// The files left under `relative` (relative paths, sorted).
    func files(under relative: String) -> [String] {
        let root = folder.appendingPathComponent(relative)
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var found: [String] = []
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(item).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                found.append(item)
            }
        }
        return found.sorted()
    }
}

private func shown(_ result: PDMonProcess.Result) -> Comment {
    Comment(rawValue: "exit \(result.status)\n\(result.stdout)\n\(result.stderr)")
}

@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct RealExportCaseTests {
    @Test("05: title lines and Excel's sep= line above the header are skipped and reported")
    func titleRowsAboveHeader() throws {
        let run = try CaseRun("05-title-rows-above-header")
        let result = try run.etlRun()
        #expect(result.status == 0, shown(result))
        #expect(try run.batch("kpk_title.csv") == ["3", "3", "0", "loaded"])
        #expect(try run.batch("kpk_sepline.csv") == ["3", "3", "0", "loaded"])
        #expect(try run.entries("kpk_title.csv") == [["1", "", "skipped_title_row"], ["2", "", "skipped_title_row"]])
        #expect(try run.entries("kpk_sepline.csv") == [["1", "", "skipped_sep_line"]])
        // 3 + 3 rows loaded; both files hold the same three enrolments, which the warehouse keeps once.
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 3)
        #expect(result.stdout.contains("kpk_title.csv [enrolments] loaded"), shown(result))
        #expect(result.stdout.contains("skipped 2 non-data line(s)"), shown(result))
        let archived = run.files(under: "inbox")
        #expect(archived.count == 5 && archived.allSatisfy { $0.hasPrefix("archive/") }, "\(archived)")
        let report = try #require(archived.first { $0.hasSuffix("kpk_title.csv.errors.csv") })
        let text = try String(contentsOfFile: run.path("inbox/" + report), encoding: .utf8)
        #expect(text.contains("1,,Сведения о прохождении КПК педагогами МБОУ СОШ № 1 за 2023-2024 учебный год,skipped_title_row"))
    }

    @Test("06: an «Итого:» totals row is skipped and reported, not counted against the reject ratio")
    func totalsRow() throws {
        let run = try CaseRun("06-itogo-total-row")
        #expect(try run.load("schools", "schools.csv").status == 0)
        let big = try run.load("enrolments", "kpk_big_2023-2024.csv")
        #expect(big.status == 0, shown(big))
        let small = try run.load("enrolments", "kpk_small_2023-2024.csv")
        #expect(small.status == 0, shown(small))
        #expect(small.stdout.contains("line 10 Учебный год 'Итого:': skipped_totals_row"), shown(small))
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 33)
        #expect(try run.batch("kpk_big_2023-2024.csv") == ["25", "25", "0", "loaded"])
        #expect(try run.batch("kpk_small_2023-2024.csv") == ["8", "8", "0", "loaded"])
        #expect(try run.entries("kpk_big_2023-2024.csv") == [["27", "Учебный год", "skipped_totals_row"]])
        #expect(try run.entries("kpk_small_2023-2024.csv") == [["10", "Учебный год", "skipped_totals_row"]])
    }

    @Test("09: rows ending in extra delimiters, and rows that lost their empty trailing field, load")
    func trailingDelimiters() throws {
        let run = try CaseRun("09-trailing-delimiters")
        #expect(try run.load("schools", "schools.csv").status == 0)
        for file in ["kpk_a_2023-2024.csv", "kpk_b_2023-2024.csv"] {
            let result = try run.load("enrolments", file)
            #expect(result.status == 0, shown(result))
        }
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 23)
        #expect(try run.batch("kpk_a_2023-2024.csv") == ["3", "3", "0", "loaded"])
        #expect(try run.batch("kpk_b_2023-2024.csv") == ["20", "20", "0", "loaded"])
        #expect(try run.count("select count(*) from dw.etl_reject") == 0)
        #expect(try run.count("""
            select count(*) from dw.fact_course_enrolment f inner join dw.etl_batch b on b.batch_key = f.batch_key
            where b.file_name = 'kpk_b_2023-2024.csv' and f.has_certificate
            """) == 0)
        #expect(try run.count("""
            select count(*) from dw.fact_course_enrolment f inner join dw.etl_batch b on b.batch_key = f.batch_key
            where b.file_name = 'kpk_a_2023-2024.csv' and f.has_certificate
            """) == 3)
    }

    @Test("11: Excel's «Текст в Юникоде» (UTF-16LE, BOM, tabs) is read, by load and by the nightly run")
    func utf16UnicodeText() throws {
        let run = try CaseRun("11-utf16-unicode-text")
        #expect(try run.load("schools", "schools.csv").status == 0)
        let load = try run.load("enrolments", "kpk_2023-2024.csv")
        #expect(load.status == 0, shown(load))
        #expect(try run.batch("kpk_2023-2024.csv") == ["3", "3", "0", "loaded"])
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 3)
        #expect(try run.count("""
            select count(*) from dw.dim_course where course_title in
            ('Цифровая образовательная среда', 'Наставничество в школе', 'Обновлённые ФГОС ООО')
            """) == 3)
        let nightly = try run.etlRun()
        #expect(nightly.status == 0, shown(nightly))
        #expect(run.files(under: "inbox").allSatisfy { $0.hasPrefix("archive/") })
        #expect(run.files(under: "inbox").contains { $0.hasSuffix("/kpk_2023-2024.txt") })

        // The nightly run alone, on a fresh warehouse, loads the .txt file itself.
        let fresh = try CaseRun("11-utf16-unicode-text")
        let first = try fresh.etlRun()
        #expect(first.status == 0, shown(first))
        #expect(try fresh.batch("kpk_2023-2024.txt") == ["3", "3", "0", "loaded"])
        #expect(try fresh.count("select count(*) from dw.fact_course_enrolment") == 3)
    }

    @Test("13: one SNILS in its forms is one teacher; a 10-digit one gets its zero back and is reported")
    func snilsFormats() throws {
        let run = try CaseRun("13-snils-formats")
        #expect(try run.load("schools", "schools.csv").status == 0)
        let enrolments = try run.load("enrolments", "kpk_2023-2024.csv")
        #expect(enrolments.status == 0, shown(enrolments))
        let census = try run.load("survey", "monitoring_2023-2024.csv")
        #expect(census.status == 0, shown(census))
        #expect(census.stdout.contains("snils_leading_zero_restored"), shown(census))
        #expect(try run.count("select count(*) from dw.dim_teacher") == 3)
        let perTeacher = try run.fixture.rows("""
            select (select count(*) from dw.fact_course_enrolment e where e.teacher_key = t.teacher_key)::text,
                   (select count(*) from dw.fact_teacher_year y where y.teacher_key = t.teacher_key)::text
            from dw.dim_teacher t order by t.teacher_key
            """)
        #expect(perTeacher.map { $0.map { $0 ?? "" } } == [["1", "1"], ["1", "1"], ["1", "1"]])
        #expect(try run.batch("monitoring_2023-2024.csv") == ["3", "3", "0", "loaded"])
        #expect(try run.entries("monitoring_2023-2024.csv") == [["2", "СНИЛС", "snils_leading_zero_restored"]])
        #expect(try run.entries("kpk_2023-2024.csv").isEmpty)
    }

    @Test("14: a form's multi-select option containing a comma is matched whole")
    func multiselectWithComma() throws {
        let run = try CaseRun("14-forms-multiselect-comma")
        #expect(try run.load("schools", "schools.csv").status == 0)
        let first = try run.load("survey", "forms_2023-2024.csv", ["--mapping", run.path("mapping.toml")])
        #expect(first.status == 0, shown(first))
        let again = try run.load("survey", "forms_2023-2024.csv",
                                 ["--mapping", run.path("mapping.toml"), "--force", "--max-reject-ratio", "0.9"])
        #expect(again.status == 0, shown(again))
        #expect(try run.count("select count(*) from dw.fact_teacher_year") == 6)
        #expect(try run.count("select count(*) from dw.etl_reject") == 0)
        let bridges = try run.fixture.rows("""
            select a.code, count(*)::text from dw.bridge_teacher_year_deficit b
            inner join dw.dim_deficit_area a on a.deficit_area_key = b.deficit_area_key
            group by a.code order by a.code
            """)
        #expect(bridges.map { $0.map { $0 ?? "" } } == [["digital", "6"], ["psychological", "3"]])
        // The three who chose both are the 1st, 3rd and 5th respondents (experience 6, 8, 10).
        let both = try run.fixture.rows("""
            select f.experience_years::text from dw.fact_teacher_year f
            where (select count(*) from dw.bridge_teacher_year_deficit b
                   where b.teacher_key = f.teacher_key and b.academic_year_key = f.academic_year_key) = 2
            order by 1
            """)
        #expect(both.map { $0[0] ?? "" } == ["10", "6", "8"])
    }

    @Test("15: dates with NBSP around them and with a time part load")
    func datesWithNBSPAndTime() throws {
        let run = try CaseRun("15-date-nbsp-and-time")
        #expect(try run.load("schools", "schools.csv").status == 0)
        for file in ["kpk_nbsp_2023-2024.csv", "kpk_1c_2023-2024.csv"] {
            let result = try run.load("enrolments", file)
            #expect(result.status == 0, shown(result))
        }
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 23)
        #expect(try run.count("select count(*) from dw.etl_reject") == 0)
        #expect(try run.count("""
            select count(*) from dw.fact_course_enrolment where start_date_key = 20231002 and end_date_key = 20231020
            """) == 23)
    }

    @Test("17: NUL bytes reject their row (or are padding), never a database error; the nightly run goes on")
    func nulBytes() throws {
        let run = try CaseRun("17-nul-bytes")
        #expect(try run.load("schools", "schools.csv").status == 0)
        for file in ["kpk_a_2023-2024.csv", "kpk_b_2023-2024.csv", "kpk_c_2023-2024.csv"] {
            let result = try run.load("enrolments", file)
            #expect(result.status == 0, shown(result))
        }
        #expect(try run.batch("kpk_a_2023-2024.csv") == ["21", "20", "1", "loaded"])
        #expect(try run.entries("kpk_a_2023-2024.csv") == [["22", "Наименование программы", "nul_byte"]])
        #expect(try run.batch("kpk_b_2023-2024.csv") == ["21", "20", "1", "loaded"])
        #expect(try run.entries("kpk_b_2023-2024.csv") == [["22", "Код ОО", "nul_byte"]])
        #expect(try run.batch("kpk_c_2023-2024.csv") == ["20", "20", "0", "loaded"])
        #expect(try run.entries("kpk_c_2023-2024.csv") == [["22", "", "skipped_nul_padding"]])
        #expect(try run.fixture.rows("select value_masked from dw.etl_reject where reason_code = 'nul_byte' order by 1")
            .map { $0[0] ?? "" } == ["10\u{2400}1", "Основы\u{2400} финансовой грамотности"])
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 20)

        let night = try run.etlRun()
        #expect(night.status == 0, shown(night))
        #expect(try run.batch("b_kpk_2023-2024.csv") == ["5", "5", "0", "loaded"])
        #expect(try run.count("select count(*) from dw.fact_course_enrolment") == 25)
        let second = try run.etlRun()
        #expect(second.status == 0, shown(second))
        #expect(run.files(under: "inbox").allSatisfy { $0.hasPrefix("archive/") }, "\(run.files(under: "inbox"))")

        // The nightly run on a fresh warehouse: a_kpk itself loads with its NUL row rejected.
        let fresh = try CaseRun("17-nul-bytes")
        let first = try fresh.etlRun()
        #expect(first.status == 0, shown(first))
        #expect(try fresh.batch("a_kpk_2023-2024.csv") == ["21", "20", "1", "loaded"])
        #expect(try fresh.batch("b_kpk_2023-2024.csv") == ["5", "5", "0", "loaded"])
        #expect(try fresh.etlRun().status == 0)
    }
}

/// The same kinds of fault in other shapes than the case files, through the loader itself.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct RealExportKindTests {
    static let header = ["Учебный год", "Код ОО", "СНИЛС", "ФИО", "Наименование программы", "Объём, часов",
                         "Дата начала", "Дата окончания", "Номер удостоверения"]

    static func row(_ index: Int, school: String = "S01", start: String = "02.10.2023") -> [String] {
        ["2023-2024", school, "112-233-445 95".replacingOccurrences(of: "95", with: String(format: "%02d", index)),
         "Тестова \(index)", "Курс \(index)", "36", start, "20.10.2023", ""]
    }

    func entries(_ fixture: LoadFixture, _ outcome: LoadOutcome) throws -> [[String]] {
        try fixture.rows("select line_number::text as line, reason_code from dw.etl_reject where batch_key = $1::bigint order by line_number, reject_key",
                         [String(outcome.batchKey ?? 0)]).map { $0.map { $0 ?? "" } }
    }

    @Test func utf16BigEndianWithATitleATotalsRowAndARepeatedHeaderLoads() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var writer = CSVWriter(delimiter: UInt8(ascii: ";"), encoding: .utf16BigEndian)
        writer.writeBOM()
        writer.writeRecord(["Отчёт о КПК педагогов за 2023-2024 год"])             // line 1
        writer.writeRecord(Self.header)                                              // line 2
        for index in 1...5 { writer.writeRecord(Self.row(index)) }                   // lines 3-7
        writer.writeRecord(Self.header)                                              // line 8: pasted export
        for index in 6...10 { writer.writeRecord(Self.row(index, school: "S02")) }   // lines 9-13
        writer.writeRecord(["", "ВСЕГО:", "", "", "", "360", "", "", ""])             // line 14
        let path = fixture.folder.appendingPathComponent("kpk_2023-2024.txt").path
        try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
        let outcome = try fixture.load(path)
        #expect(outcome.status == .loaded && outcome.kind == .enrolments, "\(outcome.summaryLine) \(outcome.rejects)")
        #expect(outcome.rowsRead == 10 && outcome.rowsLoaded == 10 && outcome.rowsRejected == 0)
        let stored = try entries(fixture, outcome)
        #expect(stored == [["1", "skipped_title_row"], ["8", "skipped_repeated_header"], ["14", "skipped_totals_row"]],
                "\(stored)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 10)
    }

    @Test func tabsCP1251NBSPDatesAndATotalsRowInASmallFile() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var lines = [Self.header.joined(separator: "\t")]
        lines += (1...3).map { Self.row($0, start: "\u{00A0}0\($0).10.2023 0:00:00\u{00A0}").joined(separator: "\t") }
        lines.append("Итого\t\t\t\t\t108\t\t\t")
        let outcome = try fixture.load(try fixture.write("kpk_2023-2024.csv", lines.joined(separator: "\r\n"), cp1251: true))
        #expect(outcome.status == .loaded && outcome.rowsLoaded == 3 && outcome.rowsRejected == 0,
                "\(outcome.summaryLine) \(outcome.rejects)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment where start_date_key between 20231001 and 20231003") == 3)
    }

    @Test func realBadRowsStillCountAndTheirValuesAreStoredAsWritten() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var lines = [Self.header.joined(separator: ";")]
        lines += (1...9).map { Self.row($0).joined(separator: ";") }
        lines.append(Self.row(10, school: "S0\u{0}1").joined(separator: ";"))                      // NUL: rejected
        lines.append(Self.row(11).joined(separator: ";").replacingOccurrences(of: "112-233-445 11", with: "12345")) // bad SNILS
        lines.append("Итого:;;;;;396;;;")
        let outcome = try fixture.load(try fixture.write("kpk.csv", lines.joined(separator: "\n")), ratio: 0.5)
        #expect(outcome.status == .loaded && outcome.rowsRead == 11 && outcome.rowsRejected == 2 && outcome.rowsLoaded == 9,
                "\(outcome.summaryLine)")
        #expect(try entries(fixture, outcome) == [["11", "nul_byte"], ["12", "bad_snils"], ["13", "skipped_totals_row"]])
        // Over the default ratio the same file is refused: 2 of 11 data rows, the totals row not counted.
        let refused = try fixture.load(try fixture.write("kpk2.csv", lines.joined(separator: "\n")), force: true)
        #expect(refused.status == .refused && refused.rowsRead == 11 && refused.rowsRejected == 2, "\(refused.summaryLine)")
    }

    @Test func aTitleTooLongForTheIndexRejectsItsRowNotTheRun() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var lines = [Self.header.joined(separator: ";")]
        lines += (1...20).map { Self.row($0).joined(separator: ";") }
        var long = Self.row(21)
        // Incompressible text: PostgreSQL cannot fit it in an index row even compressed.
        var random = SeededRandom()
        let alphabet = Array("абвгдежзиклмнопрстуфхцчшщэюяABCDEFXYZ0123456789")
        long[4] = String((0..<3000).map { _ in alphabet.randomElement(using: &random)! })
        lines.append(long.joined(separator: ";"))
        let outcome = try fixture.load(try fixture.write("kpk_2023-2024.csv", lines.joined(separator: "\n")))
        #expect(outcome.status == .loaded && outcome.rowsLoaded == 20 && outcome.rowsRejected == 1, "\(outcome.summaryLine)")
        #expect(outcome.rejects.map(\.reasonCode) == ["too_long"])
    }

    @Test func aMissingColumnRefusalShowsTheHeaderCellsRead() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let text = "Сведения;;\nУчебный год;Код ОО;СНИЛС;Программа;Начало;Окончание\n2023-2024;S01;112-233-445 95;К;02.10.2023;20.10.2023\n"
        let outcome = try fixture.load(try fixture.write("kpk.csv", text), kind: .enrolments)
        #expect(outcome.status == .refused && outcome.kind == .enrolments)
        let entry = try #require(outcome.rejects.first)
        #expect(entry.reasonCode == "missing_column" && entry.line == 2)
        #expect(entry.reasonText.contains("not matched: «Программа», «Начало», «Окончание»"), "\(entry.reasonText)")
    }
}

/// A fixed-seed generator, so the long title is the same incompressible text on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
