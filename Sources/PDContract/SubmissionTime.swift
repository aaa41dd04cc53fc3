/// When a form service recorded a submission (`submitted_at`: the «Отметка времени» of Google
/// Forms, the «Время создания» of Яндекс Формы), to the second, as the export writes it: wall
/// time, no zone (a zone written after the time is read and dropped, so the submissions of one
/// export compare as written).
///
/// Accepted layouts (strict: anything else is `bad_timestamp`):
/// - `2024-03-12 10:15:02`, `2024-03-12T10:15:02`, with optional fraction of a second and zone
///   (`Z`, `+03:00`): Яндекс Формы, the Forms API, ISO 8601;
/// - `12.03.2024 10:15:02`, `12.03.2024 10:15`: Google Sheets and Excel in a Russian locale, and
///   a date-time cell of an XLSX export (`dd.mm.yyyy`, with the time left out at midnight);
/// - `2024/03/12 10:15:02 AM GMT+3` (also `UTC+3`, or no zone): the CSV that Google Forms'
///   «Скачать ответы» writes, year first, a 12-hour clock with AM/PM;
/// - a bare date in either layout above means midnight.
///
/// Refused as ambiguous: a date written with `/` and the year last (`3/12/2024 10:15:02` is
/// 12 March in Google Sheets' US locale and 3 December in its British one): the order of day
/// and month cannot be known from the value.
public struct SubmissionTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    /// Seconds since midnight, 0..<86 400.
    public let secondOfDay: Int

    public init(date: CivilDate, secondOfDay: Int) {
        precondition((0..<86_400).contains(secondOfDay), "a second of a day")
        self.date = date
        self.secondOfDay = secondOfDay
    }

    /// The academic year of the submission (September–August).
    public var academicYear: AcademicYear { AcademicYear.containing(date) }

    /// `2024-03-12 10:15:02`: the text sent to PostgreSQL (a `timestamp`) and shown in notices.
    public var iso: String {
        let hours = secondOfDay / 3600, minutes = secondOfDay / 60 % 60, seconds = secondOfDay % 60
        return date.iso + " " + Self.two(hours) + ":" + Self.two(minutes) + ":" + Self.two(seconds)
    }

    public var description: String { iso }

    public static func < (lhs: SubmissionTime, rhs: SubmissionTime) -> Bool {
        (lhs.date, lhs.secondOfDay) < (rhs.date, rhs.secondOfDay)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// Why a timestamp text was refused.
    public enum ParseFailure: Error, Equatable, Sendable {
        /// Not in an accepted layout, or no such day or time.
        case unparseable
        /// `d/m/yyyy` or `m/d/yyyy`: which number is the month is not known.
        case ambiguousDayMonth
    }

    /// Parses one of the accepted layouts; surrounding whitespace (the shared set of `TextFold`)
    /// is ignored.
    public static func parse(_ text: String) -> Result<SubmissionTime, ParseFailure> {
        guard let cleaned = TextFold.clean(text) else { return .failure(.unparseable) }
        let (datePart, rest) = Self.splitDate(cleaned)
        guard let date = Self.date(datePart) else {
            if Self.isYearLastSlashDate(datePart) { return .failure(.ambiguousDayMonth) }
            return .failure(.unparseable)
        }
        guard let rest else { return .success(SubmissionTime(date: date.value, secondOfDay: 0)) }
        guard let second = Self.time(rest, twelveHourAllowed: date.yearFirstSlash) else { return .failure(.unparseable) }
        return .success(SubmissionTime(date: date.value, secondOfDay: second))
    }

    /// The date part and what follows it (after one space or a `T`), if anything.
    private static func splitDate(_ text: String) -> (Substring, Substring?) {
        let scalars = text.unicodeScalars
        if let space = scalars.firstIndex(of: " ") {
            let date = Substring(scalars[..<space])
            return (date, Substring(scalars[scalars.index(after: space)...]))
        }
        if let t = scalars.firstIndex(of: "T") {
            return (Substring(scalars[..<t]), Substring(scalars[scalars.index(after: t)...]))
        }
        return (Substring(text), nil)
    }

    /// `yyyy-mm-dd`, `dd.mm.yyyy` (`d.m.yyyy`) or `yyyy/mm/dd`.
    private static func date(_ text: Substring) -> (value: CivilDate, yearFirstSlash: Bool)? {
        for separator in ["-", ".", "/"] as [Character] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { continue }
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == 3 else { return nil }
            switch separator {
            case "-", "/":
                guard parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
                      separator == "/" || (parts[1].count == 2 && parts[2].count == 2),
                      let value = CivilDate(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
                return (value, separator == "/")
            default:
                guard (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
                      let value = CivilDate(year: numbers[2], month: numbers[1], day: numbers[0]) else { return nil }
                return (value, false)
            }
        }
        return nil
    }

    private static func isYearLastSlashDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
            && parts[0].count <= 2 && parts[1].count <= 2 && parts[2].count == 4
    }

    /// `H:MM`, `HH:MM:SS`, optional `.fff`; then, for Google Forms' CSV, ` AM`/` PM`; then a zone
    /// (`Z`, `+03:00`, `+0300`, ` GMT+3`, ` UTC`, ` MSK`…), read and dropped. Seconds since midnight.
    private static func time(_ text: Substring, twelveHourAllowed: Bool) -> Int? {
        var words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        var clock = words.removeFirst()
        var zone: String?
        // A zone glued to the time: 10:15:02Z, 10:15:02+03:00, 10:15:02.123-05:00.
        if let glued = clock.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            zone = String(clock[glued...])
            clock = String(clock[..<glued])
        }
        var meridiem: String?
        if let first = words.first, ["AM", "PM"].contains(first.uppercased()) {
            guard twelveHourAllowed else { return nil }
            meridiem = first.uppercased()
            words.removeFirst()
        }
        if let word = words.first {
            guard zone == nil, words.count == 1, isZone(word) else { return nil }
            zone = word
        }
        if let zone, !isZone(zone) { return nil }
        var parts = clock.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count) else { return nil }
        if parts.count == 3, let dot = parts[2].firstIndex(where: { $0 == "." || $0 == "," }) {
            let fraction = parts[2][parts[2].index(after: dot)...]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            parts[2] = String(parts[2][..<dot])
        }
        guard (1...2).contains(parts[0].count), parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        var hours = Int(parts[0]) ?? 99
        let minutes = Int(parts[1]) ?? 99
        let seconds = parts.count == 3 ? Int(parts[2]) ?? 99 : 0
        if let meridiem {
            guard (1...12).contains(hours) else { return nil }
            hours = hours % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard hours <= 23, minutes <= 59, seconds <= 59 else { return nil }
        return hours * 3600 + minutes * 60 + seconds
    }

    /// `Z`, `+03:00`, `-0500`, `GMT`, `UTC+3`, `GMT+03:00`, or three or four capital letters (`MSK`).
    private static func isZone(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest == "Z" { return true }
        for prefix in ["GMT", "UTC"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            if rest.isEmpty { return true }
        }
        if (3...4).contains(rest.count), rest.allSatisfy({ $0.isASCII && $0.isUppercase }) { return true }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
        let offset = rest.dropFirst()
        let digits = offset.filter { $0 != ":" }
        return (1...4).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit) && offset.filter({ $0 == ":" }).count <= 1
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension RowIssue {
    /// The notice for a staged submission that a later submission of the same teacher and
    /// year, already stored by batch `storedBatch`, supersedes (times as ISO text).
    public static func supersededByStored(line: Int, submittedAt: String, storedAt: String, storedBatch: String) -> RowIssue {
        RowIssue(line: line, column: ContractField.submittedAt.rawValue, field: .submittedAt, value: submittedAt,
                 reason: .supersededSubmission,
                 detail: "в хранилище уже есть более поздний ответ от \(storedAt) (пакет \(storedBatch))"
                     + " / the warehouse already holds a later submission at \(storedAt) (batch \(storedBatch))")
    }
}
