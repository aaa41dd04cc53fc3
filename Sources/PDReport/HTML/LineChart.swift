/// A line chart of one indicator over academic years: one series per school (and the city).
public struct LineChart: Sendable, Hashable {
    /// One line.
    public struct Series: Sendable, Hashable {
        public var name: String
        /// One value per x label; nil leaves a gap.
        public var values: [OneDecimal?]
        /// Per value: the denominator is under 10 (drawn as a hollow point with a caveat).
        public var small: [Bool]
        /// The city line is drawn darker and thicker.
        public var isCity: Bool

        public init(name: String, values: [OneDecimal?], small: [Bool] = [], isCity: Bool = false) {
            self.name = name
            self.values = values
            self.small = small
            self.isCity = isCity
        }

        /// How many points the chart draws for this series.
        public var pointCount: Int { values.compactMap { $0 }.count }
    }

    /// Stable id (the indicator id); written as `data-indicator`.
    public var id: String
    public var title: String
    /// `%` or `ч`/`h`: the y-axis label.
    public var unit: String
    /// True: the y axis runs 0–100.
    public var isPercent: Bool
    public var xLabels: [String]
    public var series: [Series]
    /// The schools' spread per x label, drawn as a band behind the lines: the lower and upper
    /// quartiles of the schools' values (small denominators left out); empty for none.
    public var band: [(low: OneDecimal, high: OneDecimal)?] = []
    /// What the band is, for the legend.
    public var bandName: String?
    /// Per x label: the value's three-year window is incomplete (`ThreeYearWindow`); the
    /// label is marked `†` and a note says why.
    public var incomplete: [Bool] = []
    /// Per x label: the indicator's definition changed from this year on (issue 13 §5,
    /// `DefinitionBreak`); a dashed line is drawn before the year, its label is marked `‡`,
    /// and `breakNotes` (the trend table's notes on the change) go to the legend.
    public var breaks: [Bool] = []
    public var breakNotes: [String] = []

    public init(id: String, title: String, unit: String, isPercent: Bool, xLabels: [String], series: [Series]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.isPercent = isPercent
        self.xLabels = xLabels
        self.series = series
    }

    /// A chart of `indicator` from figures per subject keyed by year label.
    public init(indicator: IndicatorMeta, years: [String], subjects: [(name: String, isCity: Bool, figures: [String: IndicatorFigure])],
                language: ReportLanguage) {
        self.init(
            id: indicator.id, title: indicator.name(in: language),
            unit: indicator.isPercent ? "%" : ReportCatalogue.text("unit.hours", in: language),
            isPercent: indicator.isPercent, xLabels: years,
            series: subjects.map { subject in
                Series(name: subject.name, values: years.map { subject.figures[$0]?.value },
                       small: years.map { subject.figures[$0].map { $0.isSmall && $0.value != nil } ?? false },
                       isCity: subject.isCity)
            })
    }

    /// Total points drawn.
    public var pointCount: Int { series.reduce(0) { $0 + $1.pointCount } }

    /// The x label as shown: `†` after a year whose window is incomplete.
    public func shownLabel(_ index: Int) -> String {
        var label = index < incomplete.count && incomplete[index] ? xLabels[index] + " †" : xLabels[index]
        if isBreak(index) { label += " " + ReportPresentation.definitionBreakMark }
        return label
    }

    /// The definition changed from the year at `index` on (never at the first year shown).
    func isBreak(_ index: Int) -> Bool { index > 0 && index < breaks.count && breaks[index] }

    public static func == (lhs: LineChart, rhs: LineChart) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.unit == rhs.unit && lhs.isPercent == rhs.isPercent
            && lhs.xLabels == rhs.xLabels && lhs.series == rhs.series && lhs.bandName == rhs.bandName
            && lhs.incomplete == rhs.incomplete && lhs.band.map { $0?.low } == rhs.band.map { $0?.low }
            && lhs.band.map { $0?.high } == rhs.band.map { $0?.high }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(xLabels)
        hasher.combine(series)
    }

    /// The city's line of `indicator` over the years up to `year`, with the band of the
    /// schools' middle half (lower to upper quartile, small denominators left out) and the
    /// years of an incomplete three-year window marked.
    public static func cityWithSpread(indicator: IndicatorMeta, history: IndicatorHistory, upTo year: Int,
                                      language: ReportLanguage) -> LineChart {
        let years = history.years.filter { $0.start <= year }
        var figures: [String: IndicatorFigure] = [:]
        for (start, label) in years { if let figure = history.city[indicator.id]?[start] { figures[label] = figure } }
        var chart = LineChart(indicator: indicator, years: years.map(\.label),
                              subjects: [(ReportCatalogue.text("city", in: language), true, figures)], language: language)
        chart.band = years.map { year in
            let values = history.schools.values.compactMap { $0[indicator.id]?[year.start] }
                .filter { !$0.isSmall }.compactMap(\.value).sorted()
            guard values.count >= 4 else { return nil }
            return (quartile(values, 0.25), quartile(values, 0.75))
        }
        chart.bandName = language == .ru ? "половина ОО: от нижнего до верхнего квартиля" : "middle half of the schools (quartiles)"
        let incomplete = ThreeYearWindow.incompleteYears(indicator: indicator.id, years: history.years)
        chart.incomplete = years.map { incomplete.contains($0.label) }
        return chart
    }

    /// The `q` quantile of sorted `values` (linear between ranks), to one decimal.
    static func quartile(_ values: [OneDecimal], _ q: Double) -> OneDecimal {
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        return OneDecimal(rounding: values[lower].doubleValue * (1 - fraction) + values[upper].doubleValue * fraction)
    }
}

/// Draws a `LineChart` as inline SVG (no scripts, no external references): axes with ticks,
/// year labels, one polyline per series with a point per value (a `<title>` tooltip each),
/// and an HTML legend under it.
public enum SVGLineChart {
    static let palette = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
                          "#9333ea", "#0f766e", "#b45309", "#be123c"]
    static let cityColour = "#111827"
    static let width = 640.0, height = 300.0
    static let left = 56.0, right = 40.0, top = 16.0, bottom = 40.0

    /// The colour of series `index` (the city always dark).
    static func colour(_ series: LineChart.Series, index: Int) -> String {
        series.isCity ? cityColour : palette[index % palette.count]
    }

    /// A `<figure>` holding the SVG and its legend.
    public static func render(_ chart: LineChart, language: ReportLanguage) -> String {
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maxValue = chart.series.flatMap { $0.values.compactMap { $0?.doubleValue } }.max() ?? 0
        let yMax = chart.isPercent ? 100.0 : niceCeiling(maxValue)
        let count = chart.xLabels.count
        func x(_ index: Int) -> Double {
            count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(count - 1)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value / yMax, 0), 1.05)) }
        func f(_ value: Double) -> String { String(Double(Int((value * 10).rounded())) / 10) }

        var svg = "<svg class=\"chart\" data-indicator=\"\(HTMLEscape.text(chart.id))\" data-points=\"\(chart.pointCount)\""
        svg += " viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" role=\"img\" aria-label=\"\(HTMLEscape.text(chart.title))\">"
        // Grid and y ticks.
        for step in 0...5 {
            let value = yMax * Double(step) / 5
            let yy = f(y(value))
            svg += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(yy)\" x2=\"\(f(width - right))\" y2=\"\(yy)\"/>"
            let label = OneDecimal(rounding: value)
            let labelText = label.tenths % 10 == 0 ? String(label.tenths / 10) : label.text(in: language)
            svg += "<text class=\"tick\" x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(labelText)</text>"
        }
        // Axes.
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotHeight))\"/>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotHeight))\"/>"
        svg += "<text class=\"unit\" x=\"12\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\""
        svg += " transform=\"rotate(-90 12 \(f(top + plotHeight / 2)))\">\(HTMLEscape.text(chart.unit))</text>"
        for index in chart.xLabels.indices {
            svg += "<text class=\"tick\" x=\"\(f(x(index)))\" y=\"\(f(top + plotHeight + 18))\" text-anchor=\"middle\">\(HTMLEscape.text(chart.shownLabel(index)))</text>"
        }
        // The schools' spread: one polygon per bandRun of years that have it.
        var bandRun: [(Int, OneDecimal, OneDecimal)] = []
        func flushBand() {
            if bandRun.count >= 2 {
                let upper = bandRun.map { "\(f(x($0.0))),\(f(y($0.2.doubleValue)))" }
                let lower = bandRun.reversed().map { "\(f(x($0.0))),\(f(y($0.1.doubleValue)))" }
                svg += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\"/>"
            }
            bandRun = []
        }
        for (index, spread) in chart.band.enumerated() {
            if let spread { bandRun.append((index, spread.low, spread.high)) } else { flushBand() }
        }
        flushBand()
        // Definition breaks: a dashed line halfway between the last year of the old definition and the first of the new.
        for index in chart.xLabels.indices where chart.isBreak(index) {
            let xx = f((x(index - 1) + x(index)) / 2)
            svg += "<line class=\"definition-break\" x1=\"\(xx)\" y1=\"\(f(top))\" x2=\"\(xx)\" y2=\"\(f(top + plotHeight))\""
            svg += " stroke=\"#6b7280\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\">"
            svg += "<title>\(HTMLEscape.text(chart.breakNotes.joined(separator: " ")))</title></line>"
        }
        // Lines, then points on top.
        for (index, series) in chart.series.enumerated() {
            let colour = colour(series, index: index)
            let strokeWidth = series.isCity ? "3" : "2"
            var run: [String] = []
            func flush() {
                if run.count >= 2 {
                    svg += "<polyline class=\"line\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(strokeWidth)\" points=\"\(run.joined(separator: " "))\"/>"
                }
                run = []
            }
            for (position, value) in series.values.enumerated() {
                if let value { run.append("\(f(x(position))),\(f(y(value.doubleValue)))") } else { flush() }
            }
            flush()
        }
        for (index, series) in chart.series.enumerated() {
            let colour = colour(series, index: index)
            for (position, value) in series.values.enumerated() {
                guard let value else { continue }
                let small = position < series.small.count && series.small[position]
                var tip = "\(series.name), \(chart.xLabels[position]): \(value.text(in: language)) \(chart.unit)"
                if small { tip += " — " + ReportCatalogue.text("caveat.small_denominator", in: language) }
                svg += "<circle class=\"point\(small ? " small" : "")\" cx=\"\(f(x(position)))\" cy=\"\(f(y(value.doubleValue)))\""
                svg += " r=\"\(series.isCity ? "4" : "3.5")\" fill=\"\(small ? "#ffffff" : colour)\" stroke=\"\(colour)\" stroke-width=\"2\">"
                svg += "<title>\(HTMLEscape.text(tip))</title></circle>"
            }
        }
        svg += "</svg>"

        var legend = "<ul class=\"legend\">"
        for (index, series) in chart.series.enumerated() {
            legend += "<li><span class=\"swatch\" style=\"background:\(colour(series, index: index))\"></span>\(HTMLEscape.text(series.name))</li>"
        }
        if let bandName = chart.bandName, chart.band.contains(where: { $0 != nil }) {
            legend += "<li><span class=\"swatch\" style=\"background:#bfdbfe;height:10px\"></span>\(HTMLEscape.text(bandName))</li>"
        }
        if chart.incomplete.contains(true) {
            legend += "<li class=\"caveat\">\(HTMLEscape.text(HeatTable.incompleteNote(language)))</li>"
        }
        for note in chart.breakNotes where chart.breaks.indices.contains(where: chart.isBreak) {
            legend += "<li class=\"caveat definition-break\">\(HTMLEscape.text(note))</li>"
        }
        if chart.series.contains(where: { $0.small.contains(true) }) {
            legend += "<li class=\"caveat\"><span class=\"swatch hollow\"></span>\(HTMLEscape.text(ReportCatalogue.text("caveat.small_denominator", in: language)))</li>"
        }
        legend += "</ul>"
        return "<figure class=\"chart-card\"><figcaption>\(HTMLEscape.text(chart.title)), \(HTMLEscape.text(chart.unit))</figcaption>"
            + svg + legend + "</figure>"
    }

    /// The smallest of 1, 2, 2.5, 5 × 10^k at or above `value` (10 for nothing).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 10 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }
}
