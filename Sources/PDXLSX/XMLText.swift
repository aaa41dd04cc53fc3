/// Escaping of text for XML, with OOXML's `_xHHHH_` for characters XML cannot carry.
enum XMLText {
    /// Element content: `& < >` escaped; control characters (and CR, which XML would turn into
    /// LF) as `_xHHHH_`; an underscore that would read as such an escape as `_x005F_`.
    static func content(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendContent(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped as element content (see `content(_:)`) to `bytes`. Text with
    /// nothing to escape, the usual case, is copied as it is.
    static func appendContent(_ text: String, to bytes: inout [UInt8]) {
        var clean = true
        for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "_") || byte == 0xEF {
            // 0xEF starts U+FFFE and U+FFFF (and other characters, which then take the slow path).
            clean = false
            break
        }
        if clean {
            bytes.append(contentsOf: text.utf8)
        } else {
            bytes.append(contentsOf: escaped(text).utf8)
        }
    }

    /// Whether a text needs `xml:space="preserve"` to keep its spaces and line breaks.
    static func needsSpacePreserved(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace || text.utf8.contains(10)
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case "_" where looksLikeEscape(scalars, at: index): result += "_x005F_"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "_x" + hex4(scalar.value) + "_"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Attribute values: as content, plus the double quote. Control characters are dropped.
    static func attribute(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
