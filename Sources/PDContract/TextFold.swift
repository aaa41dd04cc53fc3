import PDCSV

/// The folding applied to header names and to values before they are matched against
/// alias tables: trim, lower-case (Latin and Cyrillic), `ё` → `е`, and every run of
/// whitespace (spaces, tabs, NBSP, narrow NBSP, line breaks) folded to one space.
/// A byte-order mark is dropped.
public enum TextFold {
    /// Folds `text` for matching. `"  Код\u{00A0}\u{00A0}ОО "` → `"код оо"`, `"ЁЛКА"` → `"елка"`.
    public static func fold(_ text: String) -> String {
        if text.isEmpty || isAlreadyFolded(text) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            appendLowered(scalar, to: &result)
        }
        return String(result)
    }

    /// Trims and folds runs of whitespace to one space but keeps the letters' case: the
    /// form in which free-text values (names, titles, positions) are stored.
    /// Returns `nil` when nothing but whitespace is left.
    public static func clean(_ text: String) -> String? {
        if text.isEmpty { return nil }
        if isAlreadyClean(text) { return text }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return result.isEmpty ? nil : String(result)
    }

    /// `text` without the leading and trailing whitespace `fold` would drop; the inside is
    /// kept as written.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// True for the scalars folded as whitespace (and the BOM, which is dropped): the one set
    /// every value parser uses, `UnicodeSpace` (NBSP, narrow NBSP, figure space, tabs …).
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        UnicodeSpace.isSpace(scalar)
    }

    @inline(__always)
    private static func appendLowered(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        let value = scalar.value
        switch value {
        case 0x41...0x5A: // A-Z
            result.append(Unicode.Scalar(value + 0x20)!)
        case 0x00...0x7F:
            result.append(scalar)
        case 0x0401, 0x0451: // Ё, ё
            result.append("\u{0435}")
        case 0x0410...0x042F: // А-Я
            result.append(Unicode.Scalar(value + 0x20)!)
        case 0x0430...0x044F: // а-я
            result.append(scalar)
        default:
            result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }

    /// Fast path: ASCII text with no upper-case letters, no leading, trailing or doubled spaces,
    /// and no other whitespace is already folded (most codes and numbers).
    @inline(__always)
    private static func isAlreadyFolded(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ isAlreadyFolded(bytes: $0) }) { return answer }
        return isAlreadyFolded(bytes: text.utf8)
    }

    @inline(__always)
    private static func isAlreadyFolded<Bytes: Sequence<UInt8>>(bytes: Bytes) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || byte < 0x20 { return false }
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace
    }

    /// Fast path for `clean`: no leading, trailing or doubled spaces and no other whitespace,
    /// judged on the UTF-8 bytes. Multi-byte sequences are looked at whole, so text with
    /// guillemets or dashes (« » —, common in titles and provider names) stays on the fast
    /// path; only the non-ASCII spaces (NEL, NBSP, U+1680, U+2000–200A, U+2028/2029, U+202F,
    /// U+205F, U+3000, BOM) send it to the slow one.
    @inline(__always)
    private static func isAlreadyClean(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ isAlreadyClean(bytes: $0) }) { return answer }
        return isAlreadyClean(bytes: Array(text.utf8))
    }

    @inline(__always)
    private static func isAlreadyClean(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x20:
                if previousWasSpace { return false }
                previousWasSpace = true
            case 0x00..<0x20:
                return false
            case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
                if isSpaceSequence(bytes, at: index) { return false }
                previousWasSpace = false
            default:
                previousWasSpace = false
            }
            index += 1
        }
        return !previousWasSpace
    }

    @inline(__always)
    private static func isAlreadyClean(bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isAlreadyClean(bytes: $0) }
    }

    /// Whether the UTF-8 sequence starting at `index` encodes one of the scalars `isSpace` folds.
    @inline(__always)
    private static func isSpaceSequence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        UnicodeSpace.spaceLength(bytes, at: index) > 0
    }
}
