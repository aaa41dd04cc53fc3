import PDContract

/// How the bundled reports (`pdmon report list|indicators|trend|compare|run`) are shown to
/// people: the warehouse runs the files of `sql/reports/` and hands the rows here for the
/// trend pivot, change marks, indicator names and captions in the chosen language.
public struct ReportPresentation: Sendable {
    public let language: ReportLanguage
    /// Show indicator names instead of ids (for table and markdown output). CSV and JSON keep
    /// ids, which are stable for machines.
    public let indicatorNames: Bool

    public init(language: ReportLanguage = .defaultLanguage, indicatorNames: Bool = false) {
        self.language = language
        self.indicatorNames = indicatorNames
    }

    // MARK: - list

    /// The catalogued indicators, then the bundled reports with their parameters.
    public func list(catalogue: IndicatorCatalogue, reports: [ReportFile]) -> ResultTable {
        var rows: [[String?]] = []
        let unitText: (IndicatorInfo) -> String = { ReportCatalogue.text("unit." + $0.unit.rawValue, in: language) }
        for info in catalogue.indicators {
            let better = ReportCatalogue.text("direction." + info.direction.rawValue, in: language)
            let detail = language == .ru ? "\(unitText(info)), лучше, когда \(better)" : "\(unitText(info)), better when \(better)"
            rows.append([text(ru: "показатель", en: "indicator"), info.id, info.name(in: language), detail])
        }
        for report in reports {
            let parameters = report.parameters.map { parameter in
                let need = parameter.isRequired ? text(ru: "обязательный", en: "required") : text(ru: "необязательный", en: "optional")
                return "\(parameter.name) \(parameter.type) (\(need))"
            }
            rows.append([text(ru: "отчёт", en: "report"), report.name, report.description(in: language), parameters.joined(separator: "; ")])
        }
        return ResultTable(
            title: ReportCatalogue.text("title.report_list", in: language),
            columns: [
                ResultColumn(name: "kind", caption: text(ru: "Вид", en: "Kind")),
                ResultColumn(name: "name", caption: text(ru: "Код", en: "Id")),
                ResultColumn(name: "title", caption: ReportCatalogue.text("name", in: language)),
                ResultColumn(name: "details", caption: text(ru: "Подробности", en: "Details")),
            ],
            rows: rows)
    }

    // MARK: - indicators

    /// The rows of `sql/reports/indicators.sql` for `year` with their title and captions.
    public func indicators(_ table: ResultTable, year: String, by grain: ReportGrain, catalogue: IndicatorCatalogue) -> ResultTable {
        var table = table.localized(language, titleID: "title.indicators").measuring(["value": .indicatorValue])
        table.rowUnits = table.indicatorUnits(catalogue)
        if let code = table.columns.firstIndex(where: { $0.name == "school_code" }),
           let name = table.columns.firstIndex(where: { $0.name == "school_name" }) {
            for row in table.rows.indices where table.cell(row: row, column: code) == nil && name < table.rows[row].count {
                table.rows[row][name] = ReportCatalogue.text("city", in: language)
            }
        }
        table.title += ", " + (AcademicYear.parse(year)?.label ?? year)
        if grain == .city { table.title += " — " + ReportCatalogue.text("city", in: language) }
        return named(table, catalogue: catalogue)
    }

    // MARK: - trend

    /// The trend as one row per school (or the city) and one column per academic year, then
    /// the change over the last two years and its mark (see `pivotTrend`).
    /// `firstYear`: the start of the first academic year of data: the years of an incomplete
    /// three-year window are marked `†` in their captions, with a note (`ThreeYearWindow`).
    public func trend(_ long: ResultTable, indicator: IndicatorInfo, firstYear: Int? = nil) -> ResultTable {
        var table = Self.pivotTrend(long, indicator: indicator, language: language)
        guard let firstYear, ThreeYearWindow.applies(to: indicator.id) else { return table }
        var marked = false
        for index in table.columns.indices {
            guard let year = AcademicYear.parse(table.columns[index].name), year.label == table.columns[index].name,
                  year.start < firstYear + 2 else { continue }
            table.columns[index].caption = year.label + " †"
            marked = true
        }
        if marked { table.notes.append(HeatTable.incompleteNote(language)) }
        return table
    }

    /// The trend as a self-contained HTML page: a line chart (the city, then the schools) and
    /// the table. `city`, the city's trend, is drawn too when it has the same years.
    public func trendHTML(_ trend: ResultTable, city: ResultTable?, indicatorID: String, isPercent: Bool, higherIsBetter: Bool = true) -> String {
        var table = trend
        if let city, city.columns.map(\.name) == table.columns.map(\.name) {
            table.rows = city.rows + table.rows
        } else if let city {
            // The same years, but not the same target columns (the schools have targets the city
            // has not, or the other way round): the city's row laid out in the table's columns.
            let positions = table.columns.map { column in city.columns.firstIndex { $0.name == column.name } }
            let years = table.columns.indices.filter { AcademicYear.parse(table.columns[$0].name) != nil }
            if years.allSatisfy({ positions[$0] != nil }) {
                let cityRows = city.rows.indices.map { row in positions.map { $0.flatMap { city.cell(row: row, column: $0) } } }
                table.rows = cityRows + table.rows
            }
        }
        return ReportHTML.trend(table, indicatorID: indicatorID, isPercent: isPercent, language: language, higherIsBetter: higherIsBetter)
    }

    /// Pivots the long form of `sql/reports/trend.sql` (columns school_code, school_name,
    /// academic_year, year_start, value) to one row per school and one column per year.
    public static func pivotTrend(_ long: ResultTable, indicator: IndicatorInfo, language: ReportLanguage) -> ResultTable {
        let column = { (name: String) in long.columns.firstIndex { $0.name == name } }
        let code = column("school_code"), name = column("school_name"), year = column("academic_year"),
            start = column("year_start"), value = column("value"), denominator = column("denominator"),
            goal = column("goal_value"), goalSource = column("goal_source")
        func cell(_ row: Int, _ index: Int?) -> String? { index.flatMap { long.cell(row: row, column: $0) } }

        var years: [(start: Int, label: String)] = []
        var order: [String?] = []
        var names: [String?: String?] = [:]
        var grid: [String?: [String: String?]] = [:]
        var smallYears: [String?: [String]] = [:]
        var goals: [String?: [String: String]] = [:]
        var goalSources: [String: [String]] = [:]
        for row in long.rows.indices {
            guard let label = cell(row, year) else { continue }
            let yearStart = cell(row, start).flatMap { Int($0) } ?? 0
            if !years.contains(where: { $0.label == label }) { years.append((yearStart, label)) }
            let school = cell(row, code)
            if grid[school] == nil { order.append(school); names[school] = cell(row, name); grid[school] = [:] }
            grid[school]?[label] = cell(row, value)
            if let target = cell(row, goal) {
                goals[school, default: [:]][label] = target
                if let source = cell(row, goalSource), !(goalSources[label] ?? []).contains(source) {
                    goalSources[label, default: []].append(source)
                }
            }
            if let den = cell(row, denominator).flatMap({ Int($0) }), SmallDenominator.isSmall(den) {
                smallYears[school, default: []].append(label)
            }
        }
        years.sort { $0.start < $1.start }

        let changeCaption = ReportCatalogue.text(indicator.unit == .percent ? "change_pp" : "change_hours", in: language)
        var columns = [
            ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
            ResultColumn(name: "school_name", caption: ReportCatalogue.text("school_name", in: language)),
        ]
        let valueUnit: ColumnUnit = indicator.unit == .percent ? .percent : .hours
        columns += years.map { ResultColumn(name: $0.label, type: .decimal, unit: valueUnit) }
        columns.append(ResultColumn(name: "change", type: .decimal, caption: changeCaption,
                                    unit: indicator.unit == .percent ? .points : .hours))
        columns.append(ResultColumn(name: "mark", caption: ReportCatalogue.text("mark", in: language)))
        columns.append(ResultColumn(name: "caveat", caption: language == .ru ? "Оговорка" : "Caveat"))
        // The programme's target of the last year and the gap to it, when any row has one.
        let lastLabel = years.last?.label
        let hasGoals = lastLabel.map { label in goals.values.contains { $0[label] != nil } } ?? false
        if hasGoals, let lastLabel {
            columns.append(ResultColumn(name: "goal_value", type: .decimal,
                                        caption: ReportCatalogue.text("goal_value", in: language) + ", " + lastLabel,
                                        unit: valueUnit))
            columns.append(ResultColumn(name: "goal_gap", type: .decimal,
                                        caption: ReportCatalogue.text("goal_gap", in: language)
                                            + ", " + ReportCatalogue.text(indicator.unit == .percent ? "unit.pp" : "unit.hours", in: language),
                                        unit: indicator.unit == .percent ? .points : .hours))
        }

        let cityName = ReportCatalogue.text("city", in: language)
        let rows: [[String?]] = order.map { school in
            let cells = years.map { grid[school]?[$0.label] ?? nil }
            let change = cells.count >= 2 ? ChangeMark.difference(cells[cells.count - 1], cells[cells.count - 2]) : nil
            let mark = ChangeMark.mark(change: change, direction: indicator.direction, language: language)
            let displayName: String? = school == nil ? cityName : (names[school] ?? nil)
            let caveat = smallYears[school].map { SmallDenominator.caveat(years: $0) }
            var row = [school, displayName] + cells + [change, mark, caveat]
            if hasGoals, let lastLabel {
                let target = goals[school]?[lastLabel]
                row += [target, target.flatMap { ChangeMark.difference(grid[school]?[lastLabel] ?? nil, $0) }]
            }
            return row
        }
        let unit = ReportCatalogue.text("unit." + indicator.unit.rawValue, in: language)
        var notes: [String] = []
        if years.count >= 2 {
            let last = years[years.count - 1].label, previous = years[years.count - 2].label
            notes.append(language == .ru
                ? "Изменение: \(last) к \(previous); лучше, когда значение \(indicator.direction == .higher ? "выше" : "ниже")."
                : "Change: \(last) against \(previous); \(indicator.direction == .higher ? "higher" : "lower") is better.")
        }
        if !smallYears.isEmpty { notes.append(SmallDenominator.note(language)) }
        if hasGoals, let lastLabel {
            let sources = (goalSources[lastLabel] ?? []).joined(separator: "; ")
            notes.append(language == .ru
                ? "Цель на \(lastLabel) — цель ОО, если она установлена, иначе цель города; отставание = значение − цель. Основание: \(sources)."
                : "Target for \(lastLabel): the school's own when set, else the city's; gap = value − target. Source: \(sources).")
        }
        return ResultTable(
            title: ReportCatalogue.text("title.trend", in: language) + ": " + indicator.name(in: language) + ", " + unit,
            columns: columns, rows: rows, notes: notes)
    }

    // MARK: - compare

    /// The rows of `sql/reports/compare.sql` with a change mark in place of the direction,
    /// the city named, the years as captions and the small-denominator note.
    public func compare(_ table: ResultTable, base: String, target: String, catalogue: IndicatorCatalogue) -> ResultTable {
        var table = table
        // The programme's targets (goal_value, goal_gap) are shown only when some row has one.
        let goalColumns = table.columns.indices.filter { ["goal_value", "goal_gap"].contains(table.columns[$0].name) }
        if let goal = table.columns.firstIndex(where: { $0.name == "goal_value" }),
           !table.rows.indices.contains(where: { table.cell(row: $0, column: goal) != nil }) {
            for index in goalColumns.reversed() {
                table.columns.remove(at: index)
                for row in table.rows.indices where index < table.rows[row].count { table.rows[row].remove(at: index) }
            }
        }
        table = table.measuring(["base_value": .indicatorValue, "target_value": .indicatorValue, "change": .indicatorChange,
                                 "goal_value": .indicatorValue, "goal_gap": .indicatorChange])
        table.rowUnits = table.indicatorUnits(catalogue)
        let change = table.columns.firstIndex { $0.name == "change" }
        let indicator = table.columns.firstIndex { $0.name == "indicator" }
        let school = table.columns.firstIndex { $0.name == "school_code" }
        let name = table.columns.firstIndex { $0.name == "school_name" }
        if let direction = table.columns.firstIndex(where: { $0.name == "direction" }) {
            table.columns[direction] = ResultColumn(name: "mark")
            for row in table.rows.indices {
                let info = indicator.flatMap { table.cell(row: row, column: $0) }.flatMap { catalogue[$0] }
                let delta = change.flatMap { table.cell(row: row, column: $0) }
                table.rows[row][direction] = ChangeMark.mark(change: delta, direction: info?.direction ?? .higher, language: language)
            }
        }
        if let school, let name {
            for row in table.rows.indices where table.cell(row: row, column: school) == nil {
                table.rows[row][name] = ReportCatalogue.text("city", in: language)
            }
        }
        // A change is in percentage points for a percent indicator and in hours for hours:
        // each row says which, beside the change.
        if let change, let indicator {
            table.columns.insert(ResultColumn(name: "change_unit"), at: change + 1)
            for row in table.rows.indices {
                var cells = table.rows[row]
                while cells.count < change + 1 { cells.append(nil) }
                let unit = table.cell(row: row, column: indicator).flatMap { catalogue[$0]?.unit }
                cells.insert(unit.map { changeUnit($0) }, at: change + 1)
                table.rows[row] = cells
            }
        }
        table = table.localized(language, titleID: "title.compare")
        let baseLabel = AcademicYear.parse(base)?.label ?? base
        let targetLabel = AcademicYear.parse(target)?.label ?? target
        table.title += ": \(baseLabel) → \(targetLabel)"
        for index in table.columns.indices {
            switch table.columns[index].name {
            case "base_value": table.columns[index].caption = baseLabel
            case "target_value": table.columns[index].caption = targetLabel
            case "goal_value": table.columns[index].caption = ReportCatalogue.text("goal_value", in: language) + ", " + targetLabel
            default: break
            }
        }
        if let caveat = table.columns.firstIndex(where: { $0.name == "caveat" }) {
            table.columns[caveat].caption = language == .ru ? "Оговорка" : "Caveat"
            if table.rows.contains(where: { $0[caveat] != nil }) { table.notes.append(SmallDenominator.note(language)) }
        }
        return named(table, catalogue: catalogue)
    }

    // MARK: - run

    /// The rows of any report file, with the catalogue's captions, those of `extraCaptions`
    /// and the report's description as the title. `catalogue` is only needed for names.
    public func run(_ table: ResultTable, report: ReportFile, catalogue: IndicatorCatalogue?) -> ResultTable {
        var table = table.localized(language)
        for index in table.columns.indices where table.columns[index].caption == nil {
            table.columns[index].caption = Self.extraCaptions[table.columns[index].name]?.text(in: language)
        }
        let description = report.description(in: language)
        table.title = description.isEmpty ? report.name : report.name + ": " + description
        guard let catalogue else { return table }
        table = table.measuring(["value": .indicatorValue, "previous_value": .indicatorValue,
                                 "change": .indicatorChange, "city_change": .indicatorChange])
        table.rowUnits = table.indicatorUnits(catalogue)
        // Changes of one indicator's rows (lagging) are in its unit: say which in the caption.
        if let indicator = table.columns.firstIndex(where: { $0.name == "indicator" }) {
            let units = Set(table.rows.indices.compactMap { table.cell(row: $0, column: indicator).flatMap { catalogue[$0]?.unit } })
            if units.count == 1, let unit = units.first {
                let suffix = ", " + changeUnit(unit, forPeople: true)
                for index in table.columns.indices where ["change", "city_change"].contains(table.columns[index].name) {
                    table.columns[index].caption = (table.columns[index].caption ?? table.columns[index].name) + suffix
                }
            }
        }
        return named(table, catalogue: catalogue)
    }

    /// The unit of a change of an indicator: `п. п.` or `ч` for people (`pp`, `h` in English),
    /// `pp` or `h` for machines (CSV, JSON).
    func changeUnit(_ unit: IndicatorInfo.Unit, forPeople: Bool? = nil) -> String {
        let people = forPeople ?? indicatorNames
        switch unit {
        case .percent: return people ? ReportCatalogue.text("unit.pp", in: language) : "pp"
        case .hours: return people ? ReportCatalogue.text("unit.hours", in: language) : "h"
        }
    }

    /// Captions of bundled-report columns that the shared catalogue does not know.
    public static let extraCaptions: [String: Caption] = [
        "previous_year": Caption(ru: "Прошлый год", en: "Previous year"),
        "previous_value": Caption(ru: "Было", en: "Previous value"),
        "city_change": Caption(ru: "Изменение по городу", en: "City change"),
        "year_start": Caption(ru: "Год начала", en: "Start year"),
    ]

    // MARK: - Helpers

    /// Replaces indicator ids in the `indicator` column by their names, when asked to.
    public func named(_ table: ResultTable, catalogue: IndicatorCatalogue) -> ResultTable {
        guard indicatorNames, let column = table.columns.firstIndex(where: { $0.name == "indicator" }) else { return table }
        var copy = table
        for row in copy.rows.indices {
            if let id = copy.cell(row: row, column: column), let info = catalogue[id] {
                copy.rows[row][column] = info.name(in: language)
            }
        }
        return copy
    }

    private func text(ru: String, en: String) -> String {
        language == .ru ? ru : en
    }
}
