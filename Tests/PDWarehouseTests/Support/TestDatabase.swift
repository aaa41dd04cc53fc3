import Foundation
import PDPostgres
import PDWarehouse

/// A database of its own for one test, created on the server that scripts/test started
/// (`PDMON_TEST_DATABASE_URL`) and dropped when the test is done, so tests run in parallel
/// and leave nothing behind.
final class TestDatabase {
    static var adminURL: String? {
        let url = ProcessInfo.processInfo.environment["PDMON_TEST_DATABASE_URL"]
        return (url?.isEmpty ?? true) ? nil : url
    }

    /// Used with `.enabled(if:)` so that a plain `swift test` without a server says why it skips.
    static var isConfigured: Bool { adminURL != nil }

    /// The repository's sql/ folder, found from this file's path.
    static let sqlDirectory = SQLDirectory(
        url: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sql"))

    let name: String
    let url: String
    /// The superuser connection of the server the database lives on (it is dropped through it).
    let admin: String

    convenience init(migrated: Bool = true) throws {
        guard let admin = Self.adminURL else {
            throw PostgresError(kind: .connection, message: "PDMON_TEST_DATABASE_URL is not set; run scripts/test")
        }
        try self.init(admin: admin, migrated: migrated)
    }

    /// A database on another server than scripts/test's (`OwnServer`), given its superuser URL.
    init(admin: String, migrated: Bool = true) throws {
        self.admin = admin
        name = "pdmon_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        url = Self.url(admin, database: name)
        let connection = try Connection(conninfo: admin)
        defer { connection.close() }
        let quoted = try connection.escapeIdentifier(name)
        try connection.run(SQL(unsafeText: "create database \(quoted) template template0 encoding 'UTF8'"))
        if migrated {
            let session = try connect()
            defer { session.close() }
            try Migrator.project(connection: session, sql: Self.sqlDirectory).migrate()
        }
    }

    deinit {
        guard let connection = try? Connection(conninfo: admin) else { return }
        if let quoted = try? connection.escapeIdentifier(name) {
            try? connection.run(SQL(unsafeText: "drop database if exists \(quoted) with (force)"))
        }
        connection.close()
    }

    func connect() throws -> Connection {
        try Connection(conninfo: url)
    }

    /// The admin URL with another database name.
    static func url(_ admin: String, database: String) -> String {
        if admin.hasPrefix("postgres://") || admin.hasPrefix("postgresql://"),
           var components = URLComponents(string: admin) {
            components.path = "/" + database
            return components.string ?? admin
        }
        return admin + " dbname=\(database)"
    }
}
