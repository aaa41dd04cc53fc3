/// Incremental, allocation-free UTF-8 validation (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF), with the evidence a loader needs to choose a file's encoding line by
/// line rather than for the whole file at once.
///
/// Feed the file chunk by chunk (chunks may split a multi-byte sequence anywhere), then ask
/// `finish()` (is the whole input UTF-8?) and `evidence` (how many lines hold valid multi-byte
/// sequences, how many hold bytes that are not UTF-8). This lets a loader decide the encoding in
/// the same pass that hashes the file:
///
///     var validator = UTF8Validator()
///     while let chunk = ... { hasher.update(chunk); validator.feed(chunk) }
///     let isUTF8 = validator.finish()
///     let encoding = validator.evidence.readsAsUTF8 ? "UTF-8" : "Windows-1251"
///
/// After an invalid byte the validator resynchronises (a byte that breaks a sequence is read
/// again as the start of the next one) and goes on counting. Lines end at LF (`\n`; CRLF too).
/// ASCII is skipped eight bytes at a time; newlines are looked for in those words only while the
/// current line has non-ASCII bytes, so a pure ASCII stretch costs what it did before.
public struct UTF8Validator: Sendable {
    /// False as soon as an invalid byte has been seen.
    public private(set) var isValid = true
    /// Continuation bytes still expected by the sequence in progress.
    private var pending: UInt8 = 0
    /// Allowed range of the next continuation byte (narrower after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF
    /// Finished lines with at least one multi-byte sequence and no invalid byte.
    private var multibyteLines = 0
    /// Finished lines with at least one byte that is not UTF-8.
    private var invalidLines = 0
    private var lineHasMultibyte = false
    private var lineHasInvalid = false

    public init() {}

    /// What the bytes fed so far say about their encoding, line by line (the last line counts
    /// even without a final newline; a sequence cut off at the end counts as invalid).
    public struct LineEvidence: Sendable, Hashable, CustomStringConvertible {
        /// Lines holding at least one valid multi-byte sequence and no invalid byte.
        public var linesWithMultibyte: Int
        /// Lines holding at least one byte that is not UTF-8.
        public var linesWithInvalidBytes: Int

        public init(linesWithMultibyte: Int, linesWithInvalidBytes: Int) {
            self.linesWithMultibyte = linesWithMultibyte
            self.linesWithInvalidBytes = linesWithInvalidBytes
        }

        /// Whether every byte is UTF-8.
        public var isValid: Bool { linesWithInvalidBytes == 0 }

        /// The rule (docs/exports.md §1): a file is read as UTF-8 when it has no invalid line, or
        /// when lines of valid multi-byte UTF-8 exist and the lines with invalid bytes are no more
        /// than them (a UTF-8 export with lines pasted from a Windows-1251 one: those lines are
        /// rejected, the rest loads); otherwise as Windows-1251. Evidence: Cyrillic text in
        /// Windows-1251 is letters C0–FF back to back, which never form UTF-8 (a lead byte is
        /// followed by another letter, not a continuation byte 80–BF), so a genuine Windows-1251
        /// export has no line of valid multi-byte UTF-8 at all. Ties go to UTF-8: a UTF-8 reading
        /// rejects the lines it cannot read, loudly, while a Windows-1251 reading of UTF-8 text
        /// would turn every Cyrillic letter into two wrong ones («Р§Р°СЃ») without a word.
        public var readsAsUTF8: Bool {
            linesWithInvalidBytes == 0 || (linesWithMultibyte > 0 && linesWithInvalidBytes <= linesWithMultibyte)
        }

        public var description: String {
            "\(linesWithMultibyte) lines of multi-byte UTF-8, \(linesWithInvalidBytes) lines not UTF-8"
        }
    }

    /// The evidence so far, the current (unfinished) line included.
    public var evidence: LineEvidence {
        var multibyte = multibyteLines, invalid = invalidLines
        if lineHasInvalid || pending > 0 {
            invalid += 1
        } else if lineHasMultibyte {
            multibyte += 1
        }
        return LineEvidence(linesWithMultibyte: multibyte, linesWithInvalidBytes: invalid)
    }

    /// Whether any byte of `word` is LF (0x0A).
    @inline(__always)
    private static func hasNewline(_ word: UInt64) -> Bool {
        let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }

    /// Validates the next chunk of the input.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard !chunk.isEmpty else { return }
        // The state lives in locals for the loop (stored back at the end).
        var pending = self.pending
        var lower = self.lower
        var upper = self.upper
        var valid = isValid
        var multibyteLines = self.multibyteLines
        var invalidLines = self.invalidLines
        var lineHasMultibyte = self.lineHasMultibyte
        var lineHasInvalid = self.lineHasInvalid
        var index = 0
        let count = chunk.count
        defer {
            self.pending = pending
            self.lower = lower
            self.upper = upper
            self.isValid = valid
            self.multibyteLines = multibyteLines
            self.invalidLines = invalidLines
            self.lineHasMultibyte = lineHasMultibyte
            self.lineHasInvalid = lineHasInvalid
        }
        while index < count {
            if pending == 0 {
                // ASCII fast path, eight bytes at a time; while the line has non-ASCII bytes, a
                // word holding a newline stops it so that the line is counted.
                if !lineHasMultibyte && !lineHasInvalid {
                    while index + 8 <= count,
                          chunk.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                    }
                } else {
                    while index + 8 <= count {
                        let word = chunk.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 != 0 || Self.hasNewline(word) { break }
                        index += 8
                    }
                }
                if index == count { break }
                let byte = chunk[index]
                index += 1
                if byte < 0x80 {
                    if byte == 0x0A {
                        if lineHasInvalid {
                            invalidLines += 1
                        } else if lineHasMultibyte {
                            multibyteLines += 1
                        }
                        lineHasInvalid = false
                        lineHasMultibyte = false
                    }
                    continue
                }
                switch byte {
                case 0xC2...0xDF:
                    // Two-byte sequences (all of Cyrillic) complete here when the chunk holds both.
                    if index < count, chunk[index] & 0xC0 == 0x80 {
                        index += 1
                        lineHasMultibyte = true
                    } else {
                        pending = 1; lower = 0x80; upper = 0xBF
                    }
                case 0xE0: pending = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2; lower = 0x80; upper = 0xBF
                case 0xED: pending = 2; lower = 0x80; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: pending = 3; lower = 0x80; upper = 0xBF
                case 0xF4: pending = 3; lower = 0x80; upper = 0x8F
                default:
                    valid = false
                    lineHasInvalid = true
                }
            } else {
                let byte = chunk[index]
                guard byte >= lower, byte <= upper else {
                    // The sequence is broken: this byte starts over (it may be a newline or a lead).
                    valid = false
                    lineHasInvalid = true
                    pending = 0
                    lower = 0x80
                    upper = 0xBF
                    continue
                }
                index += 1
                pending -= 1
                lower = 0x80
                upper = 0xBF
                if pending == 0 { lineHasMultibyte = true }
            }
        }
    }

    /// Validates the next chunk of the input.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { feed(UnsafeRawBufferPointer($0)) }
        if done == nil {
            Array(bytes).withUnsafeBytes { feed($0) }
        }
    }

    /// True when everything fed so far is valid UTF-8 and no sequence is left unfinished.
    public func finish() -> Bool {
        isValid && pending == 0
    }

    /// Validates a whole buffer at once.
    public static func isValid<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var validator = UTF8Validator()
        validator.feed(bytes)
        return validator.finish()
    }
}
