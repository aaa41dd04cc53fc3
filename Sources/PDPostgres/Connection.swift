import CLibPQ
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One libpq connection. The only type in the project that holds a libpq pointer.
///
/// Deliberately not `Sendable`: a libpq connection must be used from one thread at a time,
/// and libpq calls block their thread, so callers stay synchronous.
/// `close()` is idempotent and always calls `PQfinish`; `deinit` closes.
public final class Connection {
    private var handle: OpaquePointer?

    /// Connects with a PostgreSQL URL (`postgresql://…`) or a `key=value` conninfo string.
    /// An empty string means libpq's own defaults and `PG*` environment variables, as psql does.
    /// Every connection uses `client_encoding=UTF8` and identifies itself as `pdmon`.
    /// A server that does not answer fails after `connect_timeout` seconds (default
    /// `defaultConnectTimeout`; `PGCONNECT_TIMEOUT` or the URL's own `connect_timeout` win).
    /// A lock not granted within `lock_timeout` (`lockTimeout(_:)`) fails its statement.
    /// Error messages never contain the password (`Redaction`).
    public init(
        conninfo: String, applicationName: String = "pdmon",
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        // Keywords before dbname are defaults that the expanded conninfo overrides.
        var keywords = ["dbname", "application_name", "client_encoding"]
        var values = [conninfo, applicationName, "UTF8"]
        if (environment["PGCONNECT_TIMEOUT"] ?? "").isEmpty {
            keywords.insert("connect_timeout", at: 0)
            values.insert(String(Self.defaultConnectTimeout), at: 0)
        }
        if (environment["PGOPTIONS"] ?? "").isEmpty {
            keywords.insert("options", at: 0)
            values.insert("-c lock_timeout=" + Self.lockTimeout(environment), at: 0)
        }
        let connection = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        // PQconnectdbParams returns a handle even on failure; it must still be finished.
        guard let connection else {
            throw PostgresError(kind: .connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Redaction.maskingPasswords(in: Self.trimmedMessage(PQerrorMessage(connection)), conninfo: conninfo)
            PQfinish(connection)
            throw PostgresError(kind: .connection, message: message)
        }
        handle = connection
        PQsetNoticeProcessor(connection, ignoreNotice, nil)
        // Never depend on the server's DateStyle: we send and read ISO dates.
        try run("set datestyle to 'ISO, YMD'; set intervalstyle to 'iso_8601'")
    }

    deinit { close() }

    /// Seconds to wait for a server to accept a connection before giving up.
    public static let defaultConnectTimeout = 10

    /// How long a statement waits for a lock before it fails with SQLSTATE 55P03 (a PostgreSQL
    /// interval), unless `PDMON_LOCK_TIMEOUT` says otherwise: a table held by someone else
    /// gives a clear error instead of a hang.
    public static let defaultLockTimeout = "30s"

    /// The `lock_timeout` every connection sets (through libpq's `options`, so a URL's own
    /// `options` or `PGOPTIONS` win): `PDMON_LOCK_TIMEOUT` without its spaces, else the default.
    static func lockTimeout(_ environment: [String: String]) -> String {
        let given = (environment["PDMON_LOCK_TIMEOUT"] ?? "").filter { !$0.isWhitespace && $0 != "\\" }
        return given.isEmpty ? defaultLockTimeout : given
    }

    /// Finishes the connection. Safe to call more than once.
    public func close() {
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// The libpq handle for `cancelHandle()` (CancelHandle.swift); nil when closed.
    var rawHandleForCancel: OpaquePointer? { handle }

    /// The process id of the connection's server backend (`PQbackendPID`; 0 when closed), as
    /// `pg_stat_activity.pid` shows it.
    public var backendPID: Int32 {
        guard let handle else { return 0 }
        return PQbackendPID(handle)
    }

    /// `true` while the connection is open and healthy.
    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    // MARK: - Statements

    /// Runs one statement with values bound as text parameters (`$1`, `$2`, …; nil is NULL).
    /// Values never become part of the SQL text. `types` optionally gives each parameter's
    /// PostgreSQL type OID (0 or absent: the server infers it from the statement).
    @discardableResult
    public func execute(_ sql: SQL, _ parameters: [String?] = [], types: [UInt32] = []) throws -> QueryResult {
        let connection = try liveHandle()
        precondition(types.isEmpty || types.count == parameters.count, "one type per parameter")
        let result = withOptionalCStringArray(parameters) { values in
            types.withUnsafeBufferPointer { oids in
                PQexecParams(connection, sql.text, Int32(parameters.count), types.isEmpty ? nil : oids.baseAddress,
                             values, nil, nil, 0)
            }
        }
        return try consume(result, statement: sql.description, as: .query)
    }

    /// Runs a script of one or more statements without parameters (migrations, DDL).
    public func run(_ script: SQL) throws {
        let connection = try liveHandle()
        let result = PQexec(connection, script.text)
        _ = try consume(result, statement: script.description, as: .query)
        // PQexec returns only the last result; earlier ones were already consumed by libpq.
    }

    /// The isolation level of a transaction other than the server's default (read committed).
    public enum IsolationLevel: Sendable {
        /// Every statement sees the snapshot taken at the transaction's first statement.
        case repeatableRead
    }

    /// Runs `body` inside `begin … commit`; rolls back when it throws.
    public func transaction<T>(isolation: IsolationLevel? = nil, _ body: () throws -> T) throws -> T {
        switch isolation {
        case nil: try run("begin")
        case .repeatableRead: try run("begin isolation level repeatable read")
        }
        do {
            let value = try body()
            try run("commit")
            return value
        } catch {
            if isOpen { try? run("rollback") }
            throw error
        }
    }

    /// Takes a session-level advisory lock if it is free; `false` when another session holds it.
    public func tryAdvisoryLock(_ key: Int64) throws -> Bool {
        let result = try execute("select pg_try_advisory_lock($1::bigint)", [String(key)])
        return result.value(0, 0) == "t"
    }

    /// Releases a session-level advisory lock taken with `tryAdvisoryLock` or `advisoryLock`.
    public func advisoryUnlock(_ key: Int64) throws {
        try execute("select pg_advisory_unlock($1::bigint)", [String(key)])
    }

    /// Waits for a session-level advisory lock.
    public func advisoryLock(_ key: Int64) throws {
        try execute("select pg_advisory_lock($1::bigint)", [String(key)])
    }

    /// Quotes an identifier with `PQescapeIdentifier`, for the rare SQL that must name one.
    public func escapeIdentifier(_ identifier: String) throws -> String {
        let connection = try liveHandle()
        let utf8 = Array(identifier.utf8)
        guard let escaped = utf8.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                PQescapeIdentifier(connection, chars.baseAddress, chars.count)
            }
        }) else {
            throw PostgresError(kind: .query, message: Self.trimmedMessage(PQerrorMessage(connection)))
        }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    // MARK: - COPY

    /// Streams rows with `COPY … FROM STDIN`. `body` writes COPY text through the writer.
    /// If `body` throws, the COPY is aborted with `PQputCopyEnd(conn, message)` (the server
    /// discards everything sent) and the error is rethrown; the connection stays usable.
    /// Returns the number of rows the server copied.
    @discardableResult
    public func copyIn(_ sql: SQL, _ body: (inout CopyWriter) throws -> Void) throws -> Int {
        let connection = try liveHandle()
        let statement = sql.description
        let start = PQexec(connection, sql.text)
        let startStatus = start.map { PQresultStatus($0) }
        guard startStatus == PGRES_COPY_IN else {
            _ = try consume(start, statement: statement, as: .copy)
            throw PostgresError(kind: .copy, message: "the statement did not start COPY FROM STDIN", statement: statement)
        }
        PQclear(start)

        var writer = CopyWriter(connection: connection, statement: statement)
        do {
            try body(&writer)
            try writer.flush()
        } catch {
            let reason = "pdmon aborted the copy: \(String(describing: error).prefix(200))"
            _ = PQputCopyEnd(connection, reason)
            drainResults(connection)
            throw error
        }
        guard PQputCopyEnd(connection, nil) == 1 else {
            let message = Self.trimmedMessage(PQerrorMessage(connection))
            drainResults(connection)
            throw PostgresError(kind: .copy, message: message, statement: statement)
        }
        // The final result says whether the server accepted the data; then read until nil.
        var rows = 0
        var firstError: PostgresError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) == PGRES_COMMAND_OK {
                rows = Int(String(cString: PQcmdTuples(result))) ?? 0
            } else if firstError == nil {
                firstError = Self.error(from: result, connection: connection, statement: statement, kind: .copy)
            }
            PQclear(result)
        }
        if let firstError { throw firstError }
        return rows
    }

    // MARK: - Internals

    private func liveHandle() throws -> OpaquePointer {
        guard let handle else {
            throw PostgresError(kind: .connectionLost, message: "the connection is closed")
        }
        return handle
    }

    /// Turns a libpq result into a `QueryResult` or an error, clearing it exactly once.
    private func consume(_ result: OpaquePointer?, statement: String, as kind: PostgresError.Kind) throws -> QueryResult {
        let connection = try liveHandle()
        guard let result else {
            throw PostgresError(
                kind: PQstatus(connection) == CONNECTION_OK ? kind : .connectionLost,
                message: Self.trimmedMessage(PQerrorMessage(connection)), statement: statement)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(copying: result)
        case PGRES_COPY_IN, PGRES_COPY_OUT:
            return QueryResult(copying: result)
        default:
            throw Self.error(from: result, connection: connection, statement: statement, kind: kind)
        }
    }

    private static func error(
        from result: OpaquePointer, connection: OpaquePointer, statement: String, kind: PostgresError.Kind
    ) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            guard let value = PQresultErrorField(result, Int32(code)) else { return nil }
            return String(cString: value)
        }
        let sqlState = field(DiagnosticField.sqlState)
        let message = field(DiagnosticField.messagePrimary)
            ?? trimmedMessage(PQresultErrorMessage(result))
        let lost = PQstatus(connection) != CONNECTION_OK
        return PostgresError(
            kind: lost ? .connectionLost : kind,
            sqlState: sqlState,
            message: message.isEmpty ? trimmedMessage(PQerrorMessage(connection)) : message,
            detail: field(DiagnosticField.messageDetail),
            hint: field(DiagnosticField.messageHint),
            statement: statement)
    }

    fileprivate static func trimmedMessage(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        var text = String(cString: pointer)
        while let last = text.last, last == "\n" || last == " " { text.removeLast() }
        return text
    }

    private func drainResults(_ connection: OpaquePointer) {
        while let result = PQgetResult(connection) { PQclear(result) }
    }
}

/// `PG_DIAG_*` are character-literal macros that Swift does not import.
enum DiagnosticField {
    static let sqlState = UInt8(ascii: "C")
    static let messagePrimary = UInt8(ascii: "M")
    static let messageDetail = UInt8(ascii: "D")
    static let messageHint = UInt8(ascii: "H")
}

/// Discards server notices (e.g. "relation already exists, skipping") instead of printing them.
private func ignoreNotice(_ argument: UnsafeMutableRawPointer?, _ message: UnsafePointer<CChar>?) {}

/// Buffers COPY text and hands it to libpq in large chunks.
public struct CopyWriter: ~Copyable {
    private let connection: OpaquePointer
    private let statement: String
    private var buffer: [UInt8] = []
    /// How many bytes are collected before one `PQputCopyData`.
    public static let chunkSize = 1 << 20

    init(connection: OpaquePointer, statement: String) {
        self.connection = connection
        self.statement = statement
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Appends bytes of COPY text (the caller escapes values and ends rows with `\n`).
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public mutating func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let status = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                PQputCopyData(connection, chars.baseAddress, Int32(chars.count))
            }
        }
        guard status == 1 else {
            throw PostgresError(
                kind: PQstatus(connection) == CONNECTION_OK ? .copy : .connectionLost,
                message: Connection.trimmedMessage(PQerrorMessage(connection)), statement: statement)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    withOptionalCStringArray(strings.map { Optional($0) }) { pointers in
        body(pointers!)
    }
}

/// Hands libpq a NULL-terminated array of C strings that live for the duration of `body`.
private func withOptionalCStringArray<R>(
    _ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
) -> R {
    var storage: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } }
    defer { for pointer in storage { free(pointer) } }
    storage.append(nil)
    return storage.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
            body($0)
        }
    }
}
