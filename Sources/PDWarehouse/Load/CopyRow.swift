/// Builds one row of PostgreSQL COPY text format (tab-separated, `\N` for NULL, backslash escapes).
///
/// Values are already validated and normalised by the contract; dates go as ISO text so that the
/// server's DateStyle never matters.
public struct CopyRow {
    public private(set) var bytes: [UInt8] = []
    private var isFirst = true

    public init() {
        bytes.reserveCapacity(512)
    }

    /// Starts a new row, reusing the buffer.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        isFirst = true
    }

    public mutating func text(_ value: String?) {
        separate()
        guard var value else { return null() }
        value.withUTF8 { utf8 in
            // Most values need no escaping: copy them whole.
            if !utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 9 || $0 == 10 || $0 == 13 }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "\\"))
                case 9: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 10: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 13: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                default: bytes.append(byte)
                }
            }
        }
    }

    /// A `bytea` in its hex input form from lower-case hex digits (a pseudonym): `\\x` and the
    /// digits, the backslash escaped for COPY text. The digits are not checked here: the column's
    /// length check refuses a value that is not 32 bytes.
    public mutating func byteaHex(_ hexDigits: String) {
        separate()
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "x"))
        bytes.append(contentsOf: hexDigits.utf8)
    }

    public mutating func int(_ value: Int?) {
        separate()
        guard let value else { return null() }
        appendDecimal(value)
    }

    public mutating func bool(_ value: Bool?) {
        separate()
        guard let value else { return null() }
        bytes.append(value ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }

    /// A PostgreSQL array of simple codes (letters, digits, underscores): `{a,b}`.
    public mutating func codes(_ values: [String]) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: value.utf8)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Ends the row with a newline.
    public mutating func end() {
        bytes.append(10)
    }

    private mutating func null() {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "N"))
    }

    private mutating func separate() {
        if isFirst { isFirst = false } else { bytes.append(9) }
    }

    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
