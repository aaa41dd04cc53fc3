/// Differences of indicator values and the mark that says whether a change is good news,
/// knowing whether higher or lower is better.
public enum ChangeMark {
    /// `target - base` for two values with at most one decimal (as the mart stores them),
    /// written with one decimal (`2.5`, `-10.0`, `0.0`); nil when either is missing or not
    /// a number.
    public static func difference(_ target: String?, _ base: String?) -> String? {
        guard let target = target.flatMap(tenths), let base = base.flatMap(tenths) else { return nil }
        return format(tenths: target - base)
    }

    /// `▲ лучше`, `▼ хуже`, `= без изменений` (or in English) for a change; the arrow is the
    /// direction of the value, the word whether that is an improvement. Nil without a change.
    public static func mark(change: String?, direction: IndicatorInfo.Direction, language: ReportLanguage) -> String? {
        guard let change, let delta = tenths(change) else { return nil }
        if delta == 0 { return language == .ru ? "= без изменений" : "= no change" }
        let better = (delta > 0) == (direction == .higher)
        let arrow = delta > 0 ? "▲" : "▼"
        let word = better ? (language == .ru ? "лучше" : "better") : (language == .ru ? "хуже" : "worse")
        return arrow + " " + word
    }

    /// A decimal with at most one fractional digit as a whole number of tenths.
    static func tenths(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if body.first == "-" { sign = -1; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.allSatisfy(\.isNumber), digits.dropFirst().allSatisfy({ $0 == "0" }),
                  let first = digits.first?.wholeNumberValue else { return nil }
            fraction = first
        }
        return sign * (whole * 10 + fraction)
    }

    static func format(tenths value: Int) -> String {
        let magnitude = abs(value)
        return (value < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
