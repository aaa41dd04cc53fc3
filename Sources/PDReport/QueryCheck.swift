/// Tells whether a report file's statement is a query, before it is sent.
///
/// `pdmon report run FILE` runs files that analysts write; it must only read. The statement's
/// first keyword (after comments, white space and opening parentheses) must be `select`,
/// `with`, `values` or `table`. A data-modifying `with` (`with d as (delete … returning …)
/// select …`) passes this check and is stopped by the server: reports run in a `read only`
/// transaction (`Warehouse`).
public enum QueryCheck {
    /// The keywords a query may start with.
    public static let queryKeywords: Set<String> = ["select", "with", "values", "table"]

    /// The first keyword of `sql`, lowercased, or nil when there is none.
    public static func leadingKeyword(_ sql: String) -> String? {
        var scalars = sql.unicodeScalars[...]
        while let first = scalars.first {
            if first.properties.isWhitespace || first == "(" || first == ";" {
                scalars.removeFirst()
            } else if scalars.starts(with: "--".unicodeScalars) {
                guard let newline = scalars.firstIndex(of: "\n") else { return nil }
                scalars = scalars[scalars.index(after: newline)...]
            } else if scalars.starts(with: "/*".unicodeScalars) {
                // Block comments nest in PostgreSQL.
                var depth = 0
                var index = scalars.startIndex
                repeat {
                    let rest = scalars[index...]
                    if rest.starts(with: "/*".unicodeScalars) {
                        depth += 1
                        index = scalars.index(index, offsetBy: 2)
                    } else if rest.starts(with: "*/".unicodeScalars) {
                        depth -= 1
                        index = scalars.index(index, offsetBy: 2)
                    } else {
                        index = scalars.index(after: index)
                    }
                } while depth > 0 && index < scalars.endIndex
                guard depth == 0 else { return nil }
                scalars = scalars[index...]
            } else {
                break
            }
        }
        let word = scalars.prefix { $0.properties.isAlphabetic || $0 == "_" }
        return word.isEmpty ? nil : String(String.UnicodeScalarView(word)).lowercased()
    }

    /// Whether `sql` starts like a query.
    public static func isQuery(_ sql: String) -> Bool {
        leadingKeyword(sql).map(queryKeywords.contains) ?? false
    }
}
