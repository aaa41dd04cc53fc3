import Foundation
import PDCSV
import PDContract

extension Warehouse {
    /// `pdmon mapping suggest FILE`: a starting mapping file (TOML, the format `--mapping`
    /// reads) for an export whose columns the contract does not know. Reads the file's first
    /// non-blank row as its header and up to `rowLimit` data rows after it (the encoding and
    /// delimiter detected as for a load), and returns `MappingSuggestion.suggest(…).toml`.
    /// Needs no database.
    ///
    /// - Throws: `WarehouseError.fileUnreadable` (exit 2) when the file cannot be opened or read
    ///   as CSV, or holds no header row.
    public static func suggestMapping(path: String, rowLimit: Int = 2000) throws -> String {
        let header: [String]
        var rows: [[String]] = []
        do {
            let scan = try FileScan.scan(path: path)
            var reader = try CSVReader(path: path, format: scan.format)
            var first: [String]?
            while try reader.next() {
                if reader.record.isBlank { continue }
                guard first != nil else {
                    first = reader.record.strings()
                    continue
                }
                rows.append(reader.record.strings())
                if rows.count >= rowLimit { break }
            }
            guard let first else {
                throw WarehouseError.fileUnreadable(path: path, reason: "no header row / нет строки заголовков")
            }
            header = first
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.fileUnreadable(path: path, reason: String(describing: error))
        }
        return MappingSuggestion.suggest(header: header, rows: rows).toml
    }
}
