import ArgumentParser
import Foundation
import Logging
import PDWarehouse

@main
struct PDMon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdmon",
        abstract: "Monitoring of teachers' professional development / Мониторинг профессионального развития педагогов.",
        discussion: """
            Exit codes / коды завершения: 0 ok; 1 a file was refused / файл отклонён; \
            2 usage or configuration error / ошибка параметров; 3 database unavailable or failed / \
            ошибка базы данных; 75 another run holds the lock / уже выполняется другой запуск.
            """,
        subcommands: [
            DBCommand.self,
            LoadCommand.self,
            ETLCommand.self,
            SampleCommand.self,
            ReportCommand.self,
            RecommendCommand.self,
            BriefCommand.self,
            PlanCommand.self,
            MeasuresCommand.self,
            AuditCommand.self,
            MappingCommand.self,
            AccessCommand.self,
        ]
    )

    /// Parses, runs, and turns every failure into a message and an exit code cron can act on.
    static func main() {
        ProcessTuning.useOneMallocArena()
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitForParseError(error)
        }
        do {
            var command = command
            try command.run()
        } catch {
            if let exitCode = error as? ExitCode { Foundation.exit(exitCode.rawValue) }
            if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
            if error is ValidationError { exitForParseError(error) }
            let status = ExitStatus(for: error)
            if LogSetup.format == .json {
                // Cron reads one JSON object per line: the final error is one more line.
                Logger(label: "pdmon").error("\(String(describing: error))", metadata: ["exit_code": "\(status.rawValue)"])
            } else {
                FileHandle.standardError.write(Data("pdmon: \(String(describing: error))\n".utf8))
            }
            Foundation.exit(status.rawValue)
        }
    }

    /// Argument errors exit with 2 (usage), as the documented exit codes say.
    private static func exitForParseError(_ error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .success { exit(withError: error) }
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ExitStatus.usage.rawValue)
    }
}
