/// Renders a result as a JSON array of objects, one object per row, keys = column names
/// in column order, one object per line:
///
/// ```
/// [
///   {"academic_year": "2021-2022", "value": 12.5, "is_base": true, "note": null}
/// ]
/// ```
///
/// Integer and decimal cells are JSON numbers copied exactly from the database text (no
/// floating-point round trip); a numeric cell JSON cannot express (`NaN`, `Infinity`)
/// becomes a string. Booleans (`t`/`f`) are `true`/`false`, NULL is `null`, everything
/// else is a string escaped per RFC 8259 with non-ASCII text (Cyrillic) kept as UTF-8.
/// When two columns share a name the later ones get `_2`, `_3`, … so no value is lost.
public enum JSONRenderer {
    public static func render(_ table: ResultTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let keys = uniqueKeys(table.columns.map(\.name)).map(quoted)
        var out = "[\n"
        for row in table.rows.indices {
            let members = table.columns.indices.map { column in
                keys[column] + ": " + value(table.cell(row: row, column: column), type: table.columns[column].type)
            }
            out += "  {" + members.joined(separator: ", ") + "}"
            out += row == table.rows.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        return out
    }

    /// One cell as a JSON value.
    static func value(_ cell: String?, type: ColumnType) -> String {
        guard let cell else { return "null" }
        switch type {
        case .integer, .decimal:
            return NumberText.isJSONNumber(cell) ? cell : quoted(cell)
        case .boolean:
            if let flag = PostgresBoolean.parse(cell) { return flag ? "true" : "false" }
            return quoted(cell)
        case .text, .date:
            return quoted(cell)
        }
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped,
    /// U+2028/U+2029 escaped too (they end lines in JavaScript), the rest kept as is.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Column names with duplicates made unique by `_2`, `_3`, … suffixes.
    static func uniqueKeys(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var candidate = name
            var counter = 2
            while used.contains(candidate) {
                candidate = "\(name)_\(counter)"
                counter += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
