import Foundation

/// Runs the built `pdmon` executable, as cron would, for tests of exit codes and of kills.
struct PDMonProcess {
    /// `.build/debug/pdmon` of this checkout (scripts/test builds it before testing),
    /// or `PDMON_BINARY` when set.
    static var binary: URL {
        if let explicit = ProcessInfo.processInfo.environment["PDMON_BINARY"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return TestDatabase.sqlDirectory.url.deletingLastPathComponent()
            .appendingPathComponent(".build/debug/pdmon")
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts pdmon with the arguments and environment; the caller waits or kills.
    static func start(_ arguments: [String], executable: URL? = nil, environment: [String: String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PDMON_SQL_DIR"] = TestDatabase.sqlDirectory.url.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(arguments: arguments, executable: nil, environment: environment)
    }

    /// Runs `executable` (pdmon when nil), e.g. `script` giving pdmon a pseudo-terminal.
    static func run(arguments: [String], executable: URL?, environment: [String: String] = [:]) throws -> Result {
        let (process, out, err) = try start(arguments, executable: executable, environment: environment)
        // Read before waiting so a chatty child never blocks on a full pipe.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
