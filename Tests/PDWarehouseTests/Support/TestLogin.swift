import Foundation
import PDPostgres

/// A login role of its own for one test, on the server of `TestDatabase`, granted `roles`
/// (pdmon_reader, pdmon_loader). Roles belong to the whole server, which other tests share:
/// the name is unique per test, and the role is dropped when the test is done.
final class TestLogin {
    let name: String
    /// The test database's URL with this login as its user (the throwaway server trusts local logins).
    let url: String
    private let admin: String

    init(_ database: TestDatabase, roles: [String]) throws {
        admin = database.admin  // the database's own server (scripts/test's or an OwnServer)
        name = "pdmon_login_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let connection = try Connection(conninfo: admin)
        defer { connection.close() }
        let quoted = try connection.escapeIdentifier(name)
        try connection.run(SQL(unsafeText: "create role \(quoted) login"))
        for role in roles {
            try connection.run(SQL(unsafeText: "grant \(try connection.escapeIdentifier(role)) to \(quoted)"))
        }
        guard var components = URLComponents(string: database.url) else {
            throw PostgresError(kind: .connection, message: "the test database URL is not a URL")
        }
        components.user = name
        components.password = nil
        url = components.string ?? database.url
    }

    func connect() throws -> Connection {
        try Connection(conninfo: url)
    }

    deinit {
        guard let connection = try? Connection(conninfo: admin) else { return }
        if let quoted = try? connection.escapeIdentifier(name) {
            try? connection.run(SQL(unsafeText: "drop role if exists \(quoted)"))
        }
        connection.close()
    }
}
