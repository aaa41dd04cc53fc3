import Foundation
import Testing
@testable import PDCSV

/// What real exports carry at the byte level (issue 9 §4): UTF-16 text, NUL bytes, Excel's
/// sep= line, and whitespace other than the plain space.
@Suite struct UTF16ReadingTests {
    static let table = [["Учебный год", "Код ОО", "Объём, часов", "Наименование"],
                        ["2023-2024", "101", "36", "Эмодзи 😀 и «кавычки»"],
                        ["2023-2024", "102", "72", "многострочное\nполе"]]

    static func utf16(_ rows: [[String]], delimiter: UInt8, bigEndian: Bool) -> [UInt8] {
        var writer = CSVWriter(delimiter: delimiter, encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian)
        writer.writeBOM()
        for row in rows { writer.writeRecord(row) }
        return writer.bytes
    }

    @Test(arguments: [(UInt8(9), false), (UInt8(9), true), (UInt8(ascii: ";"), false), (UInt8(ascii: ","), true)])
    func utf16WithBOMIsDetectedAndReadAtEveryChunkSize(delimiter: UInt8, bigEndian: Bool) throws {
        let bytes = Self.utf16(Self.table, delimiter: delimiter, bigEndian: bigEndian)
        #expect(Array(bytes.prefix(2)) == (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]))
        let format = CSVFormat.detect(bytes: bytes)
        #expect(format == CSVFormat(encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian, delimiter: delimiter, hadBOM: true))
        #expect(format.description.hasPrefix(bigEndian ? "UTF-16BE" : "UTF-16LE"))
        for chunkSize in [1, 2, 3, 4, 5, 7, 64, 1 << 20] {
            let rows = try readAll(bytes, format: format, chunkSize: chunkSize)
            #expect(rows.map(\.fields) == Self.table, "chunk \(chunkSize)")
            #expect(rows.map(\.line) == [1, 2, 3], "chunk \(chunkSize)")
        }
        // Records of a UTF-16 file hold UTF-8.
        var reader = try CSVReader(bytes: bytes, format: format)
        #expect(try reader.next())
        #expect(reader.record.encoding == .utf8)
    }

    @Test func aUTF16FileOnDiskIsDetectedAndRead() throws {
        let file = try TemporaryFile(Self.utf16(Self.table, delimiter: 9, bigEndian: false), name: "kpk.txt")
        defer { file.remove() }
        let format = try CSVFormat.detect(path: file.path)
        #expect(format.encoding == .utf16LittleEndian && format.delimiter == 9)
        var reader = try CSVReader(path: file.path)
        var rows: [[String]] = []
        while try reader.next() { rows.append(reader.record.strings()) }
        #expect(rows == Self.table)
    }

    @Test func brokenUTF16BecomesReplacementCharacters() {
        // A lone low surrogate, a lone high surrogate before a letter, and an odd byte at the end.
        let bytes: [UInt8] = [0x41, 0x00, 0x00, 0xDC, 0x00, 0xD8, 0x42, 0x00, 0x43]
        var transcoder = UTF16Transcoder(bigEndian: false)
        var output: [UInt8] = []
        bytes.withUnsafeBytes { transcoder.transcode($0, into: &output) }
        transcoder.finish(into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "A\u{FFFD}\u{FFFD}B\u{FFFD}")
        #expect(transcoder.replacements == 3)
    }

    @Test func surrogatePairsSplitAnywhere() {
        let text = "a😀б\u{10FFFF}"
        let little = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for split in 0...little.count {
            var transcoder = UTF16Transcoder(bigEndian: false)
            var output: [UInt8] = []
            little[..<split].withUnsafeBytes { transcoder.transcode($0, into: &output) }
            little[split...].withUnsafeBytes { transcoder.transcode($0, into: &output) }
            transcoder.finish(into: &output)
            #expect(String(decoding: output, as: UTF8.self) == text, "split \(split)")
        }
    }
}

@Suite struct NULByteTests {
    @Test func theFirstFieldHoldingANULIsFound() throws {
        let cases: [(String, Int?)] = [
            ("a;b;c\n", nil), ("\u{0};b;c\n", 0), ("a;b\u{0}b;c\u{0}\n", 1), ("a;;c\u{0}\u{0}\u{0}\n", 2),
            ("a;b;\u{0}\n", 2), (";;;\n", nil),
        ]
        for (text, expected) in cases {
            var reader = try CSVReader(bytes: Array(text.utf8), format: CSVFormat(delimiter: UInt8(ascii: ";")))
            #expect(try reader.next())
            #expect(reader.record.firstFieldContainingNUL() == expected, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [1, 64, 4096, 70_000])
    func nulPaddingAtTheEndIsNotRead(padding: Int) throws {
        let text = Array("a;b\r\n1;2\r\n3;4\r\n".utf8)
        let bytes = text + [UInt8](repeating: 0, count: padding)
        for chunkSize in [1, 3, 1 << 20] {
            var reader = try CSVReader(bytes: bytes, format: CSVFormat(delimiter: UInt8(ascii: ";")), chunkSize: chunkSize)
            var rows: [[String]] = []
            while try reader.next() { rows.append(reader.record.strings()) }
            #expect(rows == [["a", "b"], ["1", "2"], ["3", "4"]])
            #expect(reader.trailingNULPadding == padding)
            #expect(reader.nextLine == 4)
        }
        let file = try TemporaryFile(bytes)
        defer { file.remove() }
        var reader = try CSVReader(path: file.path, format: CSVFormat(delimiter: UInt8(ascii: ";")))
        var count = 0
        while try reader.next() { count += 1 }
        #expect(count == 3 && reader.trailingNULPadding == padding)
    }

    @Test func nulBytesInsideTheDataStayInTheirFields() throws {
        // Only the run at the very end is padding; a NUL before the last line is data (and rejected later).
        let bytes = Array("a;b\n1;\u{0}\n\u{0}\u{0};x".utf8) + [0, 0]
        var reader = try CSVReader(bytes: bytes, format: CSVFormat(delimiter: UInt8(ascii: ";")))
        var rows: [[String]] = []
        while try reader.next() { rows.append(reader.record.strings()) }
        #expect(rows == [["a", "b"], ["1", "\u{0}"], ["\u{0}\u{0}", "x"]])
        #expect(reader.trailingNULPadding == 2)
    }

    @Test func aFileOfNothingButNULsHasNoRecords() throws {
        var reader = try CSVReader(bytes: [UInt8](repeating: 0, count: 100), format: CSVFormat())
        #expect(try !reader.next())
        #expect(reader.trailingNULPadding == 100)
    }

    @Test func utf16PaddingKeepsTheLastCharactersZeroByte() throws {
        // Little-endian "a\n" ends in 0A 00: that zero belongs to the text, the rest is padding.
        var writer = CSVWriter(delimiter: 9, lineEnding: [10], encoding: .utf16LittleEndian)
        writer.writeBOM()
        writer.writeRecord(["a", "b"])
        writer.writeRecord(["1", "2"])
        for padding in [1, 2, 3, 8] {
            let bytes = writer.bytes + [UInt8](repeating: 0, count: padding)
            var reader = try CSVReader(bytes: bytes)
            var rows: [[String]] = []
            while try reader.next() { rows.append(reader.record.strings()) }
            #expect(rows == [["a", "b"], ["1", "2"]], "padding \(padding)")
            #expect(reader.trailingNULPadding == padding, "padding \(padding)")
        }
    }
}

@Suite struct ExcelSeparatorLineTests {
    @Test(arguments: [("sep=;\r\na,b;c\r\n", UInt8(ascii: ";")), ("SEP=,\na;b,c\n", UInt8(ascii: ",")),
                      ("sep=\t\na;b\tc\n", UInt8(9)), ("sep=|\na|b", UInt8(ascii: "|")),
                      ("\u{FEFF}sep=;\na,b;c", UInt8(ascii: ";"))])
    func theDeclaredDelimiterWins(text: String, delimiter: UInt8) {
        #expect(CSVFormat.detect(bytes: Array(text.utf8)).delimiter == delimiter)
    }

    @Test(arguments: ["sep=;;\na,b\n", "separator;x\na,b,c\n", "sep=\na,b\n", "x sep=;\na,b,c\n"])
    func otherFirstLinesAreNotDeclarations(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { CSVFormat.declaredDelimiter(in: $0) } == nil)
    }
}

@Suite struct WhitespaceSetTests {
    @Test func theByteLevelSetAgreesWithTheScalarSet() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            let length = bytes.withUnsafeBufferPointer { UnicodeSpace.spaceLength($0, at: 0) }
            #expect((length > 0) == UnicodeSpace.isSpace(scalar), "U+\(String(value, radix: 16))")
            if length > 0 { #expect(length == bytes.count) }
        }
        #expect([UInt8]([0xEF, 0xBB, 0xBF]).withUnsafeBufferPointer { UnicodeSpace.spaceLength($0, at: 0) } == 3)
    }

    @Test func rowsOfDelimitersAndAnyWhitespaceAreBlank() throws {
        for cell in [" ", "\t", "\u{00A0}", "\u{202F}", "\u{2007}", "\u{2009} \u{00A0}", "\u{3000}"] {
            var reader = try CSVReader(bytes: Array(";\(cell);;\n".utf8), format: CSVFormat(delimiter: UInt8(ascii: ";")))
            #expect(try reader.next())
            #expect(reader.record.isBlank, "\(cell.unicodeScalars.map(\.value))")
        }
        for text in [";a;;\n", ";\u{00A0}x;\n", "\u{00A0}\u{00A0}1\n"] {
            var reader = try CSVReader(bytes: Array(text.utf8), format: CSVFormat(delimiter: UInt8(ascii: ";")))
            #expect(try reader.next())
            #expect(!reader.record.isBlank, "\(text)")
        }
        // Windows-1251 writes NBSP as 0xA0.
        var reader = try CSVReader(bytes: [0x3B, 0xA0, 0x3B, 0x20, 0x0A],
                                   format: CSVFormat(encoding: .windows1251, delimiter: UInt8(ascii: ";")))
        #expect(try reader.next())
        #expect(reader.record.isBlank)
    }
}
