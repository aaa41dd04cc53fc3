import Testing
@testable import PDReport

/// Compares `actual` with `Snapshots/<name>` next to this file. With
/// `PDREPORT_RECORD_SNAPSHOTS=1` a missing snapshot is written instead (then review it!).
func expectSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = String(#filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")) + "/Snapshots"
    let path = directory + "/" + name
    if let expected = readFile(path) {
        #expect(actual == expected, "snapshot \(name) differs:\n\(actual)", sourceLocation: sourceLocation)
    } else if recording {
        try #require(writeFile(path, actual), "could not write \(path)", sourceLocation: sourceLocation)
    } else {
        Issue.record("missing snapshot \(path); run with PDREPORT_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
    }
}

private var recording: Bool {
    guard let value = getenv("PDREPORT_RECORD_SNAPSHOTS") else { return false }
    return String(cString: value) == "1"
}

private func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

private func writeFile(_ path: String, _ text: String) -> Bool {
    guard let file = fopen(path, "wb") else { return false }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    return fwrite(bytes, 1, bytes.count, file) == bytes.count
}

/// A small indicator result with Cyrillic names, NULLs, negatives and booleans.
let sampleTable = ResultTable(
    title: "Охват КПК за 3 года",
    columns: [
        ResultColumn(name: "school_code", postgresTypeOID: 25),
        ResultColumn(name: "school_name", postgresTypeOID: 1043),
        ResultColumn(name: "teachers", postgresTypeOID: 23),
        ResultColumn(name: "value", postgresTypeOID: 1700),
        ResultColumn(name: "change", postgresTypeOID: 701),
        ResultColumn(name: "is_base_school", postgresTypeOID: 16),
        ResultColumn(name: "since", postgresTypeOID: 1082),
    ],
    rows: [
        ["S01", "МБОУ «СОШ № 1»", "48", "87.5", "-3.5", "t", "2019-09-01"],
        ["S02", "Гимназия им. Пушкина", "120", "100.0", "12", "f", nil],
        ["S10", "ДОУ «Ёлочка»", "7", nil, nil, nil, "2020-01-15"],
    ],
    notes: ["* знаменатель меньше 10"]
)

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
