/// A value a command was given that the data does not have — an academic year without data, a
/// school, an indicator or a load batch that does not exist — with the valid or nearest
/// choices. The message is in the user's language (`--lang`); the command exits 2.
public struct UnknownChoice: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case year, school, indicator, batch
    }

    /// One valid value and what it is (a school's name, an indicator's name, a batch's file).
    public struct Choice: Equatable, Sendable {
        public var value: String
        public var label: String?

        public init(_ value: String, label: String? = nil) {
            self.value = value
            self.label = label
        }
    }

    public var kind: Kind
    /// The value as given.
    public var value: String
    /// The option it was given with (`--year`, `--param indicator=`).
    public var option: String
    /// Every valid value, in their natural order.
    public var choices: [Choice]
    /// The year a school was looked for in, when it matters.
    public var year: String?
    /// False when `choices` are only the nearest ones (the batches around a number).
    public var isComplete: Bool
    public var language: ReportLanguage

    public init(_ kind: Kind, value: String, option: String, choices: [Choice], year: String? = nil,
                isComplete: Bool = true, language: ReportLanguage) {
        self.kind = kind
        self.isComplete = isComplete
        self.value = value
        self.option = option
        self.choices = choices
        self.year = year
        self.language = language
    }

    /// At most this many nearest choices are named when there are more.
    public static let shown = 5

    /// The choices nearest to the value: all of them when few, else the closest by edit
    /// distance (a shared prefix counts as close), in their natural order.
    public var nearest: [Choice] { closest.choices }

    /// The choices to name, and whether they are close to the value (else only examples).
    var closest: (choices: [Choice], close: Bool) {
        guard isComplete, choices.count > Self.shown + 2 else { return (choices, true) }
        let wanted = value.lowercased()
        let scored = choices.enumerated().map { index, choice -> (Int, Int, Choice) in
            let candidate = choice.value.lowercased()
            var distance = Self.editDistance(wanted, candidate)
            if !wanted.isEmpty, candidate.hasPrefix(wanted) || wanted.hasPrefix(candidate) { distance = min(distance, 1) }
            if let label = choice.label?.lowercased(), !wanted.isEmpty, label.contains(wanted) { distance = min(distance, 1) }
            return (distance, index, choice)
        }
        // Close ones when there are any (a third of the letters wrong at most), else the nearest.
        let close = scored.filter { $0.0 <= max(2, wanted.count / 3) }
        let named = (close.isEmpty ? scored : close).sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(Self.shown)
            .sorted { $0.1 < $1.1 }.map(\.2)
        return (named, !close.isEmpty)
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    func list(_ choices: [Choice]) -> String {
        let labelled = choices.contains { $0.label != nil }
        return choices.map { choice in choice.label.map { "\(choice.value) — \($0)" } ?? choice.value }
            .joined(separator: labelled ? "; " : ", ")
    }

    public var description: String {
        let (some, close) = closest
        let all = isComplete && some.count == choices.count
        switch language {
        case .ru:
            let named: String
            let hint: String
            switch kind {
            case .year:
                named = "Нет данных за учебный год «\(value)» (\(option))."
                hint = "загрузите выгрузки этого года"
            case .school:
                named = "ОО с кодом «\(value)» нет в данных" + (year.map { " за \($0)" } ?? "") + " (\(option))."
                hint = "коды ОО — в pdmon report indicators --year ГОД"
            case .indicator:
                named = "Показателя «\(value)» нет в каталоге (\(option))."
                hint = "все показатели — pdmon report list"
            case .batch:
                named = "Пакета загрузки \(value) нет (\(option))."
                hint = "все пакеты — pdmon etl history"
            }
            if choices.isEmpty {
                return named + (kind == .year || kind == .school
                    ? " В хранилище ещё нет данных: загрузите выгрузки (pdmon etl run) и выполните pdmon db refresh."
                    : " Список пуст; " + hint + ".")
            }
            let intro: String
            switch kind {
            case .year: intro = all ? "Данные есть за: " : "Ближайшие годы с данными: "
            case .school: intro = all ? "Есть ОО: " : close ? "Ближайшие коды: " : "Например: "
            case .indicator: intro = all ? "Есть показатели: " : close ? "Возможно, имелся в виду: " : "Например: "
            case .batch: intro = all ? "Есть пакеты: " : "Ближайшие пакеты: "
            }
            return named + " " + intro + list(some) + (all ? "." : "; " + hint + ".")
        case .en:
            let named: String
            let hint: String
            switch kind {
            case .year:
                named = "No data for academic year \"\(value)\" (\(option))."
                hint = "load that year's exports"
            case .school:
                named = "No school with code \"\(value)\" in the data" + (year.map { " for \($0)" } ?? "") + " (\(option))."
                hint = "school codes: pdmon report indicators --year YEAR"
            case .indicator:
                named = "No indicator \"\(value)\" in the catalogue (\(option))."
                hint = "every indicator: pdmon report list"
            case .batch:
                named = "No load batch \(value) (\(option))."
                hint = "every batch: pdmon etl history"
            }
            if choices.isEmpty {
                return named + (kind == .year || kind == .school
                    ? " The warehouse has no data yet: load the exports (pdmon etl run) and run pdmon db refresh."
                    : " There is none; " + hint + ".")
            }
            let intro: String
            switch kind {
            case .year: intro = all ? "Data exists for: " : "The nearest years with data: "
            case .school: intro = all ? "Schools: " : close ? "The nearest codes: " : "For example: "
            case .indicator: intro = all ? "Indicators: " : close ? "Did you mean: " : "For example: "
            case .batch: intro = all ? "Batches: " : "The nearest batches: "
            }
            return named + " " + intro + list(some) + (all ? "." : "; " + hint + ".")
        }
    }
}
