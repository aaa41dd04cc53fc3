/// The recommendations of one school, or of the city: at most one per indicator, strongest
/// first (`RecommendationRanking`); the first `shown` in full, the rest compactly.
public struct RecommendationSection: Sendable, Hashable {
    /// Nil for the city.
    public var schoolCode: String?
    public var name: String
    /// Ranked recommendations, strongest first.
    public var recommendations: [Recommendation]
    /// How many of `recommendations` are shown in full (`--top`).
    public var shown: Int

    public init(schoolCode: String?, name: String, recommendations: [Recommendation], shown: Int? = nil) {
        self.schoolCode = schoolCode
        self.name = name
        self.recommendations = recommendations
        self.shown = min(shown ?? recommendations.count, recommendations.count)
    }

    /// The recommendations shown in full.
    public var top: ArraySlice<Recommendation> { recommendations.prefix(shown) }

    /// The rest, listed compactly.
    public var rest: ArraySlice<Recommendation> { recommendations.dropFirst(shown) }

    /// The recommendations shown in full, grouped by theme: the theme of the strongest first,
    /// each theme's recommendations strongest first.
    public var topByTheme: [(theme: String, recommendations: [Recommendation])] {
        var groups: [(theme: String, recommendations: [Recommendation])] = []
        for recommendation in top {
            if let index = groups.firstIndex(where: { $0.theme == recommendation.theme }) {
                groups[index].recommendations.append(recommendation)
            } else {
                groups.append((recommendation.theme, [recommendation]))
            }
        }
        return groups
    }

    /// `101002 — МБОУ «СОШ № 2»`, or the city's name.
    public var heading: String {
        schoolCode.map { "\($0) — \(name)" } ?? name
    }
}

/// Targeted recommendations for a year: the city section first, then one per school.
public struct RecommendationReport: Sendable, Hashable {
    public var yearLabel: String
    public var sections: [RecommendationSection]
    public var indicators: [IndicatorMeta]
    /// The themes, in their order.
    public var themes: [RecommendationTheme]
    /// How many recommendations each section shows in full (0: all).
    public var top: Int

    public init(yearLabel: String, sections: [RecommendationSection], indicators: [IndicatorMeta],
                themes: [RecommendationTheme] = [], top: Int = 0) {
        self.yearLabel = yearLabel
        self.sections = sections
        self.indicators = indicators
        self.themes = themes
        self.top = top
    }

    func meta(_ id: String) -> IndicatorMeta? {
        indicators.first { $0.id == id }
    }

    func indicatorName(_ id: String, _ language: ReportLanguage) -> String {
        meta(id)?.name(in: language) ?? id
    }

    func isPercent(_ id: String) -> Bool {
        meta(id)?.isPercent ?? true
    }

    /// The name of a theme; the id when no theme row names it.
    public func themeName(_ id: String, _ language: ReportLanguage) -> String {
        (themes.first { $0.id == id } ?? (id == RecommendationTheme.otherID ? RecommendationTheme.other : nil))?
            .name(in: language) ?? id
    }

    var ranking: RecommendationRanking { RecommendationRanking(indicators: indicators) }

    /// `Адресные рекомендации, 2023-2024`.
    public func title(in language: ReportLanguage) -> String {
        ReportCatalogue.text("title.recommend", in: language) + ", " + yearLabel
    }

    /// What the report shows and how it is ordered: one paragraph under the title.
    public func introduction(in language: ReportLanguage) -> String {
        let total = sections.reduce(0) { $0 + $1.recommendations.count }
        let shown = sections.reduce(0) { $0 + $1.shown }
        let weight = OneDecimal(rounding: RecommendationRanking.peopleWeight).compactText(in: language)
        switch language {
        case .ru:
            var text = "Для города и каждой ОО — не больше одной рекомендации на показатель, сначала самые весомые. "
                + "Вес — насколько значение за порогом правила и хуже, чем по городу (в п. п.; при знаменателе меньше 10 — с понижающим множителем), "
                + "плюс \(weight)·lg(1 + число педагогов, которых рекомендация касается). "
            text += top > 0
                ? "Полностью, по темам, показаны первые \(top) в каждом разделе (--top), остальные перечислены кратко. "
                : "Показаны все, по темам. "
            text += "Всего \(RussianPlural.recommendation.counted(total)), полностью — \(shown)."
            return text
        case .en:
            var text = "For the city and each school: at most one recommendation per indicator, strongest first. "
                + "The weight is how far the value is past the rule's threshold and worse than the city (in pp; scaled down under a denominator of 10), "
                + "plus \(weight)·lg(1 + the teachers it concerns). "
            text += top > 0
                ? "The first \(top) of each section are shown in full, by theme (--top); the rest are listed briefly. "
                : "All are shown, by theme. "
            text += "\(EnglishPlural.counted(total, "recommendation")) in all, \(shown) in full."
            return text
        }
    }

    /// A value with its unit: `83,5 %`, `12,5 ч`, `83.5%`, `12.5 h`.
    func valueText(_ value: OneDecimal?, indicator: String, language: ReportLanguage) -> String {
        guard let value else { return "—" }
        return value.text(in: language) + unit(indicator, language)
    }

    func unit(_ indicator: String, _ language: ReportLanguage) -> String {
        isPercent(indicator) ? (language == .ru ? " %" : "%") : (language == .ru ? " ч" : " h")
    }

    /// The unit of a change: `п. п.` for percent indicators, `ч` for hours.
    func pointsUnit(_ indicator: String, _ language: ReportLanguage) -> String {
        isPercent(indicator) ? ReportCatalogue.text("unit.pp", in: language) : ReportCatalogue.text("unit.hours", in: language)
    }

    /// One line of evidence: the value with numerator and denominator, the city value (for a
    /// school) and the change since the previous year; a caveat when the denominator is small.
    public func evidenceLine(_ evidence: Evidence, isSchool: Bool = true, language: ReportLanguage) -> String {
        let of = language == .ru ? "из" : "of"
        let points = pointsUnit(evidence.indicator, language)
        var parts = [
            "\(indicatorName(evidence.indicator, language)): \(valueText(evidence.value, indicator: evidence.indicator, language: language))"
                + " (\(evidence.numerator) \(of) \(evidence.denominator))",
        ]
        if isSchool {
            parts.append((language == .ru ? "город: " : "city: ") + valueText(evidence.cityValue, indicator: evidence.indicator, language: language))
        }
        parts.append((language == .ru ? "за год: " : "since last year: ")
            + (evidence.change.map { $0.text(in: language, signed: true) + " " + points } ?? "—"))
        if evidence.isSmall {
            parts.append(ReportCatalogue.text("caveat.small_denominator", in: language))
        }
        return parts.joined(separator: "; ")
    }

    /// The evidence of a recommendation, one line per indicator involved.
    public func evidenceLines(_ recommendation: Recommendation, language: ReportLanguage) -> [String] {
        recommendation.allEvidence.map { evidenceLine($0, isSchool: recommendation.schoolCode != nil, language: language) }
    }

    /// Why the recommendation is there and where it ranks: each held condition with its
    /// figures, the distance from the city, how many people it concerns and its weight.
    public func whyLine(_ recommendation: Recommendation, language: ReportLanguage) -> String {
        let ru = language == .ru
        let key = recommendation.keyEvidence
        let several = Set(recommendation.held.map(\.indicator)).count > 1 || recommendation.allEvidence.count > 1
        var parts: [String] = []
        var seen = Set<String>()
        // The key indicator's conditions first, then the others'; each indicator named once.
        let indicatorOrder = [key.indicator] + recommendation.held.map(\.indicator).filter { $0 != key.indicator }
        let ordered = recommendation.held.sorted {
            (indicatorOrder.firstIndex(of: $0.indicator) ?? 0, Self.measureOrder($0.measure))
                < (indicatorOrder.firstIndex(of: $1.indicator) ?? 0, Self.measureOrder($1.measure))
        }
        var named = Set<String>()
        for condition in ordered where seen.insert("\(condition.indicator)/\(condition.measure.rawValue)").inserted {
            let points = pointsUnit(condition.indicator, language)
            let name = several && named.insert(condition.indicator).inserted
                ? (ru ? "«\(indicatorName(condition.indicator, language))» " : "\"\(indicatorName(condition.indicator, language))\" ") : ""
            let evidence = recommendation.allEvidence.first { $0.indicator == condition.indicator }
            switch condition.measure {
            case .value:
                let below = condition.comparison == .less || condition.comparison == .lessOrEqual
                let threshold = condition.threshold.compactText(in: language) + unit(condition.indicator, language)
                let by = condition.beyondThreshold.text(in: language) + " " + points
                parts.append(ru
                    ? name + (below ? "ниже" : "выше") + " ориентира \(threshold) на \(by)"
                    : name + "\(by) \(below ? "below" : "above") the \(threshold) benchmark")
            case .worsening:
                let change = evidence.map { " (\(valueText($0.previousValue, indicator: condition.indicator, language: language)) → \(valueText($0.value, indicator: condition.indicator, language: language)))" } ?? ""
                let amount = OneDecimal(tenths: abs(condition.measured.tenths)).text(in: language) + " " + points
                if condition.measured.tenths == 0 {
                    parts.append(ru ? name + "за год без изменений" : name + "no change in a year")
                } else {
                    let worse = condition.measured.tenths > 0
                    parts.append(ru
                        ? name + "за год \(worse ? "хуже" : "лучше") на \(amount)\(change)"
                        : name + "\(amount) \(worse ? "worse" : "better") than a year before\(change)")
                }
            case .gapToCity:
                seen.insert("\(condition.indicator)/gap")
                let city = evidence.map { valueText($0.cityValue, indicator: condition.indicator, language: language) } ?? "—"
                parts.append(Self.gapText(condition.measured, points: points, city: city, name: name, language: language))
            }
        }
        if let gap = ranking.gapToCity(recommendation), !seen.contains("\(key.indicator)/gap") {
            let city = valueText(key.cityValue, indicator: key.indicator, language: language)
            parts.append(Self.gapText(gap, points: pointsUnit(key.indicator, language), city: city, name: "", language: language))
        }
        if let people = ranking.concerned(recommendation), people > 0, let counts = meta(key.indicator)?.counts {
            if ru, let noun = counts.russianGenitive {
                parts.append("касается \(noun.counted(people))")
            } else if !ru, let singular = counts.englishSingular {
                parts.append("concerns \(EnglishPlural.counted(people, singular))")
            }
        }
        parts.append((ru ? "вес " : "weight ") + recommendation.weight.formatted(language))
        return parts.joined(separator: "; ")
    }

    static func measureOrder(_ measure: RuleMeasure) -> Int {
        switch measure {
        case .value: 0
        case .worsening: 1
        case .gapToCity: 2
        }
    }

    static func gapText(_ gap: OneDecimal, points: String, city: String, name: String, language: ReportLanguage) -> String {
        let ru = language == .ru
        if gap.tenths > 0 {
            let amount = gap.text(in: language) + " " + points
            return ru ? name + "хуже, чем по городу (\(city)), на \(amount)" : name + "\(amount) worse than the city (\(city))"
        }
        return ru ? name + "не хуже, чем по городу (\(city))" : name + "no worse than the city (\(city))"
    }

    /// One line of a recommendation listed briefly: what to do (the text up to its first
    /// colon), the key indicator's figures and the rule.
    public func briefLine(_ recommendation: Recommendation, language: ReportLanguage) -> String {
        let text = recommendation.text(in: language)
        let action = text.range(of: ": ").map { String(text[..<$0.lowerBound]) } ?? text
        let key = recommendation.keyEvidence
        let of = language == .ru ? "из" : "of"
        let name = indicatorName(key.indicator, language)
        let quoted = action.contains(name) ? "" : (language == .ru ? "«\(name)»: " : "\"\(name)\": ")
        return "\(action) — \(quoted)\(valueText(key.value, indicator: key.indicator, language: language))"
            + " (\(key.numerator) \(of) \(key.denominator)); " + (language == .ru ? "вес " : "weight ")
            + recommendation.weight.formatted(language)
    }

    /// `Ещё 3 рекомендации:` / `3 more recommendations:`.
    public func restHeading(_ count: Int, language: ReportLanguage) -> String {
        language == .ru
            ? "Ещё \(RussianPlural.recommendation.counted(count)), кратко:"
            : "\(EnglishPlural.counted(count, "more recommendation", "more recommendations")), briefly:"
    }

    /// The rule ids behind a recommendation: its own, then the folded ones (`R04, R11`).
    public func ruleIDs(_ recommendation: Recommendation) -> String {
        ([recommendation.ruleID] + recommendation.foldedRuleIDs).joined(separator: ", ")
    }
}

extension Double {
    /// One decimal, with the language's separator: `22,5`, `22.5`.
    func formatted(_ language: ReportLanguage) -> String {
        OneDecimal(rounding: self).text(in: language)
    }
}

/// Writers of a recommendation report: markdown, JSON and a flat result table.
public enum RecommendationRenderer {
    /// `# title`, the introduction, then per section `## section`, `### theme` with a numbered
    /// list (each recommendation, its evidence and why it is there), then the rest briefly.
    /// `width`: wrap long lines to this many columns (a terminal); nil leaves them whole.
    /// `header`: the document's header block, as a list under the title (for a file).
    public static func markdown(_ report: RecommendationReport, language: ReportLanguage, width: Int? = nil,
                                header: DocumentHeader? = nil) -> String {
        var lines: [(text: String, indent: String)] = []
        func add(_ text: String, indent: String = "") { lines.append((text, indent)) }
        add("# " + MarkdownRenderer.escape(report.title(in: language)))
        add("")
        if let header {
            for line in header.lines(language) { add("- **\(MarkdownRenderer.escape(line.label))**: \(MarkdownRenderer.escape(line.value))") }
            add("")
        }
        add(MarkdownRenderer.escape(report.introduction(in: language)))
        for section in report.sections {
            add("")
            add("## " + MarkdownRenderer.escape(section.heading))
            add("")
            if section.recommendations.isEmpty {
                add(language == .ru ? "Правила не сработали: показатели в пределах ориентиров." :
                    "No rule fired: the indicators are within their benchmarks.")
                continue
            }
            var number = 0
            for (index, group) in section.topByTheme.enumerated() {
                if index > 0 { add("") }
                add("### " + MarkdownRenderer.escape(report.themeName(group.theme, language)))
                add("")
                for recommendation in group.recommendations {
                    number += 1
                    let marker = "\(number). "
                    let indent = String(repeating: " ", count: marker.count)
                    add(marker + MarkdownRenderer.escape(recommendation.text(in: language))
                        + " *(\(report.ruleIDs(recommendation)))*", indent: indent)
                    for line in report.evidenceLines(recommendation, language: language) {
                        add(indent + "- " + (language == .ru ? "Обоснование: " : "Evidence: ") + MarkdownRenderer.escape(line),
                            indent: indent + "  ")
                    }
                    add(indent + "- " + (language == .ru ? "Почему: " : "Why: ")
                        + MarkdownRenderer.escape(report.whyLine(recommendation, language: language)), indent: indent + "  ")
                }
            }
            if !section.rest.isEmpty {
                add("")
                add(report.restHeading(section.rest.count, language: language))
                add("")
                for recommendation in section.rest {
                    add("- " + MarkdownRenderer.escape(report.briefLine(recommendation, language: language))
                        + " *(\(report.ruleIDs(recommendation)))*", indent: "  ")
                }
            }
        }
        var out = ""
        for (text, indent) in lines {
            let wrapped = width.map { TextWrap.lines(text, width: $0, continuation: indent) } ?? [text]
            for line in wrapped { out += line + "\n" }
        }
        return out
    }

    /// A JSON array: one object per recommendation with its rank, theme, weight, rule ids,
    /// school, key indicator, figures and the text and "why" in `language` (numbers as
    /// numbers, null where there is no value). `in_top` says whether it is shown in full.
    public static func json(_ report: RecommendationReport, language: ReportLanguage) -> String {
        func number(_ value: OneDecimal?) -> String { value?.description ?? "null" }
        func figures(_ evidence: Evidence) -> String {
            "{\"indicator\":\(JSONRenderer.quoted(evidence.indicator)),\"value\":\(number(evidence.value)),"
                + "\"numerator\":\(evidence.numerator),\"denominator\":\(evidence.denominator),"
                + "\"city_value\":\(number(evidence.cityValue)),\"previous_value\":\(number(evidence.previousValue)),"
                + "\"change\":\(number(evidence.change)),\"small_denominator\":\(evidence.isSmall)}"
        }
        var objects: [String] = []
        for section in report.sections {
            for (index, recommendation) in section.recommendations.enumerated() {
                var object = "{\"academic_year\":\(JSONRenderer.quoted(report.yearLabel))"
                object += ",\"school_code\":" + (recommendation.schoolCode.map(JSONRenderer.quoted) ?? "null")
                object += ",\"school_name\":\(JSONRenderer.quoted(section.name))"
                object += ",\"rank\":\(index + 1),\"in_top\":\(index < section.shown)"
                object += ",\"weight\":\(OneDecimal(rounding: recommendation.weight).description)"
                object += ",\"theme\":\(JSONRenderer.quoted(recommendation.theme))"
                object += ",\"rule_id\":\(JSONRenderer.quoted(recommendation.ruleID))"
                object += ",\"folded_rule_ids\":[" + recommendation.foldedRuleIDs.map(JSONRenderer.quoted).joined(separator: ",") + "]"
                object += ",\"priority\":\(recommendation.priority)"
                object += ",\"indicator\":\(JSONRenderer.quoted(recommendation.keyIndicator))"
                object += ",\"figures\":[" + recommendation.allEvidence.map(figures).joined(separator: ",") + "]"
                object += ",\"text\":\(JSONRenderer.quoted(recommendation.text(in: language)))"
                object += ",\"why\":\(JSONRenderer.quoted(report.whyLine(recommendation, language: language)))}"
                objects.append(object)
            }
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    /// One row per recommendation (section, rank, whether shown in full, theme, rule,
    /// indicator, text, why, evidence), for the table, CSV and markdown renderers. With
    /// `names` (people read it) the theme and the indicator are names; else ids.
    public static func table(_ report: RecommendationReport, language: ReportLanguage, names: Bool = true) -> ResultTable {
        var rows: [[String?]] = []
        for section in report.sections {
            for (index, recommendation) in section.recommendations.enumerated() {
                rows.append([
                    section.schoolCode, section.name, String(index + 1), index < section.shown ? "t" : "f",
                    names ? report.themeName(recommendation.theme, language) : recommendation.theme,
                    report.ruleIDs(recommendation),
                    names ? report.indicatorName(recommendation.keyIndicator, language) : recommendation.keyIndicator,
                    recommendation.text(in: language),
                    report.whyLine(recommendation, language: language),
                    report.evidenceLines(recommendation, language: language).joined(separator: " | "),
                ])
            }
        }
        return ResultTable(
            title: report.title(in: language),
            columns: [
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "rank", type: .integer, caption: ReportCatalogue.text("rank", in: language)),
                ResultColumn(name: "in_top", type: .boolean, caption: ReportCatalogue.text("in_top", in: language)),
                ResultColumn(name: "theme", caption: ReportCatalogue.text("theme", in: language)),
                ResultColumn(name: "rule", caption: ReportCatalogue.text("rule", in: language)),
                ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language)),
                ResultColumn(name: "recommendation", caption: ReportCatalogue.text("recommendation", in: language)),
                ResultColumn(name: "why", caption: ReportCatalogue.text("why", in: language)),
                ResultColumn(name: "evidence", caption: ReportCatalogue.text("evidence", in: language)),
            ],
            rows: rows,
            notes: rows.isEmpty ? [] : [report.introduction(in: language)])
    }
}
