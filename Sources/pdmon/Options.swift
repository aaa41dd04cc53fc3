import ArgumentParser
import Foundation
import Logging
import PDReport
import PDWarehouse

/// `--database-url`, shared by every command that talks to the warehouse.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL or conninfo; default PDMON_DATABASE_URL, then libpq's PG* variables / адрес базы данных.")
    var databaseURL: String?

    var conninfo: String { DatabaseTarget.conninfo(option: databaseURL) }
}

/// `--log-format` and `--log-level`, shared by every command.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log format on stderr: text or json (for cron) / формат журнала.")
    var logFormat: LogFormatArgument = .text

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical / уровень журнала.")
    var logLevel: LogLevelArgument = .info

    func bootstrap() -> Logger {
        LogSetup.bootstrap(format: logFormat.value, level: logLevel.value)
        return Logger(label: "pdmon")
    }
}

struct LogFormatArgument: ExpressibleByArgument {
    let value: LogFormat
    init?(argument: String) {
        guard let value = LogFormat(rawValue: argument) else { return nil }
        self.value = value
    }
    init(_ value: LogFormat) { self.value = value }
    static let text = LogFormatArgument(.text)
    static var allValueStrings: [String] { LogFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

struct LogLevelArgument: ExpressibleByArgument {
    let value: Logger.Level
    init?(argument: String) {
        guard let value = Logger.Level(rawValue: argument) else { return nil }
        self.value = value
    }
    init(_ value: Logger.Level) { self.value = value }
    static let info = LogLevelArgument(.info)
    static var allValueStrings: [String] { Logger.Level.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

/// `--format`, `--excel`, `--lang` and `--out`, shared by every command that prints a table.
struct OutputOptions: ParsableArguments {
    @Option(help: "Формат: table, csv, json, markdown, html / Output format.")
    var format: FormatArgument = FormatArgument(.table)

    @Flag(help: "CSV для русского Excel: BOM, ';', десятичная запятая / CSV for Russian-locale spreadsheets.")
    var excel = false

    @Option(help: "Язык заголовков и названий: ru, en / Language of titles and names.")
    var lang: LanguageArgument = LanguageArgument(.defaultLanguage)

    @Option(help: "Записать в файл вместо вывода на экран / Write to this file instead of stdout.")
    var out: String?

    func validate() throws {
        if excel && format.value != .csv {
            throw ValidationError("--excel относится только к --format csv / --excel applies to --format csv only.")
        }
    }

    /// Table, markdown and html are read by people: they show indicator names instead of ids.
    var showsIndicatorNames: Bool { [.table, .markdown, .html].contains(format.value) }

    func write(_ table: ResultTable) throws {
        let bytes = ReportRenderer.render(table, format: format.value, excel: excel, language: lang.value)
        try writeOutput(bytes, to: out)
    }
}

/// Writes to `--out FILE` (creating its folder and printing the path on stderr) or to stdout.
func writeOutput(_ bytes: [UInt8], to path: String?) throws {
    guard let path else {
        FileHandle.standardOutput.write(Data(bytes))
        return
    }
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    } catch {
        throw WarehouseError.fileUnreadable(path: path, reason: "cannot write / не удалось записать: \(error.localizedDescription)")
    }
    FileHandle.standardError.write(Data("\(url.path)\n".utf8))
}

struct FormatArgument: ExpressibleByArgument {
    let value: ReportFormat
    init(_ value: ReportFormat) { self.value = value }
    init?(argument: String) {
        guard let value = ReportFormat(argument: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

struct LanguageArgument: ExpressibleByArgument {
    let value: ReportLanguage
    init(_ value: ReportLanguage) { self.value = value }
    init?(argument: String) {
        guard let value = ReportLanguage(argument: argument) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { ReportLanguage.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}
