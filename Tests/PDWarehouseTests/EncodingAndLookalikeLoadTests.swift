import Foundation
import Testing
import PDCSV
import PDContract
import PDPostgres
@testable import PDWarehouse

/// Issue 9 §4 through the loader: a UTF-8 export with lines pasted from a Windows-1251 one, and
/// Latin look-alike letters in Cyrillic headers and codes.
@Suite("Encodings by line and look-alike letters, loaded")
struct EncodingAndLookalikeLoadTests {
    static let header = "Учебный год;Код ОО;СНИЛС;ФИО;Наименование программы;Форма обучения;Дата начала;Дата окончания;Статус\n"

    static func row(_ number: Int, delivery: String = "ДОТ") -> String {
        let snils = String(format: "%03d-456-789 %02d", number, number % 100)
        return "2023-2024;S01;\(snils);Иванова Мария;Курс № \(number) «Цифровая школа»;\(delivery);02.10.2023;20.10.2023;завершено\n"
    }

    @Test("a UTF-8 export with two lines pasted from Windows-1251 loads; those lines are rejected by line and column")
    func pastedWindows1251Lines() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var bytes = Array(Self.header.utf8)
        for number in 1...60 {
            bytes += [17, 42].contains(number) ? CP1251.encode(Self.row(number)) : Array(Self.row(number).utf8)
        }
        let path = fixture.folder.appendingPathComponent("kpk_mixed.csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let outcome = try fixture.load(path, kind: .enrolments)
        #expect(outcome.status == .loaded && outcome.rowsRead == 60 && outcome.rowsLoaded == 58 && outcome.rowsRejected == 2,
                "\(outcome.summaryLine) \(outcome.rejects)")
        // Rows 17 and 42 are lines 18 and 43; the first column that is not UTF-8 is ФИО (the name is masked).
        #expect(outcome.rejects.map { [String($0.line), $0.column, $0.reasonCode] }
                == [["18", "ФИО", "invalid_utf8"], ["43", "ФИО", "invalid_utf8"]])
        #expect(outcome.rejects.allSatisfy { $0.value == "***" && $0.reasonText.contains("UTF-8") })
        // Nothing was decoded as Windows-1251: every stored title reads as written.
        #expect(try fixture.count("select count(*) from dw.dim_course where course_title like 'Курс № % «Цифровая школа»'") == 58)
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'invalid_utf8'") == 2)
    }

    @Test("a genuine Windows-1251 export still reads as Windows-1251")
    func genuineWindows1251() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let path = try fixture.write("kpk_cp1251.csv", Self.header + (1...5).map { Self.row($0) }.joined(), cp1251: true)
        let outcome = try fixture.load(path, kind: .enrolments)
        #expect(outcome.status == .loaded && outcome.rowsLoaded == 5 && outcome.rejects.isEmpty, "\(outcome.summaryLine) \(outcome.rejects)")
        #expect(try fixture.count("select count(*) from dw.dim_course where course_title like 'Курс № % «Цифровая школа»'") == 5)
    }

    @Test("look-alike letters in the header and in codes are read as Cyrillic and reported as notices, not rejects")
    func lookalikeLetters() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        // «Кoд ОО», «Фoрма обучения» with a Latin o; «ДOT» with Latin O and T; «зaвершено» with a Latin a.
        let header = Self.header.replacingOccurrences(of: "Код ОО", with: "Кoд ОО")
            .replacingOccurrences(of: "Форма обучения", with: "Фoрма обучения")
        let rows = Self.row(1) + Self.row(2, delivery: "ДOT") + Self.row(3).replacingOccurrences(of: "завершено", with: "зaвершено")
        let path = try fixture.write("kpk_lookalike.csv", header + rows)
        let outcome = try fixture.load(path)
        #expect(outcome.status == .loaded && outcome.kind == .enrolments && outcome.rowsLoaded == 3 && outcome.rowsRejected == 0,
                "\(outcome.summaryLine) \(outcome.rejects)")
        #expect(outcome.rejects.map { [String($0.line), $0.column, $0.value, $0.reasonCode] } == [
            ["1", "Кoд ОО", "Кoд ОО", "lookalike_letters_read_as_cyrillic"],
            ["1", "Фoрма обучения", "Фoрма обучения", "lookalike_letters_read_as_cyrillic"],
            ["3", "Фoрма обучения", "ДOT", "lookalike_letters_read_as_cyrillic"],
            ["4", "Статус", "зaвершено", "lookalike_letters_read_as_cyrillic"],
        ])
        #expect(outcome.rejects.allSatisfy { $0.isNotice })
        #expect(outcome.summaryLine.contains("notices 4"))
        #expect(try fixture.count("select count(*) from dw.dim_course where delivery = 'distance'") == 3)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment where status = 'completed'") == 3)
        let stored = try fixture.rows("""
            select r.line_number::text, r.reason_code from dw.etl_reject r
            where r.batch_key = $1::bigint order by r.line_number, r.reject_key
            """, [String(outcome.batchKey ?? 0)])
        #expect(stored.count == 4 && stored.allSatisfy { $0[1] == "lookalike_letters_read_as_cyrillic" })
    }

    @Test("the nightly run loads a UTF-8 export with a pasted Windows-1251 line, reports that line, exit 0, and nothing is stuck")
    func nightlyRun() throws {
        let fixture = try LoadFixture()
        let inbox = fixture.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Код ОО;Наименование;Тип ОО\nS01;Школа № 1;общеобразовательная\n".utf8)
            .write(to: inbox.appendingPathComponent("a_schools.csv"))
        var bytes = Array(Self.header.utf8)
        for number in 1...21 { bytes += number == 12 ? CP1251.encode(Self.row(number)) : Array(Self.row(number).utf8) }
        try Data(bytes).write(to: inbox.appendingPathComponent("b_kpk_2023-2024.csv"))
        let environment = ["PDMON_DATABASE_URL": fixture.db.url, "PDMON_PSEUDONYM_KEY": LoadFixture.key]
        let night = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
        #expect(night.status == 0, "\(night.stdout)\n\(night.stderr)")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 20)
        let rejects = try fixture.rows("""
            select r.line_number::text, r.column_name, r.reason_code from dw.etl_reject r
            inner join dw.etl_batch b on b.batch_key = r.batch_key where b.file_name = 'b_kpk_2023-2024.csv'
            """)
        #expect(rejects.map { $0.map { $0 ?? "" } } == [["13", "ФИО", "invalid_utf8"]])
        let second = try PDMonProcess.run(["etl", "run", "--inbox", inbox.path], environment: environment)
        #expect(second.status == 0, "\(second.stdout)\n\(second.stderr)")
    }
}
