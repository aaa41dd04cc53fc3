import PDCSV

/// A calendar date without time or zone, as the exports write it.
///
/// Parsed from `dd.mm.yyyy`, `d.m.yyyy`, `dd/mm/yyyy` (and `d/m/yyyy`) or `yyyy-mm-dd`, optionally
/// followed by a time of day (ignored);
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

    /// Parses one of the accepted layouts. Surrounding whitespace (the shared set of
    /// `UnicodeSpace`: NBSP, narrow NBSP, tabs …) is ignored, and so is a time of day after the
    /// date, as 1C and Excel write date-times: `02.10.2023 0:00:00`, `02.10.2023 13:45`,
    /// `2023-10-02 00:00:00`, `2023-10-02T00:00:00.000` (hours 0–23, minutes and seconds 0–59,
    /// optional fraction of a second). A time that is not a time makes the text unparseable.
    public static func parse(_ text: String) -> Result<CivilDate, ParseFailure> {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// `parse` on UTF-8 bytes; allocates nothing.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Result<CivilDate, ParseFailure> {
        var start = 0
        var end = bytes.count
        while start < end {
            let length = UnicodeSpace.spaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        while end > start {
            if UnicodeSpace.spaceLength(bytes, at: end - 1) == 1 {
                end -= 1
            } else if end - 2 >= start, UnicodeSpace.spaceLength(bytes, at: end - 2) == 2 {
                end -= 2
            } else if end - 3 >= start, UnicodeSpace.spaceLength(bytes, at: end - 3) == 3 {
                end -= 3
            } else {
                break
            }
        }
        // The date: three numbers with one separator ('.', '/' or '-').
        var numbers = (0, 0, 0)
        var digitCounts = (0, 0, 0)
        var part = 0
        var separator: UInt8 = 0
        var current = 0
        var digits = 0
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 4 { return .failure(.unparseable) }
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") {
                guard part < 2, digits > 0, separator == 0 || separator == byte else { return .failure(.unparseable) }
                separator = byte
                if part == 0 { numbers.0 = current; digitCounts.0 = digits } else { numbers.1 = current; digitCounts.1 = digits }
                part += 1
                current = 0
                digits = 0
                index += 1
            } else {
                break
            }
        }
        guard part == 2, digits > 0 else { return .failure(.unparseable) }
        numbers.2 = current
        digitCounts.2 = digits
        if index < end {
            // A time of day: after whitespace or 'T'.
            var timeStart = index
            if bytes[index] == UInt8(ascii: "T") {
                timeStart += 1
            } else {
                while timeStart < end {
                    let length = UnicodeSpace.spaceLength(bytes, at: timeStart)
                    if length == 0 { break }
                    timeStart += length
                }
                if timeStart == index { return .failure(.unparseable) }
            }
            guard isTimeOfDay(bytes, from: timeStart, to: end) else { return .failure(.unparseable) }
        }
        let year: Int, month: Int, day: Int
        if separator == UInt8(ascii: "-") {
            guard digitCounts == (4, 2, 2) else { return .failure(.unparseable) }
            (year, month, day) = numbers
        } else {
            guard (1...2).contains(digitCounts.0), (1...2).contains(digitCounts.1), digitCounts.2 == 4 else {
                return .failure(.unparseable)
            }
            (day, month, year) = numbers
        }
        guard let date = CivilDate(year: year, month: month, day: day) else { return .failure(.impossible) }
        return .success(date)
    }

    /// `H:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, a real time of day, filling `bytes[from..<to]` exactly.
    private static func isTimeOfDay(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        var values = (0, 0, 0)
        var counts = (0, 0, 0)
        var part = 0
        var index = from
        var fraction = -1
        while index < end {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                let digit = Int(byte - UInt8(ascii: "0"))
                if fraction >= 0 {
                    fraction += 1
                    if fraction > 9 { return false }
                } else {
                    // No part of a time has more than two digits (a longer run would overflow).
                    let count = part == 0 ? counts.0 : part == 1 ? counts.1 : counts.2
                    if count >= 2 { return false }
                    switch part {
                    case 0: values.0 = values.0 * 10 + digit; counts.0 += 1
                    case 1: values.1 = values.1 * 10 + digit; counts.1 += 1
                    default: values.2 = values.2 * 10 + digit; counts.2 += 1
                    }
                }
            } else if byte == UInt8(ascii: ":") && fraction < 0 && part < 2 {
                part += 1
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && part == 2 && fraction < 0 {
                fraction = 0
            } else {
                return false
            }
            index += 1
        }
        guard part >= 1, (1...2).contains(counts.0), counts.1 == 2, part == 1 || counts.2 == 2, fraction != 0 else {
            return false
        }
        return values.0 <= 23 && values.1 <= 59 && values.2 <= 59
    }
}
