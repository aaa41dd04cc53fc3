import Foundation
import PDCSV
import PDContract
@testable import PDSample

/// A sample city written to a fresh temporary folder, read back with the PDCSV reader.
struct WrittenCity {
    let directory: String
    let summary: SampleSummary

    init(_ options: SampleOptions) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pdsample-\(UUID().uuidString)").path
        summary = try SampleCity(options: options).write(to: directory)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func path(_ fileName: String) -> String { directory + "/" + fileName }

    func bytes(_ fileName: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(fileName))))
    }

    /// Header and data records of a file, with the format the reader detected.
    func read(_ fileName: String) throws -> (format: CSVFormat, header: [String], rows: [[String]]) {
        var reader = try CSVReader(path: path(fileName))
        var records: [[String]] = []
        while try reader.next() { records.append(reader.record.strings()) }
        return (reader.format, records.first ?? [], Array(records.dropFirst()))
    }

    /// The data rows of a file as dictionaries keyed by canonical column name.
    func table(_ kind: SampleFileKind, year: AcademicYear?) throws -> [[String: String]] {
        let canonical = SampleHeaders.columns(for: kind).map(\.canonical)
        return try read(SampleCity.fileName(kind, year: year)).rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(canonical, row))
        }
    }

    /// Every file's name in the folder, sorted.
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }
}

/// A teacher identifier reduced to its digits, as the loader normalises it.
func normalisedID(_ text: String?) -> String {
    (text ?? "").filter { $0 != "-" && $0 != " " }
}

/// `dd.mm.yyyy` or `yyyy-mm-dd` to a date, nil for anything impossible (like 31.02).
func parseDate(_ text: String) -> CivilDate? {
    guard case .success(let date) = CivilDate.parse(text) else { return nil }
    return date
}

let smallCity = SampleOptions(schools: 6, teachers: 150, years: AcademicYear.parseListOrFail("2020-2021..2022-2023"), seed: 7)

extension AcademicYear {
    static func parseListOrFail(_ text: String) -> [AcademicYear] {
        (try? AcademicYear.parseList(text)) ?? []
    }
}
