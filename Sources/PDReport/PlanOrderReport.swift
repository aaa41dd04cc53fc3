/// The plan-order of advanced-training courses for an academic year Y, from the data up to
/// Y-1 (the figures come from `sql/plan/`, read by the warehouse; definitions in
/// `sql/plan/README.md`): two tables, teachers only as counts.
public struct PlanOrderReport: Sendable {
    public var yearLabel: String
    /// Columns: level, school_code, school_name, subject, teachers, teachers_due,
    /// never_trained, deficits_unaddressed, leaders_due.
    public var bySubject: ResultTable
    /// Columns: level, school_code, school_name, deficit_area, teachers.
    public var byDeficitArea: ResultTable

    /// The language of the captions.
    public var language: ReportLanguage
    /// The last batch that loaded data (`DocumentHeader.dataAsOf`), read by the warehouse.
    public var dataAsOf: (batch: Int, loadedAt: String)?

    public init(yearLabel: String, bySubject: ResultTable, byDeficitArea: ResultTable, language: ReportLanguage = .defaultLanguage) {
        self.yearLabel = yearLabel
        self.bySubject = bySubject
        self.byDeficitArea = byDeficitArea
        self.language = language
    }

    /// The plan-order for the academic year starting in `start` (labelled `label`) from the
    /// rows of `plan/plan_by_subject.sql` and `plan/plan_by_deficit_area.sql`.
    public init(start: Int, label: String, subjectRows: [[String?]], areaRows: [[String?]], language: ReportLanguage) {
        let previous = "\(start - 1)-\(start)"
        let notGiven = language == .ru ? "(не указан)" : "(not given)"
        let total = ReportCatalogue.text("total", in: language)
        let city = ReportCatalogue.text("city", in: language)
        let bySubjectRows: [[String?]] = subjectRows.map { row in
            let level = row[0] ?? ""
            let subject: String? = switch level {
            case "subject", "city_subject": (row[3] ?? "").isEmpty ? notGiven : row[3]
            default: total
            }
            let name: String? = level.hasPrefix("city") ? city : row[2]
            return [level, row[1], name, subject] + Array(row[4...8])
        }
        let counts = ["teachers", "teachers_due", "never_trained", "deficits_unaddressed", "leaders_due"]
        var bySubject = ResultTable(
            title: ReportCatalogue.text("title.plan", in: language) + ", " + label
                + (language == .ru ? " (по данным до \(previous) включительно)" : " (from the data up to \(previous))"),
            columns: [
                ResultColumn(name: "level", caption: language == .ru ? "Уровень" : "Level"),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "subject", caption: ReportCatalogue.text("subject", in: language)),
            ] + counts.map { ResultColumn(name: $0, type: .integer, caption: Self.caption($0, language)) },
            rows: bySubjectRows,
            notes: Self.cityTotals(subjectRows, language: language).map { [$0] } ?? [])
        bySubject.notes.append(language == .ru
                ? "Педагоги — по мониторингу \(previous). «Нужен курс»: нет завершённого обучения в \(start - 2)-\(start - 1) и \(previous) (последний курс — \(start - 3)-\(start - 2) или раньше, или не было). «Дефициты не закрыты»: по области дефицита из мониторинга \(previous) нет завершённого в том же году курса той же направленности."
                : "Teachers: the census of \(previous). Due: no course completed in \(start - 2)-\(start - 1) or \(previous) (the last one in \(start - 3)-\(start - 2) or earlier, or none). Deficits not addressed: a deficit area of the \(previous) census without a completed course of that focus in the same year.")

        let byAreaRows: [[String?]] = areaRows.map { row in
            let isCity = row[0] == "city"
            return [row[0], row[1], isCity ? city : row[2], language == .ru ? row[4] : row[5], row[6]]
        }
        let byDeficitArea = ResultTable(
            title: (language == .ru ? "Незакрытые дефициты по областям, " : "Deficits not addressed by area, ") + label,
            columns: [
                ResultColumn(name: "level", caption: language == .ru ? "Уровень" : "Level"),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "deficit_area", caption: ReportCatalogue.text("deficit_area", in: language)),
                ResultColumn(name: "teachers", type: .integer, caption: ReportCatalogue.text("teachers", in: language)),
            ],
            rows: byAreaRows)
        self.init(yearLabel: label, bySubject: bySubject, byDeficitArea: byDeficitArea, language: language)
    }

    /// The city's totals in words, each count agreeing with its noun: «Итого по городу:
    /// «Нужен курс» — 23 педагога из 400; …». Nil without a city row.
    static func cityTotals(_ rows: [[String?]], language: ReportLanguage) -> String? {
        guard let city = rows.first(where: { $0.first == "city" }), city.count > 8 else { return nil }
        let count = { (index: Int) in city[index].flatMap { Int($0) } ?? 0 }
        let teachers = count(4)
        switch language {
        case .ru:
            return "Итого по городу: «\(caption("teachers_due", .ru))» — \(RussianPlural.teacher.counted(count(5))) из \(teachers); "
                + "«\(caption("never_trained", .ru))» — \(RussianPlural.teacher.counted(count(6))); "
                + "«\(caption("deficits_unaddressed", .ru))» — \(RussianPlural.teacher.counted(count(7))); "
                + "«\(caption("leaders_due", .ru))» — \(RussianPlural.leader.counted(count(8)))."
        case .en:
            return "City total: due a course, \(EnglishPlural.counted(count(5), "teacher")) of \(teachers); "
                + "never trained, \(EnglishPlural.counted(count(6), "teacher")); "
                + "with deficits not addressed, \(EnglishPlural.counted(count(7), "teacher")); "
                + "leaders due a course, \(EnglishPlural.counted(count(8), "leader"))."
        }
    }

    /// What a level code of the plan's rows means, in the report's language: `subject` «ОО,
    /// предмет», `school` «ОО, итого» (by subject) or «ОО» (by deficit area), `city_subject`
    /// «Город, предмет», `city` «Город, итого» or «Город».
    public static func levelName(_ code: String, byArea: Bool, language: ReportLanguage) -> String {
        let ru = language == .ru
        switch code {
        case "subject": return ru ? "ОО, предмет" : "School, subject"
        case "school": return byArea ? (ru ? "ОО" : "School") : (ru ? "ОО, итого" : "School total")
        case "city_subject": return ru ? "Город, предмет" : "City, subject"
        case "city": return byArea ? (ru ? "Город" : "City") : (ru ? "Город, итого" : "City total")
        default: return code
        }
    }

    /// The plan for people (table, markdown, HTML): the level codes of both tables as words.
    /// CSV and JSON keep the codes, which are stable for machines.
    public func withLevelNames() -> PlanOrderReport {
        var copy = self
        for (index, byArea) in [(0, false), (1, true)] {
            var table = index == 0 ? copy.bySubject : copy.byDeficitArea
            for row in table.rows.indices where !table.rows[row].isEmpty {
                if let code = table.rows[row][0] { table.rows[row][0] = Self.levelName(code, byArea: byArea, language: language) }
            }
            if index == 0 { copy.bySubject = table } else { copy.byDeficitArea = table }
        }
        return copy
    }

    /// The caption of a count column of the plan.
    public static func caption(_ column: String, _ language: ReportLanguage) -> String {
        switch column {
        case "never_trained": language == .ru ? "Ни разу не обучались" : "Never trained"
        case "deficits_unaddressed": language == .ru ? "С незакрытыми дефицитами" : "With deficits not addressed"
        case "leaders_due": language == .ru ? "Руководителям нужен курс" : "Leaders due"
        default: ReportCatalogue.text(column, in: language)
        }
    }

    /// Both tables as one JSON object: `{"for_year": …, "by_subject": […], "by_deficit_area": […]}`.
    public func json() -> String {
        "{\"for_year\":\(JSONRenderer.quoted(yearLabel)),\n\"by_subject\":"
            + JSONRenderer.render(bySubject).trimmingTrailingNewlines()
            + ",\n\"by_deficit_area\":" + JSONRenderer.render(byDeficitArea).trimmingTrailingNewlines() + "}\n"
    }

    /// Both tables as a self-contained HTML page.
    public func html(language: ReportLanguage) -> String {
        let named = withLevelNames()
        return HTMLDocument(title: named.bySubject.title, language: language,
                            blocks: [.table(named.bySubject), .table(named.byDeficitArea)]).render()
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
