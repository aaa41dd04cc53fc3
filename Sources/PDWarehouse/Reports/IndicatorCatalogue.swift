import PDPostgres
import PDReport

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
}

/// The indicator catalogue, read from `mart.indicator` in report order (`sql/mart/indicator_catalogue.sql`).
public struct IndicatorCatalogue: Sendable {
    public var indicators: [IndicatorInfo]

    public init(indicators: [IndicatorInfo]) {
        self.indicators = indicators
    }

    public static func load(_ connection: Connection, sql: SQLDirectory) throws -> IndicatorCatalogue {
        let result = try connection.execute(try sql.statement("mart/indicator_catalogue.sql"))
        return IndicatorCatalogue(indicators: result.rows.map { row in
            IndicatorInfo(
                id: row[0] ?? "", nameRU: row[1] ?? "", nameEN: row[2] ?? "",
                unit: IndicatorInfo.Unit(rawValue: row[3] ?? "") ?? .percent,
                direction: IndicatorInfo.Direction(rawValue: row[4] ?? "") ?? .higher)
        })
    }

    public subscript(id: String) -> IndicatorInfo? {
        indicators.first { $0.id == id }
    }

    /// Refuses ids the catalogue does not list, before a report runs.
    public func check(_ ids: [String]) throws {
        for id in ids where self[id] == nil {
            throw ReportError.unknownIndicator(id, known: indicators.map(\.id))
        }
    }
}
