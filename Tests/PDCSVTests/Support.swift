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

/// SplitMix64: a small deterministic PRNG so every fuzz case can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
