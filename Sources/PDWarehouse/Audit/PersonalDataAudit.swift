import PDPostgres
import PDReport

/// `pdmon audit`: scans every text column of `dw` for values shaped like personal data that
/// must never be stored (the warehouse keeps teachers only as pseudonyms and reject values
/// masked): a SNILS (11 digits, with or without separators), a Russian phone number, a full
/// name with a patronymic. A healthy warehouse gives no finding.
///
/// One statement, `sql/audit/shape_counts.sql`: the patterns (PostgreSQL regular expressions)
/// are bound as one `text[]` parameter; the server builds each column's count with `format`
/// (names quoted by `%I`, patterns by `%L`) from the catalogue, and scans each column once.
public struct PersonalDataAudit {
    /// What a finding looks like.
    public enum Shape: String, CaseIterable, Sendable {
        case snils
        case phone
        case fullName = "full_name"

        /// A value that is a SHA-256 or HMAC-SHA256 digest in hex (a file's hash; the pseudonyms are
        /// `bytea` since migration 0130, not text, so the scan no longer reads them):
        /// random hex holds runs of digits shaped like a SNILS or a phone number, which are no
        /// personal data, so the digit shapes skip such values (a negative lookahead).
        static let notADigest = #"^(?![0-9a-f]{64}$).*"#

        /// The PostgreSQL regular expression (ARE) of the shape.
        public var pattern: String {
            switch self {
            case .snils:
                // 123-456-789 01, 123 456 789 01, 12345678901 (not inside a longer digit run).
                return Self.notADigest + #"(^|[^0-9])[0-9]{3}[- ]?[0-9]{3}[- ]?[0-9]{3}[- ]?[0-9]{2}([^0-9]|$)"#
            case .phone:
                return Self.notADigest
                    + #"(\+7|(^|[^0-9])8)[ (-]*[0-9]{3}[ )-]*[0-9]{3}[ -]*[0-9]{2}[ -]*[0-9]{2}([^0-9]|$)"#
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
        let patterns = ReportParameterType.arrayLiteral(shapes.map(\.pattern))
        var findings: [Finding] = []
        for row in try connection.execute(try sql.statement("audit/shape_counts.sql"), [patterns]).rows {
            guard let schema = row[0], let table = row[1], let name = row[2],
                  let position = row[3].flatMap({ Int($0) }), shapes.indices.contains(position - 1),
                  let rows = row[4].flatMap({ Int($0) }), rows > 0
            else { continue }
            findings.append(Finding(table: "\(schema).\(table)", column: name, shape: shapes[position - 1], rows: rows))
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
