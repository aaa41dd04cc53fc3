import ArgumentParser
import Foundation
import PDContract
import PDWarehouse

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load export files of a named kind / загрузить выгрузки указанного вида.",
        subcommands: [Schools.self, Enrolments.self, Survey.self, FRDO.self, Requests.self, Measures.self]
    )

    struct Schools: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The schools directory / справочник ОО.")
        @Argument(help: "CSV or XLSX file(s) / файлы CSV или XLSX.") var files: [String]
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions
        func validate() throws { try LoadCommand.checkReadable(files) }
        func run() throws { try LoadCommand.run(.schools, files, year: nil, sheet: sheet.sheet, load, connection, logging) }
    }

    struct Enrolments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Course enrolments (КПК, ПП, стажировки) / обучение на курсах.")
        @Argument(help: "CSV or XLSX file(s) / файлы CSV или XLSX.") var files: [String]
        @Option(help: "Academic year for rows that do not say it, e.g. 2023-2024 / учебный год.") var year: AcademicYearArgument?
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions
        func validate() throws { try LoadCommand.checkReadable(files) }
        func run() throws { try LoadCommand.run(.enrolments, files, year: year?.value, sheet: sheet.sheet, load, connection, logging) }
    }

    struct Survey: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The yearly teacher census (survey) / мониторинг педагогов.")
        @Argument(help: "CSV or XLSX file(s) / файлы CSV или XLSX.") var files: [String]
        @Option(help: "Academic year for rows that do not say it / учебный год.") var year: AcademicYearArgument?
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions
        func validate() throws { try LoadCommand.checkReadable(files) }
        func run() throws { try LoadCommand.run(.survey, files, year: year?.value, sheet: sheet.sheet, load, connection, logging) }
    }

    struct FRDO: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "frdo",
            abstract: "A ФИС ФРДО upload (issued ДПО documents, «Шаблон ДПО») / выгрузка в ФИС ФРДО (документы ДПО).")
        @Argument(help: "XLSX (sheet «Шаблон») or CSV file(s) / файлы XLSX или CSV.") var files: [String]
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions
        func validate() throws { try LoadCommand.checkReadable(files) }
        func run() throws { try LoadCommand.run(.frdo, files, year: nil, sheet: sheet.sheet, load, connection, logging) }
    }

    struct Requests: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schools' course requests («заявка ОО») / заявки ОО на обучение.")
        @Argument(help: "CSV or XLSX file(s) / файлы CSV или XLSX.") var files: [String]
        @Option(help: "Academic year for rows without one / учебный год для строк без него.") var year: AcademicYearArgument?
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions
        func validate() throws { try LoadCommand.checkReadable(files) }
        func run() throws { try LoadCommand.run(.requests, files, year: year?.value, sheet: sheet.sheet, load, connection, logging) }
    }

    struct Measures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measures taken on recommendations / принятые меры по рекомендациям.")
        @Argument(help: "CSV or XLSX file(s) / файлы CSV или XLSX.") var files: [String]
        @Option(help: "Academic year for rows without one / учебный год для строк без него.") var year: AcademicYearArgument?
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions
        func validate() throws { try LoadCommand.checkReadable(files) }
        func run() throws { try LoadCommand.run(.measures, files, year: year?.value, sheet: sheet.sheet, load, connection, logging) }
    }

    /// Every file must exist and be readable before anything connects or loads.
    static func checkReadable(_ files: [String]) throws {
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("cannot read \(file) / не удалось прочитать файл \(file)")
        }
    }

    /// Loads each file; exits 1 when any was refused.
    static func run(
        _ kind: ExportKind, _ files: [String], year: AcademicYear?, sheet: String?, _ load: LoadOptions,
        _ connection: ConnectionOptions, _ logging: LoggingOptions
    ) throws {
        let warehouse = try connection.warehouse(logging, pseudonymizer: load.pseudonymizer(logger:))
        let requests = try files.map { try load.request(path: $0, kind: kind, year: year, sheet: sheet) }
        let outcomes = try warehouse.load(requests) { outcome in
            print(outcome.summaryLine)
            for reject in outcome.rejects.prefix(20) {
                print("  line \(reject.line) \(reject.column) '\(reject.value)': \(reject.reasonCode) — \(reject.reasonText)")
            }
            if outcome.rejects.count > 20 {
                print("  … \(outcome.rejects.count - 20) more / ещё; see `pdmon etl rejects --batch \(outcome.batchKey ?? 0)`")
            }
        }
        let refused = outcomes.filter { $0.status == .refused }.count
        if refused > 0 {
            throw ExitStatusError(.refused, "\(refused) file(s) refused / отклонено файлов: \(refused)")
        }
    }
}
