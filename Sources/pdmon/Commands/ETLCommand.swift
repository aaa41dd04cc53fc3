import ArgumentParser
import Foundation
import PDPostgres
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
            let logger = logging.bootstrap()
            let sql = try SQLDirectory.locate()
            let loader = Loader(
                conninfo: connection.conninfo, sql: sql, pseudonymizer: try load.pseudonymizer(logger: logger), logger: logger)
            defer { loader.close() }
            let conninfo = connection.conninfo
            let run = InboxRun(
                inbox: URL(fileURLWithPath: inbox), template: try load.request(path: inbox, kind: nil, year: nil),
                loader: loader, logger: logger, afterLoads: { try Hooks.afterLoads(conninfo: conninfo, sql: sql) })
            let results = try run.run { print($0.summaryLine) }
            let refused = results.filter { $0.outcome?.status == .refused }.count
            let failed = results.filter { $0.failure != nil }.count
            print("files \(results.count), refused \(refused), failed \(failed) / файлов \(results.count), отклонено \(refused), ошибок \(failed)")
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
            guard limit > 0 else { throw ValidationError("--limit must be positive / должен быть больше 0") }
        }

        func run() throws {
            _ = logging.bootstrap()
            let sql = try SQLDirectory.locate()
            let db = try DatabaseTarget.connectMigrated(conninfo: connection.conninfo, sql: sql)
            defer { db.close() }
            let result = try db.execute(try sql.statement("etl/history.sql"), [String(limit)])
            try output.write(ReportRunner.table(result, title: "etl history / журнал загрузок").localized(output.lang.value))
        }
    }

    struct Rejects: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rejected rows of a batch / отклонённые строки пакета.")
        @Option(help: "Batch number from etl history / номер пакета.") var batch: Int
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            _ = logging.bootstrap()
            let sql = try SQLDirectory.locate()
            let db = try DatabaseTarget.connectMigrated(conninfo: connection.conninfo, sql: sql)
            defer { db.close() }
            let result = try db.execute(try sql.statement("etl/rejects.sql"), [String(batch)])
            try output.write(ReportRunner.table(result, title: "batch \(batch) rejects / отклонённые строки").localized(output.lang.value))
        }
    }
}
