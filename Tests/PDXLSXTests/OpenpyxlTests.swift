import Foundation
import Testing
@testable import PDXLSX

/// A real spreadsheet library opens what we write and writes what we read: openpyxl, when
/// `python3 -c "import openpyxl"` works (`pip install openpyxl` or `apt-get install python3-openpyxl`).
@Suite(.enabled(if: Openpyxl.isAvailable, "skipped: openpyxl is not installed (pip install openpyxl)"))
struct OpenpyxlTests {
    @Test func openpyxlOpensOurWorkbooks() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("ours.xlsx")
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Показатели школ", frozenRows: 1)
        try sheet.appendHeader(["Код ОО", "Часы", "Доля", "Флаг", "Дата", "Дата и время"])
        try sheet.append([.text("0042"), .integer(72), .number(0.675, .percent(1)), .boolean(true),
                          .date(XLSXDate(year: 2023, month: 10, day: 2)!),
                          .date(XLSXDate(year: 2023, month: 10, day: 2, hour: 14, minute: 30, second: 5)!)])
        sheet.setColumnWidth(20, forColumn: 0)
        _ = try writer.addSheet(named: "Второй")
        try writer.close()

        let output = try Openpyxl.run("""
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            row = [c.value for c in ws[2]]
            print(json.dumps({
                "sheets": wb.sheetnames,
                "freeze": ws.freeze_panes,
                "header": [c.value for c in ws[1]],
                "bold": ws["A1"].font.b,
                "types": [type(v).__name__ for v in row],
                "values": [v.isoformat() if hasattr(v, "isoformat") else v for v in row],
                "percent": ws["C2"].number_format,
                "width": ws.column_dimensions["A"].width,
            }, ensure_ascii=False))
            """, path)
        let result = try #require(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(result["sheets"] as? [String] == ["Показатели школ", "Второй"])
        #expect(result["freeze"] as? String == "A2")
        #expect(result["header"] as? [String] == ["Код ОО", "Часы", "Доля", "Флаг", "Дата", "Дата и время"])
        #expect(result["bold"] as? Bool == true)
        #expect(result["types"] as? [String] == ["str", "int", "float", "bool", "datetime", "datetime"])
        let values = try #require(result["values"] as? [Any])
        #expect(values[0] as? String == "0042")
        #expect((values[1] as? NSNumber)?.intValue == 72)
        #expect((values[2] as? NSNumber)?.doubleValue == 0.675)
        #expect(values[4] as? String == "2023-10-02T00:00:00")
        #expect(values[5] as? String == "2023-10-02T14:30:05")
        #expect(result["percent"] as? String == "0.0%")
        #expect((result["width"] as? NSNumber)?.doubleValue == 20)
    }

    @Test func weReadWhatOpenpyxlWrites() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("theirs.xlsx")
        _ = try Openpyxl.run("""
            import sys, datetime, openpyxl
            wb = openpyxl.Workbook()
            hidden = wb.active
            hidden.title = "Служебный"
            hidden.sheet_state = "hidden"
            hidden["A1"] = "не читать"
            ws = wb.create_sheet("Шаблон")
            ws.append(["Вид документа", "СНИЛС", "Срок обучения, часов", "Дата выдачи документа", "Время", "Флаг", "Доля"])
            ws.append(["Удостоверение о повышении квалификации", "12345678901", 72, datetime.date(2023, 10, 2),
                       datetime.datetime(2023, 10, 2, 9, 15), True, 0.25])
            ws.append(["Диплом о профессиональной переподготовке", "01234567890", 250.0, datetime.date(1900, 2, 28), None, False, 1])
            ws["D3"].number_format = "dd/mm/yyyy;@"
            ws["G2"].number_format = "0%"
            ws["H2"] = "=C2*2"
            ws.cell(row=5, column=3, value=12345678901)
            wb.save(sys.argv[1])
            """, path)
        let workbook = try XLSXWorkbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["Служебный", "Шаблон"])
        #expect(workbook.firstVisibleSheet?.name == "Шаблон")
        let rows = try readRows(path)
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows[0].values == ["Вид документа", "СНИЛС", "Срок обучения, часов", "Дата выдачи документа", "Время", "Флаг", "Доля"])
        // openpyxl writes formulas without a cached value: the cell reads empty, as Excel's CSV
        // would show nothing before the workbook is recalculated.
        #expect(rows[1].values == ["Удостоверение о повышении квалификации", "12345678901", "72", "02.10.2023",
                                   "02.10.2023 09:15:00", "true", "0.25"])
        #expect(rows[1].kinds == [.text, .text, .number, .date, .date, .boolean, .number])
        #expect(rows[2].values == ["Диплом о профессиональной переподготовке", "01234567890", "250", "28.02.1900", "", "false", "1"])
        #expect(rows[3].values == ["", "", "12345678901"])
    }
}

enum Openpyxl {
    static let isAvailable: Bool = (try? run("import openpyxl")) != nil

    /// Runs a Python script with `arguments`; returns its standard output, throws when it fails.
    @discardableResult
    static func run(_ script: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonFailed(message: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    struct PythonFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
