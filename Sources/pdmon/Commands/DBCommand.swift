import ArgumentParser
import Logging
import PDWarehouse

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Warehouse schema: migrate, status, refresh the mart / схема хранилища: миграции, состояние, обновление витрин.",
        subcommands: [Migrate.self, Status.self, Refresh.self]
    )

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply pending migrations from sql/migrations / применить новые миграции.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let warehouse = try connection.warehouse(logging)
            let logger = Logger(label: "pdmon")
            let applied = try warehouse.migrate { migration in
                logger.info("applied migration \(migration.name) / применена миграция")
            }
            print(applied.isEmpty
                ? "schema is up to date / схема актуальна"
                : "applied \(applied.count) migration(s) / применено миграций: \(applied.count)")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schema version and row counts / версия схемы и число строк.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            print(try connection.warehouse(logging).status().rendered())
        }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the indicators of the mart views / пересчитать показатели витрин mart.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let rows = try connection.warehouse(logging).refresh().indicatorValues
            print("refreshed \(rows) indicator value(s) / пересчитано значений показателей: \(rows)")
        }
    }
}
