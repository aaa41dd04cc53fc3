/// Terminal display width of text: the number of columns it takes on screen.
///
/// ANSI escape sequences (colours) take no columns, nor do combining marks, format
/// characters and other control characters; East Asian wide and fullwidth characters
/// and emoji take two; everything else (Latin, Cyrillic, box drawing, arrows) takes one.
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    public static func of(_ text: String) -> Int {
        // Fast paths: printable ASCII is one column a byte; without ESC no sequence to skip.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        if !text.utf8.contains(0x1B) {
            return text.unicodeScalars.reduce(0) { $0 + of($1) }
        }
        var width = 0
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar.value == 0x1B {
                scalars = skipEscapeSequence(scalars)
                continue
            }
            scalars = scalars.dropFirst()
            width += of(scalar)
        }
        return width
    }

    /// The columns one scalar takes outside an escape sequence: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// `text` padded with spaces to `width` columns, on the right (`.left`) or the left (`.right`).
    /// Text already as wide or wider is returned unchanged.
    public static func pad(_ text: String, to width: Int, alignment: Alignment) -> String {
        let missing = width - of(text)
        guard missing > 0 else { return text }
        let spaces = String(repeating: " ", count: missing)
        switch alignment {
        case .left: return text + spaces
        case .right: return spaces + text
        }
    }

    /// Horizontal alignment of a padded cell.
    public enum Alignment: Sendable, Equatable {
        case left
        case right
    }

    /// Skips one escape sequence starting at ESC: CSI (`ESC [ … final`), OSC/DCS-like strings
    /// (`ESC ] … BEL` or `… ESC \`), or a two-character escape.
    private static func skipEscapeSequence(_ input: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var rest = input.dropFirst()  // ESC
        guard let introducer = rest.first else { return rest }
        rest = rest.dropFirst()
        switch introducer {
        case "[":
            // Parameters and intermediates until a final byte in 0x40...0x7E.
            while let scalar = rest.first {
                rest = rest.dropFirst()
                if (0x40...0x7E).contains(scalar.value) { break }
            }
        case "]", "P", "X", "^", "_":
            // String until BEL or ST (ESC \).
            while let scalar = rest.first {
                rest = rest.dropFirst()
                if scalar.value == 0x07 { break }
                if scalar.value == 0x1B {
                    if rest.first == "\\" { rest = rest.dropFirst() }
                    break
                }
            }
        default:
            break
        }
        return rest
    }

    /// East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth W/F, abridged).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
