/// The trend of many schools as a heat table: one row per school, one column per academic
/// year, each cell coloured by its value — green where the value is good, red where it is
/// bad, whichever way is better for the indicator — instead of one line per school on one
/// chart (twenty lines and a legend taller than the plot cannot be read). The city's row
/// comes first, uncoloured, for reference.
///
/// Colour: the cell's place between the lowest and the highest value of the table's schools
/// (all years), in five steps (`HeatTable.palette`); a value with a small denominator
/// (`SmallDenominator`) is marked `*` and not coloured. A year whose three-year window is
/// incomplete (`incompleteYears`) is marked `†` in its heading, with a note.
public struct HeatTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var code: String?
        public var name: String
        public var values: [OneDecimal?]
        public var small: [Bool]

        public init(code: String?, name: String, values: [OneDecimal?], small: [Bool] = []) {
            self.code = code
            self.name = name
            self.values = values
            self.small = small
        }

        func isSmall(_ index: Int) -> Bool { index < small.count && small[index] }
    }

    public var id: String
    public var title: String
    public var unit: String
    public var higherIsBetter: Bool
    public var years: [String]
    public var city: Row?
    public var rows: [Row]
    /// Years (labels) whose three-year window reaches before the first year of data.
    public var incompleteYears: Set<String>

    public init(id: String, title: String, unit: String, higherIsBetter: Bool, years: [String], city: Row?, rows: [Row],
                incompleteYears: Set<String> = []) {
        self.id = id
        self.title = title
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.years = years
        self.city = city
        self.rows = rows
        self.incompleteYears = incompleteYears
    }

    /// From bad (0) to good (4): light colours, legible under black text and in grey print.
    public static let palette = ["F4B6B0", "F9D9A8", "F3F1C6", "CDE8C2", "9FD5A0"]

    /// The step (0 bad … 4 good) of `value` among the schools' values; nil when there is no
    /// spread or no value.
    public func step(_ value: OneDecimal?) -> Int? {
        guard let value else { return nil }
        let all = rows.flatMap { row in row.values.indices.compactMap { row.isSmall($0) ? nil : row.values[$0] } }
        guard let low = all.min(), let high = all.max(), high > low else { return nil }
        let position = Double(value.tenths - low.tenths) / Double(high.tenths - low.tenths)
        let goodness = higherIsBetter ? position : 1 - position
        return min(4, max(0, Int((goodness * 5).rounded(.down))))
    }

    /// The fill colour (`RRGGBB`) of a cell, nil for none.
    public func colour(_ row: Row, _ index: Int) -> String? {
        guard !row.isSmall(index), index < row.values.count, let step = step(row.values[index]) else { return nil }
        return Self.palette[step]
    }

    /// A year's heading: the label, `†` when its window is incomplete.
    public func heading(_ year: String) -> String {
        incompleteYears.contains(year) ? year + " †" : year
    }

    /// A cell's text: the value in the language's notation, `*` for a small denominator.
    public func text(_ row: Row, _ index: Int, language: ReportLanguage) -> String {
        guard index < row.values.count, let value = row.values[index] else { return "—" }
        return value.text(in: language) + (row.isSmall(index) ? "*" : "")
    }

    /// The notes under the table: the colours, the small-denominator mark, incomplete windows.
    public func notes(_ language: ReportLanguage) -> [String] {
        var notes = [language == .ru
            ? "Цвет — место значения среди ОО (все годы таблицы): зелёный — лучше, красный — хуже; лучше, когда значение \(higherIsBetter ? "выше" : "ниже")."
            : "Colour: the value's place among the schools (all years of the table): green better, red worse; \(higherIsBetter ? "higher" : "lower") is better."]
        if rows.contains(where: { $0.small.contains(true) }) || city?.small.contains(true) == true {
            notes.append(ReportCatalogue.text("caveat.small_denominator", in: language))
        }
        if !incompleteYears.isEmpty {
            notes.append(Self.incompleteNote(language))
        }
        return notes
    }

    /// What `†` means.
    public static func incompleteNote(_ language: ReportLanguage) -> String {
        language == .ru
            ? "† окно трёх лет неполное: данных за предшествующие годы нет, значение занижено."
            : "† incomplete three-year window: the years before are not in the data, so the value is understated."
    }

    /// The heat table of `indicator` from the history up to `year`: the city and `schools`
    /// (by code, in name order when `schools` is empty: every school with data).
    public init(indicator: IndicatorMeta, history: IndicatorHistory, upTo year: Int, schools: [String] = [], language: ReportLanguage) {
        let years = history.years.filter { $0.start <= year }
        let codes = schools.isEmpty
            ? history.schools.keys.filter { code in years.contains { history.schools[code]?[indicator.id]?[$0.start] != nil } }
                .sorted { (history.schoolNames[$0] ?? $0, $0) < (history.schoolNames[$1] ?? $1, $1) }
            : schools
        func row(_ code: String?, _ name: String, _ figures: [Int: IndicatorFigure]?) -> Row {
            Row(code: code, name: name, values: years.map { figures?[$0.start]?.value },
                small: years.map { figures?[$0.start].map { $0.isSmall && $0.value != nil } ?? false })
        }
        self.init(
            id: indicator.id, title: indicator.name(in: language),
            unit: indicator.isPercent ? "%" : ReportCatalogue.text("unit.hours", in: language),
            higherIsBetter: indicator.higherIsBetter, years: years.map(\.label),
            city: row(nil, ReportCatalogue.text("city", in: language), history.city[indicator.id]),
            rows: codes.map { row($0, history.schoolNames[$0] ?? $0, history.schools[$0]?[indicator.id]) },
            incompleteYears: ThreeYearWindow.incompleteYears(indicator: indicator.id, years: years))
    }
}

/// Indicators over a three-year window (`*_3y`, e.g. `pd_coverage_3y`: a course in the
/// year or either of the two before) are understated in the first two years of data, whose
/// windows reach before the data start. Every format marks those years.
public enum ThreeYearWindow {
    /// Whether `indicator` is computed over three years (its id ends in `_3y`).
    public static func applies(to indicator: String) -> Bool {
        indicator.hasSuffix("_3y")
    }

    /// The labels of `years` (oldest first, all years of data) whose window is incomplete:
    /// the first two, for a three-year indicator; none otherwise.
    public static func incompleteYears(indicator: String, years: [(start: Int, label: String)], firstYear: Int? = nil) -> Set<String> {
        guard applies(to: indicator), let first = firstYear ?? years.map(\.start).min() else { return [] }
        return Set(years.filter { $0.start < first + 2 }.map(\.label))
    }
}
