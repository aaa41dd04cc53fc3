import Foundation
import PDReport

/// The report files: the bundled ones under `sql/reports/` and any file an analyst names.
public struct ReportLibrary: Sendable {
    public let sql: SQLDirectory

    public init(sql: SQLDirectory) {
        self.sql = sql
    }

    /// The folder of bundled reports, `sql/reports/`.
    public var folder: URL { sql.url.appendingPathComponent("reports") }

    /// Every bundled report, by name.
    public func all() throws -> [ReportFile] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        } catch {
            throw WarehouseError.fileUnreadable(path: folder.path, reason: error.localizedDescription)
        }
        return try files.map { try Self.load(path: folder.appendingPathComponent($0).path) }
            .sorted { $0.name < $1.name }
    }

    /// A bundled report by name (`trend`), or a report file by path (`my.sql`).
    /// A path that exists wins over a bundled name.
    public func report(_ nameOrPath: String) throws -> ReportFile {
        if FileManager.default.fileExists(atPath: nameOrPath) {
            return try Self.load(path: nameOrPath)
        }
        let bundled = folder.appendingPathComponent(nameOrPath.hasSuffix(".sql") ? nameOrPath : nameOrPath + ".sql")
        if FileManager.default.fileExists(atPath: bundled.path) {
            return try Self.load(path: bundled.path)
        }
        let available = (try? all().map(\.name)) ?? []
        throw ReportError.reportNotFound(nameOrPath, available: available)
    }

    /// Reads and parses a report file (header, parameters, placeholders).
    public static func load(path: String) throws -> ReportFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WarehouseError.fileUnreadable(path: path, reason: error.localizedDescription)
        }
        return try ReportFile.parse(text: text, path: path)
    }
}
