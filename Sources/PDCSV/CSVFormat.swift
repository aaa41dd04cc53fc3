/// The text encodings an export may use.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case windows1251 = "Windows-1251"
    /// Excel's «Текст в Юникоде» (Unicode Text): UTF-16 little-endian, recognised by its BOM `FF FE`.
    /// `CSVReader` transcodes it to UTF-8 as it reads, so its records hold UTF-8.
    case utf16LittleEndian = "UTF-16LE"
    /// UTF-16 big-endian, recognised by its BOM `FE FF`; transcoded like `utf16LittleEndian`.
    case utf16BigEndian = "UTF-16BE"

    public var description: String { rawValue }

    /// Whether the file is UTF-16 (and so is read through a transcoder).
    public var isUTF16: Bool { self == .utf16LittleEndian || self == .utf16BigEndian }

    /// The encoding of the bytes the reader's records hold: UTF-16 files are transcoded to UTF-8.
    public var recordEncoding: CSVEncoding { isUTF16 ? .utf8 : self }
}

/// How a CSV file is written: its encoding, its delimiter, and whether it began with a UTF-8 BOM.
///
/// The contract: a UTF-8 BOM means UTF-8, a UTF-16 BOM (`FF FE`, `FE FF`) UTF-16 (read through a
/// transcoder); otherwise the file's bytes decide, line by line (`UTF8Validator.LineEvidence`): valid
/// UTF-8 is UTF-8; a file with lines of valid multi-byte UTF-8 and no more lines of invalid bytes
/// than those is UTF-8 too (its invalid lines are rejected by the loader, never decoded as
/// another encoding); anything else is Windows-1251. The delimiter
/// is the one Excel's `sep=X` first line declares; otherwise whichever of `;` `,` TAB occurs most
/// often outside quotes in the first record (ties go to `;`, then `,`, then TAB; none at all
/// means `,`). `HeaderLocator` (PDContract) tries the other candidates when no header row is found.
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

    /// The UTF-16 encoding whose byte order mark `prefix` starts with (`FF FE` little-endian,
    /// `FE FF` big-endian), or nil.
    public static func utf16Encoding(ofBOM prefix: UnsafeRawBufferPointer) -> CSVEncoding? {
        guard prefix.count >= 2 else { return nil }
        if prefix[0] == 0xFF && prefix[1] == 0xFE { return .utf16LittleEndian }
        if prefix[0] == 0xFE && prefix[1] == 0xFF { return .utf16BigEndian }
        return nil
    }

    /// The delimiter an Excel `sep=X` first line declares (after an optional BOM), or nil when the
    /// first line is not one. `X` is any single ASCII character; the line ends there.
    public static func declaredDelimiter(in prefix: UnsafeRawBufferPointer) -> UInt8? {
        var index = hasBOM(prefix) ? 3 : 0
        guard prefix.count >= index + 5,
              prefix[index] | 0x20 == UInt8(ascii: "s"), prefix[index + 1] | 0x20 == UInt8(ascii: "e"),
              prefix[index + 2] | 0x20 == UInt8(ascii: "p"), prefix[index + 3] == UInt8(ascii: "=") else { return nil }
        index += 4
        let delimiter = prefix[index]
        guard delimiter >= 0x09, delimiter < 0x80, delimiter != 10, delimiter != 13 else { return nil }
        let next = index + 1
        guard next == prefix.count || prefix[next] == 10 || prefix[next] == 13 else { return nil }
        return delimiter
    }

    /// The delimiter of the header record at the start of `prefix` (after an optional BOM and
    /// blank lines): the one an Excel `sep=X` first line declares, else the candidate seen most
    /// often outside quotes, ties in `candidateDelimiters` order, `,` when there is none. Quotes
    /// open only at the start of a field, as in the reader.
    public static func detectDelimiter(in prefix: UnsafeRawBufferPointer) -> UInt8 {
        if let declared = declaredDelimiter(in: prefix) { return declared }
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

    /// The format, given the file's first bytes (up to `prefixLength`) and what a
    /// `UTF8Validator` fed the whole file during another pass (e.g. hashing) found, by the rule of
    /// `UTF8Validator.LineEvidence.readsAsUTF8`.
    public static func detect(prefix: UnsafeRawBufferPointer, utf8 evidence: UTF8Validator.LineEvidence) -> CSVFormat {
        detect(prefix: prefix, isValidUTF8: evidence.readsAsUTF8)
    }

    /// The format, given the file's first bytes (up to `prefixLength`) and whether the file is
    /// to be read as UTF-8 (valid, or `UTF8Validator.LineEvidence.readsAsUTF8`).
    public static func detect(prefix: UnsafeRawBufferPointer, isValidUTF8: Bool) -> CSVFormat {
        if let utf16 = utf16Encoding(ofBOM: prefix) {
            let text = UTF16Transcoder.utf8(from: prefix, bigEndian: utf16 == .utf16BigEndian)
            let delimiter = text.withUnsafeBytes { detectDelimiter(in: $0) }
            return CSVFormat(encoding: utf16, delimiter: delimiter, hadBOM: true)
        }
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
            var validator = UTF8Validator()
            if !hasBOM(prefix) { validator.feed(all) }
            return detect(prefix: prefix, utf8: validator.evidence)
        }
    }

    /// The format of a CSV file. Reads the whole file in 1 MiB chunks (the encoding is decided
    /// from every line, `UTF8Validator.LineEvidence`).
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
        }
        return prefix.withUnsafeBytes { detect(prefix: $0, utf8: validator.evidence) }
    }
}
