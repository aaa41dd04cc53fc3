import Foundation
import PDCSV

/// Writes `<file>.errors.csv`: one line per rejected row or header problem, values masked.
/// UTF-8 with a BOM so that a Russian-locale spreadsheet opens it correctly.
public enum RejectReport {
    public static let header = ["line", "column", "value", "reason", "description"]

    public static func bytes(_ rejects: [RejectEntry]) -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(header)
        for reject in rejects {
            writer.writeRecord([String(reject.line), reject.column, reject.value, reject.reasonCode, reject.reasonText])
        }
        return [0xEF, 0xBB, 0xBF] + writer.bytes
    }

    public static func write(_ rejects: [RejectEntry], to url: URL) throws {
        do {
            try Data(bytes(rejects)).write(to: url, options: .atomic)
        } catch {
            throw WarehouseError.fileUnreadable(path: url.path, reason: error.localizedDescription)
        }
    }
}
