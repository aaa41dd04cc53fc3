import ArgumentParser
import PDWarehouse

/// `pdmon mapping`: help with mapping files (`--mapping`).
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Файлы сопоставления / Mapping files.",
        subcommands: [Suggest.self]
    )

    /// `pdmon mapping suggest FILE`: prints a starting mapping file for an unknown export.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Предложить файл сопоставления для незнакомой выгрузки / Suggest a mapping file for an unknown export.",
            discussion: """
                Печатает черновик TOML: для каждого столбца — поле, которое он скорее всего означает (по словам \
                заголовка и по значениям), и различные значения кодовых столбцов в комментариях для проверки.
                Prints a draft TOML mapping: each column with the field it most likely means (by its header's \
                words and its values), and the distinct values of coded columns as comments to confirm.
                """
        )

        @Argument(help: "Выгрузка (CSV или XLSX) / The export (CSV or XLSX).")
        var file: String

        @Option(name: .long, help: "Лист книги XLSX (по умолчанию первый видимый) / The workbook's sheet (default: the first visible).")
        var sheet: String?

        @Option(name: .long, help: "Сколько строк данных просмотреть / Data rows to look at.")
        var rows: Int = 2000

        func validate() throws {
            guard rows > 0 else { throw ValidationError("--rows: нужно больше 0 / must be above 0") }
        }

        func run() throws {
            print(try Warehouse.suggestMapping(path: file, sheet: sheet, rowLimit: rows), terminator: "")
        }
    }
}
