/// The one set of whitespace characters every part of `pdmon` trims, folds and skips: what a
/// spreadsheet can leave in a cell besides the plain space. Used byte-level here (blank rows)
/// and by `PDContract` for every value parser (`TextFold`, dates, numbers, identifiers).
///
/// The set: space, tab, LF, VT, FF, CR, NEL (U+0085), NBSP (U+00A0), U+1680, the typographic
/// spaces U+2000–U+200A (figure space U+2007 and thin space U+2009 among them), U+2028, U+2029,
/// narrow NBSP (U+202F), U+205F, the ideographic space U+3000 and the BOM / zero-width NBSP
/// (U+FEFF).
public enum UnicodeSpace {
    /// Whether `scalar` is in the set.
    @inlinable @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2007, 0x202F, 0xFEFF, 0x3000:
            return true
        case 0x2000...0x200A, 0x2028, 0x2029, 0x85, 0x1680, 0x205F:
            return true
        default:
            return false
        }
    }

    /// The length in bytes of the whitespace character whose UTF-8 encoding starts at `index`
    /// of `bytes`, or 0 when none starts there. Looks at the lead byte first, so ordinary text
    /// costs one comparison per byte.
    @inlinable @inline(__always)
    public static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        switch lead {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
            return 1
        case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
            let second: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            if lead == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
            let third: UInt8 = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch lead {
            case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0
            case 0xE2:
                if second == 0x80 {
                    return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
                }
                return second == 0x81 && third == 0x9F ? 3 : 0
            case 0xE3: return second == 0x80 && third == 0x80 ? 3 : 0
            default: return second == 0xBB && third == 0xBF ? 3 : 0
            }
        default:
            return 0
        }
    }

    /// Whether a Windows-1251 byte is whitespace of the set (space, tab, line breaks, and NBSP,
    /// which the code page writes as 0xA0).
    @inlinable @inline(__always)
    public static func isSpace(windows1251 byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0xA0
    }
}
