import Foundation

/// `pdmon report reconcile --year Y` (issue 13 §2): the schools' requests for Y against the
/// issued plan-order and what happened — two tables, by school and subject and by school and
/// focus area, counts only. The figures come from `sql/cycle/reconcile_by_subject.sql` and
/// `reconcile_by_area.sql` (definitions and identities in `sql/cycle/README.md`):
/// requested = completed + enrolled_not_completed + not_enrolled; enrolled = completed +
/// enrolled_not_completed; requested_not_completed = enrolled_not_completed + not_enrolled.
public struct ReconcileReport: Sendable {
    public let yearLabel: String
    /// level, school_code, school_name, subject, requested, planned, enrolled, completed,
    /// enrolled_not_completed, not_enrolled, requested_not_completed.
    public var bySubject: ResultTable
    /// level, school_code, school_name, focus_area, requested, planned, enrolled, completed,
    /// enrolled_not_completed, not_enrolled, requested_not_completed.
    public var byFocusArea: ResultTable
    public let language: ReportLanguage

    /// The count columns, in order.
    public static let counts = ["requested", "planned", "enrolled", "completed", "enrolled_not_completed", "not_enrolled",
                                "requested_not_completed"]

    /// - Parameters:
    ///   - subjectRows: rows of `reconcile_by_subject.sql` (11 columns).
    ///   - areaRows: rows of `reconcile_by_area.sql` (13 columns: with the area's names).
    ///   - planIssuedAt: when the plan in force was issued; nil when none was.
    ///   - forPeople: level codes as words and «(не указан)» for an empty subject (table,
    ///     markdown); CSV and JSON keep the codes.
    public init(yearLabel: String, subjectRows: [[String?]], areaRows: [[String?]], planIssuedAt: String?,
                language: ReportLanguage, forPeople: Bool) {
        self.yearLabel = yearLabel
        self.language = language
        let ru = language == .ru
        let notGiven = ru ? "(не указан)" : "(not given)"
        let courseOnly = ru ? "(только программа)" : "(course only)"
        let level = { (code: String?, byArea: Bool) -> String? in
            guard forPeople, let code else { return code }
            return PlanOrderReport.levelName(code, byArea: byArea, language: language)
        }
        let subjects: [[String?]] = subjectRows.map { row in
            let subject: String? = row[0] == "subject" ? (forPeople && (row[3] ?? "").isEmpty ? notGiven : row[3]) : nil
            let name = forPeople && row[0] == "city" ? ReportCatalogue.text("city", in: language) : row[2]
            return [level(row[0], false), row[1], name, subject] + Array(row[4...10])
        }
        let areas: [[String?]] = areaRows.map { row in
            let code = row[3] ?? ""
            let area: String? = forPeople ? (code.isEmpty ? courseOnly : (ru ? row[4] : row[5]) ?? code) : code
            let name = forPeople && row[0] == "city" ? ReportCatalogue.text("city", in: language) : row[2]
            return [level(row[0], true), row[1], name, area] + Array(row[6...12])
        }
        let countColumns = Self.counts.map { ResultColumn(name: $0, type: .integer, caption: Self.caption($0, language)) }
        var notes = [ru
            ? "Заявлено = завершили + записаны, но не завершили + не записаны; записаны = завершили + записаны, но не завершили; "
                + "не завершили из заявленных = записаны, но не завершили + не записаны. Каждое число — строки "
                + "mart.request_reconciliation (место в заявке, номер заявки, номер педагога); педагоги не называются."
            : "Requested = completed + enrolled, not completed + not enrolled; enrolled = completed + enrolled, not completed; "
                + "requested, not completed = enrolled, not completed + not enrolled. Every number counts rows of "
                + "mart.request_reconciliation (a requested place, its request number, the teacher's number); no teacher is named."]
        if let planIssuedAt {
            notes.append(ru ? "План — план-заказ, выпущенный \(planIssuedAt) (pdmon plan --issue): по предметам — «нужен курс», "
                                + "по направленностям — педагоги с незакрытым дефицитом."
                            : "Planned: the plan-order issued \(planIssuedAt) (pdmon plan --issue): by subject, teachers due a course; "
                                + "by focus area, teachers with the deficit not addressed.")
        } else {
            notes.append(ru ? "План-заказ на \(yearLabel) не выпущен (pdmon plan --for-year \(yearLabel) --issue): столбец «План» пуст."
                            : "No plan-order was issued for \(yearLabel) (pdmon plan --for-year \(yearLabel) --issue): «Planned» is empty.")
        }
        bySubject = ResultTable(
            title: (ru ? "Заявки, план и обучение по ОО и предметам, " : "Requests, plan and training by school and subject, ") + yearLabel,
            columns: [
                ResultColumn(name: "level", caption: ru ? "Уровень" : "Level"),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "subject", caption: ReportCatalogue.text("subject", in: language)),
            ] + countColumns,
            rows: subjects, notes: notes,
            emptyText: ru ? "Заявок на \(yearLabel) нет." : "No requests for \(yearLabel).")
        byFocusArea = ResultTable(
            title: (ru ? "Заявки, план и обучение по ОО и направленностям, " : "Requests, plan and training by school and focus area, ")
                + yearLabel,
            columns: [
                ResultColumn(name: "level", caption: ru ? "Уровень" : "Level"),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
                ResultColumn(name: "focus_area", caption: ru ? "Направленность" : "Focus area"),
            ] + countColumns,
            rows: areas,
            emptyText: ru ? "Заявок на \(yearLabel) нет." : "No requests for \(yearLabel).")
    }

    /// The caption of a count column.
    public static func caption(_ column: String, _ language: ReportLanguage) -> String {
        let ru = language == .ru
        switch column {
        case "requested": return ru ? "Заявлено" : "Requested"
        case "planned": return ru ? "План" : "Planned"
        case "enrolled": return ru ? "Записаны" : "Enrolled"
        case "completed": return ru ? "Завершили" : "Completed"
        case "enrolled_not_completed": return ru ? "Записаны, не завершили" : "Enrolled, not completed"
        case "not_enrolled": return ru ? "Не записаны" : "Not enrolled"
        case "requested_not_completed": return ru ? "Заявлены, но не завершили" : "Requested, not completed"
        default: return column
        }
    }

    /// Both tables as one JSON object: `{"year": …, "by_subject": […], "by_focus_area": […]}`.
    public func json() -> String {
        "{\"year\":\(JSONRenderer.quoted(yearLabel)),\n\"by_subject\":"
            + JSONRenderer.render(bySubject).trimmingTrailingNewlines()
            + ",\n\"by_focus_area\":" + JSONRenderer.render(byFocusArea).trimmingTrailingNewlines() + "}\n"
    }
}

/// `pdmon report effect --year Y` (issue 13 §3) and the «анализ эффективности принятых мер»
/// section of the brief: for each measure taken in Y-1, the indicator it aims at in Y-1 and Y,
/// the change, and the same for the comparison group (schools with no such measure), with the
/// caveats of small denominators (`SmallDenominator`) and of comparison groups under two
/// schools. The rows are those of `sql/cycle/effect.sql` (25 columns, its order).
public struct EffectReport: Sendable {
    public let yearLabel: String
    public let previousLabel: String
    public let language: ReportLanguage
    public let measures: [Measure]

    /// One measure and its figures: values as the database writes them (one decimal; percent
    /// or hours by `isPercent`), changes in percentage points or hours.
    public struct Measure: Sendable, Equatable {
        public let number: Int
        /// Nil for a measure of the city.
        public let schoolCode: String?
        public let schoolName: String?
        public let ruleCode: String?
        public let indicatorID: String
        public let indicatorName: String
        public let isPercent: Bool
        public let higherIsBetter: Bool
        public let text: String
        public let date: String
        public let responsibleRole: String?
        public let before: String?
        public let denominatorBefore: Int?
        public let after: String?
        public let denominatorAfter: Int?
        public let change: String?
        public let comparisonSchools: Int?
        public let comparisonBefore: String?
        public let comparisonAfter: String?
        public let comparisonChange: String?
        /// The measure's change minus the comparison group's.
        public let difference: String?
    }

    /// Reads the rows of `effect.sql` for the academic year starting in `start`.
    public init(start: Int, rows: [[String?]], language: ReportLanguage) {
        yearLabel = "\(start)-\(start + 1)"
        previousLabel = "\(start - 1)-\(start)"
        self.language = language
        let decimal = { (text: String?) in text }
        let int = { (text: String?) in text.flatMap { Int($0) } }
        measures = rows.map { row in
            Measure(
                number: int(row[0]) ?? 0, schoolCode: row[2], schoolName: row[3], ruleCode: row[4], indicatorID: row[5] ?? "",
                indicatorName: (language == .ru ? row[6] : row[7]) ?? row[5] ?? "", isPercent: row[8] == "percent",
                higherIsBetter: row[9] != "lower", text: row[10] ?? "", date: row[11] ?? "", responsibleRole: row[12],
                before: decimal(row[13]), denominatorBefore: int(row[14]), after: decimal(row[15]), denominatorAfter: int(row[16]),
                change: decimal(row[17]), comparisonSchools: int(row[18]), comparisonBefore: decimal(row[19]),
                comparisonAfter: decimal(row[21]), comparisonChange: decimal(row[23]), difference: decimal(row[24]))
        }
    }

    var ru: Bool { language == .ru }

    /// The caveats of one measure, in the report's language (empty when none): a small or zero
    /// denominator in either year, a missing value, a comparison group under two schools or none.
    public func caveats(_ measure: Measure) -> [String] {
        var caveats: [String] = []
        for (label, denominator) in [(previousLabel, measure.denominatorBefore), (yearLabel, measure.denominatorAfter)] {
            guard let denominator, denominator > 0 else {
                caveats.append(ru ? "нет значения за \(label)" : "no value for \(label)")
                continue
            }
            if SmallDenominator.isSmall(denominator) {
                caveats.append(ru ? "в \(label) знаменатель — \(RussianPlural.teacher.counted(denominator)), меньше \(SmallDenominator.limit)"
                                  : "in \(label) the denominator is \(EnglishPlural.counted(denominator, "teacher")), under \(SmallDenominator.limit)")
            }
        }
        if measure.schoolCode == nil {
            caveats.append(ru ? "мера города: группы сравнения нет" : "a measure of the city: no comparison group")
        } else if let schools = measure.comparisonSchools, schools > 0 {
            if schools < 2 {
                caveats.append(ru ? "группа сравнения — \(RussianPlural.school.counted(schools))"
                                  : "the comparison group is \(EnglishPlural.counted(schools, "school"))")
            }
        } else {
            caveats.append(ru ? "группы сравнения нет: у всех ОО с данными такая же мера или нет данных"
                              : "no comparison group: every school with data took such a measure or has no data")
        }
        return caveats
    }

    /// The table: one row per measure. `forPeople`: decimals as the renderer shows them and the
    /// level as a word; CSV/JSON keep codes and plain numbers either way.
    public func table() -> ResultTable {
        let value = { (name: String, caption: String) in
            ResultColumn(name: name, type: .decimal, caption: caption, unit: .indicatorValue)
        }
        let change = { (name: String, caption: String) in
            ResultColumn(name: name, type: .decimal, caption: caption, unit: .indicatorChange)
        }
        let columns: [ResultColumn] = [
            ResultColumn(name: "measure_number", type: .integer, caption: ru ? "№ меры" : "Measure"),
            ResultColumn(name: "school_code", caption: ru ? "ОО (пусто — город)" : "School (empty: the city)"),
            ResultColumn(name: "school_name", caption: ReportCatalogue.text("school", in: language)),
            ResultColumn(name: "rule_code", caption: ru ? "Правило" : "Rule"),
            ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language)),
            ResultColumn(name: "measure", caption: ru ? "Мера" : "Measure taken"),
            ResultColumn(name: "measure_date", type: .date, caption: ru ? "Дата" : "Date"),
            ResultColumn(name: "responsible_role", caption: ru ? "Ответственный" : "Responsible"),
            value("value_before", previousLabel),
            ResultColumn(name: "denominator_before", type: .integer, caption: ru ? "n, \(previousLabel)" : "n, \(previousLabel)"),
            value("value_after", yearLabel),
            ResultColumn(name: "denominator_after", type: .integer, caption: "n, \(yearLabel)"),
            change("change", ReportCatalogue.text("change", in: language)),
            ResultColumn(name: "comparison_schools", type: .integer, caption: ru ? "ОО в группе сравнения" : "Comparison schools"),
            value("comparison_before", ru ? "Группа сравнения, \(previousLabel)" : "Comparison, \(previousLabel)"),
            value("comparison_after", ru ? "Группа сравнения, \(yearLabel)" : "Comparison, \(yearLabel)"),
            change("comparison_change", ru ? "Изменение в группе сравнения" : "Comparison change"),
            change("difference", ru ? "Разница изменений" : "Difference of changes"),
            ResultColumn(name: "caveats", caption: ru ? "Оговорки" : "Caveats"),
        ]
        let text = { (value: String?) in value }
        let rows: [[String?]] = measures.map { m in
            [String(m.number), m.schoolCode, m.schoolCode == nil ? ReportCatalogue.text("city", in: language) : m.schoolName,
             m.ruleCode, m.indicatorID, m.text, m.date, m.responsibleRole,
             text(m.before), m.denominatorBefore.map(String.init), text(m.after), m.denominatorAfter.map(String.init),
             text(m.change), m.comparisonSchools.map(String.init), text(m.comparisonBefore), text(m.comparisonAfter),
             text(m.comparisonChange), text(m.difference), caveats(m).joined(separator: "; ")]
        }
        return ResultTable(
            title: (ru ? "Эффективность мер, принятых в \(previousLabel): изменение показателя к \(yearLabel)"
                       : "Effect of the measures of \(previousLabel): the indicator's change by \(yearLabel)"),
            columns: columns, rows: rows, notes: notes,
            emptyText: ru ? "Мер за \(previousLabel) не зарегистрировано (pdmon measures add или выгрузка measures)."
                          : "No measures recorded for \(previousLabel) (pdmon measures add or a measures export).",
            rowUnits: measures.map { $0.isPercent ? .percent : .hours })
    }

    /// The notes under the table: what the comparison group is, and the small-denominator rule.
    public var notes: [String] {
        [ru ? "Группа сравнения — ОО без меры по тому же показателю в \(previousLabel), с данными за оба года; её значение — "
                + "сумма числителей к сумме знаменателей. Разница изменений — изменение по мере минус изменение в группе сравнения; "
                + "это сопоставление, а не доказательство причины."
            : "The comparison group: schools with no measure on the same indicator in \(previousLabel) and data in both years, "
                + "pooled (numerators over denominators). The difference of changes is the measure's change minus the group's; "
                + "a comparison, not proof of a cause.",
         SmallDenominator.note(language)]
    }

    /// One sentence per measure for the brief: «ОО 101 «…», правило R03: «мера» (01.03.2024).
    /// «Охват КПК»: 40,0 % → 55,0 % (+15,0 п. п.); в группе сравнения (12 школ): 42,0 % → 45,0 %
    /// (+3,0 п. п.). Оговорки: …».
    public func lines() -> [String] {
        measures.map { m in
            let unit = m.isPercent ? " %" : (ru ? " ч" : " h")
            let changeUnit = m.isPercent ? (ru ? " п. п." : " pp") : (ru ? " ч" : " h")
            let number = { (value: String?) -> String in
                guard let value else { return "—" }
                return (ru ? value.replacingOccurrences(of: ".", with: ",") : value) + unit
            }
            let signed = { (value: String?) -> String in
                guard let value else { return "—" }
                let text = (Decimal(string: value).map { $0 > 0 } ?? false ? "+" : "") + value
                return (ru ? text.replacingOccurrences(of: ".", with: ",") : text) + changeUnit
            }
            let who = m.schoolCode.map { code in (ru ? "ОО " : "School ") + code + (m.schoolName.map { " «\($0)»" } ?? "") }
                ?? (ru ? "Город" : "The city")
            let rule = m.ruleCode.map { (ru ? ", правило " : ", rule ") + $0 } ?? ""
            var line = "\(who)\(rule): «\(m.text)» (\(m.date)). «\(m.indicatorName)»: \(number(m.before)) → \(number(m.after)) (\(signed(m.change)))"
            if let schools = m.comparisonSchools, schools > 0 {
                let group = ru ? RussianPlural.school.counted(schools) : EnglishPlural.counted(schools, "school")
                line += ru ? "; в группе сравнения (\(group)): " : "; comparison group (\(group)): "
                line += "\(number(m.comparisonBefore)) → \(number(m.comparisonAfter)) (\(signed(m.comparisonChange)))"
            }
            let caveats = caveats(m)
            if !caveats.isEmpty { line += (ru ? ". Оговорки: " : ". Caveats: ") + caveats.joined(separator: "; ") }
            return line + "."
        }
    }

    /// The heading of the brief's section.
    public var sectionTitle: String {
        ru ? "Анализ эффективности принятых мер" : "The effect of the measures taken"
    }
}
