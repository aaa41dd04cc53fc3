import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PDXLSX
import ZIPFoundation

@Suite struct WriterTests {
    static let tricky = ["Код ОО", "0042", "  пробелы по краям  ", "две\nстроки", "возврат\rкаретки", "a & b <c> \"d\" 'e'",
                         "_x0041_ остаётся", "звонок\u{7}", "табуляция\tвнутри", "Ёлка — «ёж»", ""]

    static func everyKind() -> [[XLSXValue]] {
        [
            [.text("Текст"), .text("Целое"), .text("Число"), .text("Доля"), .text("Флаг"), .text("Дата"), .text("Дата и время")],
            [.text("0042"), .integer(1_234_567_890), .number(72), .number(0.675, .percent(1)), .boolean(true),
             .date(XLSXDate(year: 2023, month: 10, day: 2)!), .date(XLSXDate(year: 2023, month: 10, day: 2, hour: 14, minute: 30)!)],
            [.text("Иванова"), .integer(-15), .number(0.1 + 0.2, .decimal(2)), .number(1, .percent(0)), .boolean(false),
             .date(XLSXDate(year: 1900, month: 1, day: 1)!), .date(XLSXDate(year: 1900, month: 2, day: 28, hour: 23, minute: 59, second: 59)!)],
            [.empty, .integer(0), .number(-2.5, .custom("# ##0.0\" ч.\"")), .empty, .empty, .empty,
             .date(XLSXDate(year: 2024, month: 2, day: 29)!)],
        ]
    }

    static let expectedValues = [
        ["Текст", "Целое", "Число", "Доля", "Флаг", "Дата", "Дата и время"],
        ["0042", "1234567890", "72", "0.675", "true", "02.10.2023", "02.10.2023 14:30:00"],
        ["Иванова", "-15", "0.3", "1", "false", "01.01.1900", "28.02.1900 23:59:59"],
        ["", "0", "-2.5", "", "", "", "29.02.2024"],
    ]

    static let expectedKinds: [[XLSXCellKind]] = [
        Array(repeating: .text, count: 7),
        [.text, .number, .number, .number, .boolean, .date, .date],
        [.text, .number, .number, .number, .boolean, .date, .date],
        [.empty, .number, .number, .empty, .empty, .empty, .date],
    ]

    @Test(arguments: [false, true])
    func everyCellTypeRoundTrips(sharedStrings: Bool) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("kinds.xlsx")
        try XLSXWriter.write(path: path, sheets: [("Все типы", Self.everyKind()), ("Строки", Self.tricky.map { [.text($0)] })],
                             sharedStrings: sharedStrings)
        let rows = try readRows(path)
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows.map(\.values) == Self.expectedValues)
        #expect(rows.map(\.kinds) == Self.expectedKinds)

        // Text comes back exactly, whitespace, line breaks and control characters included; an
        // empty text still makes a (blank) row.
        let texts = try readRows(path, sheet: "Строки")
        #expect(texts.map { $0.string(at: 0) } == Self.tricky)
        #expect(texts.map(\.number) == Array(1...Self.tricky.count))

        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        #expect((archive["xl/sharedStrings.xml"] != nil) == sharedStrings)
    }

    @Test func thePackageHasEveryRequiredPart() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("parts.xlsx")
        try XLSXWriter.write(path: path, sheets: [("Первый", [[.text("a")]]), ("Второй", [[.integer(1)]])])
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let names = archive.map(\.path)
        #expect(names.first == "[Content_Types].xml")
        #expect(Set(names) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                               "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        let types = try Self.part("[Content_Types].xml", of: archive)
        #expect(types.contains("/xl/worksheets/sheet2.xml"))
        #expect(types.contains("spreadsheetml.sheet.main+xml"))
        for name in names where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            let data = Data(try Self.part(name, of: archive).utf8)
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(name) is not well-formed XML")
        }
        #expect(XLSXWorkbook.isWorkbook(path: path))
        #expect(try XLSXWorkbook(path: path).sheets.map(\.name) == ["Первый", "Второй"])
    }

    @Test func headerRowIsFrozenAndColumnsHaveWidths() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("layout.xlsx")
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Показатели", frozenRows: 1)
        try sheet.appendHeader(["Код", "Наименование образовательной организации", "Доля"])
        try sheet.append([.text("1"), .text("МБОУ «Средняя общеобразовательная школа № 1»"), .number(0.5, .percent(1))])
        sheet.setColumnWidth(30, forColumn: 2)
        try writer.close()

        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let xml = try Self.part("xl/worksheets/sheet1.xml", of: archive)
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"8\" customWidth=\"1\"/>"))
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"46\" customWidth=\"1\"/>"))
        #expect(xml.contains("<col min=\"3\" max=\"3\" width=\"30\" customWidth=\"1\"/>"))
        // Bold header cells and the percent format are styles of their own.
        let styles = try Self.part("xl/styles.xml", of: archive)
        #expect(styles.contains("<b/>"))
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"))
        let rows = try readRows(path, sheet: "Показатели")
        #expect(rows[1].values == ["1", "МБОУ «Средняя общеобразовательная школа № 1»", "0.5"])
    }

    @Test func sheetNamesFollowExcelsRules() throws {
        #expect(XLSXWriter.sheetNameProblem("Итоги по школам за 2023-2024 гг") == nil) // 31 characters
        #expect(XLSXWriter.sheetNameProblem("Итоги по школам за 2023-2024 год") != nil) // 32
        for bad in ["", "a:b", "a\\b", "a/b", "a?b", "a*b", "[a]", "'a", "a'", "History", "HISTORY"] {
            #expect(XLSXWriter.sheetNameProblem(bad) != nil, "«\(bad)» must be refused")
        }
        #expect(XLSXWriter.sheetNameProblem("Школа № 1 (ИТОГО) — 'план' 2") == nil)

        let scratch = try Scratch()
        defer { scratch.remove() }
        let writer = try XLSXWriter(path: scratch.path("names.xlsx"))
        _ = try writer.addSheet(named: "Итоги")
        #expect(xlsxError { _ = try writer.addSheet(named: "ИТОГИ") }.map { "\($0)" }?.contains("уже есть") == true)
        guard case .invalidSheetName(let name, _)? = xlsxError({ _ = try writer.addSheet(named: "2023/2024") }) else {
            Issue.record("a slash in a sheet name must be refused")
            return
        }
        #expect(name == "2023/2024")
        try writer.close()

        #expect(XLSXWriter.legalSheetName("2023/2024: итоги [черновик]") == "2023_2024_ итоги _черновик_")
        #expect(XLSXWriter.legalSheetName("'цитата'") == "цитата")
        #expect(XLSXWriter.legalSheetName("") == "Лист")
        #expect(XLSXWriter.legalSheetName("history") == "Лист history")
        let long = String(repeating: "я", count: 40)
        #expect(XLSXWriter.legalSheetName(long).count == 31)
        #expect(XLSXWriter.legalSheetName("Итоги", avoiding: ["итоги", "Итоги (2)"]) == "Итоги (3)")
        let longUnique = XLSXWriter.legalSheetName(long, avoiding: [String(repeating: "я", count: 31)])
        #expect(longUnique == String(repeating: "я", count: 27) + " (2)")
        for name in ["2023/2024: итоги [черновик]", long, "'"] {
            #expect(XLSXWriter.sheetNameProblem(XLSXWriter.legalSheetName(name)) == nil)
        }
    }

    @Test func theSameRowsMakeTheSameBytesAndTheFileIsReplacedWhole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = scratch.path("a.xlsx"), second = scratch.path("b.xlsx")
        try XLSXWriter.write(path: first, sheets: [("Лист", Self.everyKind())])
        try XLSXWriter.write(path: second, sheets: [("Лист", Self.everyKind())])
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))

        try Data("old".utf8).write(to: URL(fileURLWithPath: first))
        try XLSXWriter.write(path: first, sheets: [("Лист", [[.text("new")]])])
        #expect(try readRows(first).map(\.values) == [["new"]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).sorted() == ["a.xlsx", "b.xlsx"])
    }

    @Test func aWorkbookWithoutSheetsGetsAnEmptyOne() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("empty.xlsx")
        try XLSXWriter(path: path).close()
        let workbook = try XLSXWorkbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["Лист1"])
        #expect(try readRows(path).isEmpty)
    }

    @Test func numbersThatAreNotFiniteBecomeErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("nan.xlsx")
        try XLSXWriter.write(path: path, sheets: [("Лист", [[.number(.nan), .number(.infinity), .number(1)]])], header: false)
        let rows = try readRows(path)
        #expect(rows[0].values == ["#NUM!", "#NUM!", "1"])
        #expect(rows[0].kinds == [.error, .error, .number])
    }

    static func part(_ name: String, of archive: Archive) throws -> String {
        let entry = try #require(archive[name])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
