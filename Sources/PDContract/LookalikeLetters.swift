/// Latin letters typed inside Cyrillic words (docs/exports.md §2): `ДOT` with a Latin `O` and `T`,
/// `Кoд OO`, `нет` with a Latin `e`. They look the same on screen, so a user cannot see why such
/// a header or code is not recognised; the contract reads them as the Cyrillic letters they look
/// like and reports it (`lookalike_letters_read_as_cyrillic`).
///
/// The rule: a *word* is a maximal run of letters (anything else — spaces, hyphens, digits,
/// punctuation — separates words). A word is changed only when it is mixed-script: it holds at
/// least one Cyrillic letter (U+0400–U+04FF) and every Latin letter in it (ASCII A–Z, a–z) has a
/// Cyrillic look-alike. Then each of those Latin letters becomes its Cyrillic twin, keeping its
/// case. A purely Latin word (`general`, `paid`, `IT`, `x`) and a word with a Latin letter that
/// looks like no Cyrillic one (`дистанционнаяz`) are never touched.
///
/// The look-alikes (Latin → Cyrillic), as Unicode's confusables and Russian keyboards make them:
/// `A→А B→В C→С E→Е H→Н K→К M→М O→О P→Р T→Т X→Х Y→У` and `a→а c→с e→е k→к o→о p→р x→х y→у`.
///
/// Callers try this only after the folded value matched nothing (a clean export never pays for it).
public enum LookalikeLetters {
    /// Latin letter (ASCII) → its Cyrillic look-alike, for the letters that have one.
    static let twins: [UInt32: UInt32] = [
        0x41: 0x0410, 0x42: 0x0412, 0x43: 0x0421, 0x45: 0x0415, 0x48: 0x041D, 0x4B: 0x041A,
        0x4D: 0x041C, 0x4F: 0x041E, 0x50: 0x0420, 0x54: 0x0422, 0x58: 0x0425, 0x59: 0x0423,
        0x61: 0x0430, 0x63: 0x0441, 0x65: 0x0435, 0x6B: 0x043A, 0x6F: 0x043E, 0x70: 0x0440,
        0x78: 0x0445, 0x79: 0x0443,
    ]

    /// What a repair changed: the text as read and the Latin letters taken as Cyrillic.
    public struct Repair: Equatable, Sendable {
        /// The text with the look-alike letters of its mixed-script words made Cyrillic.
        public let text: String
        /// The distinct Latin letters replaced, in order of first appearance.
        public let letters: [Character]

        /// `латинские буквы O, T (U+004F, U+0054) прочитаны как кириллические: «ДОТ» / Latin
        /// letters O, T (U+004F, U+0054) read as Cyrillic: «ДОТ»` — for a notice's detail (the
        /// code points make letters that look the same visible).
        public var detail: String {
            let shown = letters.map(String.init).joined(separator: ", ")
            let points = letters.map { character in
                let value = character.unicodeScalars.first!.value
                let hex = String(value, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }.joined(separator: ", ")
            let read = TextFold.clean(text) ?? text
            return "латинские буквы \(shown) (\(points)) прочитаны как кириллические: «\(read)»"
                + " / Latin letters \(shown) (\(points)) read as Cyrillic: «\(read)»"
        }
    }

    /// The repair of `text`, or nil when no word of it is mixed-script (nothing to change).
    /// `"ДOT"` → `"ДОТ"`; `"Кoд OO"` → `"Код ОО"` (`OO` is purely Latin: untouched, and so the
    /// header still does not match); `"paid"` → nil.
    public static func repair(_ text: String) -> Repair? {
        // Fast exit: without both a Latin letter and a Cyrillic one there is no mixed word.
        var hasLatin = false, hasCyrillic = false
        for byte in text.utf8 {
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { hasLatin = true }
            // UTF-8 lead bytes of U+0400–U+04FF.
            if byte >= 0xD0 && byte <= 0xD3 { hasCyrillic = true }
        }
        guard hasLatin && hasCyrillic else { return nil }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var letters: [Character] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.isAlphabetic else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            var cyrillic = false, latin = false, convertible = true
            while end < scalars.count, scalars[end].properties.isAlphabetic {
                let value = scalars[end].value
                if value >= 0x0400 && value <= 0x04FF { cyrillic = true }
                if isASCIILetter(value) {
                    latin = true
                    if twins[value] == nil { convertible = false }
                }
                end += 1
            }
            let word = scalars[index..<end]
            if cyrillic && latin && convertible {
                for scalar in word {
                    if let twin = twins[scalar.value] {
                        output.append(Unicode.Scalar(twin)!)
                        let letter = Character(scalar)
                        if !letters.contains(letter) { letters.append(letter) }
                    } else {
                        output.append(scalar)
                    }
                }
            } else {
                output.append(contentsOf: word)
            }
            index = end
        }
        guard !letters.isEmpty else { return nil }
        return Repair(text: String(output), letters: letters)
    }

    @inline(__always)
    private static func isASCIILetter(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// The notice for a value (or a header cell, `field` nil) read with its look-alike letters
    /// made Cyrillic: `value` as the file writes it, the repair in the detail.
    static func notice(line: Int, column: String, field: ContractField?, value: String, repair: Repair) -> RowIssue {
        RowIssue(line: line, column: column, field: field, value: value,
                 reason: .lookalikeLettersReadAsCyrillic, detail: repair.detail)
    }
}
