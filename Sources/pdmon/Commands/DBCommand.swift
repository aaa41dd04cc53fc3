import ArgumentParser
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
            let logger = logging.bootstrap()
            let sql = try SQLDirectory.locate()
            let applied = try WarehouseAdmin.migrate(conninfo: connection.conninfo, sql: sql) { migration in
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
            _ = logging.bootstrap()
            let status = try WarehouseAdmin.status(conninfo: connection.conninfo, sql: try SQLDirectory.locate())
            print(status.rendered())
        }
    }

    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute the indicators of the mart views / пересчитать показатели витрин mart.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let logger = logging.bootstrap()
            let sql = try SQLDirectory.locate()
            let session = try DatabaseTarget.connectMigrated(conninfo: connection.conninfo, sql: sql)
            defer { session.close() }
            let rows = try MartRefresher(connection: session, sql: sql).refresh()
            logger.info("mart refreshed / витрины обновлены", metadata: ["rows": "\(rows)"])
            print("refreshed \(rows) indicator value(s) / пересчитано значений показателей: \(rows)")
        }
    }
}
