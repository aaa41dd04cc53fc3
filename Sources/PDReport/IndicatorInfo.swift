/// One catalogued indicator, as reports need it.
public struct IndicatorInfo: Sendable, Equatable {
    public enum Unit: String, Sendable { case percent, hours }
    public enum Direction: String, Sendable { case higher, lower }

    public var id: String
    public var nameRU: String
    public var nameEN: String
    public var unit: Unit
    public var direction: Direction

    public init(id: String, nameRU: String, nameEN: String, unit: Unit, direction: Direction) {
        self.id = id
        self.nameRU = nameRU
        self.nameEN = nameEN
        self.unit = unit
        self.direction = direction
    }

    /// The indicator's name in `language`.
    public func name(in language: ReportLanguage) -> String {
        language == .ru ? nameRU : nameEN
    }

    /// The indicator as the recommendation engine sees it.
    public var meta: IndicatorMeta {
        IndicatorMeta(id: id, nameRU: nameRU, nameEN: nameEN, isPercent: unit == .percent, higherIsBetter: direction == .higher)
    }
}

/// The indicator catalogue (`mart.indicator`, read by the warehouse) in report order.
public struct IndicatorCatalogue: Sendable {
    public var indicators: [IndicatorInfo]

    public init(indicators: [IndicatorInfo]) {
        self.indicators = indicators
    }

    public subscript(id: String) -> IndicatorInfo? {
        indicators.first { $0.id == id }
    }
}

/// Whether a report shows schools or the whole city.
public enum ReportGrain: String, Sendable, CaseIterable {
    case school
    case city
}
