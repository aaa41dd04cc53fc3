/// Writes RFC 4180 CSV: fields that contain the delimiter, a quote, CR or LF are quoted,
/// and quotes inside them doubled. Records end with CRLF unless `lineEnding` says otherwise.
public struct CSVWriter {
    public var delimiter: UInt8
    public var lineEnding: [UInt8]
    public private(set) var bytes: [UInt8] = []

    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: [UInt8] = [13, 10]) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    /// Appends one record of already-encoded fields.
    public mutating func writeRecord<Field: Collection>(_ fields: [Field]) where Field.Element == UInt8 {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(delimiter) }
            appendField(field)
        }
        bytes.append(contentsOf: lineEnding)
    }

    /// Appends one record of strings, encoded as UTF-8.
    public mutating func writeRecord(_ fields: [String]) {
        writeRecord(fields.map { Array($0.utf8) })
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
