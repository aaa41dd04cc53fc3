import PDContract

/// A change of an indicator's definition from an academic year on (issue 13 §5): the version
/// `sql/indicators/<id>@<yyyy-yyyy>.sql` that the mart refresh used for that year and the later
/// ones, as `mart.indicator_version` lists it.
public struct DefinitionBreak: Sendable, Equatable {
    /// The first academic year of the new definition, e.g. `2025-2026`.
    public var fromYear: String
    /// Why the definition changed (the order), in Russian and English; nil when not given.
    public var reasonRU: String?
    public var reasonEN: String?

    public init(fromYear: String, reasonRU: String?, reasonEN: String?) {
        self.fromYear = fromYear
        self.reasonRU = reasonRU
        self.reasonEN = reasonEN
    }
}

extension ReportPresentation {
    /// The mark of a year column whose values follow a changed definition.
    public static let definitionBreakMark = "‡"

    /// Marks the breaks of a pivoted trend (`trend(_:indicator:firstYear:)`) where the
    /// indicator's definition changed between two of its year columns: the first year of the
    /// new definition gets `‡` in its caption, a note gives the year and the reason, and the
    /// column `definition_break` (CSV and JSON: a field of every row) names the year(s) from
    /// which the definition differs. A break before the first or after the last year shown is
    /// not one the table crosses: the table is returned unchanged.
    public func markingDefinitionBreaks(_ trend: ResultTable, breaks: [DefinitionBreak]) -> ResultTable {
        let years = trend.columns.indices.compactMap { index -> (index: Int, start: Int)? in
            let name = trend.columns[index].name
            guard let year = AcademicYear.parse(name), year.label == name else { return nil }
            return (index, year.start)
        }
        var table = trend
        var crossed: [String] = []
        for item in breaks {
            guard let year = AcademicYear.parse(item.fromYear),
                  let column = years.first(where: { $0.start == year.start }),
                  years.contains(where: { $0.start < year.start }) else { continue }
            table.columns[column.index].caption = (table.columns[column.index].caption ?? table.columns[column.index].name)
                + " " + Self.definitionBreakMark
            crossed.append(year.label)
            let reason = (language == .ru ? item.reasonRU : item.reasonEN) ?? item.reasonRU ?? item.reasonEN
            let because = reason.map { ": \($0)" } ?? ""
            table.notes.append(language == .ru
                ? "\(Self.definitionBreakMark) С \(year.label) определение показателя изменилось\(because). Значения до и после разрыва рассчитаны по разным правилам."
                : "\(Self.definitionBreakMark) The definition changed from \(year.label)\(because). Values before and after the break follow different rules.")
        }
        guard !crossed.isEmpty else { return trend }
        table.columns.append(ResultColumn(name: "definition_break",
                                          caption: language == .ru ? "Разрыв определения" : "Definition break"))
        let value = crossed.joined(separator: ", ")
        table.rows = table.rows.map { row in
            var padded = row
            while padded.count < trend.columns.count { padded.append(nil) }
            return padded + [value]
        }
        return table
    }
}
