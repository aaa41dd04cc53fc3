import ArgumentParser
import Foundation
import Logging
import PDContract
import PDReport
import PDWarehouse

/// `--database-url`, shared by every command that talks to the warehouse.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: "PostgreSQL URL or conninfo; default PDMON_DATABASE_URL, then libpq's PG* variables / адрес базы данных.")
    var databaseURL: String?

    var conninfo: String { DatabaseTarget.conninfo(option: databaseURL) }

    /// The warehouse facade for one command, after the log is set up.
    func warehouse(_ logging: LoggingOptions, pseudonymizer: (Logger) throws -> Pseudonymizer? = { _ in nil }) throws -> Warehouse {
        let logger = logging.bootstrap()
        return try Warehouse(conninfo: conninfo, logger: logger, pseudonymizer: try pseudonymizer(logger))
    }
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

/// `--format`, `--excel`, `--lang` and `--out`, shared by every command that prints a table or a document.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .customLong("format"),
        help: "Формат: table, csv, json, markdown, html, xlsx, docx, pdf (по умолчанию table; у recommend — markdown) / Output format.")
    var formatOption: FormatArgument?

    @Flag(help: "CSV для русского Excel: BOM, ';', десятичная запятая, русские заголовки (подразумевает --format csv) / CSV for Russian-locale spreadsheets (implies --format csv).")
    var excel = false

    @Option(help: "Язык заголовков и названий: ru, en / Language of titles and names.")
    var lang: LanguageArgument = LanguageArgument(.defaultLanguage)

    @Option(help: "Записать в файл вместо вывода на экран / Write to this file instead of stdout.")
    var out: String?

    @Flag(help: "Не подгонять таблицы и тексты под ширину терминала ($COLUMNS) / Do not fit tables and texts to the terminal width.")
    var wide = false

    func validate() throws {
        if excel, let format = formatOption?.value, format != .csv {
            throw ValidationError("--excel относится только к CSV (и подразумевает --format csv); для книги Excel — --format xlsx / "
                                  + "--excel applies to CSV only (and implies --format csv); for a workbook use --format xlsx.")
        }
    }

    /// The chosen format, or the command's default; `--excel` alone means csv.
    func format(default fallback: ReportFormat = .table) -> ReportFormat { formatOption?.value ?? (excel ? .csv : fallback) }

    var language: ReportLanguage { lang.value }

    /// Formats read by people (table, markdown, html, xlsx, docx, pdf, and the Excel CSV) show
    /// indicator names instead of ids.
    var showsIndicatorNames: Bool { format().isForPeople || excel }

    /// Refuses a binary format (xlsx, docx, pdf) bound for a terminal.
    func checkBinary(_ format: ReportFormat) throws {
        if format.isBinary && out == nil && isatty(STDOUT_FILENO) != 0 {
            throw DocumentError.binaryToTerminal(format: format.rawValue)
        }
    }

    /// The width to fit when stdout is a terminal (not with `--out` or `--wide`): `$COLUMNS`,
    /// else the terminal's own, else 80. Nil — no limit — for files and pipes, so their
    /// bytes do not depend on where they were written from.
    var terminalWidth: Int? {
        guard !wide, out == nil, isatty(STDOUT_FILENO) != 0 else { return nil }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    func write(_ table: ResultTable) throws {
        try write(tables: [table])
    }

    /// Several tables one after the other (csv: one after the other, each with its header).
    /// (xlsx: one sheet each; docx, pdf, html: one after the other.)
    func write(tables: [ResultTable], default fallback: ReportFormat = .table) throws {
        let format = format(default: fallback)
        try checkBinary(format)
        try writeOutput(try ReportRenderer.render(tables, format: format, excel: excel, language: language, width: terminalWidth), to: out)
    }

    func write(bytes: [UInt8]) throws {
        try writeOutput(bytes, to: out)
    }

    func write(text: String) throws {
        try writeOutput(Array(text.utf8), to: out)
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

/// `--organisation` and `--per-school`, shared by the commands that write documents
/// (`recommend`, `brief`).
struct DocumentOptions: ParsableArguments {
    @Option(help: "Организация в шапке документа (по умолчанию PDMON_ORGANISATION) / The organisation in the document's header block (default PDMON_ORGANISATION).")
    var organisation: String?

    @Flag(help: "По документу на каждую ОО и документ города — в папку --out (docx, html, markdown, pdf) / One document per school, plus the city's, into the --out folder.")
    var perSchool = false

    /// The header block of a document of `period`.
    func header(period: String, dataAsOf: (batch: Int, loadedAt: String)?, language: ReportLanguage) -> DocumentHeader {
        DocumentHeader.current(organisation: organisation, period: period, dataAsOf: dataAsOf, language: language)
    }

    /// Writes one document per entry into the `--out` folder and lists the files on stderr.
    func writePerSchool(_ documents: [(fileName: String, document: HTMLDocument)], format: ReportFormat, output: OutputOptions) throws {
        guard let folder = output.out else { throw DocumentError.perSchoolNeedsFolder }
        for path in try DocumentRenderer.write(documents, format: format, folder: folder) {
            FileHandle.standardError.write(Data("\(path)\n".utf8))
        }
    }
}
