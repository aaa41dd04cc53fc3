/// A calendar date without time or zone, as the exports write it.
///
/// Parsed from `dd.mm.yyyy`, `d.m.yyyy`, `dd/mm/yyyy` (and `d/m/yyyy`) or `yyyy-mm-dd`;
/// rendered as ISO `yyyy-mm-dd`, the only form sent to PostgreSQL (never the server's DateStyle).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a date in an export may carry; anything else is treated as impossible.
    public static let plausibleYears = 1900...2100

    /// Creates a date, or returns `nil` when no such day exists (31.02, month 13, 29.02 of a
    /// non-leap year) or the year is outside `plausibleYears`.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (before it when negative). Arithmetic may leave
    /// `plausibleYears` (only reading a date refuses such years); the day always exists.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// ISO 8601 `yyyy-mm-dd`.
    public var iso: String {
        var text = String(year)
        text += month < 10 ? "-0\(month)" : "-\(month)"
        text += day < 10 ? "-0\(day)" : "-\(day)"
        return text
    }

    /// `dd.mm.yyyy`, as Russian exports write dates.
    public var russian: String {
        var text = day < 10 ? "0\(day)" : String(day)
        text += month < 10 ? ".0\(month)." : ".\(month)."
        text += String(year)
        return text
    }

    /// The date as the integer `yyyymmdd` (e.g. 20230902), a compact key for `dim_date`.
    public var key: Int { year * 10_000 + month * 100 + day }

    /// Days since 1970-01-01 (negative before), for date arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let days = daysSinceEpoch // 1970-01-01 was a Thursday (4)
        let index = ((days % 7) + 7 + 3) % 7 // 0 = Monday
        return index + 1
    }

    public var description: String { iso }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.key < rhs.key }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Why a date text was refused.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// Not in any accepted layout (`bad_date`).
        case unparseable
        /// In an accepted layout but no such day, e.g. `31.02.2023` (`impossible_date`).
        case impossible
    }

    /// Parses one of the accepted layouts. Surrounding whitespace is ignored.
    public static func parse(_ text: String) -> Result<CivilDate, ParseFailure> {
        var numbers: [Int] = []
        numbers.reserveCapacity(3)
        var digitCounts: [Int] = []
        digitCounts.reserveCapacity(3)
        var separator: UInt8 = 0
        var current = 0
        var digits = 0
        var started = false
        var ended = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if ended { return .failure(.unparseable) }
                started = true
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 4 { return .failure(.unparseable) }
            case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "-"):
                if ended || digits == 0 { return .failure(.unparseable) }
                if separator == 0 { separator = byte } else if separator != byte { return .failure(.unparseable) }
                numbers.append(current)
                digitCounts.append(digits)
                current = 0
                digits = 0
                if numbers.count > 2 { return .failure(.unparseable) }
            case 0x20, 0x09:
                if started { ended = true }
            default:
                return .failure(.unparseable)
            }
        }
        guard digits > 0, numbers.count == 2 else { return .failure(.unparseable) }
        numbers.append(current)
        digitCounts.append(digits)
        let year: Int, month: Int, day: Int
        if separator == UInt8(ascii: "-") {
            guard digitCounts == [4, 2, 2] else { return .failure(.unparseable) }
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else {
            guard (1...2).contains(digitCounts[0]), (1...2).contains(digitCounts[1]), digitCounts[2] == 4 else {
                return .failure(.unparseable)
            }
            (day, month, year) = (numbers[0], numbers[1], numbers[2])
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        return .success(date)
    }
}
