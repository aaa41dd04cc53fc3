/// Incremental, allocation-free UTF-8 validation (RFC 3629: no overlong forms, no surrogates,
/// nothing above U+10FFFF).
///
/// Feed the file chunk by chunk (chunks may split a multi-byte sequence anywhere), then ask
/// `finish()`. This lets a loader decide the encoding in the same pass that hashes the file:
///
///     var validator = UTF8Validator()
///     while let chunk = ... { hasher.update(chunk); validator.feed(chunk) }
///     let isUTF8 = validator.finish()
public struct UTF8Validator: Sendable {
    /// False as soon as an invalid byte has been seen. Once false, feeding does nothing.
    public private(set) var isValid = true
    /// Continuation bytes still expected by the sequence in progress.
    private var pending: UInt8 = 0
    /// Allowed range of the next continuation byte (narrower after E0, ED, F0, F4).
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    public init() {}

    /// Validates the next chunk of the input.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard isValid, !chunk.isEmpty else { return }
        var pending = self.pending
        var lower = self.lower
        var upper = self.upper
        var index = 0
        let count = chunk.count
        defer {
            self.pending = pending
            self.lower = lower
            self.upper = upper
        }
        while index < count {
            if pending == 0 {
                // ASCII fast path, eight bytes at a time.
                while index + 8 <= count,
                      chunk.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
                if index == count { break }
                let byte = chunk[index]
                index += 1
                if byte < 0x80 { continue }
                switch byte {
                case 0xC2...0xDF: pending = 1; lower = 0x80; upper = 0xBF
                case 0xE0: pending = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: pending = 2; lower = 0x80; upper = 0xBF
                case 0xED: pending = 2; lower = 0x80; upper = 0x9F
                case 0xF0: pending = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: pending = 3; lower = 0x80; upper = 0xBF
                case 0xF4: pending = 3; lower = 0x80; upper = 0x8F
                default:
                    isValid = false
                    return
                }
            } else {
                let byte = chunk[index]
                index += 1
                guard byte >= lower, byte <= upper else {
                    isValid = false
                    return
                }
                pending -= 1
                lower = 0x80
                upper = 0xBF
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
