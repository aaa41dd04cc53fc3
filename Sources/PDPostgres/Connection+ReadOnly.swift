extension Connection {
    /// Runs `body` inside a `read only` transaction whose statements are cancelled after
    /// `statementTimeout` (a PostgreSQL interval such as `60s`, `5min`); always rolls back.
    ///
    /// A statement that would write fails with SQLSTATE 25006 (read_only_sql_transaction), a
    /// statement past the timeout with 57014 (query_canceled).
    public func readOnly<T>(statementTimeout: String, _ body: () throws -> T) throws -> T {
        try run("begin transaction read only")
        do {
            try execute("select set_config('statement_timeout', $1, true)", [statementTimeout])
            let value = try body()
            try run("rollback")
            return value
        } catch {
            if isOpen { try? run("rollback") }
            throw error
        }
    }
}
