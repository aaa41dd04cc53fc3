/// Word wrapping by display width (`DisplayWidth`): for terminals narrower than a text.
public enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns; lines after the first
    /// start with `continuation` (a hanging indent). A word longer than a line is cut.
    /// Text that fits, or a `width` of zero or less, comes back as one line.
    public static func lines(_ text: String, width: Int, continuation: String = "") -> [String] {
        guard width > 0, DisplayWidth.of(text) > width else { return [text] }
        let leading = String(text.prefix { $0 == " " })
        var prefix = leading
        var available = max(1, width - DisplayWidth.of(leading))
        let nextAvailable = max(1, width - DisplayWidth.of(continuation))
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        func place(_ word: String) {
            var word = word
            var wordWidth = DisplayWidth.of(word)
            while wordWidth > available {
                let (head, tail) = cut(word, to: available)
                lines.append(prefix + head)
                prefix = continuation
                available = nextAvailable
                word = tail
                wordWidth = DisplayWidth.of(word)
            }
            current = word
            currentWidth = wordWidth
        }
        for word in units(String(text.dropFirst(leading.count))) {
            let wordWidth = DisplayWidth.of(word)
            if current.isEmpty {
                place(word)
            } else if currentWidth + 1 + wordWidth <= available {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(prefix + current)
                prefix = continuation
                available = nextAvailable
                place(word)
            }
        }
        lines.append(prefix + current)
        return lines
    }

    /// Words that never start a line: units and a dash stay with the word before them
    /// («88,0 %», «12,0 п. п.», «6 ч», «без курса —»).
    static let glued: Set<String> = ["%", "%,", "%;", "%.", "%)", "п.", "п.,", "п.;", "п.)", "ч", "ч,", "ч;", "ч.", "ч)", "—", "–"]

    /// The words of `text`, each glued word joined to the one before it.
    static func units(_ text: String) -> [String] {
        var units: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if glued.contains(word), let last = units.last {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
        }
        return units
    }

    /// `text` cut to at most `width` columns, ending with `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        return cut(text, to: width - 1).head + "…"
    }

    /// The longest prefix of `text` at most `width` columns wide (at least one character),
    /// and the rest.
    static func cut(_ text: String, to width: Int) -> (head: String, tail: String) {
        var head = ""
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let columns = DisplayWidth.of(String(character))
            if used + columns > width && !head.isEmpty { break }
            head.append(character)
            used += columns
            index = text.index(after: index)
        }
        return (head, String(text[index...]))
    }
}
