/// СНИЛС, the Russian personal insurance number used as a teacher's identifier:
/// nine digits and two check digits, written `123-456-789 01`.
public enum SNILS {
    /// Check digits are defined for numbers above 001-001-998.
    public static let smallestChecked = 1_001_998

    /// The two check digits of a nine-digit number: the digits weighted 9, 8, …, 1 and summed;
    /// a sum below 100 is the check number, 100 and 101 give 00, above 101 the sum modulo 101
    /// (where 100 again gives 00).
    public static func checkDigits(of number: Int) -> Int {
        var digits = number
        var sum = 0
        for weight in 1...9 {
            sum += (digits % 10) * weight
            digits /= 10
        }
        if sum < 100 { return sum }
        if sum == 100 || sum == 101 { return 0 }
        let remainder = sum % 101
        return remainder == 100 ? 0 : remainder
    }

    /// `123-456-789 01` for the nine-digit `number`, with its check digits.
    public static func format(_ number: Int) -> String {
        let digits = padded(number, width: 9)
        let chars = Array(digits)
        return String(chars[0..<3]) + "-" + String(chars[3..<6]) + "-" + String(chars[6..<9]) + " "
            + padded(checkDigits(of: number), width: 2)
    }

    /// The eleven digits without separators, `12345678901`.
    public static func digitsOnly(_ number: Int) -> String {
        padded(number, width: 9) + padded(checkDigits(of: number), width: 2)
    }

    /// Whether `text` (separators `-` and spaces allowed) is eleven digits with valid check digits.
    public static func isValid(_ text: String) -> Bool {
        let digits = text.filter { $0 != "-" && $0 != " " }
        guard digits.count == 11, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(digits.prefix(9)), let check = Int(digits.suffix(2)) else {
            return false
        }
        return number > smallestChecked && checkDigits(of: number) == check
    }

    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
