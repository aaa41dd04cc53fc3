import Foundation
import PDCSV
import Testing
@testable import PDXLSX

/// Hand-written minimal workbooks for the cases real writers produce and our writer never does.
@Suite struct ReaderTests {
    @Test func cellsWithoutReferencesAndSkippedColumnsAndRows() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("cells.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>\
            <row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c><c r="F4" t="inlineStr"><is><t>f</t></is></c></row>\
            <row r="5" spans="1:3"><c r="A5" s="0"/><c r="B5"/></row>\
            <row><c r="B6"><v>6</v></c></row>
            """))])
        let rows = try readRows(path)
        #expect(rows.map(\.number) == [1, 4, 6])
        #expect(rows[0].values == ["a", "b"])
        #expect(rows[1].values == ["", "", "3", "4", "", "f"])
        #expect(rows[1].kinds == [.empty, .empty, .number, .number, .empty, .text])
        #expect(rows[2].values == ["", "6"])
    }

    @Test func sharedInlineAndRichTextStrings() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("strings.xlsx")
        let strings = HandWritten.sharedStrings([
            "<t>Код ОО</t>",
            "<r><rPr><b/></rPr><t>Иванова </t></r><r><t xml:space=\"preserve\">Мария</t></r>",
            "<t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh><phoneticPr fontId=\"1\"/>",
            "<t>строка_x000D_\nвторая</t>",
            "<t>a &amp; b &lt;c&gt;</t>",
            "<t/>",
        ])
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><r><t>в</t></r><r><rPr><i/></rPr><t>месте</t></r></is></c>\
            <c r="B2" t="inlineStr"><is><t xml:space="preserve">  пробелы  </t></is></c></row>
            """))], sharedStrings: strings)
        let rows = try readRows(path)
        #expect(rows[0].values == ["Код ОО", "Иванова Мария", "漢字", "строка\r\nвторая", "a & b <c>", ""])
        #expect(rows[0].kinds.allSatisfy { $0 == .text })
        #expect(rows[1].values == ["вместе", "  пробелы  "])
    }

    @Test func numbersBooleansFormulasAndErrors() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("values.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1"><v>1234567890</v></c><c r="B1"><v>1.23456789E9</v></c><c r="C1"><v>72.0</v></c>\
            <c r="D1" t="n"><v>0.1</v></c><c r="E1"><v>-3.5</v></c></row>\
            <row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c></row>\
            <row r="3"><c r="A3"><f>SUM(A1:C1)</f><v>2469135852</v></c>\
            <c r="B3" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>\
            <c r="C3" t="b"><f>A1&gt;0</f><v>1</v></c>\
            <c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="e"><v>#N/A</v></c>\
            <c r="F3"><f>A1</f></c></row>
            """))])
        let rows = try readRows(path)
        #expect(rows[0].values == ["1234567890", "1234567890", "72", "0.1", "-3.5"])
        #expect(rows[0].kinds == Array(repeating: .number, count: 5))
        #expect(rows[1].values == ["true", "false"])
        #expect(rows[1].kinds == [.boolean, .boolean])
        #expect(rows[2].values == ["2469135852", "ab", "true", "#DIV/0!", "#N/A"])
        #expect(rows[2].kinds == [.number, .text, .boolean, .error, .error])
    }

    @Test func datesByBuiltInAndCustomFormats() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("dates.xlsx")
        // Styles: 0 General, 1 built-in 14, 2 dd/mm/yyyy;@, 3 [$-419]d mmmm yyyy, 4 0.00%,
        // 5 "дней"0, 6 built-in 22 (date and time), 7 h:mm, 8 [h]:mm:ss, 9 dd.mm.yyyy hh:mm.
        let styles = HandWritten.styles(cellFormats: [0, 14, 164, 165, 10, 166, 22, 20, 46, 167], custom: [
            164: "dd/mm/yyyy;@", 165: "[$-419]d mmmm yyyy", 166: "\"дней\"0", 167: "dd.mm.yyyy hh:mm",
        ])
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1" s="1"><v>45201</v></c><c r="B1" s="2"><v>45201</v></c><c r="C1" s="3"><v>45201</v></c>\
            <c r="D1" s="4"><v>0.675</v></c><c r="E1" s="5"><v>12</v></c><c r="F1" s="0"><v>45201</v></c></row>\
            <row r="2"><c r="A2" s="6"><v>45201.5</v></c><c r="B2" s="6"><v>45201</v></c><c r="C2" s="7"><v>0.5625</v></c>\
            <c r="D2" s="8"><v>1.25</v></c><c r="E2" s="9"><v>45201.75</v></c></row>\
            <row r="3"><c r="A3" s="1"><v>60</v></c><c r="B3" s="1"><v>59</v></c><c r="C3" s="1"><v>61</v></c>\
            <c r="D3" s="1"><v>1</v></c><c r="E3" s="1"><v>-5</v></c><c r="F3" s="1" t="inlineStr"><is><t>02.10.2023</t></is></c></row>\
            <row r="4"><c r="A4" t="d"><v>2023-10-02T00:00:00</v></c><c r="B4" s="99"><v>45201</v></c></row>
            """))], styles: styles)
        let rows = try readRows(path)
        #expect(rows[0].values == ["02.10.2023", "02.10.2023", "02.10.2023", "0.675", "12", "45201"])
        #expect(rows[0].kinds == [.date, .date, .date, .number, .number, .number])
        #expect(rows[1].values == ["02.10.2023 12:00:00", "02.10.2023", "13:30:00", "30:00:00", "02.10.2023 18:00:00"])
        #expect(rows[1].kinds == [.date, .date, .time, .time, .date])
        #expect(rows[2].values == ["29.02.1900", "28.02.1900", "01.03.1900", "01.01.1900", "-5", "02.10.2023"])
        #expect(rows[2].kinds == [.date, .date, .date, .date, .number, .text])
        // A style index past the table is General.
        #expect(rows[3].values == ["02.10.2023", "45201"])
    }

    @Test func the1904DateSystem() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("mac.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1" s="1"><v>43739</v></c><c r="B1" s="1"><v>0</v></c><c r="C1"><v>43739</v></c></row>
            """))], styles: HandWritten.styles(cellFormats: [0, 14]), workbookPr: "date1904=\"1\"")
        let workbook = try XLSXWorkbook(path: path)
        #expect(workbook.uses1904DateSystem)
        let rows = try readRows(path)
        #expect(rows[0].values == ["02.10.2023", "01.01.1904", "43739"])
    }

    @Test func sheetsAreListedWithVisibilityAndPickedByName() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("sheets.xlsx")
        try HandWritten.workbook(at: path, sheets: [
            ("Служебный", "hidden", HandWritten.sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")),
            ("Совсем скрытый", "veryHidden", HandWritten.sheet("<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")),
            ("Шаблон", nil, HandWritten.sheet("<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>")),
            ("Итоги", "visible", HandWritten.sheet("<row r=\"1\"><c r=\"A1\"><v>4</v></c></row>")),
        ])
        let workbook = try XLSXWorkbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["Служебный", "Совсем скрытый", "Шаблон", "Итоги"])
        #expect(workbook.sheets.map(\.visibility) == [.hidden, .veryHidden, .visible, .visible])
        #expect(workbook.sheets.map(\.part) == (1...4).map { "xl/worksheets/sheet\($0).xml" })
        #expect(workbook.firstVisibleSheet?.name == "Шаблон")
        #expect(try readRows(path).map(\.values) == [["3"]])
        #expect(try readRows(path, sheet: "Служебный").map(\.values) == [["1"]])
        #expect(workbook.sheet(named: " итоги ")?.name == "Итоги")
        let error = xlsxError { _ = try workbook.openSheet(named: "Данные") }
        #expect(error == .noSuchSheet(path: path, name: "Данные", available: ["Служебный", "Совсем скрытый", "Шаблон", "Итоги"]))
        #expect(error?.description.contains("«Шаблон»") == true)
    }

    @Test func prefixedElementsAndAbsoluteTargets() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("prefixed.xlsx")
        let ns = HandWritten.main
        let sheet = """
            <?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="\(ns)"><x:sheetData>\
            <x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>префикс</x:t></x:is></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row>\
            </x:sheetData></x:worksheet>
            """
        let workbookXML = """
            <?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="\(ns)" xmlns:r="\(HandWritten.relationshipsNS)">\
            <x:sheets><x:sheet name="Данные" sheetId="1" r:id="R1"/></x:sheets></x:workbook>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="R1" Type="\(HandWritten.relationshipsNS)/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>
            """
        let root = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(HandWritten.relationshipsNS)/officeDocument" Target="/xl/workbook.xml"/></Relationships>
            """
        try HandWritten.zip([
            ("_rels/.rels", Data(root.utf8)), ("xl/workbook.xml", Data(workbookXML.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(rels.utf8)), ("xl/worksheets/data.xml", Data(sheet.utf8)),
        ], to: path)
        #expect(XLSXWorkbook.isWorkbook(path: path))
        let rows = try readRows(path)
        #expect(rows == [XLSXRow(number: 2, values: ["", "префикс", "7"], kinds: [.empty, .text, .number])])
    }

    @Test func detectionIsByContentNotName() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let disguised = scratch.path("export.csv")
        try HandWritten.workbook(at: disguised, sheets: [("Лист1", nil, HandWritten.sheet(""))])
        #expect(XLSXWorkbook.isWorkbook(path: disguised))

        let csv = scratch.path("real.xlsx")
        try Data("Код ОО;Наименование\n1;Школа\n".utf8).write(to: URL(fileURLWithPath: csv))
        #expect(!XLSXWorkbook.isWorkbook(path: csv))
        #expect(xlsxError { _ = try XLSXWorkbook(path: csv) } == .notAWorkbook(path: csv, what: "не ZIP-архив / not a ZIP archive"))

        let plainZip = scratch.path("plain.xlsx")
        try HandWritten.zip([("readme.txt", Data("hi".utf8))], to: plainZip)
        #expect(!XLSXWorkbook.isWorkbook(path: plainZip))
        guard case .notAWorkbook(_, let what)? = xlsxError({ _ = try XLSXWorkbook(path: plainZip) }) else {
            Issue.record("a ZIP without a workbook must be refused as not a workbook")
            return
        }
        #expect(what.contains("ZIP"))

        let xls = scratch.path("old.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: xls))
        #expect(!XLSXWorkbook.isWorkbook(path: xls))
        let xlsError = xlsxError { _ = try XLSXWorkbook(path: xls) }
        #expect(xlsError?.description.contains(".xls") == true)

        let ods = scratch.path("table.ods")
        try HandWritten.zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)),
                             ("content.xml", Data("<x/>".utf8))], to: ods)
        #expect(xlsxError { _ = try XLSXWorkbook(path: ods) }?.description.contains(".ods") == true)

        #expect(!XLSXWorkbook.isWorkbook(path: scratch.path("missing.xlsx")))
        #expect(!XLSXWorkbook.isWorkbook(path: scratch.directory.path))
        if case .cannotOpen? = xlsxError({ _ = try XLSXWorkbook(path: scratch.path("missing.xlsx")) }) {} else {
            Issue.record("a missing file must be cannotOpen")
        }
    }

    @Test func readsThroughTheRowSourceProtocolLikeCSV() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("source.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>Код ОО</t></is></c><c r="B1" t="inlineStr"><is><t>Часы</t></is></c></row>\
            <row r="3"><c r="A3" t="inlineStr"><is><t>0042</t></is></c><c r="B3"><v>72</v></c></row>
            """))])
        let csvPath = scratch.path("source.csv")
        try Data("Код ОО;Часы\n\n0042;72\n".utf8).write(to: URL(fileURLWithPath: csvPath))

        func lines<Source: RowSource>(_ source: inout Source) throws -> [String] {
            var result: [String] = []
            while try source.next() {
                result.append("\(source.record.line): \(source.record.strings().joined(separator: "|"))")
            }
            return result
        }
        var sheet = try XLSXWorkbook(path: path).openSheet(named: "Лист1")
        var csv = try CSVReader(path: csvPath)
        #expect(try lines(&sheet) == ["1: Код ОО|Часы", "3: 0042|72"])
        #expect(try lines(&csv) == ["1: Код ОО|Часы", "3: 0042|72"])
        #expect(sheet.fractionRead == 1)
        #expect(sheet.bytesRead == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
    }

    @Test func stoppingEarlyEndsTheReader() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("early.xlsx")
        let rows = (1...5_000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet(rows))])
        let workbook = try XLSXWorkbook(path: path)
        for _ in 0..<20 {
            let reader = try workbook.openSheet(named: "Лист1")
            #expect(try reader.next())
            #expect(reader.row.values == ["1"])
            reader.close()
            #expect(try !reader.next())
        }
    }
}
