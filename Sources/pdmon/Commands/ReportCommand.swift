import ArgumentParser
import Foundation
import PDPostgres
import PDReport
import PDWarehouse

/// `pdmon report …`: indicator tables, trends and comparisons from the mart, and any report
/// file with bound parameters.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Отчёты по показателям / Indicator reports.",
        discussion: """
            Все отчёты читают витрины mart (обновляются после каждой загрузки и командой pdmon db refresh) \
            и передают параметры только как связанные значения.
            Every report reads the mart views (refreshed after every load and by pdmon db refresh) and \
            passes parameters only as bound values.
            """,
        subcommands: [List.self, Indicators.self, Trend.self, Compare.self, Run.self]
    )

    // MARK: - Shared options

    /// `--format`, `--excel`, `--lang`: how a report is written.
    struct OutputOptions: ParsableArguments {
        @Option(help: "Формат: table, csv, json, markdown / Output format.")
        var format: FormatArgument = FormatArgument(.table)

        @Flag(help: "CSV для русского Excel: BOM, ';', десятичная запятая / CSV for Russian-locale spreadsheets.")
        var excel = false

        @Option(help: "Язык заголовков и названий: ru, en / Language of titles and names.")
        var lang: LanguageArgument = LanguageArgument(.defaultLanguage)

        func validate() throws {
            if excel && format.value != .csv {
                throw ValidationError("--excel относится только к --format csv / --excel applies to --format csv only.")
            }
        }

        /// Table and markdown are read by people: they show indicator names instead of ids.
        var showsIndicatorNames: Bool { format.value == .table || format.value == .markdown }

        func write(_ table: ResultTable) {
            let bytes = ReportRenderer.render(table, format: format.value, excel: excel, language: lang.value)
            FileHandle.standardOutput.write(Data(bytes))
        }
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

    struct GrainArgument: ExpressibleByArgument {
        let value: ReportGrain
        init(_ value: ReportGrain) { self.value = value }
        init?(argument: String) {
            guard let value = ReportGrain(rawValue: argument.lowercased()) else { return nil }
            self.value = value
        }
        static var allValueStrings: [String] { ReportGrain.allCases.map(\.rawValue) }
        var defaultValueDescription: String { value.rawValue }
    }

    /// Refuses a value that is not an academic year, naming the option.
    static func checkYear(_ value: String?, option: String) throws {
        guard let value else { return }
        guard ReportScalarType.academicYear.normalise(value) != nil else {
            throw ValidationError(
                "\(option): «\(value)» — не учебный год, пример: 2023-2024 / not an academic year, e.g. 2023-2024.")
        }
    }

    /// The start year of a valid academic year (`2023-2024` → 2023).
    static func startYear(_ value: String) -> Int? {
        ReportScalarType.academicYear.normalise(value).flatMap { Int($0.prefix(4)) }
    }

    /// Opens the warehouse connection and the sql/ folder, runs `body`, writes its table.
    static func report(
        connection options: ConnectionOptions, logging: LoggingOptions, output: OutputOptions,
        _ body: (StandardReports) throws -> ResultTable
    ) throws {
        _ = logging.bootstrap()
        let sql = try SQLDirectory.locate()
        // Reports read only mart, so an analyst's login with pdmon_reader is enough.
        let connection = try Connection(conninfo: options.conninfo)
        defer { connection.close() }
        let reports = StandardReports(
            connection: connection, sql: sql, language: output.lang.value, indicatorNames: output.showsIndicatorNames)
        output.write(try body(reports))
    }

    // MARK: - Subcommands

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показатели и отчёты / The indicators and the reports.")

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            try ReportCommand.report(connection: connection, logging: logging, output: output) { try $0.list() }
        }
    }

    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Значения показателей за год по ОО или по городу / Indicator values for a year.",
            discussion: "--format csv: academic_year,school_code,indicator,numerator,denominator,value")

        @Option(help: "Учебный год, например 2023-2024 / Academic year.")
        var year: String

        @Option(help: "Код ОО (можно повторять) / School code (repeatable).")
        var school: [String] = []

        @Option(help: "school или city / By school or for the city.")
        var by: GrainArgument = GrainArgument(.school)

        @Option(help: "Код показателя (можно повторять) / Indicator id (repeatable).")
        var indicator: [String] = []

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(year, option: "--year")
            if by.value == .city && !school.isEmpty {
                throw ValidationError("--school нельзя с --by city / --school cannot be combined with --by city.")
            }
        }

        func run() throws {
            try ReportCommand.report(connection: connection, logging: logging, output: output) {
                try $0.indicators(year: year, by: by.value, schools: school, indicators: indicator)
            }
        }
    }

    struct Trend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Динамика показателя по годам / An indicator's trend over years.")

        @Option(help: "Код показателя / Indicator id.")
        var indicator: String

        @Option(help: "Первый учебный год / First academic year.")
        var from: String?

        @Option(help: "Последний учебный год / Last academic year.")
        var to: String?

        @Option(help: "city или school / For the city or by school.")
        var by: GrainArgument = GrainArgument(.school)

        @Option(help: "Код ОО (можно повторять) / School code (repeatable).")
        var school: [String] = []

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(from, option: "--from")
            try ReportCommand.checkYear(to, option: "--to")
            if let from, let to, let first = ReportCommand.startYear(from), let last = ReportCommand.startYear(to), first > last {
                throw ValidationError("--from позже --to / --from is after --to.")
            }
            if by.value == .city && !school.isEmpty {
                throw ValidationError("--school нельзя с --by city / --school cannot be combined with --by city.")
            }
        }

        func run() throws {
            try ReportCommand.report(connection: connection, logging: logging, output: output) {
                try $0.trend(indicator: indicator, from: from, to: to, by: by.value, schools: school)
            }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Сравнение двух лет по ОО: значения, изменение, места / Two years compared per school.")

        @Option(help: "Базовый учебный год / Base academic year.")
        var base: String

        @Option(help: "Целевой учебный год / Target academic year.")
        var target: String

        @Option(help: "Код показателя (можно повторять) / Indicator id (repeatable).")
        var indicator: [String] = []

        @Option(help: "Код ОО (можно повторять) / School code (repeatable).")
        var school: [String] = []

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(base, option: "--base")
            try ReportCommand.checkYear(target, option: "--target")
        }

        func run() throws {
            try ReportCommand.report(connection: connection, logging: logging, output: output) {
                try $0.compare(base: base, target: target, indicators: indicator, schools: school)
            }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Выполнить файл отчёта с параметрами / Run a report file with parameters.",
            discussion: """
                FILE — путь к .sql с заголовком (-- name:, -- description:, -- param: имя тип required|optional) \
                или имя отчёта из sql/reports (например lagging).
                FILE is a path to a .sql file with a report header, or the name of a bundled report (e.g. lagging).
                """)

        @Argument(help: "Файл отчёта или имя отчёта / Report file or bundled report name.")
        var file: String

        @Option(name: .customLong("param"), help: "Параметр имя=значение (можно повторять) / Parameter name=value (repeatable).")
        var params: [String] = []

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            do {
                _ = try ParameterAssignments.parse(params)
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            try ReportCommand.report(connection: connection, logging: logging, output: output) {
                try $0.run(file, assignments: params)
            }
        }
    }
}
