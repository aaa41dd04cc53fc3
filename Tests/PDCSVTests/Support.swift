import Foundation
@testable import PDCSV

/// A read record, for comparisons.
struct Row: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    var description: String { "\(line):\(fields)" }
}

/// Reads every record of `bytes` with the given chunk size.
func readAll(_ bytes: [UInt8], format: CSVFormat? = nil, chunkSize: Int = 1 << 20) throws -> [Row] {
    var reader = try CSVReader(bytes: bytes, format: format, chunkSize: chunkSize)
    var rows: [Row] = []
    while try reader.next() {
        rows.append(Row(line: reader.record.line, fields: reader.record.strings()))
    }
    return rows
}

/// Reads `text` (UTF-8) with `,` and returns just the fields.
func fields(_ text: String, delimiter: Character = ",", chunkSize: Int = 1 << 20) throws -> [[String]] {
    let format = CSVFormat(encoding: .utf8, delimiter: delimiter.asciiValue!)
    return try readAll(Array(text.utf8), format: format, chunkSize: chunkSize).map(\.fields)
}

/// A temporary file holding `bytes`, removed by `remove()`.
struct TemporaryFile {
    let path: String

    init(_ bytes: [UInt8], name: String = "test.csv") throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pdcsv-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        path = url.path
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}

