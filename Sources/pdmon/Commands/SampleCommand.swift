import ArgumentParser
import PDContract
import PDReport
import PDSample

/// `pdmon sample`: writes a deterministic sample city (directory, enrolments and census per year).
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Сгенерировать пример выгрузок города / Generate a sample city's exports.",
        discussion: """
            Пишет schools.csv, enrolments_<год>.csv и survey_<год>.csv. Одинаковые параметры и seed дают \
            одинаковые байты. Имена людей и СНИЛС вымышлены.
            Writes schools.csv, enrolments_<year>.csv and survey_<year>.csv. The same options and seed give \
            the same bytes. Names and SNILS numbers are fictional.
            --messy: Windows-1251, ';', Russian headers, dd.mm.yyyy, Excel-style quoting and a few bad rows.
            --format xlsx: the same files as XLSX workbooks (dates as date cells, numbers as numbers, codes and \
            ids as text). --frdo: also frdo_<year>, each year's completed courses as a ФИС ФРДО upload \
            («Шаблон ДПО», sheet «Шаблон», 40 columns) / также выгрузка завершённых курсов в ФИС ФРДО.
            """
    )

    @Option(name: .long, help: "Папка для файлов (создаётся) / Output folder (created when missing).")
    var out: String

    @Option(name: .long, help: "Число школ / Number of schools.")
    var schools: Int = SampleOptions().schools

    @Option(name: .long, help: "Число педагогов / Number of teachers.")
    var teachers: Int = SampleOptions().teachers

    @Option(name: .long, help: "Учебные годы: 2019-2020..2023-2024, 2021-2022 или список через запятую / Academic years.")
    var years: String = "2019-2020..2023-2024"

    @Option(name: .long, help: "Начальное число генератора / Random seed.")
    var seed: UInt64 = SampleOptions().seed

    @Flag(name: .long, help: "Как реальные выгрузки: CP1251, ';', русские заголовки, ошибки / Like real exports.")
    var messy = false

    @Option(name: .long, help: "Среднее число курсов на педагога в год / Mean enrolments per teacher per year.")
    var enrolmentsPerTeacher: Double = SampleOptions().enrolmentsPerTeacher

    @Flag(name: .long, help: "Ещё и мониторинг как выгрузка сервиса форм (form_survey_<год>.csv) с файлом сопоставления / Also the census as a form-service export, with its mapping file.")
    var formSurvey = false

    @Option(name: .long, help: "csv или xlsx / csv or xlsx (workbooks).")
    var format: SampleFormat = .csv

    @Flag(name: .long, help: "Также выгрузка в ФИС ФРДО (frdo_<год>) / Also a ФИС ФРДО upload per year.")
    var frdo = false

    @Flag(name: .long, help: "Также заявки ОО (requests_<год>) / Also the schools' course requests per year.")
    var requests = false

    @Flag(name: .long, help: "Также принятые меры (measures_<год>, кроме последнего года) / Also the measures taken per year but the last.")
    var measures = false

    /// The options these arguments describe (validated).
    func sampleOptions() throws -> SampleOptions {
        do {
            var options = SampleOptions(schools: schools, teachers: teachers, years: try AcademicYear.parseList(years),
                                        seed: seed, messy: messy, enrolmentsPerTeacher: enrolmentsPerTeacher,
                                        formSurvey: formSurvey)
            options.format = format
            options.frdo = frdo
            options.requests = requests
            options.measures = measures
            try options.validate()
            return options
        } catch {
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        guard !out.allSatisfy(\.isWhitespace) else {
            throw ValidationError("Укажите папку --out / Give an output folder with --out.")
        }
        _ = try sampleOptions()
    }

    func run() throws {
        let city = try SampleCity(options: try sampleOptions())
        let summary = try city.write(to: out)
        for file in summary.files {
            // `survey_2021-2022.csv: 612 строк / 612 rows, из них ошибочных: 2 / bad: 2 (…)`, each count agreeing.
            var line = "\(file.fileName): \(RussianPlural.row.counted(file.rows)) / \(EnglishPlural.counted(file.rows, "row"))"
            if !file.badRows.isEmpty {
                let detail = file.badRows.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
                line += ", из них ошибочных: \(file.badRowTotal) / bad: \(file.badRowTotal) (\(detail))"
            }
            print(line)
        }
        let mode = format == .xlsx ? (messy ? "messy, xlsx" : "clean, xlsx") : (messy ? "messy (CP1251, ';')" : "clean (UTF-8, ',')")
        let count = summary.files.count
        print("Готово: \(RussianPlural.file.counted(count)) в \(out) / Done: \(EnglishPlural.counted(count, "file")) in \(out), \(mode), seed \(seed)")
    }
}

extension SampleFormat: ExpressibleByArgument {}
