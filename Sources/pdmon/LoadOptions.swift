import ArgumentParser
import Logging
import PDContract
import PDWarehouse

/// Options every load shares (`load …` and `etl run`).
struct LoadOptions: ParsableArguments {
    @Option(help: "TOML file that extends header and value aliases / файл сопоставления столбцов и значений.")
    var mapping: String?

    @Option(help: "File with the pseudonym key (else PDMON_PSEUDONYM_KEY) / файл с ключом псевдонимизации.")
    var pseudonymKeyFile: String?

    @Flag(help: "Use the public demo pseudonym key: for sample data only, never for real teachers / демо-ключ только для примеров.")
    var demoPseudonymKey = false

    @Option(help: "Refuse a file when more than this share of its rows is rejected / допустимая доля отклонённых строк.")
    var maxRejectRatio: Double = 0.05

    @Flag(help: "Validate and report; write nothing / только проверить, ничего не записывать.")
    var dryRun = false

    @Flag(help: "Load even if the same content was loaded before / загрузить повторно.")
    var force = false

    @Flag(help: "Show rows read, rate and time left on a terminal / показывать ход загрузки в терминале.")
    var progress = false

    @Option(help: "Training provider of ФИС ФРДО rows, which name none / организация ДПО для строк ФИС ФРДО.")
    var provider: String?

    func validate() throws {
        guard (0...1).contains(maxRejectRatio) else {
            throw ValidationError("--max-reject-ratio must be between 0 and 1 / должна быть от 0 до 1")
        }
    }

    func contractMapping() throws -> ContractMapping {
        guard let mapping else { return .none }
        return try ContractMapping.load(path: mapping)
    }

    /// The pseudonymiser, or nil when no key is configured (schools load without one; the
    /// others then fail with a message that says how to set it).
    func pseudonymizer(logger: Logger) throws -> Pseudonymizer? {
        if demoPseudonymKey {
            logger.warning("USING THE PUBLIC DEMO PSEUDONYM KEY: pseudonyms protect nothing; sample data only / ДЕМО-КЛЮЧ: только для примеров")
            return .demo
        }
        do {
            return try Pseudonymizer.load(keyFile: pseudonymKeyFile)
        } catch PseudonymKeyError.missing {
            return nil
        }
    }

    func request(path: String, kind: ExportKind?, year: AcademicYear?, sheet: String? = nil) throws -> LoadRequest {
        var request = LoadRequest(
            path: path, kind: kind, explicitYear: year, mapping: try contractMapping(),
            maxRejectRatio: maxRejectRatio, dryRun: dryRun, force: force, progress: progress, sheet: sheet)
        request.provider = provider
        return request
    }
}

/// `--sheet NAME` of `load …`: which sheet of a workbook to read.
struct SheetOption: ParsableArguments {
    @Option(help: "The sheet of an XLSX workbook to read (else the first visible sheet whose header matches) / лист книги XLSX.")
    var sheet: String?
}

/// `--year 2021-2022` (any of the contract's spellings).
struct AcademicYearArgument: ExpressibleByArgument {
    let value: AcademicYear
    init?(argument: String) {
        guard let value = AcademicYear.parse(argument) else { return nil }
        self.value = value
    }
}
