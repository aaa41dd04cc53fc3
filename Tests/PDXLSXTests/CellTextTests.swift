import Testing
@testable import PDXLSX

@Suite struct CellTextTests {
    @Test(arguments: [
        ("1234567890", "1234567890"),
        ("1.23456789E9", "1234567890"),
        ("1234567890.0", "1234567890"),
        ("72", "72"),
        ("72.0", "72"),
        ("007", "7"),
        ("-0", "0"),
        ("0", "0"),
        ("-15", "-15"),
        ("0.1", "0.1"),
        ("0.30000000000000004", "0.3"),
        ("71.999999999999986", "72"),
        ("2.5E-3", "0.0025"),
        ("1E-7", "0.0000001"),
        ("123456789012345", "123456789012345"),
        ("1.2345678901234567E+16", "12345678901234600"),
        ("1E+300", "1E+300"),
        ("12.50", "12.5"),
        ("not a number", "not a number"),
    ])
    func numbers(raw: String, text: String) {
        #expect(CellText.number(raw) == text)
    }

    @Test func exactNumbersKeepEveryDigit() {
        #expect(CellText.exactNumber(0.1 + 0.2) == "0.30000000000000004")
        #expect(CellText.exactNumber(1234567890) == "1234567890")
        #expect(CellText.exactNumber(-2.5) == "-2.5")
        #expect(Double(CellText.exactNumber(1.0 / 3.0)) == 1.0 / 3.0)
    }

    @Test(arguments: [
        ("dd/mm/yyyy;@", NumberFormatKind.date),
        ("[$-419]d mmmm yyyy", .date),
        ("[$-F800]dddd, mmmm dd, yyyy", .date),
        ("DD.MM.YYYY", .date),
        ("mmm-yy", .date),
        ("m", .date),
        ("dd.mm.yyyy h:mm", .date),
        ("h:mm", .time),
        ("hh:mm:ss AM/PM", .time),
        ("mm:ss", .time),
        ("[h]:mm:ss", .elapsed),
        ("0.00%", .number),
        ("\"дней\"0", .number),
        ("General", .number),
        ("# ##0,00\\ \"₽\"", .number),
        ("0.00E+00", .number),
        ("[Red]0.00;[Blue]-0.00", .number),
        ("0;\"date\"", .number),
        ("@", .number),
    ])
    func formatKinds(code: String, kind: NumberFormatKind) {
        #expect(NumberFormats.kind(code: code) == kind)
    }

    @Test func builtInFormats() {
        for id in [14, 15, 16, 17, 22, 27, 30, 36, 50, 58] { #expect(NumberFormats.kind(builtIn: id) == .date) }
        for id in [18, 19, 20, 21, 45, 47] { #expect(NumberFormats.kind(builtIn: id) == .time) }
        #expect(NumberFormats.kind(builtIn: 46) == .elapsed)
        for id in [0, 1, 2, 9, 10, 11, 12, 37, 49] { #expect(NumberFormats.kind(builtIn: id) == .number) }
    }

    @Test func the1900SystemKeepsExcelsLeapYearBug() {
        func date(_ serial: Double) -> String? { CellText.date(serial: serial, kind: .date, uses1904: false) }
        #expect(date(1) == "01.01.1900")
        #expect(date(59) == "28.02.1900")
        #expect(date(60) == "29.02.1900")
        #expect(date(61) == "01.03.1900")
        #expect(date(0) == "00.01.1900")
        #expect(date(45_201) == "02.10.2023")
        #expect(date(45_201.5) == "02.10.2023 12:00:00")
        #expect(date(45_201.999_999_9) == "03.10.2023")
        #expect(date(2_958_465) == "31.12.9999")
        #expect(date(-1) == nil)
        #expect(date(3_000_000) == nil)
    }

    @Test func the1904System() {
        #expect(CellText.date(serial: 0, kind: .date, uses1904: true) == "01.01.1904")
        #expect(CellText.date(serial: 43_739, kind: .date, uses1904: true) == "02.10.2023")
    }

    @Test func timesOfDayAndElapsedTimes() {
        #expect(CellText.date(serial: 0.75, kind: .time, uses1904: false) == "18:00:00")
        #expect(CellText.date(serial: 45_201.25, kind: .time, uses1904: false) == "06:00:00")
        #expect(CellText.date(serial: 1.5, kind: .elapsed, uses1904: false) == "36:00:00")
    }

    @Test func serialsAreTheInverseOfDates() {
        for (year, month, day) in [(1900, 1, 1), (1900, 2, 28), (1900, 3, 1), (2023, 10, 2), (2024, 2, 29)] {
            let serial = CellText.serial(year: year, month: month, day: day, seconds: 0)
            let text = CellText.date(serial: serial, kind: .date, uses1904: false)
            #expect(text == String(format: "%02d.%02d.%04d", day, month, year))
        }
        #expect(CellText.serial(year: 2023, month: 10, day: 2, seconds: 0) == 45_201)
    }

    @Test func isoDateCells() {
        #expect(CellText.isoDate("2023-10-02") == "02.10.2023")
        #expect(CellText.isoDate("2023-10-02T00:00:00") == "02.10.2023")
        #expect(CellText.isoDate("2023-10-02T14:30:05.250Z") == "02.10.2023 14:30:05")
        #expect(CellText.isoDate("14:30:00") == "14:30:00")
        #expect(CellText.isoDate("02.10.2023") == nil)
    }

    @Test func escapes() {
        #expect(CellText.unescape("a_x000D_b") == "a\rb")
        #expect(CellText.unescape("_x005F_x0041_") == "_x0041_")
        #expect(CellText.unescape("no_escape_x12") == "no_escape_x12")
        for text in ["a\rb", "_x0041_", "tab\tand\nline", "bell\u{7}", "<&>"] {
            #expect(CellText.unescape(unXML(XMLText.content(text))) == text)
        }
    }

    /// Undoes the XML entity escaping (the parser's part), leaving the `_xHHHH_` escapes.
    private func unXML(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func columnLetters() {
        #expect(SheetParser.columnIndex(of: "A1") == 0)
        #expect(SheetParser.columnIndex(of: "Z9") == 25)
        #expect(SheetParser.columnIndex(of: "AA10") == 26)
        #expect(SheetParser.columnIndex(of: "XFD1048576") == 16_383)
        #expect(SheetParser.columnIndex(of: "$B$2") == 1)
        #expect(SheetParser.columnIndex(of: "12") == nil)
        #expect(SheetParser.columnIndex(of: "ABCD1") == nil)
        #expect(SheetParser.columnIndex(of: "A1B") == nil)
        #expect(SheetParser.columnName(0) == "A")
        #expect(SheetParser.columnName(16_383) == "XFD")
        #expect(SheetParser.columnName(701) == "ZZ")
        #expect(SheetParser.columnName(702) == "AAA")
    }
}
