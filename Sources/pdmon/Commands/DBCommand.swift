import ArgumentParser
import Logging
import PDContract
import PDWarehouse

struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Warehouse schema: migrate, status, refresh the mart / схема хранилища: миграции, состояние, обновление витрин.",
        subcommands: [Migrate.self, Status.self, Refresh.self, Rekey.self, Distribute.self]
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
        @Flag(help: "Пересчитать все значения, а не только изменившиеся / Recompute every value, not only the changed cells.")
        var full = false

        func run() throws {
            let result = try connection.warehouse(logging).refresh(full: full)
            let rows = result.indicatorValues
            print("refreshed \(rows) indicator value(s) (\(result.mode.rawValue), \(result.cells) school-year cells)"
                + " / значений показателей: \(rows) (\(result.mode == .full ? "полный пересчёт" : "изменившиеся"),"
                + " ячеек «ОО × год»: \(result.cells))")
        }
    }

    struct Distribute: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "On a Citus coordinator: reference dimensions, facts distributed by teacher_key / распределить таблицы по Citus.",
            discussion: """
                Needs the citus extension in the database (exit 2 without it) and a migrated schema. \
                Idempotent: a second run changes nothing. / Нужно расширение citus; повторный запуск ничего не меняет.
                """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            print(try connection.warehouse(logging).distribute().rendered())
        }
    }

    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-pseudonymise every teacher under a new key / псевдонимизировать педагогов новым ключом.",
            discussion: """
                Хранилище не хранит исходных идентификаторов педагогов, поэтому они читаются заново из выгрузок \
                (файлов или папок, например archive/ папки входящих): каждый педагог хранилища должен найтись в них, \
                иначе ничего не меняется. Одна транзакция; номера педагогов и факты не меняются, показатели те же.
                The warehouse keeps no raw teacher identifier, so they are read again from the exports given (files \
                or folders, e.g. the inbox's archive/): every teacher must be found in them, else nothing changes. \
                One transaction; teacher numbers and facts stay, every indicator is the same.
                """)

        @Option(help: "Файл с прежним ключом / The key file of the current key.")
        var oldKeyFile: String
        @Option(help: "Файл с новым ключом / The key file of the new key.")
        var newKeyFile: String
        @Argument(help: "Выгрузки с идентификаторами педагогов (файлы или папки) / Exports with the teachers' identifiers.")
        var files: [String]
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            guard !files.isEmpty else {
                throw ValidationError("name the exports to read the identifiers from (e.g. the inbox's archive/)"
                    + " / укажите выгрузки с идентификаторами (например, archive/)")
            }
        }

        func run() throws {
            let old = try Pseudonymizer.load(keyFile: oldKeyFile)
            let new = try Pseudonymizer.load(keyFile: newKeyFile)
            let result = try connection.warehouse(logging).rekey(old: old, new: new, files: files)
            print("re-pseudonymised \(result.teachers) teacher(s) from \(result.identifiers) identifier(s) in \(result.files) file(s);"
                + " use the new key from now on / педагогов псевдонимизировано новым ключом: \(result.teachers);"
                + " дальше загружайте с новым ключом")
        }
    }
}
