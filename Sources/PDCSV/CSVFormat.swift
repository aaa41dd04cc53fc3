/// The text encodings an export may use.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case windows1251 = "Windows-1251"

    public var description: String { rawValue }
}

/// How a CSV file is written: its encoding, its delimiter, and whether it began with a UTF-8 BOM.
///
/// The contract: a BOM means UTF-8; otherwise valid UTF-8 is UTF-8 and anything else is
/// Windows-1251. The delimiter is whichever of `;` `,` TAB occurs most often outside quotes in
/// the header record (ties go to `;`, then `,`, then TAB; none at all means `,`).
public struct CSVFormat: Sendable, Hashable, CustomStringConvertible {
    public var encoding: CSVEncoding
    /// The field delimiter byte: `;`, `,` or TAB in practice.
    public var delimiter: UInt8
    /// Whether the file started with the UTF-8 byte order mark (the reader skips it either way).
    public var hadBOM: Bool

    public init(encoding: CSVEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ","), hadBOM: Bool = false) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.hadBOM = hadBOM
    }

    /// `UTF-8, ';'`, `Windows-1251, tab, BOM`... for logs and summaries.
    public var description: String {
        var text = "\(encoding), \(CSVFormat.name(ofDelimiter: delimiter))"
        if hadBOM { text += ", BOM" }
        return text
    }

    /// A readable name of a delimiter byte: `';'`, `','`, `tab`.
    public static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case 9: return "tab"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(delimiter)))'"
        default: return "0x\(String(delimiter, radix: 16))"
        }
    }

    /// The delimiters detection chooses from, in tie-breaking order.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 9]

    /// How many leading bytes detection looks at for the BOM and the header record.
    public static let prefixLength = 64 * 1024

    /// The UTF-8 byte order mark.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    // MARK: Detection

    /// Whether `prefix` starts with the UTF-8 BOM.
    public static func hasBOM(_ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF
    }

    /// The delimiter of the header record at the start of `prefix` (after an optional BOM and
    /// blank lines): the candidate seen most often outside quotes, ties in `candidateDelimiters`
    /// order, `,` when there is none. Quotes open only at the start of a field, as in the reader.
    public static func detectDelimiter(in prefix: UnsafeRawBufferPointer) -> UInt8 {
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10
        var counts = [Int](repeating: 0, count: candidateDelimiters.count)
        var index = hasBOM(prefix) ? 3 : 0
        while index < prefix.count, prefix[index] == cr || prefix[index] == lf { index += 1 }
        var inQuotes = false
        var atFieldStart = true
        while index < prefix.count {
            let byte = prefix[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < prefix.count, prefix[index] == quote {
                        index += 1
                    } else {
                        inQuotes = false
                    }
                }
                continue
            }
            if byte == cr || byte == lf { break }
            if let which = candidateDelimiters.firstIndex(of: byte) {
                counts[which] += 1
                atFieldStart = true
            } else if byte == quote && atFieldStart {
                inQuotes = true
                atFieldStart = false
            } else {
                atFieldStart = false
            }
        }
        var best = 0
        for which in counts.indices where counts[which] > counts[best] { best = which }
        return counts[best] > 0 ? candidateDelimiters[best] : UInt8(ascii: ",")
    }

    /// The format, given the file's first bytes (up to `prefixLength`) and whether the whole
    /// file is valid UTF-8 (from a `UTF8Validator` fed during another pass, e.g. hashing).
    public static func detect(prefix: UnsafeRawBufferPointer, isValidUTF8: Bool) -> CSVFormat {
        let bom = hasBOM(prefix)
        return CSVFormat(
            encoding: bom || isValidUTF8 ? .utf8 : .windows1251,
            delimiter: detectDelimiter(in: prefix),
            hadBOM: bom
        )
    }

    /// The format of a CSV held in memory.
    public static func detect(bytes: [UInt8]) -> CSVFormat {
        bytes.withUnsafeBytes { all in
            let prefix = UnsafeRawBufferPointer(rebasing: all.prefix(prefixLength))
            return detect(prefix: prefix, isValidUTF8: hasBOM(prefix) || UTF8Validator.isValid(all))
        }
    }

    /// The format of a CSV file. Reads the file in 1 MiB chunks, stopping early once it is
    /// known not to be UTF-8.
    public static func detect(path: String) throws(CSVError) -> CSVFormat {
        try detect(path: path, chunkSize: 1 << 20)
    }

    static func detect(path: String, chunkSize: Int) throws(CSVError) -> CSVFormat {
        let file = try POSIXFile(path: path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 1), alignment: 8)
        defer { buffer.deallocate() }
        var prefix: [UInt8] = []
        var validator = UTF8Validator()
        while true {
            let count = try file.read(into: buffer.baseAddress!, count: buffer.count)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if prefix.count < prefixLength {
                prefix.append(contentsOf: chunk.prefix(prefixLength - prefix.count))
            }
            validator.feed(chunk)
            if !validator.isValid && prefix.count >= prefixLength { break }
        }
        return prefix.withUnsafeBytes { detect(prefix: $0, isValidUTF8: validator.finish()) }
    }
}
