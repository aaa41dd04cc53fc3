import PDPostgres
import PDReport

extension IndicatorCatalogue {
    /// The catalogue as `mart.indicator` holds it, in report order (`sql/mart/indicator_catalogue.sql`).
    public static func load(_ connection: Connection, sql: SQLDirectory) throws -> IndicatorCatalogue {
        let result = try connection.execute(try sql.statement("mart/indicator_catalogue.sql"))
        return IndicatorCatalogue(indicators: result.rows.map { row in
            IndicatorInfo(
                id: row[0] ?? "", nameRU: row[1] ?? "", nameEN: row[2] ?? "",
                unit: IndicatorInfo.Unit(rawValue: row[3] ?? "") ?? .percent,
                direction: IndicatorInfo.Direction(rawValue: row[4] ?? "") ?? .higher)
        })
    }

    /// Refuses ids the catalogue does not list, before a report runs.
    public func check(_ ids: [String]) throws {
        for id in ids where self[id] == nil {
            throw ReportError.unknownIndicator(id, known: indicators.map(\.id))
        }
    }
}
