/// Writes RFC 4180 CSV: fields that contain the delimiter, a quote, CR or LF are quoted,
/// and quotes inside them doubled. Records end with CRLF unless `lineEnding` says otherwise.
/// A record of one empty field is written as `""`, so it is not read back as a blank line.
///
/// Output accumulates in `bytes`; call `drain()` to take it for streaming.
public struct CSVWriter {
    public var delimiter: UInt8
    public var lineEnding: [UInt8]
    /// How `writeRecord(_: [String])` encodes strings (CP1251 turns unknown characters into `?`).
    public var encoding: CSVEncoding
    public private(set) var bytes: [UInt8] = []

    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: [UInt8] = [13, 10], encoding: CSVEncoding = .utf8) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.encoding = encoding
    }

    /// Appends the UTF-8 byte order mark (call first, for UTF-8 output that Excel should recognise).
    public mutating func writeBOM() {
        bytes.append(contentsOf: CSVFormat.utf8BOM)
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
