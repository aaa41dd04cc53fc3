import Crypto
import Foundation
import PDCSV

/// One pass over a file's bytes before it is parsed: its SHA-256 (to recognise a file already
/// loaded) and whether it is valid UTF-8 (else it is read as Windows-1251). Memory stays flat.
struct FileScan {
    let sha256: String
    let byteCount: Int
    let isValidUTF8: Bool
    /// Encoding and delimiter, from the whole file's UTF-8 validity and its first bytes.
    let format: CSVFormat

    static func scan(path: String, chunkSize: Int = 1 << 20) throws -> FileScan {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WarehouseError.fileUnreadable(path: path, reason: "cannot open / не открывается")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var validator = UTF8Validator()
        var total = 0
        var prefix: [UInt8] = []
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw WarehouseError.fileUnreadable(path: path, reason: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            total += chunk.count
            if prefix.count < CSVFormat.prefixLength {
                prefix += chunk.prefix(CSVFormat.prefixLength - prefix.count)
            }
            hasher.update(data: chunk)
            chunk.withUnsafeBytes { validator.feed($0) }
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let isValidUTF8 = validator.finish()
        let format = prefix.withUnsafeBytes { CSVFormat.detect(prefix: $0, isValidUTF8: isValidUTF8) }
        return FileScan(sha256: digest, byteCount: total, isValidUTF8: isValidUTF8, format: format)
    }
}
