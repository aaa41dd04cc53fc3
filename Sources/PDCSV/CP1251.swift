/// Windows-1251 (CP1251), the Cyrillic code page of Russian Windows exports.
///
/// Bytes 0x00–0x7F are ASCII. `decodeTable[b - 0x80]` is the Unicode scalar of byte `b`;
/// 0x98 is unassigned and decodes to U+FFFD. Generated from Python's `cp1251` codec.
public enum CP1251 {
    public static let decodeTable: [UInt32] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
        0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
        0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
        0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
        0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
        0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
        0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
        0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
        0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
        0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
        0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
        0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    /// Unicode scalar → CP1251 byte, for the scalars above 0x7F that the code page has.
    public static let encodeTable: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, scalar) in decodeTable.enumerated() where scalar != 0xFFFD {
            table[scalar] = UInt8(0x80 + offset)
        }
        return table
    }()

    /// For each byte 0x80–0xFF, four entries: the UTF-8 length (2 or 3) and up to three UTF-8 bytes.
    static let utf8Table: [UInt8] = {
        var table: [UInt8] = []
        table.reserveCapacity(128 * 4)
        for scalar in decodeTable {
            let utf8 = Array(String(Unicode.Scalar(scalar)!).utf8)
            table.append(UInt8(utf8.count))
            table.append(contentsOf: utf8)
            table.append(contentsOf: repeatElement(0, count: 3 - utf8.count))
        }
        return table
    }()

    /// Decodes CP1251 bytes to a String. Never fails: every byte maps to a scalar.
    public static func decode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let string = bytes.withContiguousStorageIfAvailable({ decode(UnsafeRawBufferPointer($0)) }) {
            return string
        }
        return Array(bytes).withUnsafeBytes { decode($0) }
    }

    /// Decodes CP1251 bytes to a String in one allocation (the reader's hot path).
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.isEmpty { return "" }
        return utf8Table.withUnsafeBufferPointer { table in
            String(unsafeUninitializedCapacity: bytes.count * 3) { output in
                var count = 0
                for byte in bytes {
                    if byte < 0x80 {
                        output[count] = byte
                        count += 1
                    } else {
                        let entry = Int(byte &- 0x80) &* 4
                        let length = Int(table[entry])
                        output[count] = table[entry + 1]
                        output[count + 1] = table[entry + 2]
                        if length == 3 { output[count + 2] = table[entry + 3] }
                        count += length
                    }
                }
                return count
            }
        }
    }

    /// Encodes a String as CP1251. Characters the code page lacks become `?`.
    public static func encode(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count)
        encode(string, into: &bytes)
        return bytes
    }

    /// Appends the CP1251 encoding of `string` to `bytes`. Characters the code page lacks become `?`.
    public static func encode(_ string: String, into bytes: inout [UInt8]) {
        for scalar in string.unicodeScalars {
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(encodeTable[scalar.value] ?? UInt8(ascii: "?"))
            }
        }
    }
}
