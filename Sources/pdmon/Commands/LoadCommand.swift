import ArgumentParser
import Foundation
import PDContract
import PDWarehouse

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load export files of a named kind / загрузить выгрузки указанного вида.",
        subcommands: [Schools.self, Enrolments.self, Survey.self, FRDO.self, Requests.self, Measures.self, Targets.self]
    )

    /// What every `load KIND` takes: the files, the load options, the sheet, the connection, the logging.
    struct KindFiles: ParsableArguments {
        @Argument(help: "CSV or XLSX file(s) / файлы CSV или XLSX.") var files: [String]
        @OptionGroup var load: LoadOptions
        @OptionGroup var sheet: SheetOption
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws { try LoadCommand.checkReadable(files) }

        func run(_ kind: ExportKind, year: AcademicYear? = nil) throws {
            try LoadCommand.run(kind, files, year: year, sheet: sheet.sheet, load, connection, logging)
        }
    }

    /// `--year` of the kinds whose rows may leave the academic year out.
    struct YearOption: ParsableArguments {
        @Option(help: "Academic year for rows that do not say it, e.g. 2023-2024 / учебный год для строк без него.")
        var year: AcademicYearArgument?
    }

    struct Schools: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The schools directory / справочник ОО.")
        @OptionGroup var input: KindFiles
        func run() throws { try input.run(.schools) }
    }

    struct Enrolments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Course enrolments (КПК, ПП, стажировки) / обучение на курсах.")
        @OptionGroup var input: KindFiles
        @OptionGroup var year: YearOption
        func run() throws { try input.run(.enrolments, year: year.year?.value) }
    }

    struct Survey: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The yearly teacher census (survey) / мониторинг педагогов.")
        @OptionGroup var input: KindFiles
        @OptionGroup var year: YearOption
        func run() throws { try input.run(.survey, year: year.year?.value) }
    }

    struct FRDO: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "frdo",
            abstract: "A ФИС ФРДО upload (issued ДПО documents, «Шаблон ДПО»: XLSX, sheet «Шаблон», or CSV) / выгрузка в ФИС ФРДО (документы ДПО).")
        @OptionGroup var input: KindFiles
        func run() throws { try input.run(.frdo) }
    }

    struct Requests: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schools' course requests («заявка ОО») / заявки ОО на обучение.")
        @OptionGroup var input: KindFiles
        @OptionGroup var year: YearOption
        func run() throws { try input.run(.requests, year: year.year?.value) }
    }

    struct Measures: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Measures taken on recommendations / принятые меры по рекомендациям.")
        @OptionGroup var input: KindFiles
        @OptionGroup var year: YearOption
        func run() throws { try input.run(.measures, year: year.year?.value) }
    }

    struct Targets: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Indicator targets of the municipal or regional programme / целевые значения показателей.")
        @OptionGroup var input: KindFiles
        func run() throws { try input.run(.targets) }
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
