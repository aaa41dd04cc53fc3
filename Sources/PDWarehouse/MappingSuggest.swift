import Foundation
import PDCSV
import PDContract
import PDXLSX

extension Warehouse {
    /// `pdmon mapping suggest FILE`: a starting mapping file (TOML, the format `--mapping`
    /// reads) for an export whose columns the contract does not know. Reads the file's first
    /// non-blank row as its header and up to `rowLimit` data rows after it, and returns
    /// `MappingSuggestion.suggest(…).toml`. A CSV file is read with the encoding and delimiter
    /// detected as for a load; a workbook (by content, as for a load) from the sheet `sheet`
    /// names, else its first visible worksheet. Needs no database.
    ///
    /// - Throws: `WarehouseError.fileUnreadable` (exit 2) when the file cannot be opened or read,
    ///   holds no header row, is an Excel 97–2003 `.xls`, or has no such sheet.
    public static func suggestMapping(path: String, sheet: String? = nil, rowLimit: Int = 2000) throws -> String {
        do {
            let scan = try FileScan.scan(path: path)
            let (header, rows): ([String], [[String]])
            switch scan.container {
            case .text:
                var reader = try CSVReader(path: path, format: scan.format)
                (header, rows) = try firstRows(of: &reader, limit: rowLimit, path: path)
            case .zip:
                let workbook = try XLSXWorkbook(path: path)
                let names = workbook.sheets.map { "«\($0.name)»" }.joined(separator: ", ")
                guard let chosen = sheet.map({ workbook.sheet(named: $0) }) ?? workbook.firstVisibleSheet else {
                    throw WarehouseError.fileUnreadable(
                        path: path, reason: "no such sheet; its sheets: \(names) / нет такого листа; листы книги: \(names)")
                }
                var reader = try workbook.openSheet(chosen)
                defer { reader.close() }
                (header, rows) = try firstRows(of: &reader, limit: rowLimit, path: path)
            case .compoundFile:
                throw WarehouseError.fileUnreadable(
                    path: path, reason: "an Excel 97–2003 .xls workbook: save it as .xlsx / книга Excel 97–2003 (.xls): сохраните её как .xlsx")
            }
            return MappingSuggestion.suggest(header: header, rows: rows).toml
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.fileUnreadable(path: path, reason: String(describing: error))
        }
    }

    /// The first non-blank row and up to `limit` rows after it.
    private static func firstRows(of source: inout some RowSource, limit: Int, path: String) throws -> ([String], [[String]]) {
        var header: [String]?
        var rows: [[String]] = []
        while try source.next() {
            if source.record.isBlank { continue }
            guard header != nil else {
                header = source.record.strings()
                continue
            }
            rows.append(source.record.strings())
            if rows.count >= limit { break }
        }
        guard let header else {
            throw WarehouseError.fileUnreadable(path: path, reason: "no header row / нет строки заголовков")
        }
        return (header, rows)
    }
}
