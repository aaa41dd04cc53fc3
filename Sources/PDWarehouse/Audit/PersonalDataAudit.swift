import PDPostgres
import PDReport

/// `pdmon audit`: scans every text column of `dw` for values shaped like personal data that
/// must never be stored (the warehouse keeps teachers only as pseudonyms and reject values
/// masked): a SNILS (11 digits, with or without separators), a Russian phone number, a full
/// name with a patronymic. A healthy warehouse gives no finding.
///
/// The patterns are PostgreSQL regular expressions bound as parameters; the column names come
/// from the catalogue (`sql/audit/text_columns.sql`) and go through `PQescapeIdentifier`.
public struct PersonalDataAudit {
    /// What a finding looks like.
    public enum Shape: String, CaseIterable, Sendable {
        case snils
        case phone
        case fullName = "full_name"

        /// The PostgreSQL regular expression (ARE) of the shape.
        public var pattern: String {
            switch self {
            case .snils:
                // 123-456-789 01, 123 456 789 01, 12345678901 (not inside a longer digit run).
                return #"(^|[^0-9])[0-9]{3}[- ]?[0-9]{3}[- ]?[0-9]{3}[- ]?[0-9]{2}([^0-9]|$)"#
            case .phone:
                return #"(\+7|(^|[^0-9])8)[ (-]*[0-9]{3}[ )-]*[0-9]{3}[ -]*[0-9]{2}[ -]*[0-9]{2}([^0-9]|$)"#
            case .fullName:
                // Фамилия Имя Отчество: three capitalised Cyrillic words, the last a patronymic.
                return #"[А-ЯЁ][а-яё]+[ ]+[А-ЯЁ][а-яё]+[ ]+[А-ЯЁ][а-яё]+(вич|вна|чна|ична|оглы|кызы)([^а-яё]|$)"#
            }
        }
    }

    /// One column holding values of one shape.
    public struct Finding: Sendable, Equatable {
        public var table: String
        public var column: String
        public var shape: Shape
        public var rows: Int
    }

    public let connection: Connection
    public let sql: SQLDirectory

    public init(connection: Connection, sql: SQLDirectory) {
        self.connection = connection
        self.sql = sql
    }

    /// Every (table, column, shape) with at least one matching row.
    public func run() throws -> [Finding] {
        let shapes = Shape.allCases
        var findings: [Finding] = []
        for column in try connection.execute(try sql.statement("audit/text_columns.sql")).rows {
            guard let schema = column[0], let table = column[1], let name = column[2] else { continue }
            let qualified = try connection.escapeIdentifier(schema) + "." + connection.escapeIdentifier(table)
            let value = try connection.escapeIdentifier(name) + "::text"
            let counts = shapes.indices.map { "count(*) filter (where \(value) ~ $\($0 + 1)) as shape_\($0)" }
            // Built from escaped identifiers only; the patterns are bound.
            let statement = SQL(unsafeText: "select \(counts.joined(separator: ", ")) from \(qualified)")
            let row = try connection.execute(statement, shapes.map(\.pattern)).rows.first ?? []
            for (index, shape) in shapes.enumerated() {
                let rows = index < row.count ? row[index].flatMap { Int($0) } ?? 0 : 0
                if rows > 0 { findings.append(Finding(table: "\(schema).\(table)", column: name, shape: shape, rows: rows)) }
            }
        }
        return findings
    }

    /// The findings as a table (empty when the warehouse is clean).
    public static func table(_ findings: [Finding], language: ReportLanguage) -> ResultTable {
        let ru = language == .ru
        let shapeName: (Shape) -> String = { shape in
            switch shape {
            case .snils: return ru ? "СНИЛС" : "SNILS"
            case .phone: return ru ? "телефон" : "phone number"
            case .fullName: return ru ? "ФИО" : "full name"
            }
        }
        return ResultTable(
            title: ru ? "Проверка персональных данных в хранилище" : "Personal data audit of the warehouse",
            columns: [
                ResultColumn(name: "table_name", type: .text, caption: ru ? "Таблица" : "Table"),
                ResultColumn(name: "column_name", type: .text, caption: ru ? "Столбец" : "Column"),
                ResultColumn(name: "shape", type: .text, caption: ru ? "Похоже на" : "Looks like"),
                ResultColumn(name: "rows", type: .integer, caption: ru ? "Строк" : "Rows"),
            ],
            rows: findings.map { [$0.table, $0.column, shapeName($0.shape), String($0.rows)] })
    }
}
