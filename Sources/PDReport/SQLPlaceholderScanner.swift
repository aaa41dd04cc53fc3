/// Finds the positional parameters (`$1`, `$2`, …) of a PostgreSQL statement, skipping
/// string literals (`'…'`, `E'…'` with backslash escapes), quoted identifiers (`"…"`),
/// line and nested block comments, and dollar-quoted strings (`$$…$$`, `$tag$…$tag$`).
/// `$` inside an identifier (`a$1`) is part of the identifier, as in PostgreSQL.
public enum SQLPlaceholderScanner {
    /// One `$n` found in the text; `line` and `column` are 1-based (column in characters).
    public struct Placeholder: Sendable, Equatable {
        public var number: Int
        public var line: Int
        public var column: Int
    }

    /// Why the text could not be scanned: a literal, identifier or comment never ends.
    public struct Unterminated: Error, Sendable, Equatable {
        /// `string literal`, `quoted identifier`, `block comment` or `dollar-quoted string`.
        public var construct: String
        public var line: Int
        public var column: Int
    }

    /// Every placeholder in order of appearance.
    public static func placeholders(in sql: String) throws(Unterminated) -> [Placeholder] {
        var cursor = Cursor(Array(sql.unicodeScalars))
        var found: [Placeholder] = []
        while let scalar = cursor.peek() {
            let (line, column) = (cursor.line, cursor.column)
            switch scalar {
            case "-" where cursor.peek(1) == "-":
                while let next = cursor.peek(), next != "\n" { cursor.advance() }
            case "/" where cursor.peek(1) == "*":
                cursor.advance(2)
                var depth = 1
                while depth > 0 {
                    guard let next = cursor.peek() else {
                        throw Unterminated(construct: "block comment", line: line, column: column)
                    }
                    if next == "/" && cursor.peek(1) == "*" { depth += 1; cursor.advance(2) }
                    else if next == "*" && cursor.peek(1) == "/" { depth -= 1; cursor.advance(2) }
                    else { cursor.advance() }
                }
            case "'":
                try skipQuoted(&cursor, quote: "'", backslashEscapes: false, construct: "string literal")
            case "\"":
                try skipQuoted(&cursor, quote: "\"", backslashEscapes: false, construct: "quoted identifier")
            case "$":
                if let digit = cursor.peek(1), isDigit(digit) {
                    cursor.advance()
                    var number = 0
                    while let next = cursor.peek(), isDigit(next) {
                        number = min(number * 10 + Int(next.value - 0x30), 1_000_000)
                        cursor.advance()
                    }
                    found.append(Placeholder(number: number, line: line, column: column))
                } else if let tag = dollarTag(cursor) {
                    cursor.advance(tag.count)
                    while true {
                        guard cursor.peek() != nil else {
                            throw Unterminated(construct: "dollar-quoted string", line: line, column: column)
                        }
                        if cursor.hasPrefix(tag) { cursor.advance(tag.count); break }
                        cursor.advance()
                    }
                } else {
                    cursor.advance()
                }
            default:
                if isIdentifierStart(scalar) {
                    var word: [Unicode.Scalar] = []
                    while let next = cursor.peek(), isIdentifierPart(next) {
                        word.append(next)
                        cursor.advance()
                    }
                    // E'…' (escape string constant): backslash escapes quotes.
                    if cursor.peek() == "'", word == ["e"] || word == ["E"] {
                        try skipQuoted(&cursor, quote: "'", backslashEscapes: true, construct: "string literal")
                    }
                } else if isDigit(scalar) {
                    while let next = cursor.peek(), isIdentifierPart(next) || next == "." { cursor.advance() }
                } else {
                    cursor.advance()
                }
            }
        }
        return found
    }

    private static func skipQuoted(
        _ cursor: inout Cursor, quote: Unicode.Scalar, backslashEscapes: Bool, construct: String
    ) throws(Unterminated) {
        let (line, column) = (cursor.line, cursor.column)
        cursor.advance()
        while true {
            guard let next = cursor.peek() else {
                throw Unterminated(construct: construct, line: line, column: column)
            }
            cursor.advance()
            if backslashEscapes && next == "\\" {
                cursor.advance()
            } else if next == quote {
                if cursor.peek() == quote { cursor.advance() } else { return }
            }
        }
    }

    /// `$$` or `$tag$` starting at the cursor, or `nil`.
    private static func dollarTag(_ cursor: Cursor) -> [Unicode.Scalar]? {
        var tag: [Unicode.Scalar] = ["$"]
        var offset = 1
        while let next = cursor.peek(offset) {
            if next == "$" { return tag + ["$"] }
            let valid = offset == 1 ? isIdentifierStart(next) : (isIdentifierPart(next) && next != "$")
            guard valid else { return nil }
            tag.append(next)
            offset += 1
        }
        return nil
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || scalar == "$"
    }

    /// A read position over the statement's scalars, tracking line and column.
    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var column = 1

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }

        func hasPrefix(_ prefix: [Unicode.Scalar]) -> Bool {
            index + prefix.count <= scalars.count && Array(scalars[index..<index + prefix.count]) == prefix
        }

        mutating func advance(_ count: Int = 1) {
            for _ in 0..<count where index < scalars.count {
                if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
    }
}
