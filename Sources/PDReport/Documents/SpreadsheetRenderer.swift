import Foundation
import PDXLSX

/// One sheet of a spreadsheet: a result table under a sheet name.
public struct SpreadsheetPart: Sendable {
    /// The tab's name; made valid for Excel (31 characters, no `: \ / ? * [ ]`) when written.
    public var sheetName: String
    public var table: ResultTable

    public init(sheetName: String, table: ResultTable) {
        self.sheetName = sheetName
        self.table = table
    }
}

/// Writes result tables as an XLSX workbook (`--format xlsx`), one sheet per part, for people
/// who forward and edit spreadsheets:
///
/// - row 1: the table's title (bold); row 2: the column captions in the report's language
///   (bold); both stay in view when scrolling (frozen). Then one row per result row, then the
///   notes under a blank row.
/// - numbers are numbers: integer columns are whole numbers; decimal columns are numbers with
///   one decimal under a format that names their unit (`ColumnUnit`): a percentage is stored
///   as its fraction under `0.0%` (67.6 → 0.676, shown `67,6 %` in a Russian Excel), hours
///   under `0.0 "ч"`, changes of a percentage under `+0.0 "п. п."`; a decimal column of no
///   unit keeps the database's value under General. Booleans are TRUE/FALSE, dates are dates.
/// - every column is as wide as its longest caption or value (8–60 characters).
///
/// An empty table keeps its header row and says so under it. Errors: `XLSXError.writeFailed`
/// (the file cannot be written).
public enum SpreadsheetRenderer {
    /// Writes `parts` to `path` (replaced atomically).
    /// - Throws: `DocumentError.cannotWrite` (exit 2).
    public static func write(_ parts: [SpreadsheetPart], to path: String, language: ReportLanguage) throws(DocumentError) {
        do {
            try writeWorkbook(parts, to: path, language: language)
        } catch {
            throw .cannotWrite(path: path, reason: error.description)
        }
    }

    static func writeWorkbook(_ parts: [SpreadsheetPart], to path: String, language: ReportLanguage) throws(XLSXError) {
        let writer = try XLSXWriter(path: path, sharedStrings: true)
        var names: [String] = []
        for part in parts {
            let name = XLSXWriter.legalSheetName(part.sheetName, avoiding: names)
            names.append(name)
            let sheet = try writer.addSheet(named: name, frozenRows: 2)
            try fill(sheet, with: part.table, language: language)
        }
        try writer.close()
    }

    /// The workbook as bytes (written through a temporary file), for `--out` or a pipe.
    public static func bytes(_ parts: [SpreadsheetPart], language: ReportLanguage) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("pdmon-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(parts, to: path, language: language)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Sheet names for tables that have none: the part of the title before its first `:` or
    /// `,` (`Динамика показателя`, `Показатели мониторинга`).
    public static func parts(_ tables: [ResultTable]) -> [SpreadsheetPart] {
        tables.enumerated().map { index, table in
            let short = table.title.split(whereSeparator: { $0 == ":" || $0 == "," }).first.map(String.init) ?? ""
            return SpreadsheetPart(sheetName: short.isEmpty ? "Лист\(index + 1)" : short, table: table)
        }
    }

    static func fill(_ sheet: XLSXSheetWriter, with table: ResultTable, language: ReportLanguage) throws(XLSXError) {
        try sheet.append([.text(table.title)], bold: true)
        try sheet.appendHeader(table.columns.map(\.heading))
        var widths = table.columns.map { DisplayWidth.of($0.heading) + 1 }
        for row in table.rows.indices {
            var cells: [XLSXValue] = []
            for column in table.columns.indices {
                let value = cell(table, row: row, column: column, language: language)
                cells.append(value)
                widths[column] = max(widths[column], shownWidth(value, text: table.cell(row: row, column: column)))
            }
            try sheet.append(cells)
        }
        var notes = table.notes
        if table.rows.isEmpty { notes.insert(table.emptyMessage(language), at: 0) }
        if !notes.isEmpty {
            try sheet.append([])
            for note in notes { try sheet.append([.text(note)]) }
        }
        for (column, width) in widths.enumerated() {
            sheet.setColumnWidth(Double(min(60, max(8, width + 2))), forColumn: column)
        }
    }

    /// The cell of `row`, `column` as a spreadsheet value (see the type's documentation).
    public static func cell(_ table: ResultTable, row: Int, column: Int, language: ReportLanguage) -> XLSXValue {
        guard let text = table.cell(row: row, column: column) else { return .empty }
        switch table.columns[column].type {
        case .integer:
            return Int(text).map { .integer($0) } ?? .text(text)
        case .decimal:
            guard NumberText.isPlainNumber(text), let number = Double(text) else { return .text(text) }
            switch table.unit(row: row, column: column) {
            // `67.6e-2`: the fraction read from the text, so 67.6 becomes 0.676 exactly as written.
            case .percent: return .number(Double(text + "e-2") ?? number / 100, .percent(1))
            case .hours: return .number(number, .custom(language == .ru ? "0.0\" ч\"" : "0.0\" h\""))
            case .points:
                let unit = language == .ru ? "\" п. п.\"" : "\" pp\""
                return .number(number, .custom("+0.0\(unit);-0.0\(unit);0.0\(unit)"))
            case .indicatorValue, .indicatorChange, nil:
                return .number(number)
            }
        case .boolean:
            return PostgresBoolean.parse(text).map { .boolean($0) } ?? .text(text)
        case .date:
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            if text.count == 10, parts.count == 3, let date = XLSXDate(year: parts[0], month: parts[1], day: parts[2]) {
                return .date(date)
            }
            return .text(text)
        case .text:
            return .text(text)
        }
    }

    /// About how many characters a cell shows (for its column's width).
    static func shownWidth(_ value: XLSXValue, text: String?) -> Int {
        switch value {
        case .empty: return 0
        case .text(let text): return text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        case .integer(let number): return String(number).count
        case .number(_, .general): return min(12, text?.count ?? 8)
        case .number: return (text?.count ?? 6) + 5
        case .boolean: return 6
        case .date: return 10
        }
    }
}
