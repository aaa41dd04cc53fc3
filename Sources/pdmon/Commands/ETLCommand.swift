import ArgumentParser
import Foundation
import PDReport
import PDWarehouse

struct ETLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etl",
        abstract: "The nightly inbox run and its history / ночная загрузка и её журнал.",
        subcommands: [Run.self, History.self, Rejects.self]
    )

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load every file of an inbox folder (cron) / загрузить все файлы папки (для cron).",
            discussion: "Exit codes: 0 all loaded; 1 a file refused; 2 usage; 3 database; 75 another run holds the lock.")

        @Option(help: "The inbox folder / папка входящих файлов.") var inbox: String
        @Option(help: "Warn when a school's rows fell by more than this share against the year before (0..1) / предупреждать о снижении числа строк ОО более чем на эту долю.")
        var dropThreshold: Double = 0.3
        @Option(help: "ru or en: the language of the completeness warning / язык предупреждения о полноте данных.")
        var lang: LanguageArgument = LanguageArgument(.defaultLanguage)
        @OptionGroup var load: LoadOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--inbox \(inbox) is not a folder / не папка")
            }
        }

        func run() throws {
            let warehouse = try connection.warehouse(logging, pseudonymizer: load.pseudonymizer(logger:))
            let results = try warehouse.runInbox(
                URL(fileURLWithPath: inbox), template: try load.request(path: inbox, kind: nil, year: nil)
            ) { print($0.summaryLine) }
            // An entry that is not a regular file (a link, a FIFO, a device) is a problem of the
            // inbox's content, like a refused file: exit 1, and it stays where it is.
            let refused = results.filter { $0.outcome?.status == .refused || $0.leftInPlace != nil }.count
            let failed = results.filter { $0.failure != nil }.count
            print("files \(results.count), refused \(refused), failed \(failed) / файлов: \(results.count), отклонено: \(refused), с ошибкой: \(failed)")
            if !load.dryRun, let warning = try? warehouse.submissionWarning(dropThreshold: dropThreshold, language: lang.value) {
                FileHandle.standardError.write(Data((warning + "\n").utf8))
            }
            if failed > 0 { throw ExitStatusError(.usage, "\(failed) file(s) could not be processed / не обработано файлов: \(failed)") }
            if refused > 0 { throw ExitStatusError(.refused, "\(refused) file(s) refused / отклонено файлов: \(refused)") }
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recent load batches / последние загрузки.")
        @Option(help: "How many batches / сколько пакетов.") var limit = 20
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard (1...1_000_000).contains(limit) else {
                throw ValidationError("--limit must be from 1 to 1000000 / --limit должен быть от 1 до 1000000")
            }
        }

        func run() throws {
            try output.write(try connection.warehouse(logging).etlHistory(
                limit: limit, language: output.language, forPeople: output.showsIndicatorNames))
        }
    }

    struct Rejects: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rejected rows of a batch / отклонённые строки пакета.")
        @Option(help: "Batch number from etl history / номер пакета.") var batch: Int
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            try output.write(try connection.warehouse(logging).etlRejects(
                batch: batch, language: output.language, forPeople: output.showsIndicatorNames))
        }
    }
}
