import Foundation
import PDPostgres

/// Finds the `sql/` folder that holds migrations, load statements and reports.
///
/// Looked up in order: `PDMON_SQL_DIR`; a `sql/` beside or above the running executable
/// (a checkout: `.build/release/pdmon` → `sql/`); one above the current directory;
/// `/usr/share/pdmon/sql` (the container image).
public struct SQLDirectory: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SQLDirectory {
        if let explicit = environment["PDMON_SQL_DIR"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            guard isSQLDirectory(url) else { throw WarehouseError.sqlDirectoryNotFound(searched: [explicit]) }
            return SQLDirectory(url: url)
        }
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates += ancestors(of: executable.deletingLastPathComponent()).map { $0.appendingPathComponent("sql") }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        candidates += ancestors(of: cwd).map { $0.appendingPathComponent("sql") }
        candidates.append(URL(fileURLWithPath: "/usr/share/pdmon/sql"))
        if let found = candidates.first(where: isSQLDirectory) { return SQLDirectory(url: found) }
        throw WarehouseError.sqlDirectoryNotFound(searched: candidates.map(\.path))
    }

    /// The statement of a file under `sql/`, e.g. `load/merge_enrolments.sql`.
    public func statement(_ relativePath: String) throws -> SQL {
        SQL(fileText: try text(relativePath), path: relativePath)
    }

    /// The text of a file under `sql/` (for files that are not statements, e.g. report headers).
    public func text(_ relativePath: String) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw WarehouseError.sqlFileUnreadable(path: file.path, reason: error.localizedDescription)
        }
    }

    private static func isSQLDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let migrations = url.appendingPathComponent("migrations").path
        return FileManager.default.fileExists(atPath: migrations, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func ancestors(of url: URL) -> [URL] {
        var result: [URL] = []
        var current = url.standardizedFileURL
        for _ in 0..<6 {
            result.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return result
    }
}
