import PDContract
import PDPostgres
import PDReport

/// Refuses, before a report runs, a year, school or indicator the data does not have, with the
/// valid or nearest choices (`UnknownChoice`, exit 2) — instead of an empty table. Reads only
/// `mart` (`sql/choices/`), what the `pdmon_reader` role can read.
struct ReportChoices {
    let connection: Connection
    let sql: SQLDirectory
    let language: ReportLanguage

    /// The academic years with data, oldest first.
    func years() throws -> [UnknownChoice.Choice] {
        try connection.execute(try sql.statement("choices/years.sql")).rows.compactMap { $0[0] }.map { UnknownChoice.Choice($0) }
    }

    /// The current login when it reads no school at all (`sql/choices/login_without_access.sql`).
    func loginWithoutAccess() throws -> String? {
        try connection.execute(try sql.statement("choices/login_without_access.sql")).rows.first?.first ?? nil
    }

    /// `choice` with the login named when its choices are empty because the login reads no school.
    func explained(_ choice: UnknownChoice) throws -> UnknownChoice {
        guard choice.choices.isEmpty else { return choice }
        var explained = choice
        explained.loginWithoutAccess = try loginWithoutAccess()
        return explained
    }

    /// Refuses each year of `values` (any spelling of an academic year) that has no data.
    /// A value that is not an academic year is left to the parameter check, which says so.
    func checkYears(_ values: [String], option: String) throws {
        let labels = values.compactMap { AcademicYear.parse($0)?.label }
        guard !labels.isEmpty else { return }
        let known = try years()
        for label in labels where !known.contains(where: { $0.value == label }) {
            throw try explained(UnknownChoice(.year, value: label, option: option, choices: known, language: language))
        }
    }

    /// Refuses each school code the mart does not have (in `year`, when given).
    func checkSchools(_ codes: [String], year: String?, option: String) throws {
        guard !codes.isEmpty else { return }
        let label = year.flatMap { AcademicYear.parse($0)?.label }
        let rows = try connection.execute(try sql.statement("choices/schools.sql"), [label]).rows
        let known = rows.compactMap { row in row[0].map { UnknownChoice.Choice($0, label: row[1]) } }
        for code in codes where !known.contains(where: { $0.value == code }) {
            throw try explained(UnknownChoice(.school, value: code, option: option, choices: known, year: label, language: language))
        }
    }

    /// Refuses each indicator id the catalogue does not list.
    func checkIndicators(_ ids: [String], catalogue: IndicatorCatalogue, option: String) throws {
        for id in ids where catalogue[id] == nil {
            throw try explained(UnknownChoice(
                .indicator, value: id, option: option,
                choices: catalogue.indicators.map { UnknownChoice.Choice($0.id, label: $0.name(in: language)) }, language: language))
        }
    }

    /// A report file's parameters, by convention: every `academic_year` parameter must have
    /// data, a parameter named `indicator` must name catalogued indicators, one named `school`
    /// existing schools (in the report's `year`, when it has one).
    func checkParameters(of report: ReportFile, values: [String: [String]]) throws {
        for parameter in report.parameters {
            guard let given = values[parameter.name], !given.isEmpty else { continue }
            let option = "--param \(parameter.name)="
            if parameter.type.scalar == .academicYear {
                try checkYears(given, option: option)
            } else if parameter.name == "indicator" {
                try checkIndicators(given, catalogue: try IndicatorCatalogue.load(connection, sql: sql), option: option)
            }
        }
        if let schools = values["school"], report.parameters.contains(where: { $0.name == "school" }) {
            let year = report.parameters.contains { $0.name == "year" && $0.type.scalar == .academicYear } ? values["year"]?.first : nil
            try checkSchools(schools, year: year, option: "--param school=")
        }
    }

    /// Refuses a batch number that `dw.etl_batch` does not have, naming the nearest ones.
    func checkBatch(_ batch: Int) throws {
        let rows = try connection.execute(try sql.statement("etl/nearest_batches.sql"), [String(batch)]).rows
        let nearest = rows.compactMap { row in row[0].map { UnknownChoice.Choice($0, label: row[1]) } }
        guard nearest.first?.value != String(batch) else { return }
        throw UnknownChoice(.batch, value: String(batch), option: "--batch", choices: nearest, isComplete: false, language: language)
    }
}
