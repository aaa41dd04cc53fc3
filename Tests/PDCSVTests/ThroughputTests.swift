import Foundation
import Testing
@testable import PDCSV

/// Prints reading speed on a small Cyrillic export. No timing assertions: debug builds and
/// busy machines vary; the figure is for eyeballing regressions (use a release build for real numbers).
@Suite struct ThroughputTests {
    @Test func readsAGeneratedExport() throws {
        var writer = CSVWriter(delimiter: UInt8(ascii: ";"), encoding: .windows1251)
        writer.writeRecord(["Учебный год", "Код ОО", "ФИО", "Наименование программы", "Объём часов", "Дата начала"])
        let rows = 20_000
        for index in 0..<rows {
            writer.writeRecord(["2021-2022", "Ш-\(index % 20)", "Иванова Мария Петровна",
                                "Функциональная грамотность; \"Точка роста\"", "72", "01.10.2021"])
        }
        let file = try TemporaryFile(writer.bytes)
        defer { file.remove() }

        let clock = ContinuousClock()
        let start = clock.now
        var reader = try CSVReader(path: file.path)
        var records = 0
        var decodedBytes = 0
        while try reader.next() {
            records += 1
            decodedBytes += reader.record.string(at: 3).utf8.count
        }
        let elapsed = clock.now - start
        #expect(records == rows + 1)
        #expect(reader.format == CSVFormat(encoding: .windows1251, delimiter: UInt8(ascii: ";")))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytes = Double(writer.bytes.count) / 1_048_576
        print("PDCSV throughput: \(records) records, \(String(format: "%.1f", megabytes)) MiB "
              + "(detect + read + decode one field) in \(elapsed): "
              + "\(String(format: "%.1f", megabytes / max(seconds, 1e-9))) MiB/s")
    }
}
