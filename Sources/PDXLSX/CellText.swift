import Foundation

/// How a style shows a cell's number, as far as reading it as text is concerned.
enum NumberFormatKind: Sendable, Equatable {
    /// Any non-date format (General, `0.00`, `0.00%`, `"дней"0`...): the number itself.
    case number
    /// A date, or a date and time: `dd.mm.yyyy`, plus ` HH:MM:SS` when the time is not midnight.
    case date
    /// A time of day: `HH:MM:SS`.
    case time
    /// An elapsed time (`[h]:mm:ss`): hours past 24 are kept.
    case elapsed
}

/// Number formats: which ones show dates.
enum NumberFormats {
    /// The kind of a built-in format id (ids below 164 that the workbook need not define):
    /// 14–17 and 22 dates, 18–21 and 45, 47 times, 46 an elapsed time, 27–36 and 50–58 the
    /// East Asian locales' dates.
    static func kind(builtIn id: Int) -> NumberFormatKind {
        switch id {
        case 14...17, 22, 27...36, 50...58: return .date
        case 18...21, 45, 47: return .time
        case 46: return .elapsed
        default: return .number
        }
    }

    /// The kind of a format code. Only the first section (positive numbers) counts. Letters
    /// d, m, y, h, s (any case) outside quotes, escapes and brackets make it a date or time;
    /// `[h]`, `[m]`, `[s]` an elapsed time; `AM/PM` and `A/P` a time. `m` alone is a month.
    static func kind(code: String) -> NumberFormatKind {
        var hasDate = false, hasTime = false, hasM = false, elapsed = false
        let scalars = Array(code.unicodeScalars)
        var index = 0
        scan: while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case ";":
                break scan
            case "\"":
                index += 1
                while index < scalars.count && scalars[index] != "\"" { index += 1 }
            case "\\", "_", "*":
                index += 1
            case "[":
                var content = ""
                index += 1
                while index < scalars.count && scalars[index] != "]" {
                    content.unicodeScalars.append(scalars[index])
                    index += 1
                }
                let lowered = content.lowercased()
                if !lowered.isEmpty, let first = lowered.first, "hms".contains(first),
                   lowered.allSatisfy({ $0 == first }) {
                    elapsed = true
                    hasTime = true
                }
            default:
                switch Character(scalar).lowercased() {
                case "y", "d": hasDate = true
                case "h", "s": hasTime = true
                case "m": hasM = true
                case "a":
                    let rest = String(String.UnicodeScalarView(scalars[index...].prefix(5))).lowercased()
                    if rest.hasPrefix("am/pm") || rest.hasPrefix("a/p") { hasTime = true }
                default: break
                }
            }
            index += 1
        }
        if hasDate || (hasM && !hasTime) { return .date }
        if hasTime { return elapsed ? .elapsed : .time }
        return .number
    }
}

/// The text a cell's value becomes: the same text the project's CSV exports carry.
enum CellText {
    /// Booleans are written as the contract's canonical flag codes.
    static let trueText = "true"
    static let falseText = "false"

    // MARK: Numbers

    /// A number cell's `<v>` as text: integers without `.0`, never in exponent notation up to
    /// 15 digits; other numbers as the shortest decimal that reads back as the same double,
    /// rounded to Excel's 15 significant digits (what Excel itself shows). Text that is not a
    /// number is returned as it is.
    static func number(_ raw: String) -> String {
        if let plain = plainInteger(raw) { return plain }
        guard let value = Double(raw.trimmingCharacters(in: .whitespaces)) else { return raw }
        return number(value)
    }

    /// A double as text, as `number(_:)` describes.
    static func number(_ value: Double) -> String {
        decimal(value, significantDigits: 15)
    }

    /// A double as text with every digit needed to read it back exactly (for writing).
    static func exactNumber(_ value: Double) -> String {
        decimal(value, significantDigits: 17)
    }

    /// An optional minus and at most 15 digits, with leading zeros dropped; nil for anything else.
    private static func plainInteger(_ raw: String) -> String? {
        let bytes = raw.utf8
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var negative = false
        var digits = 0
        var leadingZeros = 0
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "-") && offset == 0 {
                negative = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if byte == UInt8(ascii: "0") && digits == leadingZeros { leadingZeros += 1 }
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0, digits <= 15 else { return nil }
        if leadingZeros == 0 { return raw }
        let significant = raw.utf8.suffix(digits - leadingZeros)
        if significant.isEmpty { return "0" }
        return (negative ? "-" : "") + String(decoding: significant, as: UTF8.self)
    }

    private static func decimal(_ value: Double, significantDigits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var (digits, point) = shortestDigits(abs(value))
        if digits.count > significantDigits {
            (digits, point) = roundedDigits(abs(value), significantDigits: significantDigits)
        }
        return (value < 0 ? "-" : "") + positional(digits, point: point)
    }

    /// The shortest digits that read back as `value` (> 0), without leading or trailing zeros,
    /// and where the decimal point goes: value = 0.d₁d₂… × 10^point.
    private static func shortestDigits(_ value: Double) -> ([UInt8], Int) {
        parseDigits(value.description)
    }

    /// `value` (> 0) rounded to `significantDigits` digits.
    private static func roundedDigits(_ value: Double, significantDigits: Int) -> ([UInt8], Int) {
        parseDigits(String(format: "%.\(significantDigits - 1)e", value))
    }

    /// Digits and point position of a positive decimal in plain or exponent notation.
    private static func parseDigits(_ text: String) -> ([UInt8], Int) {
        var digits: [UInt8] = []
        var pointAt: Int?
        var exponent = 0
        var bytes = Array(text.utf8)[...]
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
            bytes = bytes[..<e]
        }
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                pointAt = digits.count
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
            }
        }
        var point = (pointAt ?? digits.count) + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point)
    }

    /// Plain positional notation, or Excel's `1.5E+30` far outside the range of anything tabular.
    private static func positional(_ digits: [UInt8], point: Int) -> String {
        guard !digits.isEmpty else { return "0" }
        if point > 21 || point < -20 {
            var text = String(decoding: digits.prefix(1), as: UTF8.self)
            if digits.count > 1 { text += "." + String(decoding: digits.dropFirst(), as: UTF8.self) }
            let exponent = point - 1
            return text + (exponent < 0 ? "E-" : "E+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
        }
        if point <= 0 {
            return "0." + String(repeating: "0", count: -point) + String(decoding: digits, as: UTF8.self)
        }
        if point >= digits.count {
            return String(decoding: digits, as: UTF8.self) + String(repeating: "0", count: point - digits.count)
        }
        return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point...], as: UTF8.self)
    }

    // MARK: Dates

    /// Days from 1970-01-01 to 1899-12-30 (Excel's day 0 in practice) and to 1904-01-01.
    private static let epoch1900 = -25_569
    private static let epoch1904 = -24_107
    /// The last serial Excel knows: 31.12.9999.
    static let maximumSerial = 2_958_465.0

    /// A date serial shown by a format of `kind` as text, or nil when it is no date Excel can
    /// show (negative, past 9999): the caller then keeps the number.
    ///
    /// The 1900 system keeps Excel's bug: it believes 1900 was a leap year, so serial 60 is
    /// the fictitious 29.02.1900 (returned as that text, which no date parser accepts) and
    /// serials below 60 are one day later than a plain count from 30.12.1899; serial 0 is 00.01.1900.
    static func date(serial: Double, kind: NumberFormatKind, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < maximumSerial + 1 else { return nil }
        let totalSeconds = Int64((serial * 86_400).rounded())
        let days = Int(totalSeconds / 86_400)
        let seconds = Int(totalSeconds % 86_400)
        switch kind {
        case .number:
            return nil
        case .time:
            return time(seconds)
        case .elapsed:
            let hours = totalSeconds / 3600
            let minutes = (totalSeconds % 3600) / 60
            return "\(hours):" + two(Int(minutes)) + ":" + two(Int(totalSeconds % 60))
        case .date:
            let text: String
            if uses1904 {
                text = civil(epoch1904 + days)
            } else if days == 0 {
                text = "00.01.1900"
            } else if days == 60 {
                text = "29.02.1900"
            } else if days < 60 {
                text = civil(epoch1900 + 1 + days)
            } else {
                text = civil(epoch1900 + days)
            }
            return seconds == 0 ? text : text + " " + time(seconds)
        }
    }

    /// A `t="d"` cell's ISO 8601 value (`2023-10-02`, `2023-10-02T14:30:00`, `14:30:00`) as text,
    /// or nil when it is not one.
    static func isoDate(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        var datePart: Substring?
        var timePart: Substring?
        if parts.count == 2 {
            datePart = parts[0]
            timePart = parts[1]
        } else if text.utf8.contains(UInt8(ascii: ":")) {
            timePart = parts[0]
        } else {
            datePart = parts[0]
        }
        var result = ""
        if let datePart {
            let fields = datePart.split(separator: "-", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
                  let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
                  (1...12).contains(month), (1...31).contains(day) else { return nil }
            result = two(day) + "." + two(month) + "." + String(year)
        }
        if let timePart {
            var clock = timePart
            if let zone = clock.firstIndex(where: { $0 == "Z" || $0 == "+" }) { clock = clock[..<zone] }
            let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count), let hour = Int(fields[0]), let minute = Int(fields[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            let second = fields.count == 3 ? Int((Double(fields[2]) ?? -1).rounded(.down)) : 0
            guard (0...59).contains(second) else { return nil }
            let seconds = hour * 3600 + minute * 60 + second
            if datePart == nil { return time(seconds) }
            if seconds != 0 { result += " " + time(seconds) }
        }
        return result
    }

    /// `dd.mm.yyyy` of a day counted from 1970-01-01.
    static func civil(_ daysSinceEpoch: Int) -> String {
        let (year, month, day) = civilComponents(daysSinceEpoch)
        return two(day) + "." + two(month) + "." + String(year)
    }

    /// Howard Hinnant's civil_from_days.
    static func civilComponents(_ daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days from 1970-01-01 (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The 1900-system serial of a date and time (the inverse of `date(serial:…)`, bug included).
    static func serial(year: Int, month: Int, day: Int, seconds: Int) -> Double {
        let days = daysSinceEpoch(year: year, month: month, day: day)
        var serial = days - epoch1900
        if serial <= 60 { serial -= 1 } // before 1900-03-01, Excel counts its fictitious 29.02.1900 in
        return Double(serial) + Double(seconds) / 86_400
    }

    private static func time(_ seconds: Int) -> String {
        two(seconds / 3600) + ":" + two((seconds % 3600) / 60) + ":" + two(seconds % 60)
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    // MARK: Strings

    /// Decodes OOXML's `_xHHHH_` escapes (how Excel writes control characters such as CR in
    /// cell text; `_x005F_` is a literal underscore).
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
