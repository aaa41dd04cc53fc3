import ArgumentParser
import Foundation
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
        subcommands: [List.self, Indicators.self, Trend.self, Compare.self, Run.self, Reconcile.self, Effect.self]
    )

    // MARK: - Shared options

    /// `--by school|city` and `--school CODE...`, shared by indicators and trend.
    struct SchoolScopeOptions: ParsableArguments {
        @Option(help: "school или city / By school or for the city.")
        var by: GrainArgument = GrainArgument(.school)

        @Option(help: "Код ОО (можно повторять) / School code (repeatable).")
        var school: [String] = []

        func validate() throws {
            if by.value == .city && !school.isEmpty {
                throw ValidationError("--school нельзя с --by city / --school cannot be combined with --by city.")
            }
        }
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

    /// Runs one report through the warehouse and writes its table.
    static func report(
        _ request: ReportRequest, connection: ConnectionOptions, logging: LoggingOptions, output: OutputOptions
    ) throws {
        let warehouse = try connection.warehouse(logging)
        try output.write(try warehouse.report(request, language: output.language, indicatorNames: output.showsIndicatorNames))
    }

    // MARK: - Subcommands

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показатели и отчёты / The indicators and the reports.")

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            try ReportCommand.report(.list, connection: connection, logging: logging, output: output)
        }
    }

    struct Indicators: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Значения показателей за год по ОО или по городу / Indicator values for a year.",
            discussion: "--format csv: academic_year,school_code,school_name,indicator,numerator,denominator,value")

        @Option(help: "Учебный год, например 2023-2024 / Academic year.")
        var year: String

        @OptionGroup var scope: SchoolScopeOptions

        @Option(help: "Код показателя (можно повторять) / Indicator id (repeatable).")
        var indicator: [String] = []

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(year, option: "--year")
        }

        func run() throws {
            try ReportCommand.report(
                .indicators(year: year, by: scope.by.value, schools: scope.school, indicators: indicator),
                connection: connection, logging: logging, output: output)
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

        @OptionGroup var scope: SchoolScopeOptions

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(from, option: "--from")
            try ReportCommand.checkYear(to, option: "--to")
            if let from, let to, let first = ReportCommand.startYear(from), let last = ReportCommand.startYear(to), first > last {
                throw ValidationError("--from позже --to / --from is after --to.")
            }
        }

        func run() throws {
            guard output.format() == .html else {
                try ReportCommand.report(
                    .trend(indicator: indicator, from: from, to: to, by: scope.by.value, schools: scope.school),
                    connection: connection, logging: logging, output: output)
                return
            }
            // HTML: the city's line and the schools' lines on one chart, then the table.
            let page = try connection.warehouse(logging).trendPage(
                indicator: indicator, from: from, to: to, by: scope.by.value, schools: scope.school, language: output.language)
            try output.write(text: page)
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
            try ReportCommand.report(
                .compare(base: base, target: target, indicators: indicator, schools: school),
                connection: connection, logging: logging, output: output)
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
            try ReportCommand.report(.file(file, assignments: params), connection: connection, logging: logging, output: output)
        }
    }

    struct Reconcile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Заявки ОО, план-заказ, запись и завершение обучения / Requests vs plan vs enrolled vs completed.",
            discussion: """
                По ОО и предметам и по ОО и направленностям: заявлено (заявки ОО), план (выпущенный план-заказ, \
                pdmon plan --issue), записаны, завершили, не завершили из заявленных — только числа \
                (заявлено = завершили + записаны без завершения + не записаны; sql/cycle/README.md).
                Per school and subject and per school and focus area: requested, planned (the issued plan-order), \
                enrolled, completed, requested but not completed — counts only.
                """)

        @Option(help: "Учебный год, например 2024-2025 / Academic year.")
        var year: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(year, option: "--year")
        }

        func run() throws {
            let format = output.format()
            let report = try connection.warehouse(logging).reconcile(year: year, language: output.language,
                                                                     forPeople: format.isForPeople || output.excel)
            if format == .json { try output.write(text: report.json()) } else {
                try output.write(tables: [report.bySubject, report.byFocusArea])
            }
        }
    }

    struct Effect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Эффективность мер прошлого года / The effect of the measures of the year before.",
            discussion: """
                Для каждой меры Y-1: показатель в Y-1 и Y, изменение и то же для ОО без такой меры (группа сравнения), \
                с оговорками о малых знаменателях.
                For each measure of Y-1: the indicator in Y-1 and Y, the change, and the same for the schools without \
                such a measure (the comparison group), with small-denominator caveats.
                """)

        @Option(help: "Учебный год Y, например 2024-2025 (меры — за Y-1) / Academic year Y (measures of Y-1).")
        var year: String

        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            try ReportCommand.checkYear(year, option: "--year")
        }

        func run() throws {
            try output.write(try connection.warehouse(logging).effect(year: year, language: output.language).table())
        }
    }
}
