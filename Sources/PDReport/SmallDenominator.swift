/// The one small-denominator rule of every report: a percentage over fewer than ten people
/// moves with a single teacher, so trend and compare mark it, the recommendation evidence and
/// charts carry a caveat, and the year-on-year and school-against-city rules skip it (through
/// their `min_denominator`). A denominator of 0 is no data, not a small denominator.
public enum SmallDenominator {
    /// Denominators under this are small.
    public static let limit = 10

    /// Whether a value over `denominator` people is unstable: 1 to `limit - 1`.
    public static func isSmall(_ denominator: Int) -> Bool {
        denominator > 0 && denominator < limit
    }

    /// How much a percentage over `denominator` people can be trusted, from 0 to 1: 1 from
    /// `limit` people up, `denominator / limit` below (a value over 2 people weighs a fifth).
    /// The ranking of recommendations scales distances in percentage points by it, so 1 of 2
    /// young teachers without a mentor (50 points) does not outrank 22 teachers without a
    /// diagnostic.
    public static func reliability(_ denominator: Int) -> Double {
        isSmall(denominator) ? Double(denominator) / Double(limit) : (denominator > 0 ? 1 : 0)
    }

    /// The caveat cell of a trend row: `n<10: 2022-2023, 2023-2024`.
    public static func caveat(years: [String]) -> String {
        "n<\(limit): " + years.joined(separator: ", ")
    }

    /// The note under a trend or comparison that has small denominators.
    public static func note(_ language: ReportLanguage) -> String {
        language == .ru
            ? "n<\(limit): знаменатель меньше \(limit) — процент меняется от одного педагога, сравнивайте осторожно."
            : "n<\(limit): the denominator is under \(limit) — one teacher moves the percentage; compare with care."
    }
}
