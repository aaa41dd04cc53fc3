/// Streaming UTF-16 → UTF-8, for files saved as Excel's «Текст в Юникоде» (UTF-16LE with a BOM)
/// or in UTF-16BE. Chunks may split a code unit or a surrogate pair anywhere; memory stays flat.
///
/// An unpaired surrogate (and an odd byte left at the very end) becomes U+FFFD and is counted
/// in `replacements`. The BOM is transcoded like any character (U+FEFF → `EF BB BF`), so a
/// reader that skips a UTF-8 BOM skips it too.
public struct UTF16Transcoder: Sendable {
    public let bigEndian: Bool
    /// Characters that could not be decoded and were replaced by U+FFFD.
    public private(set) var replacements = 0
    /// The first byte of a code unit split between chunks.
    private var pendingByte: UInt8?
    /// A high surrogate waiting for its low half.
    private var pendingHigh: UInt16?

    public init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// Decodes the next chunk, appending UTF-8 to `output`.
    public mutating func transcode(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        var index = 0
        let count = input.count
        if let first = pendingByte, count > 0 {
            pendingByte = nil
            unit(bigEndian ? UInt16(first) << 8 | UInt16(input[0]) : UInt16(input[0]) << 8 | UInt16(first), &output)
            index = 1
        }
        while index + 1 < count {
            let a = UInt16(input[index]), b = UInt16(input[index + 1])
            unit(bigEndian ? a << 8 | b : b << 8 | a, &output)
            index += 2
        }
        if index < count { pendingByte = input[index] }
    }

    /// Ends the input: a half code unit or a lone high surrogate left over becomes U+FFFD.
    public mutating func finish(into output: inout [UInt8]) {
        if pendingHigh != nil {
            pendingHigh = nil
            replace(&output)
        }
        if pendingByte != nil {
            pendingByte = nil
            replace(&output)
        }
    }

    /// The UTF-8 of a whole UTF-16 buffer (e.g. a file's first bytes, for format detection).
    public static func utf8<Bytes: Collection>(from bytes: Bytes, bigEndian: Bool) -> [UInt8] where Bytes.Element == UInt8 {
        var transcoder = UTF16Transcoder(bigEndian: bigEndian)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        Array(bytes).withUnsafeBytes { transcoder.transcode($0, into: &output) }
        transcoder.finish(into: &output)
        return output
    }

    @inline(__always)
    private mutating func unit(_ value: UInt16, _ output: inout [UInt8]) {
        if let high = pendingHigh {
            pendingHigh = nil
            if value >= 0xDC00 && value <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(value) - 0xDC00)
                output.append(UInt8(0xF0 | (scalar >> 18)))
                output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
                return
            }
            replace(&output)
        }
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0xD800...0xDBFF:
            pendingHigh = value
        case 0xDC00...0xDFFF:
            replace(&output)
        default:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    private mutating func replace(_ output: inout [UInt8]) {
        replacements += 1
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
    }
}
