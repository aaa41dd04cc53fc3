/// An academic year, 1 September of `startYear` to 31 August of `startYear + 1`,
/// written `2021-2022` as the data contract stores it.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the academic year begins.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// `2021-2022`.
    public var description: String { "\(startYear)-\(startYear + 1)" }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool {
        lhs.startYear < rhs.startYear
    }

    /// The years accepted by the generator.
    public static let supportedStartYears = 2000...2099

    /// Reads one academic year: `2021-2022`, `2021/2022`, `2021–2022`, `2021-22` or `2021/22`.
    public init(parsing text: String) throws(SampleError) {
        let trimmed = text.trimmingSpaces()
        let separators: Set<Character> = ["-", "/", "–", "—"]
        guard let separatorIndex = trimmed.firstIndex(where: { separators.contains($0) }) else {
            throw .invalidAcademicYear(value: text, reason: "нет разделителя между годами / no separator between the years")
        }
        let first = String(trimmed[..<separatorIndex])
        let second = String(trimmed[trimmed.index(after: separatorIndex)...])
        guard first.count == 4, let start = Int(first), first.allSatisfy(\.isASCII) else {
            throw .invalidAcademicYear(value: text, reason: "первый год должен состоять из четырёх цифр / the first year must have four digits")
        }
        guard second.allSatisfy(\.isASCII), let end = Int(second), second.count == 4 || second.count == 2 else {
            throw .invalidAcademicYear(value: text, reason: "второй год должен состоять из двух или четырёх цифр / the second year must have two or four digits")
        }
        let expected = second.count == 4 ? start + 1 : (start + 1) % 100
        guard end == expected else {
            throw .invalidAcademicYear(value: text, reason: "второй год должен быть следующим за первым / the second year must follow the first")
        }
        guard AcademicYear.supportedStartYears.contains(start) else {
            throw .invalidAcademicYear(value: text, reason: "год вне диапазона 2000–2099 / year outside 2000–2099")
        }
        self.init(startYear: start)
    }

    /// Reads a list of academic years: single years and `A..B` ranges, separated by commas,
    /// e.g. `2019-2020..2023-2024` or `2021-2022` or `2019-2020,2022-2023`.
    /// The result is sorted and without repeats.
    public static func parseList(_ text: String) throws(SampleError) -> [AcademicYear] {
        var years = Set<AcademicYear>()
        let items = text.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw .invalidAcademicYear(value: text, reason: "пустой список / empty list")
        }
        for item in items {
            if let range = item.firstRange(of: "..") {
                let from = try AcademicYear(parsing: String(item[..<range.lowerBound]))
                let to = try AcademicYear(parsing: String(item[range.upperBound...]))
                guard from <= to else {
                    throw .invalidAcademicYear(value: item, reason: "начало диапазона позже конца / the range starts after it ends")
                }
                for start in from.startYear...to.startYear {
                    years.insert(AcademicYear(startYear: start))
                }
            } else {
                years.insert(try AcademicYear(parsing: item))
            }
        }
        return years.sorted()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
