import Foundation
import Logging

/// How pdmon writes its log to stderr: readable lines for people, JSON lines for cron.
public enum LogFormat: String, CaseIterable, Sendable {
    case text
    case json
}

/// Sets up swift-log once per process: every logger writes to stderr in the chosen format.
public enum LogSetup {
    /// The format chosen by `bootstrap`, so that a command's final error goes out the same way.
    public static var format: LogFormat { chosen.get() }
    private static let chosen = ChosenFormat()

    public static func bootstrap(format: LogFormat, level: Logger.Level) {
        chosen.set(format)
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            switch format {
            case .text: handler = StreamLogHandler.standardError(label: label)
            case .json: handler = JSONLogHandler(label: label)
            }
            handler.logLevel = level
            return handler
        }
    }
}

/// One JSON object per line: time, level, label, message and metadata.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "time": ISO8601DateFormatter().string(from: Date()),
            "level": event.level.rawValue,
            "label": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = Self.plain(value)
        }
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        data.append(0x0A)
        FileHandle.standardError.write(data)
    }

    private static func plain(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let string): return string
        case .stringConvertible(let convertible): return convertible.description
        case .array(let array): return array.map(plain)
        case .dictionary(let dictionary): return dictionary.mapValues(plain)
        }
    }
}

/// The chosen log format behind a lock (set once at start, read at exit).
private final class ChosenFormat: @unchecked Sendable {
    private let lock = NSLock()
    private var value = LogFormat.text

    func get() -> LogFormat { lock.withLock { value } }
    func set(_ format: LogFormat) { lock.withLock { value = format } }
}
