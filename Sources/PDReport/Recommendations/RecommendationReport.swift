/// The recommendations of one school, or of the city.
public struct RecommendationSection: Sendable, Hashable {
    /// Nil for the city.
    public var schoolCode: String?
    public var name: String
    /// Fired rules, by priority.
    public var recommendations: [Recommendation]

    public init(schoolCode: String?, name: String, recommendations: [Recommendation]) {
        self.schoolCode = schoolCode
        self.name = name
        self.recommendations = recommendations
    }
}

/// Targeted recommendations for a year: the city section first, then one per school.
public struct RecommendationReport: Sendable, Hashable {
    public var yearLabel: String
    public var sections: [RecommendationSection]
    public var indicators: [IndicatorMeta]

    public init(yearLabel: String, sections: [RecommendationSection], indicators: [IndicatorMeta]) {
        self.yearLabel = yearLabel
        self.sections = sections
        self.indicators = indicators
    }

    func indicatorName(_ id: String, _ language: ReportLanguage) -> String {
        indicators.first { $0.id == id }?.name(in: language) ?? id
    }

    func isPercent(_ id: String) -> Bool {
        indicators.first { $0.id == id }?.isPercent ?? true
    }

    /// `Адресные рекомендации, 2023-2024`.
    public func title(in language: ReportLanguage) -> String {
        ReportCatalogue.text("title.recommend", in: language) + ", " + yearLabel
    }

    /// One line of evidence: the value with numerator and denominator, the city value and
    /// the change since the previous year; a caveat when the denominator is under 10.
    public func evidenceLine(_ evidence: Evidence, language: ReportLanguage) -> String {
        let unit = isPercent(evidence.indicator) ? (language == .ru ? " %" : "%") : (language == .ru ? " ч" : " h")
        let points = isPercent(evidence.indicator) ? (language == .ru ? " п. п." : " pp") : unit
        let value = evidence.value.map { $0.text(in: language) + unit } ?? "—"
        let of = language == .ru ? "из" : "of"
        var parts = [
            "\(indicatorName(evidence.indicator, language)): \(value) (\(evidence.numerator) \(of) \(evidence.denominator))",
            (language == .ru ? "город: " : "city: ") + (evidence.cityValue.map { $0.text(in: language) + unit } ?? "—"),
            (language == .ru ? "за год: " : "since last year: ")
                + (evidence.change.map { $0.text(in: language, signed: true) + points } ?? "—"),
        ]
        if evidence.isSmall {
            parts.append(ReportCatalogue.text("caveat.small_denominator", in: language))
        }
        return parts.joined(separator: "; ")
    }

    /// The evidence of a recommendation, one line per indicator involved.
    public func evidenceLines(_ recommendation: Recommendation, language: ReportLanguage) -> [String] {
        recommendation.allEvidence.map { evidenceLine($0, language: language) }
    }
}

/// Writers of a recommendation report: markdown, JSON and a flat result table.
public enum RecommendationRenderer {
    /// `# title`, then `## section` with a numbered list: each recommendation, then its
    /// evidence as an indented line.
    public static func markdown(_ report: RecommendationReport, language: ReportLanguage) -> String {
        var out = "# " + MarkdownRenderer.escape(report.title(in: language)) + "\n"
        for section in report.sections {
            let heading = section.schoolCode.map { "\($0) — \(section.name)" } ?? section.name
            out += "\n## " + MarkdownRenderer.escape(heading) + "\n\n"
            if section.recommendations.isEmpty {
                out += (language == .ru ? "Правила не сработали: показатели в пределах ориентиров." :
                    "No rule fired: the indicators are within their benchmarks.") + "\n"
                continue
            }
            for (index, recommendation) in section.recommendations.enumerated() {
                out += "\(index + 1). " + MarkdownRenderer.escape(recommendation.text(in: language))
                    + " *(\(recommendation.ruleID))*\n"
                for line in report.evidenceLines(recommendation, language: language) {
                    out += "   - " + (language == .ru ? "Обоснование: " : "Evidence: ") + MarkdownRenderer.escape(line) + "\n"
                }
            }
        }
        return out
    }

    /// A JSON array: one object per recommendation with rule id, school, indicator, figures
    /// and the text in `language` (numbers as numbers, null where there is no value).
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
            for recommendation in section.recommendations {
                var object = "{\"academic_year\":\(JSONRenderer.quoted(report.yearLabel))"
                object += ",\"rule_id\":\(JSONRenderer.quoted(recommendation.ruleID))"
                object += ",\"priority\":\(recommendation.priority)"
                object += ",\"school_code\":" + (recommendation.schoolCode.map(JSONRenderer.quoted) ?? "null")
                object += ",\"school_name\":\(JSONRenderer.quoted(section.name))"
                object += ",\"indicator\":\(JSONRenderer.quoted(recommendation.indicator))"
                object += ",\"figures\":[" + recommendation.allEvidence.map(figures).joined(separator: ",") + "]"
                object += ",\"text\":\(JSONRenderer.quoted(recommendation.text(in: language)))}"
                objects.append(object)
            }
        }
        return "[" + objects.joined(separator: ",\n ") + "]\n"
    }

    /// One row per recommendation (section, priority, rule, text, evidence), for the table,
    /// CSV and markdown renderers.
    public static func table(_ report: RecommendationReport, language: ReportLanguage) -> ResultTable {
        var rows: [[String?]] = []
        for section in report.sections {
            for recommendation in section.recommendations {
                rows.append([
                    section.schoolCode, section.name, String(recommendation.priority), recommendation.ruleID,
                    recommendation.indicator, recommendation.text(in: language),
                    report.evidenceLines(recommendation, language: language).joined(separator: " | "),
                ])
            }
        }
        return ResultTable(
            title: report.title(in: language),
            columns: [
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "priority", type: .integer, caption: ReportCatalogue.text("priority", in: language)),
                ResultColumn(name: "rule", caption: ReportCatalogue.text("rule", in: language)),
                ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language)),
                ResultColumn(name: "recommendation", caption: ReportCatalogue.text("recommendation", in: language)),
                ResultColumn(name: "evidence", caption: ReportCatalogue.text("evidence", in: language)),
            ],
            rows: rows)
    }
}
