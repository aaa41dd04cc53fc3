import Foundation

/// Fewer, sharper recommendations: the rules that fired for one school (or the city) become at
/// most one recommendation per indicator, ranked strongest first.
///
/// 1. **One per indicator.** Fired rules that concern the same indicator (their key indicator,
///    or any indicator of a compound rule whose conditions both held) are folded into one: the
///    rule written for that indicator wins over a rule checked on every indicator (a low value
///    of distance learning keeps «Расширить дистанционное обучение», not «выяснить причины
///    ухудшения»), then the smaller priority. The folded rules' conditions join the winner's
///    "why" (`Recommendation.held`, `foldedRuleIDs`).
/// 2. **Weight.** `r · (beyond + gap) + 5 · lg(1 + concerned)`, where `beyond` is how far the
///    strongest held condition is past its threshold (percentage points, or hours), `gap` how
///    far the school is worse than the city on the key indicator (0 when not worse, and for the
///    city itself), `concerned` the people (or enrolments) on the wrong side — those not covered
///    when higher is better, those counted when lower is better — and `r` the reliability of a
///    percentage over the key indicator's denominator (`SmallDenominator.reliability`: 1 from
///    10 people, a fifth over 2). Ten times more people add 5 points: a school's size counts,
///    but less than how far it is from where it should be.
/// 3. **Order.** Heavier first; then the rule's priority, the catalogue order of the key
///    indicator and the rule id, so equal weights keep a stable, documented order.
public struct RecommendationRanking: Sendable {
    /// The catalogue, in report order.
    public var indicators: [IndicatorMeta]

    public init(indicators: [IndicatorMeta]) {
        self.indicators = indicators
    }

    /// How much one person more weighs: ten times more people add `peopleWeight` points.
    public static let peopleWeight = 5.0

    func meta(_ id: String) -> IndicatorMeta? {
        indicators.first { $0.id == id }
    }

    /// The fired rules of one subject, folded to one per indicator and ranked.
    public func rank(_ fired: [Recommendation]) -> [Recommendation] {
        // Groups of recommendations that share an indicator.
        var groups: [(indicators: Set<String>, members: [Recommendation])] = []
        for recommendation in fired {
            let touched = Set(recommendation.triggered)
            var merged = (indicators: touched, members: [recommendation])
            groups.removeAll { group in
                guard !group.indicators.isDisjoint(with: touched) else { return false }
                merged.indicators.formUnion(group.indicators)
                merged.members.insert(contentsOf: group.members, at: 0)
                return true
            }
            groups.append(merged)
        }
        let order = Dictionary(indicators.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var ranked: [Recommendation] = groups.map { group in
            let members = group.members.sorted {
                ($0.overEachIndicator ? 1 : 0, $0.priority, $0.ruleID, order[$0.indicator] ?? Int.max)
                    < ($1.overEachIndicator ? 1 : 0, $1.priority, $1.ruleID, order[$1.indicator] ?? Int.max)
            }
            var winner = members[0]
            for other in members.dropFirst() {
                winner.held += other.held.filter { !winner.held.contains($0) }
                if !winner.foldedRuleIDs.contains(other.ruleID) { winner.foldedRuleIDs.append(other.ruleID) }
            }
            winner.weight = weight(winner)
            return winner
        }
        ranked.sort { a, b in
            let (wa, wb) = ((a.weight * 100).rounded(), (b.weight * 100).rounded())
            if wa != wb { return wa > wb }
            return (a.priority, order[a.keyIndicator] ?? Int.max, a.ruleID) < (b.priority, order[b.keyIndicator] ?? Int.max, b.ruleID)
        }
        return ranked
    }

    /// How far the strongest held condition is past its threshold.
    public func beyondThreshold(_ recommendation: Recommendation) -> OneDecimal {
        recommendation.held.map(\.beyondThreshold).max() ?? OneDecimal(0)
    }

    /// How far the subject is worse than the city on the key indicator; nil for the city or
    /// without both values, negative when it is better.
    public func gapToCity(_ recommendation: Recommendation) -> OneDecimal? {
        guard recommendation.schoolCode != nil else { return nil }
        let evidence = recommendation.keyEvidence
        guard let value = evidence.value, let city = evidence.cityValue else { return nil }
        return (meta(evidence.indicator)?.higherIsBetter ?? true) ? city - value : value - city
    }

    /// The people (or enrolments) on the wrong side of the key indicator; nil when its
    /// denominator counts nothing (hours).
    public func concerned(_ recommendation: Recommendation) -> Int? {
        let evidence = recommendation.keyEvidence
        let meta = meta(evidence.indicator)
        guard (meta?.counts ?? .teachers) != .none else { return nil }
        return (meta?.higherIsBetter ?? true) ? max(0, evidence.denominator - evidence.numerator) : evidence.numerator
    }

    /// The weight of a recommendation (see the type's documentation).
    public func weight(_ recommendation: Recommendation) -> Double {
        let beyond = beyondThreshold(recommendation).doubleValue
        let gap = max(0, gapToCity(recommendation)?.doubleValue ?? 0)
        let people = Double(concerned(recommendation) ?? 0)
        let reliability = SmallDenominator.reliability(recommendation.keyEvidence.denominator)
        return reliability * (beyond + gap) + Self.peopleWeight * log10(1 + people)
    }
}
