import PDContract

/// The sample city's programme targets (`pdmon sample --targets`, `targets.csv`), one row per
/// indicator, academic year and level, as a municipal methodological service would file them:
///
/// - `internship_share` for the city, from the municipal programme: 9 % in the first year,
///   15 % in the second, 20 % from the third on;
/// - `pd_coverage_3y` for the city, 100 % every year: the law gives every teacher the right to
///   additional professional education at least once in three years (Федеральный закон
///   № 273-ФЗ, ст. 47 ч. 5 п. 2);
/// - `pd_coverage` for the directory's first school, its own 80 % in the last year (a school's
///   target wins over the city's where both exist).
///
/// It also names the schools `--gaps` uses (`halvedSchoolIndex`, `silentSchoolIndex`).
public enum SampleTargets {
    /// The municipal programme the rising target comes from.
    public static let programme = "Муниципальная программа «Развитие образования» на 2020–2025 годы"
    public static let programmeDate = CivilDate(year: 2019, month: 12, day: 20)!
    /// The law behind the 3-year coverage target.
    public static let law = "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», ст. 47"
    public static let lawDate = CivilDate(year: 2012, month: 12, day: 29)!
    /// The order that set the first school's own target.
    public static let schoolOrder = "Приказ управления образования № 112 «О целевых показателях ОО»"
    public static let schoolOrderDate = CivilDate(year: 2022, month: 8, day: 25)!

    /// The rising share of teachers with an internship: 9 → 15 → 20 %.
    public static let risingIndicator = "internship_share"
    public static let risingValues = ["9", "15", "20"]

    /// With `--gaps`: the school (index in the directory) whose last census lists every other
    /// teacher only, and the one that sends nothing in the last year.
    public static let halvedSchoolIndex = 1
    public static let silentSchoolIndex = 2

    /// The indicators the file names, and whether each is a percent (all are).
    public static let indicators: [String: Bool] = ["internship_share": true, "pd_coverage_3y": true, "pd_coverage": true]

    static let columns: [SampleColumn] = [
        SampleColumn("indicator", "Показатель"),
        SampleColumn("academic_year", "Учебный год"),
        SampleColumn("level", "Уровень"),
        SampleColumn("target_value", "Целевое значение", text: false),
        SampleColumn("source_document", "Документ"),
        SampleColumn("source_date", "Дата документа"),
    ]

    /// The rows for `years` (ascending); `schoolCodes` is the directory in order. Messy files
    /// spell the city «город», the values with a decimal comma and dates as dd.mm.yyyy.
    public static func rows(years: [AcademicYear], schoolCodes: [String], messy: Bool) -> [[String]] {
        let city = messy ? "город" : "city"
        func date(_ date: CivilDate) -> String { messy ? date.russian : date.iso }
        func value(_ text: String) -> String { messy ? text + ",0" : text }
        var rows: [[String]] = []
        for (index, year) in years.enumerated() {
            let rising = risingValues[min(index, risingValues.count - 1)]
            rows.append([risingIndicator, year.description, city, value(rising), programme, date(programmeDate)])
            rows.append(["pd_coverage_3y", year.description, city, value("100"), law, date(lawDate)])
        }
        if let last = years.last, let first = schoolCodes.first {
            rows.append(["pd_coverage", last.description, first, value("80"), schoolOrder, date(schoolOrderDate)])
        }
        return rows
    }
}
