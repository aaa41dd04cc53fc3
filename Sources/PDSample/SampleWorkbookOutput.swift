import Foundation
import PDContract
import PDXLSX

/// How `pdmon sample` writes its files (`--format`).
public enum SampleFormat: String, CaseIterable, Sendable {
    /// CSV, as the exports have always been (clean: UTF-8 and `,`; messy: CP1251 and `;`).
    case csv
    /// XLSX workbooks: one sheet, the header in row 1, dates as date cells, numbers as number
    /// cells, codes, ids and СНИЛС as text.
    case xlsx

    /// `csv` or `xlsx`.
    public var fileExtension: String { rawValue }
}

/// One sample file being written, row by row: a CSV file (`SampleFileOutput`) or a workbook
/// (`SampleWorkbookOutput`).
protocol SampleRowOutput: AnyObject {
    /// Data rows written (the header is not counted).
    var rows: Int { get }
    /// Bytes of the file (a workbook's once finished).
    var bytesWritten: Int { get }
    func writeHeader(_ names: [String]) throws(SampleError)
    /// One data row as the CSV exports spell it; a workbook types each cell by its column.
    func writeRow(_ fields: [String]) throws(SampleError)
    /// One data row of typed cells.
    func writeCells(_ cells: [SampleCell]) throws(SampleError)
    /// Completes the file and puts it in place.
    func finish() throws(SampleError)
}

extension SampleFileOutput: SampleRowOutput {
    func writeCells(_ cells: [SampleCell]) throws(SampleError) {
        try writeRow(cells.map(\.csvText))
    }
}

/// Writes one sample file as an XLSX workbook (`PDXLSX.XLSXWriter`, streaming): the header in
/// row 1 (frozen), then the rows. A row given as CSV text is typed by its column: a text column
/// (codes, ids, names, СНИЛС, academic years) stays text whatever it looks like; in the other
/// columns a whole number becomes a number cell and a date a date cell, as a person's
/// spreadsheet holds them, and anything else (an empty count, a messy spelling) stays text.
final class SampleWorkbookOutput: SampleRowOutput {
    let path: String
    private let writer: XLSXWriter
    private let sheet: XLSXSheetWriter
    private let textColumns: [Bool]
    private(set) var rows = 0
    private(set) var bytesWritten = 0

    init(directory: String, fileName: String, sheetName: String, textColumns: [Bool]) throws(SampleError) {
        path = directory + "/" + fileName
        self.textColumns = textColumns
        do {
            writer = try XLSXWriter(path: path)
            sheet = try writer.addSheet(named: sheetName, frozenRows: 1)
        } catch {
            throw .outputFailed(path: path, reason: error.description)
        }
    }

    func writeHeader(_ names: [String]) throws(SampleError) {
        do { try sheet.appendHeader(names) } catch { throw .outputFailed(path: path, reason: error.description) }
    }

    func writeRow(_ fields: [String]) throws(SampleError) {
        precondition(fields.count == textColumns.count, "a sample row must have one field per column")
        try append(fields.enumerated().map { index, field in Self.cell(field, isText: textColumns[index]) })
    }

    func writeCells(_ cells: [SampleCell]) throws(SampleError) {
        try append(cells.map { cell in
            switch cell {
            case .empty: return .empty
            case .text(let text): return .text(text)
            case .integer(let value): return .integer(value)
            case .date(let date): return XLSXDate(year: date.year, month: date.month, day: date.day).map(XLSXValue.date)
                ?? .text(date.russian)
            }
        })
    }

    func finish() throws(SampleError) {
        do {
            try writer.close()
        } catch {
            throw .outputFailed(path: path, reason: error.description)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        bytesWritten = size ?? 0
    }

    private func append(_ values: [XLSXValue]) throws(SampleError) {
        do { try sheet.append(values) } catch { throw .outputFailed(path: path, reason: error.description) }
        rows += 1
    }

    /// The workbook cell of a CSV field (see the type's description).
    static func cell(_ field: String, isText: Bool) -> XLSXValue {
        if field.isEmpty { return .empty }
        if isText { return .text(field) }
        if case .value(let number) = ValueParsers.integer(field) { return .integer(number) }
        if case .success(let date) = CivilDate.parse(field),
           let cell = XLSXDate(year: date.year, month: date.month, day: date.day) {
            return .date(cell)
        }
        return .text(field)
    }
}
