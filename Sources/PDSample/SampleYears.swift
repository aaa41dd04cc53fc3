import PDContract

extension AcademicYear {
    /// The years the generator writes: one century, so that every date it makes is one the
    /// contract accepts.
    public static let sampleStartYears = 2000...2099

    /// Reads the generator's list of academic years: single years and `A..B` ranges,
    /// separated by commas, e.g. `2019-2020..2023-2024` or `2021-2022` or
    /// `2019-2020,2022-2023`; each year as the contract spells it (`AcademicYear.parse`).
    /// The result is sorted and without repeats.
    public static func parseList(_ text: String) throws(SampleError) -> [AcademicYear] {
        var years = Set<AcademicYear>()
        let items = text.split(separator: ",").map { TextFold.trimmed(String($0)) }.filter { !$0.isEmpty }
        guard !items.isEmpty else {
            throw .invalidAcademicYear(value: text, reason: "пустой список / empty list")
        }
        for item in items {
            if let range = item.firstRange(of: "..") {
                let from = try sampleYear(String(item[..<range.lowerBound]))
                let to = try sampleYear(String(item[range.upperBound...]))
                guard from <= to else {
                    throw .invalidAcademicYear(value: item, reason: "начало диапазона позже конца / the range starts after it ends")
                }
                for start in from.start...to.start {
                    years.insert(AcademicYear(start: start))
                }
            } else {
                years.insert(try sampleYear(item))
            }
        }
        return years.sorted()
    }

    /// One year of the list: a year the contract reads, within `sampleStartYears`.
    private static func sampleYear(_ text: String) throws(SampleError) -> AcademicYear {
        let outOfRange = "год вне диапазона 2000–2099 / year outside 2000–2099"
        switch parseExplained(text) {
        case .success(let year):
            guard sampleStartYears.contains(year.start) else { throw .invalidAcademicYear(value: text, reason: outOfRange) }
            return year
        case .failure(let problem):
            let reason = switch problem {
            case .noSeparator: "нет разделителя между годами / no separator between the years"
            case .firstYearNotFourDigits: "первый год должен состоять из четырёх цифр / the first year must have four digits"
            case .secondYearNotTwoOrFourDigits:
                "второй год должен состоять из двух или четырёх цифр / the second year must have two or four digits"
            case .secondYearDoesNotFollow: "второй год должен быть следующим за первым / the second year must follow the first"
            case .outOfRange: outOfRange
            }
            throw .invalidAcademicYear(value: text, reason: reason)
        }
    }
}
