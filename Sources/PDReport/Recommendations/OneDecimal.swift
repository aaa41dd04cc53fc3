/// A number with one decimal (as the mart stores indicator values), kept as a whole number
/// of tenths so that comparisons and differences are exact: 59.9 − 49.9 is exactly 10.0,
/// which a `Double` would make 9.999….
public struct OneDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value × 10.
    public var tenths: Int

    public init(tenths: Int) {
        self.tenths = tenths
    }

    /// A whole number.
    public init(_ whole: Int) {
        self.tenths = whole * 10
    }

    /// Parses `45`, `45.5`, `-3.0`, `12,5`, `+7`; more decimals are rounded half away from
    /// zero to one. Nil for anything else (empty text included).
    public init?(_ text: String) {
        var body = Substring(text.trimmingWhitespace())
        var sign = 1
        if body.first == "-" || body.first == "−" { sign = -1; body = body.dropFirst() }
        else if body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false) }
        guard !parts.isEmpty, parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCIIDigit),
              let whole = Int(parts[0]) else { return nil }
        var tenths = whole * 10
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return nil }
            let chars = Array(digits)
            tenths += chars[0].wholeNumberValue ?? 0
            if chars.count > 1, (chars[1].wholeNumberValue ?? 0) >= 5 { tenths += 1 }
        }
        self.tenths = sign * tenths
    }

    /// A double rounded half away from zero to one decimal.
    public init(rounding value: Double) {
        self.tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
    }

    public var doubleValue: Double { Double(tenths) / 10 }

    /// `45.5`, `-3.0`: the machine form (JSON, CSV).
    public var description: String {
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// The form people read: a decimal comma and a true minus in Russian (`45,5`, `−3,0`),
    /// a point in English. `signed` adds `+` to positive values.
    public func text(in language: ReportLanguage, signed: Bool = false) -> String {
        let magnitude = abs(tenths)
        let separator = language == .ru ? "," : "."
        let minus = language == .ru ? "−" : "-"
        let sign = tenths < 0 ? minus : (signed && tenths > 0 ? "+" : "")
        return sign + String(magnitude / 10) + separator + String(magnitude % 10)
    }

    /// Like `text(in:)`, without the decimal of a whole number: `90`, `12,5` (thresholds).
    public func compactText(in language: ReportLanguage) -> String {
        guard tenths % 10 == 0 else { return text(in: language) }
        let minus = language == .ru ? "−" : "-"
        return (tenths < 0 ? minus : "") + String(abs(tenths) / 10)
    }

    public static func < (lhs: OneDecimal, rhs: OneDecimal) -> Bool { lhs.tenths < rhs.tenths }
    public static func - (lhs: OneDecimal, rhs: OneDecimal) -> OneDecimal { OneDecimal(tenths: lhs.tenths - rhs.tenths) }
}

extension String {
    /// The text without leading and trailing whitespace (no Foundation needed).
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
