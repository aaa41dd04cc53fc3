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

/// `--format`, `--excel` and `--lang`, shared by every command that prints a table.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table, csv, json, markdown / формат вывода.")
    var format: FormatArgument = .table

    @Flag(help: "CSV for Russian-locale spreadsheets: BOM, ';' and decimal comma / CSV для Excel.")
    var excel = false

    @Option(help: "Language of titles and names: ru or en / язык.")
    var lang: LanguageArgument = .russian

    func print(_ table: ResultTable) {
        let bytes = ReportRenderer.render(
            table.localized(lang.value), format: format.value, excel: excel, language: lang.value)
        FileHandle.standardOutput.write(Data(bytes))
    }
}

struct FormatArgument: ExpressibleByArgument {
    let value: ReportFormat
    init?(argument: String) {
        guard let value = ReportFormat(argument: argument) else { return nil }
        self.value = value
    }
    private init(_ value: ReportFormat) { self.value = value }
    static let table = FormatArgument(.table)
    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

struct LanguageArgument: ExpressibleByArgument {
    let value: ReportLanguage
    init?(argument: String) {
        guard let value = ReportLanguage(argument: argument) else { return nil }
        self.value = value
    }
    private init(_ value: ReportLanguage) { self.value = value }
    static let russian = LanguageArgument(.ru)
    static var allValueStrings: [String] { ReportLanguage.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}
