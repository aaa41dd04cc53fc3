import Foundation
import Testing
@testable import PDXLSX
import ZIPFoundation

/// A 100 000-row sheet is written and read with flat memory. Memory is measured as the growth of
/// this process's resident set while the sheet streams (other tests may run at the same time, so
/// the bound is generous, but far below what holding the sheet would take). No timing assertions.
@Suite struct StreamingTests {
    static let rows = 100_000

    static func row(_ index: Int) -> [XLSXValue] {
        [
            .text("2023-2024"),
            .text(index % 97 < 10 ? "000\(index % 97)" : "00\(index % 97)"),
            .text("\(100_000_000_00 + index)"),
            .text("Иванова Мария Петровна \(index)"),
            .text("Функциональная грамотность: читательская, математическая и естественнонаучная"),
            .integer(72 + index % 3),
            .date(XLSXDate(year: 2023, month: 1 + index % 12, day: 1 + index % 28)!),
            .number(Double(index % 1000) / 8, .decimal(3)),
            .boolean(index % 2 == 0),
            .number(Double(index % 100) / 100, .percent(0)),
            .text(index % 5 == 0 ? "дистанционная" : "очная"),
            .integer(index),
        ]
    }

    @Test func aHundredThousandRowsStreamWithFlatMemory() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("large.xlsx")

        let writeStart = residentBytes()
        var writePeak = writeStart ?? 0
        let writer = try XLSXWriter(path: path)
        let sheet = try writer.addSheet(named: "Данные", frozenRows: 1)
        try sheet.appendHeader(["Учебный год", "Код ОО", "СНИЛС", "ФИО", "Программа", "Часы", "Дата", "Балл", "Флаг",
                                "Доля", "Форма", "№"])
        for index in 1...Self.rows {
            try sheet.append(Self.row(index))
            if index % 5000 == 0, let now = residentBytes() { writePeak = max(writePeak, now) }
        }
        try writer.close()

        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let sheetSize = try #require(archive["xl/worksheets/sheet1.xml"]).uncompressedSize
        let fileSize = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)

        let readStart = residentBytes()
        var readPeak = readStart ?? 0
        let reader = try XLSXWorkbook(path: path).openSheet(named: "Данные")
        var count = 0
        var total = 0
        var last: XLSXRow?
        var lastProgress = 0.0
        var progressNeverWentBack = true
        while try reader.next() {
            count += 1
            if reader.row.number > 1 { total += Int(reader.row.values[11]) ?? 0 }
            if count % 5000 == 0 {
                if let now = residentBytes() { readPeak = max(readPeak, now) }
                progressNeverWentBack = progressNeverWentBack && reader.fractionRead >= lastProgress
                lastProgress = reader.fractionRead
            }
            if count == Self.rows + 1 { last = reader.row }
        }
        #expect(count == Self.rows + 1)
        #expect(total == Self.rows * (Self.rows + 1) / 2)
        #expect(last?.number == Self.rows + 1)
        #expect(last?.values == ["2023-2024", "0090", "10000100000", "Иванова Мария Петровна 100000",
                                 "Функциональная грамотность: читательская, математическая и естественнонаучная",
                                 "73", "13.05.2023", "0", "true", "0", "дистанционная", "100000"])
        #expect(progressNeverWentBack)
        #expect(reader.fractionRead == 1)

        let mebibyte = 1 << 20
        print("PDXLSX streaming: \(Self.rows) rows, sheet XML \(sheetSize / UInt64(mebibyte)) MiB, "
              + "file \(fileSize / mebibyte) MiB; resident set growth: writing "
              + (writeStart.map { "\((writePeak - $0) / mebibyte) MiB" } ?? "n/a") + ", reading "
              + (readStart.map { "\((readPeak - $0) / mebibyte) MiB" } ?? "n/a"))
        if let readStart {
            // Holding the sheet's XML alone would take sheetSize (about 70 MiB); its rows as
            // strings, more. Streaming takes a few MiB; the rest of the bound is for other tests
            // running in this process at the same time.
            #expect(readPeak - readStart < 48 * mebibyte,
                    "reading grew the resident set by \((readPeak - readStart) / mebibyte) MiB")
            #expect(UInt64(readPeak - readStart) < sheetSize * 2 / 3)
        }
        if let writeStart {
            #expect(writePeak - writeStart < 48 * mebibyte,
                    "writing grew the resident set by \((writePeak - writeStart) / mebibyte) MiB")
        }
    }
}
