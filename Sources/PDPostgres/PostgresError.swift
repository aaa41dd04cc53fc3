/// An error from PostgreSQL or from libpq, with the context needed to act on it.
///
/// Carries the SQLSTATE and the server's message, detail and hint when the server sent them,
/// and the statement text (never its bound values: those may be personal data).
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        /// Could not connect (bad address, authentication, server down).
        case connection
        /// The server rejected a statement.
        case query
        /// A COPY failed or was aborted.
        case copy
        /// The connection broke while talking to the server.
        case connectionLost
    }

    public var kind: Kind
    /// Five-character SQLSTATE, e.g. `23505` (unique_violation), when the server sent one.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    /// The SQL text that failed, without parameter values.
    public var statement: String?

    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil,
        hint: String? = nil, statement: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
        self.statement = statement
    }

    public var description: String {
        var text: String
        switch kind {
        case .connection:
            text = "cannot connect to PostgreSQL / не удалось подключиться к PostgreSQL: \(message)"
        case .connectionLost:
            text = "connection to PostgreSQL lost / соединение с PostgreSQL потеряно: \(message)"
        case .query, .copy:
            text = "PostgreSQL error / ошибка PostgreSQL"
            if let sqlState { text += " [\(sqlState)]" }
            text += ": \(message)"
        }
        if let detail, !detail.isEmpty { text += "\n  detail: \(detail)" }
        if let hint, !hint.isEmpty { text += "\n  hint: \(hint)" }
        if let statement {
            let firstLine = statement.split(separator: "\n", omittingEmptySubsequences: true).first ?? ""
            text += "\n  statement: \(firstLine.prefix(200))"
        }
        if kind == .connection {
            text += "\n  check --database-url or PDMON_DATABASE_URL (or the PG* variables) and that the server is running"
            text += " / проверьте --database-url или PDMON_DATABASE_URL (или переменные PG*) и что сервер запущен"
        }
        return text
    }
}
