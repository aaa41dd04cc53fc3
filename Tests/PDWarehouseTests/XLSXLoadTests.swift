import Foundation
import PDCSV
import PDContract
import PDPostgres
import PDXLSX
import Testing
@testable import PDWarehouse

/// Workbooks load as their CSV exports do (issue 9 §1): the sheet is chosen by its header, cells
/// are read as a CSV export of them would carry them, and a workbook that cannot be read is
/// refused (exit 1) with what to do, never a database error.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct XLSXLoadTests {
    /// The enrolments of `ExportText.enrolmentsCanonical` as typed cells: dates as date cells,
    /// hours as numbers, codes and ids as text.
    static func enrolmentRows() throws -> [[XLSXValue]] {
        try WorkbookExport.typedRows(ofCSV: Array(ExportText.enrolmentsCanonical.utf8))
    }

    @Test func aWorkbookLoadsTheSameFactsAsItsCSV() throws {
        let csv = try LoadFixture()
        try csv.loadSchools()
        let csvOutcome = try csv.load(try csv.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical))
        #expect(csvOutcome.status == .loaded, "\(csvOutcome.summaryLine)")

        let xlsx = try LoadFixture()
        try xlsx.loadSchools()
        let path = xlsx.folder.appendingPathComponent("kpk_2023-2024.xlsx").path
        try XLSXWriter.write(path: path, sheets: [("Лист1", try Self.enrolmentRows())], header: false)
        let outcome = try xlsx.load(path)
        #expect(outcome.status == .loaded, "\(outcome.summaryLine) \(outcome.rejects)")
        #expect(outcome.kind == .enrolments)
        #expect(outcome.rowsLoaded == csvOutcome.rowsLoaded)
        #expect(try xlsx.enrolmentFacts() == csv.enrolmentFacts())
    }

    @Test func theFirstVisibleSheetWithAnExportHeaderIsRead() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let path = fixture.folder.appendingPathComponent("book.xlsx").path
        let writer = try XLSXWriter(path: path)
        let notes = try writer.addSheet(named: "Пояснения")
        try notes.append([.text("Выгрузка КПК за 2023/24 учебный год")])
        try notes.append([.text("Составил: методист")])
        let data = try writer.addSheet(named: "Данные", frozenRows: 1)
        for row in try Self.enrolmentRows() { try data.append(row) }
        try writer.close()

        let outcome = try fixture.load(path)
        #expect(outcome.status == .loaded, "\(outcome.summaryLine) \(outcome.rejects)")
        #expect(outcome.rowsLoaded == 3)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 3)
    }

    @Test func sheetNamesTheSheetAndAWorkbookWithoutAMatchingSheetIsRefusedNamingItsSheets() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let path = fixture.folder.appendingPathComponent("book.xlsx").path
        try XLSXWriter.write(path: path, sheets: [
            ("Свод", [[.text("Итого по городу")], [.integer(3)]]),
            ("КПК", try Self.enrolmentRows()),
        ], header: false)
        let loader = fixture.loader()
        defer { loader.close() }

        let missing = try loader.load(LoadRequest(path: path, sheet: "Нет такого"))
        #expect(missing.status == .refused)
        #expect(missing.message.contains("«Нет такого»") && missing.message.contains("«Свод», «КПК»"), "\(missing.message)")

        let wrong = try loader.load(LoadRequest(path: path, sheet: "Свод"))
        #expect(wrong.status == .refused)
        #expect(wrong.message.contains("«Свод»"), "\(wrong.message)")

        let named = try loader.load(LoadRequest(path: path, sheet: "КПК"))
        #expect(named.status == .loaded, "\(named.summaryLine)")

        let other = fixture.folder.appendingPathComponent("other.xlsx").path
        try XLSXWriter.write(path: other, sheets: [
            ("Лист1", [[.text("что-то")], [.integer(1)]]), ("Лист2", [[.text("ещё")]]),
        ], header: false)
        let none = try loader.load(LoadRequest(path: other))
        #expect(none.status == .refused)
        #expect(none.rejects.first?.reasonCode == "no_matching_sheet")
        #expect(none.message.contains("«Лист1», «Лист2»"), "\(none.message)")
    }

    /// Not a workbook, a damaged one, an Excel 97–2003 file: refused (exit 1), with what to do.
    @Test(arguments: ["zip", "truncated", "xls"])
    func aFileThatLooksLikeAWorkbookButCannotBeReadIsRefused(variant: String) throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let good = fixture.folder.appendingPathComponent("good.xlsx").path
        try XLSXWriter.write(path: good, sheets: [("КПК", try Self.enrolmentRows())], header: false)
        let bytes: [UInt8]
        switch variant {
        case "zip":
            // A ZIP archive with no workbook in it: its bytes start like one.
            bytes = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 60)
        case "truncated":
            let whole = Array(try Data(contentsOf: URL(fileURLWithPath: good)))
            bytes = Array(whole.prefix(whole.count / 2))
        default:
            bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        }
        let path = fixture.folder.appendingPathComponent("kpk.\(variant == "xls" ? "xls" : "xlsx")").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let outcome = try fixture.load(path)
        #expect(outcome.status == .refused)
        #expect(outcome.rejects.first?.reasonCode == "unreadable_workbook", "\(outcome.rejects)")
        #expect(outcome.message.contains("xlsx") || outcome.message.contains("XLSX"), "\(outcome.message)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        let recorded = try fixture.rows("select status from dw.etl_batch where file_name = $1", [URL(fileURLWithPath: path).lastPathComponent])
        #expect(recorded == [["refused"]])
    }

    /// A date cell and a number cell read as the contract reads their CSV spellings; a
    /// date-looking text cell goes through the date rules as text; a bad value in a cell is a
    /// rejected row with its spreadsheet row number.
    @Test func cellsAreReadAsTheirCSVSpellingsAndRejectsNameTheSpreadsheetRow() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var rows = try Self.enrolmentRows()
        // Row 3 of the sheet: the start date as text in the Russian spelling; row 4: hours as text that is no number.
        rows[2][15] = .text("15.01.2024")
        rows[3][9] = .text("много")
        let path = fixture.folder.appendingPathComponent("kpk_2023-2024.xlsx").path
        try XLSXWriter.write(path: path, sheets: [("КПК", rows)], header: false)
        let outcome = try fixture.load(path, ratio: 0.5)
        #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
        #expect(outcome.rowsLoaded == 2)
        let reject = try #require(outcome.rejects.first { !$0.isNotice })
        #expect(reject.line == 4 && reject.value == "много", "\(reject)")
        let dates = try fixture.rows("""
            select d.full_date::text from dw.fact_course_enrolment as f
            inner join dw.dim_date as d on f.start_date_key = d.date_key order by 1
            """)
        #expect(dates == [["2023-10-02"], ["2024-01-15"]])
    }
}

/// Sample-city exports written as workbooks, the way a methodologist's spreadsheet holds them.
enum WorkbookExport {
    /// The rows of a CSV export as typed cells: the header as text; under a date field a value
    /// that is a date (`yyyy-mm-dd` or `dd.mm.yyyy`) as a date cell; under a numeric field a
    /// whole number as a number cell; everything else (codes, ids, bad values) as text.
    static func typedRows(ofCSV bytes: [UInt8], mapping: ContractMapping = .none) throws -> [[XLSXValue]] {
        var reader = try CSVReader(bytes: bytes)
        guard try reader.next() else { return [] }
        let header = reader.record.strings()
        let map = try ExportKind.detect(header: header, mapping: mapping)
        let dateColumns = Set([ContractField.startDate, .endDate].compactMap { map.index(of: $0) })
        let numberColumns = Set([ContractField.hours, .experienceYears, .conferences, .seminars, .webinars,
                                 .internships, .publications].compactMap { map.index(of: $0) })
        var rows: [[XLSXValue]] = [header.map { .text($0) }]
        while try reader.next() {
            let cells = reader.record.strings()
            rows.append(cells.enumerated().map { index, value -> XLSXValue in
                if value.isEmpty { return .empty }
                if dateColumns.contains(index), let date = date(value) { return .date(date) }
                if numberColumns.contains(index), let number = Int(value) { return .integer(number) }
                return .text(value)
            })
        }
        return rows
    }

    /// `yyyy-mm-dd` or `dd.mm.yyyy`, else nil.
    static func date(_ text: String) -> XLSXDate? {
        let iso = text.split(separator: "-").compactMap { Int($0) }
        if iso.count == 3, text.count == 10 { return XLSXDate(year: iso[0], month: iso[1], day: iso[2]) }
        let russian = text.split(separator: ".").compactMap { Int($0) }
        if russian.count == 3, text.count == 10 { return XLSXDate(year: russian[2], month: russian[1], day: russian[0]) }
        return nil
    }

    /// Writes each CSV file of `folder` as a workbook of the same name (`.xlsx`) into `target`,
    /// one sheet «Лист1».
    static func convertFolder(_ folder: URL, to target: URL) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".csv") {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let rows = try typedRows(ofCSV: bytes)
            let path = target.appendingPathComponent(String(name.dropLast(4)) + ".xlsx").path
            try XLSXWriter.write(path: path, sheets: [("Лист1", rows)], header: false)
        }
    }
}

/// The sample city's exports given as workbooks load to exactly the same warehouse as the
/// same exports given as CSV (issue 9, "Done when"): the same facts, the same rejected rows,
/// the same indicators.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct SampleCityWorkbookTests {
    @Test func theSampleCityAsWorkbooksGivesTheSameWarehouseAsItsCSV() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-xlsx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let csvInbox = work.appendingPathComponent("csv")
        let xlsxInbox = work.appendingPathComponent("xlsx")
        let generated = try PDMonProcess.run(["sample", "--out", csvInbox.path, "--schools", "6", "--teachers", "240",
                                              "--years", "2021-2022..2023-2024", "--seed", "7", "--messy"])
        #expect(generated.status == 0, "\(generated.stderr)")
        try WorkbookExport.convertFolder(csvInbox, to: xlsxInbox)

        var answers: [[String]] = []
        for inbox in [csvInbox, xlsxInbox] {
            let db = try TestDatabase()
            let environment = ["PDMON_DATABASE_URL": db.url, "PDMON_PSEUDONYM_KEY": "sample-city-workbook-key-0123456789"]
            #expect(try PDMonProcess.run(["db", "migrate"], environment: environment).status == 0)
            let run = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
            #expect([0, 1].contains(run.status), "\(run.stdout)\n\(run.stderr)")
            #expect(!run.stdout.contains("NOT LOADED"), "\(run.stdout)")
            let connection = try db.connect()
            defer { connection.close() }
            var answer: [String] = []
            for query in Self.queries {
                answer.append(try connection.execute(query).rows.map { $0.map { $0 ?? "∅" }.joined(separator: "|") }
                    .joined(separator: "\n"))
            }
            for arguments in [["report", "indicators", "--year", "2023-2024", "--format", "csv"],
                              ["report", "trend", "--indicator", "pd_coverage_3y", "--format", "csv"]] {
                let report = try PDMonProcess.run(arguments, environment: environment)
                #expect(report.status == 0, "\(report.stderr)")
                answer.append(report.stdout)
            }
            answers.append(answer)
        }
        #expect(answers[0].count == answers[1].count)
        for (index, (csv, xlsx)) in zip(answers[0], answers[1]).enumerated() {
            #expect(csv == xlsx, "answer \(index) differs:\nCSV:\n\(csv.prefix(2000))\nXLSX:\n\(xlsx.prefix(2000))")
        }
        #expect(!answers[0][0].isEmpty)
    }

    /// Natural values only (no surrogate or batch keys, which depend on the order of loading).
    static let queries: [SQL] = [
        """
        select b.kind, b.status, sum(b.rows_read), sum(b.rows_loaded), sum(b.rows_rejected)
        from dw.etl_batch as b group by 1, 2 order by 1, 2
        """,
        """
        select s.school_code, f.academic_year_key, c.course_title, c.hours, f.start_date_key, f.end_date_key,
            f.status, f.subject, f.position, f.has_certificate, encode(t.teacher_pseudonym, 'hex')
        from dw.fact_course_enrolment as f
        inner join dw.dim_school as s on f.school_key = s.school_key
        inner join dw.dim_course as c on f.course_key = c.course_key
        inner join dw.dim_teacher as t on f.teacher_key = t.teacher_key
        order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        """,
        """
        select s.school_code, f.academic_year_key, encode(t.teacher_pseudonym, 'hex'), f.experience_years, f.qualification_category,
            f.mentoring_role, f.network_communities, f.conferences, f.seminars, f.webinars, f.publications
        from dw.fact_teacher_year as f
        inner join dw.dim_school as s on f.school_key = s.school_key
        inner join dw.dim_teacher as t on f.teacher_key = t.teacher_key
        order by 1, 2, 3
        """,
    ]
}
