import PDCSV

/// Which CSV flavour to write.
public enum CSVDialect: Sendable, Equatable {
    /// RFC 4180: `,` between fields, `.` in decimals, CRLF line ends, no BOM.
    case standard
    /// For Russian-locale spreadsheets (Excel, LibreOffice): a UTF-8 BOM, `;` between
    /// fields and a decimal comma in decimal columns. Otherwise RFC 4180.
    case excel
}

/// Renders a result as CSV: a header row of column names (`.excel`: the captions people
/// read, in the report's language), then one record per row.
///
/// NULL is an empty field; booleans are `true`/`false`; numbers are written as the
/// database wrote them (with a decimal comma in `.excel` decimal columns). A text cell a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, TAB or CR) gets a
/// leading `'`; numeric cells that are plain numbers, such as `-3.5`, are left alone.
public enum CSVRenderer {
    public static func render(_ table: ResultTable, dialect: CSVDialect = .standard) -> [UInt8] {
        var writer = CSVWriter(delimiter: UInt8(ascii: dialect == .excel ? ";" : ","))
        // Machines get the column names; people opening the Excel CSV get the captions.
        writer.writeRecord(table.columns.map { neutralise(dialect == .excel ? $0.heading : $0.name) })
        for row in table.rows.indices {
            let fields = table.columns.indices.map { column in
                field(table.cell(row: row, column: column), type: table.columns[column].type, dialect: dialect)
            }
            writer.writeRecord(fields)
        }
        let bom: [UInt8] = dialect == .excel ? [0xEF, 0xBB, 0xBF] : []
        return bom + writer.bytes
    }

    /// The CSV as a `String` (the bytes are always UTF-8).
    public static func renderString(_ table: ResultTable, dialect: CSVDialect = .standard) -> String {
        String(decoding: render(table, dialect: dialect), as: UTF8.self)
    }

    /// One field's text before RFC 4180 quoting.
    static func field(_ value: String?, type: ColumnType, dialect: CSVDialect) -> String {
        guard let value else { return "" }
        switch type {
        case .integer, .decimal:
            guard NumberText.isPlainNumber(value) else { return neutralise(value) }
            if type == .decimal, dialect == .excel {
                return String(value.map { $0 == "." ? "," : $0 })
            }
            return value
        case .boolean:
            if let flag = PostgresBoolean.parse(value) { return flag ? "true" : "false" }
            return neutralise(value)
        case .text, .date:
            return neutralise(value)
        }
    }

    /// Prefixes `'` to text a spreadsheet would treat as a formula.
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r":
            return "'" + text
        default:
            return text
        }
    }
}

/// Recognises numbers in the plain notation JSON and spreadsheets accept.
enum NumberText {
    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, the JSON number grammar, also
    /// admitting leading zeros (`007`) which PostgreSQL never writes but are harmless.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, (0x30...0x39).contains(byte) {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// A plain number that is also valid JSON (no leading zeros such as `007`).
    static func isJSONNumber(_ text: String) -> Bool {
        guard isPlainNumber(text) else { return false }
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if unsigned.count > 1, unsigned.first == "0", let second = unsigned.dropFirst().first, second.isNumber {
            return false
        }
        return true
    }
}
