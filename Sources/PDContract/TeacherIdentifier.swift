import PDCSV

/// How a `teacher_id` cell is read (docs/exports.md §8).
///
/// Under a СНИЛС header (a header that names СНИЛС, e.g. «СНИЛС», «Укажите ваш СНИЛС»), a value
/// made only of digits and separators (spaces of the shared set, NBSP included, and dashes) is
/// read as a СНИЛС: its 11 digits; 10 digits are the 11 of a СНИЛС whose leading zero Excel
/// dropped (`0` restored, reported); any other number of digits is not a СНИЛС and the row is
/// rejected, so that a mangled number never becomes a new teacher. Any other identifier (a
/// personnel number such as `tn-0007`), and every value under other headers, is normalised by
/// `Pseudonymizer.normalise` as it always was. The 11-digit form is exactly what `normalise`
/// makes of a SNILS, so pseudonyms of earlier loads stay the same.
public enum TeacherIdentifier {
    /// What one identifier cell reads as.
    public enum Reading: Equatable, Sendable {
        /// Nothing but whitespace and dashes.
        case empty
        /// The normalised identifier (what is pseudonymised).
        case identifier(String)
        /// A 10-digit СНИЛС read as 11 digits with its leading zero restored; whether the check
        /// number of the restored value matches.
        case leadingZeroRestored(String, checkNumberMatches: Bool)
        /// Digits under a СНИЛС header that cannot be a СНИЛС: how many digits there were.
        case notSNILS(digits: Int)
    }

    /// Whether a header cell names a СНИЛС column: its folded text contains «снилс» (or `snils`).
    /// Latin look-alike letters inside the word (`CНИЛС`) are read as Cyrillic (`LookalikeLetters`).
    public static func isSNILSHeader(_ header: String) -> Bool {
        let folded = TextFold.fold(header)
        if folded.contains("снилс") || folded.contains("snils") { return true }
        guard let repair = LookalikeLetters.repair(header) else { return false }
        return TextFold.fold(repair.text).contains("снилс")
    }

    /// Reads an identifier cell; `snilsColumn` says whether its column is headed СНИЛС.
    public static func read(_ raw: String, snilsColumn: Bool) -> Reading {
        if snilsColumn, let digits = snilsDigits(raw) {
            switch digits.count {
            case 0: return .empty
            case 11: return .identifier(String(decoding: digits, as: UTF8.self))
            case 10:
                let restored = [UInt8(ascii: "0")] + digits
                return .leadingZeroRestored(String(decoding: restored, as: UTF8.self),
                                            checkNumberMatches: SNILSCheckNumber.matches(restored))
            default: return .notSNILS(digits: digits.count)
            }
        }
        let normalised = Pseudonymizer.normalise(raw)
        return normalised.isEmpty ? .empty : .identifier(normalised)
    }

    /// The ASCII digits of `raw` when it holds nothing but digits, whitespace and dashes; nil when
    /// it holds anything else (letters, `№`, …).
    static func snilsDigits(_ raw: String) -> [UInt8]? {
        var digits: [UInt8] = []
        digits.reserveCapacity(11)
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                digits.append(UInt8(scalar.value))
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212:
                continue
            default:
                guard UnicodeSpace.isSpace(scalar) else { return nil }
            }
        }
        return digits
    }
}

/// The check number of a СНИЛС (its last two digits): the first nine digits weighted 9, 8, …, 1
/// and summed; a sum below 100 is the check number, 100 and 101 give 00, above 101 the sum
/// modulo 101 (100 again giving 00). Numbers up to 001-001-998 carry no check number.
public enum SNILSCheckNumber {
    /// The largest number without a check number.
    public static let largestUnchecked = 1_001_998

    /// The check number of a nine-digit number.
    public static func of(_ number: Int) -> Int {
        var rest = number
        var sum = 0
        for weight in 1...9 {
            sum += (rest % 10) * weight
            rest /= 10
        }
        if sum < 100 { return sum }
        if sum == 100 || sum == 101 { return 0 }
        let remainder = sum % 101
        return remainder == 100 ? 0 : remainder
    }

    /// Whether eleven ASCII digits carry the check number of their first nine (always true up
    /// to 001-001-998). False for anything that is not eleven digits.
    public static func matches<Digits: Collection>(_ digits: Digits) -> Bool where Digits.Element == UInt8 {
        guard digits.count == 11, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let values = digits.map { Int($0 - 0x30) }
        let number = values[0..<9].reduce(0) { $0 * 10 + $1 }
        let check = values[9] * 10 + values[10]
        return number <= largestUnchecked || of(number) == check
    }

    /// `matches` for text (separators are not skipped: pass the digits).
    public static func matches(_ digits: String) -> Bool { matches(Array(digits.utf8)) }
}
