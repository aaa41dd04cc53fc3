/// A statement or script that may be sent to PostgreSQL.
///
/// A `SQL` value can be built in three ways only, so that no value ever becomes SQL text:
/// - a string literal (`"select pg_advisory_lock($1::bigint)"`): `StaticString`, so no
///   interpolation compiles;
/// - the text of a file of the project's `sql/` folder (`init(fileText:path:)`, visible only
///   inside this package: `SQLDirectory` in `PDWarehouse` is its one caller);
/// - `init(unsafeText:)`, visibly unsafe, for text assembled from identifiers that went through
///   `Connection.escapeIdentifier` (`PQescapeIdentifier`) or from other `SQL` values.
///
/// Values always travel as bound parameters (`$1`, `$2`, …) beside the text.
public struct SQL: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The statement text as sent to the server.
    public let text: String
    /// The `sql/` file it was read from (relative to `sql/`), nil for a literal or unsafe text.
    public let path: String?

    public init(stringLiteral value: StaticString) {
        self.text = value.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        self.path = nil
    }

    /// The text of a file of the project's `sql/` folder. Only the SQL layer of this package reads files.
    package init(fileText: String, path: String) {
        self.text = fileText
        self.path = path
    }

    /// Text built at run time. Only for identifiers escaped with `Connection.escapeIdentifier`
    /// and for pieces that are themselves `SQL` values; never for a value (bind those as `$n`).
    public init(unsafeText text: String) {
        self.text = text
        self.path = nil
    }

    /// This statement with `piece` in place of the lines from the one that starts with `begin`
    /// through the one that starts with `end` (markers compared after leading whitespace), as a
    /// subquery: the piece's trailing whitespace and `;` are dropped and a newline ends it, so that
    /// a line comment at its end cannot swallow what follows. nil unless each marker starts
    /// exactly one line and `begin` comes first. The result keeps this statement's `path`.
    ///
    /// This is how a statement of `sql/` embeds another one (e.g. the mart refresh's insert
    /// embeds an indicator definition): text composed only of `SQL` values.
    public func embedding(_ piece: SQL, inPlaceOfLinesFrom begin: String, through end: String) -> SQL? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func starts(_ line: Substring, _ marker: String) -> Bool {
            line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(marker)
        }
        let begins = lines.indices.filter { starts(lines[$0], begin) }
        let ends = lines.indices.filter { starts(lines[$0], end) }
        guard begins.count == 1, ends.count == 1, let first = begins.first, let last = ends.first, first < last else {
            return nil
        }
        var body = Substring(piece.text)
        while let character = body.last, character.isWhitespace || character == ";" { body = body.dropLast() }
        lines.replaceSubrange(first...last, with: [body + "\n"])
        return SQL(composedText: lines.joined(separator: "\n"), path: path)
    }

    /// This statement with every occurrence of `call` (a function call written exactly so,
    /// e.g. `dw.refresh_years()`) replaced by the bound parameter `$<parameter>::<type>`.
    /// The result keeps this statement's `path`.
    ///
    /// A file that runs alone calls the function; a caller that knows the value binds it
    /// instead, so the server (or a Citus worker, where a session setting does not reach)
    /// gets a constant it can plan with.
    public func binding(_ call: StaticString, toParameter parameter: Int, as type: StaticString) -> SQL {
        let name = call.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        let cast = type.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        return SQL(composedText: text.replacing(name, with: "$\(parameter)::\(cast)"), path: path)
    }

    private init(composedText: String, path: String?) {
        self.text = composedText
        self.path = path
    }

    /// The file name when it came from a file, else the first line of the text (for messages).
    public var description: String {
        if let path { return "sql/\(path)" }
        let firstLine = text.split(separator: "\n", omittingEmptySubsequences: true).first ?? ""
        return String(firstLine.prefix(200))
    }
}
