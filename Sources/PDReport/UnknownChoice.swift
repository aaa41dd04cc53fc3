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
    /// The login, when it reads no school at all (granted none by `pdmon access grant`): the
    /// choices are empty because of access, and the message says that instead of "no data".
    public var loginWithoutAccess: String?

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

    /// The Russian or the English of one phrase: each message is written once, both languages side by side.
    private func say(_ ru: String, _ en: String) -> String { language == .ru ? ru : en }

    public var description: String {
        let (some, close) = closest
        let all = isComplete && some.count == choices.count
        let named: String
        let hint: String
        let intro: String
        switch kind {
        case .year:
            named = say("Нет данных за учебный год «\(value)» (\(option)).",
                        "No data for academic year \"\(value)\" (\(option)).")
            hint = say("загрузите выгрузки этого года", "load that year's exports")
            intro = all ? say("Данные есть за: ", "Data exists for: ")
                : say("Ближайшие годы с данными: ", "The nearest years with data: ")
        case .school:
            named = say("ОО с кодом «\(value)» нет в данных" + (year.map { " за \($0)" } ?? "") + " (\(option)).",
                        "No school with code \"\(value)\" in the data" + (year.map { " for \($0)" } ?? "") + " (\(option)).")
            hint = say("коды ОО — в pdmon report indicators --year ГОД", "school codes: pdmon report indicators --year YEAR")
            intro = all ? say("Есть ОО: ", "Schools: ")
                : close ? say("Ближайшие коды: ", "The nearest codes: ") : say("Например: ", "For example: ")
        case .indicator:
            named = say("Показателя «\(value)» нет в каталоге (\(option)).",
                        "No indicator \"\(value)\" in the catalogue (\(option)).")
            hint = say("все показатели — pdmon report list", "every indicator: pdmon report list")
            intro = all ? say("Есть показатели: ", "Indicators: ")
                : close ? say("Возможно, имелся в виду: ", "Did you mean: ") : say("Например: ", "For example: ")
        case .batch:
            named = say("Пакета загрузки \(value) нет (\(option)).", "No load batch \(value) (\(option)).")
            hint = say("все пакеты — pdmon etl history", "every batch: pdmon etl history")
            intro = all ? say("Есть пакеты: ", "Batches: ") : say("Ближайшие пакеты: ", "The nearest batches: ")
        }
        if choices.isEmpty, let login = loginWithoutAccess {
            return named + say(
                " Логину «\(login)» не выдан доступ ни к одной ОО, поэтому витрины для него пусты: владелец хранилища"
                    + " выдаёт доступ командой pdmon access grant \(login) --school КОД (или --all-schools).",
                " The login \"\(login)\" has been granted no school, so the mart is empty for it: the warehouse's owner"
                    + " grants access with pdmon access grant \(login) --school CODE (or --all-schools).")
        }
        if choices.isEmpty {
            return named + (kind == .year || kind == .school
                ? say(" В хранилище ещё нет данных: загрузите выгрузки (pdmon etl run) и выполните pdmon db refresh.",
                      " The warehouse has no data yet: load the exports (pdmon etl run) and run pdmon db refresh.")
                : say(" Список пуст; ", " There is none; ") + hint + ".")
        }
        return named + " " + intro + list(some) + (all ? "." : "; " + hint + ".")
    }
}
