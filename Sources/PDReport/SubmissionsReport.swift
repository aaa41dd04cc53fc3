import PDContract

/// `pdmon report submissions` and the warning at the end of `etl run` (issue 13 §4): who has
/// sent the exports the warehouse expects — every school of the directory a census (`survey`)
/// and enrolments (`enrolments`, the ФИС ФРДО register's rows included) every academic year.
///
/// The rows come from `sql/reports/submissions.sql` (over `mart.submission`): `status` is
/// `missing` (nothing received), `drop` (rows fell by more than the threshold against the year
/// before: more likely a partial export than staff leaving) or `received`.
public struct SubmissionsReport: Sendable {
    public let language: ReportLanguage

    public init(language: ReportLanguage = .defaultLanguage) {
        self.language = language
    }

    /// The kind's name for people: «мониторинг (survey)», «обучение (enrolments)».
    public func kindName(_ kind: String) -> String {
        switch kind {
        case "survey": return language == .ru ? "мониторинг" : "census"
        case "enrolments": return language == .ru ? "обучение" : "enrolments"
        default: return kind
        }
    }

    func statusName(_ status: String) -> String {
        switch status {
        case "missing": return language == .ru ? "не получено" : "missing"
        case "drop": return language == .ru ? "резкое снижение" : "sharp drop"
        case "received": return language == .ru ? "получено" : "received"
        default: return status
        }
    }

    /// The report's rows with captions, kinds and statuses in `language` (`forPeople`; CSV and
    /// JSON keep the codes), shares as percentages for people, and a note counting the
    /// problems with agreeing numerals. `threshold`: the drop share flagged (0..1).
    public func table(_ rows: ResultTable, year: String, threshold: Double, forPeople: Bool) -> ResultTable {
        var table = rows
        let index = { (name: String) in table.columns.firstIndex { $0.name == name } }
        let captions: [String: (String, String)] = [
            "school_code": ("Код ОО", "School code"), "school_name": ("Наименование ОО", "School"),
            "kind": ("Выгрузка", "Export"), "status": ("Статус", "Status"),
            "received_at": ("Получено", "Received at"), "row_count": ("Строк", "Rows"),
            "register_rows": ("Из реестра ФРДО", "From the FRDO register"),
            "rejected_share": ("Отклонено, %", "Rejected, %"),
            "previous_row_count": ("Строк годом раньше", "Rows the year before"),
            "drop_share": ("Снижение, %", "Drop, %"),
        ]
        for column in table.columns.indices {
            if let caption = captions[table.columns[column].name] {
                table.columns[column].caption = language == .ru ? caption.0 : caption.1
            }
        }
        var missing: [String: [String]] = [:]
        var dropped: [String: [String]] = [:]
        let kind = index("kind"), status = index("status"), code = index("school_code")
        for row in table.rows.indices {
            let kindCode = kind.flatMap { table.cell(row: row, column: $0) } ?? ""
            let statusCode = status.flatMap { table.cell(row: row, column: $0) } ?? ""
            let school = code.flatMap { table.cell(row: row, column: $0) } ?? ""
            if statusCode == "missing" { missing[kindCode, default: []].append(school) }
            if statusCode == "drop" { dropped[kindCode, default: []].append(school) }
            guard forPeople else { continue }
            if let kind { table.rows[row][kind] = kindName(kindCode) }
            if let status { table.rows[row][status] = statusName(statusCode) }
            for name in ["rejected_share", "drop_share"] {
                if let column = index(name), let text = table.cell(row: row, column: column), let share = Double(text) {
                    table.rows[row][column] = Self.percent(share, language)
                }
            }
            if let column = index("received_at"), let text = table.cell(row: row, column: column) {
                table.rows[row][column] = String(text.prefix(16))
            }
        }
        if forPeople {
            for column in table.columns.indices where ["rejected_share", "drop_share"].contains(table.columns[column].name) {
                table.columns[column].type = .text
            }
        }
        let label = AcademicYear.parse(year)?.label ?? year
        table.title = (language == .ru ? "Кто прислал данные, " : "Who has reported, ") + label
        table.notes.append(contentsOf: notes(missing: missing, dropped: dropped, threshold: threshold))
        return table
    }

    /// The lines that count the problems: schools that sent nothing of a kind, schools whose rows
    /// dropped by more than `threshold`; one line saying all arrived when none.
    public func notes(missing: [String: [String]], dropped: [String: [String]], threshold: Double) -> [String] {
        var lines: [String] = []
        let limit = Self.percent(threshold, language)
        for kind in ["survey", "enrolments"] {
            if let schools = missing[kind], !schools.isEmpty {
                lines.append(language == .ru
                    ? "Не получено (\(kindName(kind))): \(RussianPlural.school.counted(schools.count)) — \(schools.joined(separator: ", "))."
                    : "Missing (\(kindName(kind))): \(EnglishPlural.counted(schools.count, "school")) — \(schools.joined(separator: ", ")).")
            }
            if let schools = dropped[kind], !schools.isEmpty {
                lines.append(language == .ru
                    ? "Строк (\(kindName(kind))) меньше, чем годом раньше, более чем на \(limit) %: \(RussianPlural.school.counted(schools.count)) — \(schools.joined(separator: ", ")). Вероятна неполная выгрузка."
                    : "Rows (\(kindName(kind))) down by more than \(limit) % against the year before: \(EnglishPlural.counted(schools.count, "school")) — \(schools.joined(separator: ", ")). Likely a partial export.")
            }
        }
        if lines.isEmpty {
            lines.append(language == .ru ? "Все ожидаемые выгрузки получены." : "Every expected export has arrived.")
        }
        return lines
    }

    /// The warning `etl run` prints after loading: the rows of `sql/etl/submission_gaps.sql`
    /// (academic_year, kind, status, school_code); nil when there is nothing to warn about.
    public func warning(_ gaps: [(year: String, kind: String, status: String, school: String)], threshold: Double) -> String? {
        guard let year = gaps.first?.year else { return nil }
        var missing: [String: [String]] = [:]
        var dropped: [String: [String]] = [:]
        for gap in gaps {
            if gap.status == "missing" { missing[gap.kind, default: []].append(gap.school) } else { dropped[gap.kind, default: []].append(gap.school) }
        }
        let head = language == .ru ? "Внимание: данные за \(year) неполны (pdmon report submissions --year \(year))."
                                   : "Warning: the data of \(year) are incomplete (pdmon report submissions --year \(year))."
        return ([head] + notes(missing: missing, dropped: dropped, threshold: threshold)).joined(separator: "\n")
    }

    /// `0.5` → `50`, `0.333` → `33,3` (Russian) or `33.3`.
    static func percent(_ share: Double, _ language: ReportLanguage) -> String {
        let tenths = Int((share * 1000).rounded())
        let magnitude = abs(tenths)
        let body = magnitude % 10 == 0 ? String(magnitude / 10) : "\(magnitude / 10)\(language == .ru ? "," : ".")\(magnitude % 10)"
        return (tenths < 0 ? "−" : "") + body
    }
}
