/// A Russian school year, 1 September to 31 August, identified by the calendar year it starts in.
///
/// Written in exports as `2021-2022`, `2021/2022`, `2021–2022` (en dash), `2021-22` or `2021/22`;
/// the second year must be the first plus one. Always rendered `2021-2022`.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the academic year begins (2021 for `2021-2022`).
    public let start: Int

    public init(start: Int) { self.start = start }

    /// The calendar year in which it ends.
    public var end: Int { start + 1 }

    /// `2021-2022`: the stored and displayed form.
    public var label: String { "\(start)-\(start + 1)" }

    public var description: String { label }

    /// The first day, 1 September.
    public var firstDay: CivilDate { CivilDate(year: start, month: 9, day: 1)! }

    /// The last day, 31 August of the next year.
    public var lastDay: CivilDate { CivilDate(year: start + 1, month: 8, day: 31)! }

    /// The academic year a date falls in: September–December belong to the year starting then,
    /// January–August to the year that started the previous September.
    public static func containing(_ date: CivilDate) -> AcademicYear {
        AcademicYear(start: date.month >= 9 ? date.year : date.year - 1)
    }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.start < rhs.start }

    /// Parses a whole value such as `2021-2022`, `2021/22` or `2021–2022`; surrounding
    /// whitespace is ignored. Returns `nil` for anything else, including `2021-2023`.
    public static func parse(_ text: String) -> AcademicYear? {
        if let canonical = parseCanonical(text) { return canonical }
        let scalars = Array(text.unicodeScalars.drop(while: TextFold.isSpace).reversed().drop(while: TextFold.isSpace).reversed())
        guard let match = match(in: scalars, at: 0), match.length == scalars.count else { return nil }
        return match.year
    }

    /// Why a text is not an academic year, so that a message can say what to fix.
    public enum ParseProblem: Error, Equatable, Sendable {
        /// No `-`, `/`, `–` or `—` between the years (`2021`).
        case noSeparator
        /// The first year is not four digits (`21-22`).
        case firstYearNotFourDigits
        /// The second year is not two or four digits (`2021-2`).
        case secondYearNotTwoOrFourDigits
        /// The second year is not the first plus one (`2021-2023`).
        case secondYearDoesNotFollow
        /// The first year is outside 1900–2100.
        case outOfRange
    }

    /// Parses as `parse(_:)` does, or says why the text is not an academic year.
    public static func parseExplained(_ text: String) -> Result<AcademicYear, ParseProblem> {
        if let year = parse(text) { return .success(year) }
        let trimmed = TextFold.trimmed(text)
        guard let separator = trimmed.firstIndex(where: { "-/\u{2013}\u{2014}".contains($0) }) else {
            return .failure(.noSeparator)
        }
        let first = trimmed[..<separator], second = trimmed[trimmed.index(after: separator)...]
        let isDigits = { (part: Substring) in !part.isEmpty && part.unicodeScalars.allSatisfy(isDigit) }
        guard first.count == 4, isDigits(first), let start = Int(first) else { return .failure(.firstYearNotFourDigits) }
        guard second.count == 4 || second.count == 2, isDigits(second), let end = Int(second) else {
            return .failure(.secondYearNotTwoOrFourDigits)
        }
        guard end == (second.count == 4 ? start + 1 : (start + 1) % 100) else { return .failure(.secondYearDoesNotFollow) }
        // Well formed, so `parse` refused it for its range.
        return .failure(.outOfRange)
    }

    /// Fast path for the canonical `YYYY-YYYY` (every row of most files): no scalar array.
    @inline(__always)
    private static func parseCanonical(_ text: String) -> AcademicYear? {
        let utf8 = text.utf8
        guard utf8.count == 9 else { return nil }
        var first = 0
        var second = 0
        var index = 0
        for byte in utf8 {
            if index == 4 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                if index < 4 { first = first * 10 + Int(byte - 0x30) } else { second = second * 10 + Int(byte - 0x30) }
            }
            index += 1
        }
        // Anything unusual (e.g. 2021-2023) takes the general path, which decides.
        return second == first + 1 && (1900...2100).contains(first) ? AcademicYear(start: first) : nil
    }

    /// Finds an academic year written inside a file name, e.g. `kpk_2021-2022.csv`,
    /// `survey 2022_23.csv`. In file names `_` is accepted as the separator besides `-`, `–`, `—`.
    /// The digits must not be part of a longer number. Returns the first match.
    public static func inFileName(_ name: String) -> AcademicYear? {
        let scalars = Array(name.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let previousIsDigit = index > 0 && isDigit(scalars[index - 1])
            if !previousIsDigit, let found = match(in: scalars, at: index, allowUnderscore: true) {
                let next = index + found.length
                if next >= scalars.count || !isDigit(scalars[next]) { return found.year }
            }
            index += 1
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// Matches `YYYY<sep>YYYY` or `YYYY<sep>YY` at `start`; returns the year and the matched length.
    private static func match(in scalars: [Unicode.Scalar], at start: Int, allowUnderscore: Bool = false)
        -> (year: AcademicYear, length: Int)?
    {
        func number(from: Int, count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let scalar = scalars[from + offset]
                guard isDigit(scalar) else { return nil }
                value = value * 10 + Int(scalar.value - 0x30)
            }
            return value
        }
        guard let first = number(from: start, count: 4), start + 4 < scalars.count else { return nil }
        switch scalars[start + 4] {
        case "-", "/", "\u{2013}", "\u{2014}": break
        case "_" where allowUnderscore: break
        default: return nil
        }
        guard (1900...2100).contains(first) else { return nil }
        if let second = number(from: start + 5, count: 4),
           !(start + 9 < scalars.count && isDigit(scalars[start + 9])) {
            return second == first + 1 ? (AcademicYear(start: first), 9) : nil
        }
        if let short = number(from: start + 5, count: 2),
           !(start + 7 < scalars.count && isDigit(scalars[start + 7])) {
            return short == (first + 1) % 100 ? (AcademicYear(start: first), 7) : nil
        }
        return nil
    }
}
