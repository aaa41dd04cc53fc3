import Foundation

/// Russian text in Latin letters, for file names: the ICAO Doc 9303 table (7th edition), the
/// one of Russian international passports since 2014 and of ГОСТ Р 52535.1-2006 —
/// ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ъ ie, ы y, ь (dropped), ю iu, я ia, й i, ё e.
/// Letters outside the Russian alphabet are kept; the case of the first letter is kept.
public enum Transliteration {
    static let table: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    ]

    /// `Щукина Юлия` → `Shchukina Iuliia`.
    public static func icao(_ text: String) -> String {
        var out = ""
        for character in text {
            let lower = Character(character.lowercased())
            guard let latin = table[lower] else {
                out.append(character)
                continue
            }
            if character != lower, let first = latin.first {
                out += first.uppercased() + latin.dropFirst()
            } else {
                out += latin
            }
        }
        return out
    }

    /// A school's short name: the part in «» when there is one (`МАОУ «Гимназия № 1»` →
    /// `Гимназия № 1`), else the name without a leading abbreviation of its legal form (МБОУ,
    /// ГБОУ…); the usual long phrases shortened (Средняя общеобразовательная школа → СОШ).
    public static func shortSchoolName(_ name: String) -> String {
        var short = name
        if let open = name.firstIndex(of: "«"), let close = name.lastIndex(of: "»"), open < close {
            short = String(name[name.index(after: open)..<close])
        } else if let first = name.split(separator: " ").first, first.count >= 3, first.allSatisfy({ $0.isUppercase }) {
            short = String(name.dropFirst(first.count))
        }
        for (long, abbreviation) in [("средняя общеобразовательная школа", "СОШ"), ("основная общеобразовательная школа", "ООШ"),
                                     ("начальная общеобразовательная школа", "НОШ"), ("центр образования", "ЦО")] {
            if let range = short.range(of: long, options: .caseInsensitive) { short.replaceSubrange(range, with: abbreviation) }
        }
        return short.trimmingWhitespace()
    }

    /// A file-name stem: the ICAO transliteration in lower case, every run of other characters
    /// one `_`, at most `limit` characters, no `_` at either end (`СОШ № 2` → `sosh_2`).
    public static func slug(_ text: String, limit: Int = 40) -> String {
        var out = ""
        for character in icao(text).lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                out.append(character)
            } else if !out.isEmpty && out.last != "_" {
                out.append("_")
            }
        }
        out = String(out.prefix(limit))
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }

    /// The file name of a school's document: `101002_sosh_2.docx`; the city's: `gorod.docx`
    /// (`city.docx` in English). The code is kept as it is, but for characters a file name
    /// cannot hold.
    public static func documentFileName(code: String?, name: String, extension ext: String, language: ReportLanguage) -> String {
        guard let code else { return (language == .ru ? "gorod" : "city") + "." + ext }
        let safeCode = String(code.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
        let stem = slug(shortSchoolName(name))
        return (stem.isEmpty ? safeCode : safeCode + "_" + stem) + "." + ext
    }
}
