import Foundation
import Testing
@testable import PDCSV

/// What real exports carry at the byte level (issue 9 §4): UTF-16 text, NUL bytes, Excel's
/// sep= line, and whitespace other than the plain space.
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
