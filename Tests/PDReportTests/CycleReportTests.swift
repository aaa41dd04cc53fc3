import Testing
@testable import PDReport

/// `report effect` and `report reconcile` presentation: caveats agree with their numbers in
/// Russian, small denominators follow `SmallDenominator`, codes stay codes for machines.
@Suite("Effect and reconcile reports")
struct CycleReportTests {
    /// A row of sql/cycle/effect.sql.
    static func row(school: String?, denominatorBefore: String, denominatorAfter: String, schools: String?) -> [String?] {
        ["7", school == nil ? "city" : "school", school, school.map { "Школа \($0)" }, "R10", "pd_coverage_3y", "Охват КПК за 3 года",
         "3-year course coverage", "percent", "higher", "План-заказ", "2024-02-15", "заместитель директора",
         "40.0", denominatorBefore, "55.5", denominatorAfter, "15.5", schools, "42.0", "100", "45.0", "110", "3.0", "12.5"]
    }

    @Test("caveats count their nouns and follow the small-denominator rule")
    func caveats() {
        let effect = EffectReport(start: 2024, rows: [
            Self.row(school: "S01", denominatorBefore: "7", denominatorAfter: "21", schools: "1"),
            Self.row(school: "S02", denominatorBefore: "12", denominatorAfter: "0", schools: "3"),
            Self.row(school: nil, denominatorBefore: "300", denominatorAfter: "310", schools: nil),
        ], language: .ru)
        #expect(effect.previousLabel == "2023-2024")
        #expect(effect.caveats(effect.measures[0])
                == ["в 2023-2024 знаменатель — 7 педагогов, меньше 10", "группа сравнения — 1 школа"])
        #expect(effect.caveats(effect.measures[1]) == ["нет значения за 2024-2025"])
        #expect(effect.caveats(effect.measures[2]) == ["мера города: группы сравнения нет"])
        let lines = effect.lines()
        #expect(lines[1].contains("в группе сравнения (3 школы): 42,0 % → 45,0 % (+3,0 п. п.)"))
        #expect(lines[1].contains("40,0 % → 55,5 % (+15,5 п. п.)"))
        #expect(lines[2].hasPrefix("Город, правило R10"))
        let english = EffectReport(start: 2024, rows: [Self.row(school: "S01", denominatorBefore: "1", denominatorAfter: "21", schools: "1")],
                                   language: .en)
        #expect(english.caveats(english.measures[0])
                == ["in 2023-2024 the denominator is 1 teacher, under 10", "the comparison group is 1 school"])
        let table = effect.table()
        #expect(table.rows.count == 3)
        #expect(table.columns.map(\.name).contains("comparison_change"))
        #expect(table.rows[2][1] == nil)
    }

    @Test("reconcile keeps codes for machines and words for people")
    func reconcileLevels() {
        let subject: [String?] = ["subject", "S01", "Школа", "", "5", "4", "3", "2", "1", "2", "3"]
        let city: [String?] = ["city", nil, nil, nil, "5", "4", "3", "2", "1", "2", "3"]
        let area: [String?] = ["school", "S01", "Школа", "digital", "Цифровые", "Digital", "5", nil, "3", "2", "1", "2", "3"]
        let machine = ReconcileReport(yearLabel: "2024-2025", subjectRows: [subject, city], areaRows: [area], planIssuedAt: nil,
                                      language: .ru, forPeople: false)
        #expect(machine.bySubject.rows[0][0] == "subject")
        #expect(machine.bySubject.rows[0][3] == "")
        #expect(machine.byFocusArea.rows[0][3] == "digital")
        #expect(machine.bySubject.notes.contains { $0.contains("не выпущен") })
        let people = ReconcileReport(yearLabel: "2024-2025", subjectRows: [subject, city], areaRows: [area], planIssuedAt: "2024-06-01",
                                     language: .ru, forPeople: true)
        #expect(people.bySubject.rows[0][3] == "(не указан)")
        #expect(people.bySubject.rows[1][2] == ReportCatalogue.text("city", in: .ru))
        #expect(people.byFocusArea.rows[0][3] == "Цифровые")
        #expect(people.json().contains("\"by_focus_area\":"))
    }
}
