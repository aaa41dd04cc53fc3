/// Writes RFC 4180 CSV: fields that contain the delimiter, a quote, CR or LF are quoted,
/// and quotes inside them doubled. Records end with CRLF unless `lineEnding` says otherwise.
/// A record of one empty field is written as `""`, so it is not read back as a blank line.
///
/// Output accumulates in `bytes`; call `drain()` to take it for streaming.
public struct CSVWriter {
    public var delimiter: UInt8
    public var lineEnding: [UInt8]
    /// How `writeRecord(_: [String])` encodes strings (CP1251 turns unknown characters into `?`;
    /// UTF-16 writes each record as UTF-16 code units, as Excel's «Текст в Юникоде» does).
    public var encoding: CSVEncoding
    public private(set) var bytes: [UInt8] = []

    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: [UInt8] = [13, 10], encoding: CSVEncoding = .utf8) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.encoding = encoding
    }

    /// Appends the byte order mark of `encoding` (call first): the UTF-8 BOM for UTF-8 output
    /// that Excel should recognise, `FF FE` / `FE FF` for UTF-16. Windows-1251 has none.
    public mutating func writeBOM() {
        switch encoding {
        case .utf8: bytes.append(contentsOf: CSVFormat.utf8BOM)
        case .windows1251: break
        case .utf16LittleEndian: bytes.append(contentsOf: [0xFF, 0xFE])
        case .utf16BigEndian: bytes.append(contentsOf: [0xFE, 0xFF])
        }
    }

    /// Appends one record of already-encoded fields.
    public mutating func writeRecord<Field: Collection>(_ fields: [Field]) where Field.Element == UInt8 {
        if fields.count == 1 && fields[0].isEmpty {
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\"")])
        } else {
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(delimiter) }
                appendField(field)
            }
        }
        bytes.append(contentsOf: lineEnding)
    }

    /// Appends one record of strings, encoded with `encoding`.
    public mutating func writeRecord(_ fields: [String]) {
        switch encoding {
        case .utf8:
            writeRecord(fields.map { $0.utf8 })
        case .windows1251:
            writeRecord(fields.map { CP1251.encode($0) })
        case .utf16LittleEndian, .utf16BigEndian:
            // The record is laid out in UTF-8 (ASCII delimiter and quotes), then re-encoded whole.
            var line = CSVWriter(delimiter: delimiter, lineEnding: lineEnding, encoding: .utf8)
            line.writeRecord(fields.map { $0.utf8 })
            for unit in String(decoding: line.bytes, as: UTF8.self).utf16 {
                if encoding == .utf16LittleEndian {
                    bytes.append(UInt8(truncatingIfNeeded: unit))
                    bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
                } else {
                    bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
                    bytes.append(UInt8(truncatingIfNeeded: unit))
                }
            }
        }
    }

    /// Hands the bytes written so far to the caller and forgets them (for streaming output).
    public mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func appendField<Field: Collection>(_ field: Field) where Field.Element == UInt8 {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = field.contains { $0 == delimiter || $0 == quote || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            bytes.append(contentsOf: field)
            return
        }
        bytes.append(quote)
        for byte in field {
            if byte == quote { bytes.append(quote) }
            bytes.append(byte)
        }
        bytes.append(quote)
    }
}
