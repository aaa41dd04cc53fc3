import Foundation

/// A PostgreSQL server of the tests' own, which a test may stop with `pg_ctl stop -m immediate`
/// (as a crash would) and start again: scripts/test's server is shared by every test and must
/// never be stopped.
///
/// Started once per test process on first use (`shared`), with scripts/lib/pg.sh's
/// `pdmon_pg_start` (initdb as the unprivileged server user, a free local port, durable),
/// and stopped and deleted when the process exits. Tests that stop it must not run at the same
/// time as each other (`.serialized`); each uses a database of its own on it (`LoadFixture(admin:)`).
final class OwnServer: Sendable {
    /// The server of this test process, started on first use.
    static let shared: Result<OwnServer, any Error> = Result {
        let server = try OwnServer()
        atexit { if case .success(let server) = OwnServer.shared { server.remove() } }
        return server
    }

    /// A server with the citus extension preloaded (a single-node Citus: the coordinator holds
    /// the shards), started on first use; only when `citusIsInstalled`.
    static let citus: Result<OwnServer, any Error> = Result {
        let server = try OwnServer(options: "-c shared_preload_libraries=citus -c max_connections=200")
        atexit { if case .success(let server) = OwnServer.citus { server.remove() } }
        return server
    }

    /// Whether the citus extension is installed for the local PostgreSQL (`citus.so` in
    /// `pg_config --pkglibdir`, else Debian's folder): Citus is no Debian package, so a clean
    /// machine has none and the Citus tests skip (scripts/citus-check builds it).
    static let citusIsInstalled: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "pg_config --pkglibdir 2>/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var folders = ["/usr/lib/postgresql/15/lib"]
        if (try? process.run()) != nil {
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let folder = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if process.terminationStatus == 0, !folder.isEmpty { folders.insert(folder, at: 0) }
        }
        return folders.contains { FileManager.default.fileExists(atPath: $0 + "/citus.so") }
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let directory: URL
    let port: Int
    var adminURL: String { "postgresql://postgres@127.0.0.1:\(port)/postgres" }

    private static let repository = TestDatabase.sqlDirectory.url.deletingLastPathComponent()

    private init(options: String = "") throws {
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("pdmon-own-server-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        // Durable, as in production: a throwaway server (synchronous_commit=off) loses commits
        // that an immediate stop catches before their WAL is written, which no real one does.
        _ = try Self.shell(#"pdmon_pg_start "$DIR""#, directory: directory, extra: ["PDMON_PG_OPTIONS": options])
        guard let port = Int(try String(contentsOf: directory.appendingPathComponent("port"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw Failure(description: "pdmon_pg_start wrote no port") }
        self.port = port
    }

    /// `pg_ctl stop -m immediate`: every backend ends at once, nothing is checkpointed; the
    /// next start recovers from the WAL as after a crash.
    func stopImmediately() throws {
        _ = try Self.shell(#"pdmon_as_pg_user "$(pdmon_pg_bindir)/pg_ctl" -D "$DIR/data" -m immediate -w stop"#,
                           directory: directory)
    }

    /// Starts the stopped server again on the same port (its URLs stay valid). pg.sh's start
    /// is not used here: its check for a free port refuses a port with connections in TIME_WAIT,
    /// which the server binds anyway.
    func start() throws {
        let options = "-p \(port) -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        _ = try Self.shell(#"""
            pdmon_as_pg_user "$(pdmon_pg_bindir)/pg_ctl" -D "$DIR/data" -o "$OPTIONS" -l "$DIR/server.log" -w -t 60 start
            """#, directory: directory, extra: ["OPTIONS": options])
    }

    /// Stops the server (quietly if it is not running) and deletes its folder.
    func remove() {
        _ = try? Self.shell(#"pdmon_pg_stop "$DIR""#, directory: directory)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `script` in bash after sourcing scripts/lib/pg.sh, with `DIR` set; its output,
    /// or `Failure` with its output when it fails.
    ///
    /// The shell first closes every descriptor it inherited above stderr: Foundation's `Process`
    /// learns that a child ended when the child's end of a socket pair closes, and a server
    /// started from here would otherwise keep that end (and those of `pdmon` processes other
    /// tests start meanwhile) open for as long as it runs, so those waits would never end.
    private static func shell(_ script: String, directory: URL, extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let closeInherited = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; "#
        process.arguments = ["-c", closeInherited + #". "$REPOSITORY/scripts/lib/pg.sh" && "# + script]
        var environment = ProcessInfo.processInfo.environment
        environment["REPOSITORY"] = repository.path
        environment["DIR"] = directory.path
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(script) failed (\(process.terminationStatus)): \(text)")
        }
        return text
    }
}
