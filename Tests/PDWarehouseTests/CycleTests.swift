import Foundation
import Logging
import Testing
import PDContract
import PDPostgres
import PDReport
import PDSample
@testable import PDWarehouse

/// The management cycle on the real server (issue 13 §2, §3; sql/cycle/README.md): the sample
/// city's requests and measures load (and `etl run` tells their kinds), an issued plan is a
/// snapshot that a re-issue replaces, `report reconcile` balances with every number traced to
/// rows, `report effect` gives each measure's change beside the comparison group's, the brief
/// has its section, and the cycle's mart views show a login only its school.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct CycleTests {
    static let years = "2021-2022..2023-2024"

    /// A loaded sample city with requests and measures, and the owner's facade on it.
    final class City {
        let db: TestDatabase
        let folder: URL
        let summary: SampleSummary
        let warehouse: Warehouse
        let connection: Connection

        init() throws {
            var options = SampleOptions(schools: 4, teachers: 160, years: try AcademicYear.parseList(CycleTests.years), seed: 11)
            options.requests = true
            options.measures = true
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-cycle-\(UUID().uuidString)")
            summary = try SampleCity(options: options).write(to: folder.path)
            db = try TestDatabase()
            connection = try db.connect()
            warehouse = try Warehouse(conninfo: db.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"),
                                      pseudonymizer: try Pseudonymizer(key: LoadFixture.key))
            let order: [SampleFileKind] = [.schools, .survey, .enrolments, .requests, .measures]
            let paths = order.flatMap { kind in summary.files.filter { $0.kind == kind } }
                .map { folder.appendingPathComponent($0.fileName).path }
            for outcome in try warehouse.load(paths.map { LoadRequest(path: $0) }) {
                #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
            }
        }

        deinit {
            warehouse.close()
            connection.close()
            try? FileManager.default.removeItem(at: folder)
        }

        func files(_ kind: SampleFileKind) -> [URL] {
            summary.files.filter { $0.kind == kind }.map { folder.appendingPathComponent($0.fileName) }
        }

        func int(_ sql: SQL, _ parameters: [String?] = []) throws -> Int {
            try connection.execute(sql, parameters).scalarInt ?? -1
        }
    }

    static func int(_ text: String?) -> Int { text.flatMap { Int($0) } ?? 0 }

    // MARK: - Loads

    @Test func theSampleRequestsAndMeasuresLoadAreToldByEtlRunAndLoadOnlyOnce() throws {
        let city = try City()
        let requestFiles = city.files(.requests), measureFiles = city.files(.measures)
        #expect(requestFiles.count == 3)
        #expect(measureFiles.count == 2)
        for file in requestFiles { #expect(InboxRun.peekKind(file, mapping: .none) == .requests) }
        for file in measureFiles { #expect(InboxRun.peekKind(file, mapping: .none) == .measures) }
        let written = city.summary.files.filter { $0.kind == .requests }.map(\.rows).reduce(0, +)
        #expect(try city.int("select count(*) from dw.school_request") == written)
        // Each school has its counted row in each year; no raw identifier is stored.
        #expect(try city.int("select count(*) from dw.school_request where teacher_key is null") == 4 * 3)
        #expect(try city.int("select count(*) from dw.measure") == city.summary.files.filter { $0.kind == .measures }.map(\.rows).reduce(0, +))

        // The same files again, forced past the already-loaded check: nothing changes.
        let before = try city.connection.execute("select * from dw.school_request order by request_key").rows
        let measuresBefore = try city.connection.execute("select measure_key, responsible_role, batch_key from dw.measure order by 1").rows
        for outcome in try city.warehouse.load((requestFiles + measureFiles).map { LoadRequest(path: $0.path, force: true) }) {
            #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
            #expect(outcome.rowsChanged == 0, "\(outcome.summaryLine)")
        }
        #expect(try city.connection.execute("select * from dw.school_request order by request_key").rows == before)
        #expect(try city.connection.execute("select measure_key, responsible_role, batch_key from dw.measure order by 1").rows
                == measuresBefore)
    }

    @Test func badRequestAndMeasureRowsAreRejectedWithTheirReasons() throws {
        let city = try City()
        let school = try #require(try city.connection.execute("select school_code from dw.dim_school order by 1 limit 1").rows.first?[0])
        let fixture = try LoadFixture()
        let requests = try fixture.write("requests_2023-2024.csv", """
            школа_лишняя,код ОО,СНИЛС,количество педагогов,предмет,направленность,наименование программы
            x,\(school),112-233-445 95,,Математика,,Функциональная грамотность
            x,\(school),112-233-445 95,2,Математика,,Функциональная грамотность
            x,\(school),,,Математика,,Функциональная грамотность
            x,\(school),,3,Математика,,
            x,999999,,3,Математика,предметные,
            x,\(school),,3,Физика,цифровые,
            """)
        let loaded = try city.warehouse.load([LoadRequest(path: requests, maxRejectRatio: 1)])[0]
        #expect(loaded.kind == .requests)
        #expect(loaded.rowsLoaded == 2)
        #expect(loaded.rejects.filter { !$0.isNotice }.map(\.reasonCode).sorted()
                == ["missing_required", "missing_required", "out_of_range", "unknown_school"])
        let measures = try fixture.write("measures.csv", """
            уровень,код правила,показатель,содержание меры,дата решения,ответственный
            город,R10,,Включить педагогов в план-заказ,15.02.2024,методический центр
            \(school),R99,,Неизвестное правило,15.02.2024,
            \(school),R10,distance_share,Правило и показатель не согласны,15.02.2024,
            \(school),,,Ни правила ни показателя,15.02.2024,
            \(school),,distance_share,Дистанционные курсы,15.02.2024,заместитель директора по УВР
            """)
        let measured = try city.warehouse.load([LoadRequest(path: measures, maxRejectRatio: 1)])[0]
        #expect(measured.kind == .measures)
        #expect(measured.rowsLoaded == 2)
        #expect(measured.rejects.map(\.reasonCode).sorted() == ["missing_required", "unknown_value", "unknown_value"])
        #expect(try city.int("select count(*) from dw.measure where academic_year_key = 2023 and measure_text = 'Дистанционные курсы'") == 1)
    }

    // MARK: - Plan snapshot and reconciliation

    @Test func anIssuedPlanIsTheSameAsThePlanAndAReissueReplacesIt() throws {
        let city = try City()
        let plain = try city.warehouse.plan(forYear: "2023-2024", language: .ru)
        let first = try city.warehouse.issuePlan(forYear: "2023-2024", language: .ru)
        #expect(first.report.bySubject.rows == plain.bySubject.rows)
        #expect(first.report.byDeficitArea.rows == plain.byDeficitArea.rows)
        #expect(first.issue.replacedIssuedAt == nil)
        #expect(first.issue.rows == plain.bySubject.rows.count + plain.byDeficitArea.rows.count)
        #expect(try city.int("select count(*) from dw.plan_order_issued_row") == first.issue.rows)
        let second = try city.warehouse.issuePlan(forYear: "2023-2024", language: .ru)
        #expect(second.issue.replacedIssuedAt == first.issue.issuedAt)
        #expect(try city.int("select count(*) from dw.plan_order_issue where academic_year_key = 2023") == 2)
        #expect(try city.int("select count(*) from dw.plan_order_issued_row") == second.issue.rows)
        #expect(try city.int("select count(distinct plan_order_issue_key) from dw.plan_order_issued_row") == 1)
        // The plan's own output is unchanged by issuing it.
        #expect(try city.warehouse.plan(forYear: "2023-2024", language: .ru).bySubject.rows == plain.bySubject.rows)
    }

    @Test func reconcileBalancesAndEveryNumberIsTracedToRows() throws {
        let city = try City()
        let issued = try city.warehouse.issuePlan(forYear: "2023-2024", language: .en)
        let report = try city.warehouse.reconcile(year: "2023-2024", language: .en, forPeople: false)
        #expect(report.bySubject.notes.contains { $0.contains("plan-order issued") })
        for (table, schoolLevel) in [(report.bySubject, "subject"), (report.byFocusArea, "school")] {
            let column = { (name: String) in table.columns.firstIndex { $0.name == name }! }
            let (requested, planned, enrolled, completed) = (column("requested"), column("planned"), column("enrolled"), column("completed"))
            let (enc, notEnrolled, notCompleted) = (column("enrolled_not_completed"), column("not_enrolled"), column("requested_not_completed"))
            #expect(!table.rows.isEmpty)
            for row in table.rows {
                let n = { (index: Int) in Self.int(row[index]) }
                #expect(n(requested) == n(completed) + n(enc) + n(notEnrolled), "\(row)")
                #expect(n(enrolled) == n(completed) + n(enc), "\(row)")
                #expect(n(notCompleted) == n(enc) + n(notEnrolled), "\(row)")
            }
            // The city's row of each count is the sum of the schools' rows of the same grain.
            let cityRows = table.rows.filter { $0[0] == "city" }
            for name in ["requested", "enrolled", "completed", "enrolled_not_completed", "not_enrolled"] {
                let sum = table.rows.filter { $0[0] == schoolLevel }.map { Self.int($0[column(name)]) }.reduce(0, +)
                #expect(cityRows.map { Self.int($0[column(name)]) }.reduce(0, +) == sum, "\(name)")
            }
            _ = planned
        }
        let col = { (name: String) in report.bySubject.columns.firstIndex { $0.name == name }! }
        let cityRow = try #require(report.bySubject.rows.first { $0[0] == "city" })
        // Traced to rows: the places are the year's teachers_requested; completed named
        // requests recounted straight from the facts.
        #expect(Self.int(cityRow[col("requested")])
                == (try city.int("select coalesce(sum(teachers_requested), 0) from dw.school_request where academic_year_key = 2023")))
        let namedCompleted = try city.int("""
            select count(*) from dw.school_request as r
            left join dw.dim_deficit_area as a on a.deficit_area_key = r.focus_area_key
            where r.academic_year_key = 2023 and r.teacher_key is not null and exists (
                select 1 from dw.fact_course_enrolment as e
                inner join dw.dim_course as c on c.course_key = e.course_key
                where e.teacher_key = r.teacher_key and e.academic_year_key = 2023 and e.status = 'completed'
                  and (r.course_title is null or lower(c.course_title) = lower(r.course_title))
                  and (r.focus_area_key is null or c.focus_area_key = r.focus_area_key))
            """)
        #expect(namedCompleted > 0)
        #expect(try city.int("""
            select count(*) from mart.request_reconciliation where year_start = 2023 and is_named and outcome = 'completed'
            """) == namedCompleted)
        #expect(try city.int("""
            select count(*) from mart.request_reconciliation as p
            where p.year_start = 2023 and not p.is_named and p.outcome <> 'not_enrolled'
              and not exists (select 1 from dw.fact_course_enrolment as e
                              where e.teacher_key = p.teacher_number and e.academic_year_key = 2023)
            """) == 0)
        // Every outcome occurs in the sample city.
        #expect(Self.int(cityRow[col("completed")]) > 0)
        #expect(Self.int(cityRow[col("not_enrolled")]) > 0)
        // Planned: the issued plan's teachers due, school by school.
        let plannedCity = issued.report.bySubject.rows.first { $0[0] == "city" }?[5]
        #expect(cityRow[col("planned")] == plannedCity)
        // Without an issued plan for the year, the column is empty and a note says so.
        let unplanned = try city.warehouse.reconcile(year: "2022-2023", language: .ru, forPeople: true)
        #expect(unplanned.bySubject.rows.allSatisfy { $0[col("planned")] == nil })
        #expect(unplanned.bySubject.notes.contains { $0.contains("не выпущен") })
    }

    // MARK: - Measures and their effect

    @Test func effectShowsEachMeasuresChangeBesideTheComparisonGroup() throws {
        let city = try City()
        let effect = try city.warehouse.effect(year: "2023-2024", language: .ru)
        // The measures of 2022-2023: the city's and one school's (index 1 of 4).
        let stored = try city.int("select count(*) from dw.measure where academic_year_key = 2022")
        #expect(effect.measures.count == stored)
        #expect(effect.measures.contains { $0.schoolCode == nil })
        let measure = try #require(effect.measures.first { $0.schoolCode != nil })
        let values = try city.connection.execute("""
            select academic_year_key::text, value::text, denominator::text from dw.agg_indicator_value
            where grain = 'school' and indicator_id = $1 and school_code = $2 and academic_year_key in (2022, 2023)
            order by 1
            """, [measure.indicatorID, measure.schoolCode]).rows
        #expect(values.count == 2)
        let decimal = { (text: String?) in text.flatMap { Decimal(string: $0) } }
        #expect(measure.before == values.first?[1])
        #expect(measure.after == values.last?[1])
        #expect(decimal(measure.change) == decimal(measure.after).flatMap { after in decimal(measure.before).map { after - $0 } })
        // The comparison group: the other schools with data in both years, pooled.
        let group = try city.connection.execute("""
            select count(*)::text, round(100.0 * sum(b.numerator) / sum(b.denominator), 1)::text,
                   round(100.0 * sum(a.numerator) / sum(a.denominator), 1)::text
            from dw.agg_indicator_value as b
            inner join dw.agg_indicator_value as a
                on a.indicator_id = b.indicator_id and a.school_code = b.school_code and a.grain = 'school'
               and a.academic_year_key = 2023
            where b.grain = 'school' and b.indicator_id = $1 and b.academic_year_key = 2022 and b.school_code <> $2
              and b.denominator > 0 and a.denominator > 0
            """, [measure.indicatorID, measure.schoolCode]).rows[0]
        #expect(measure.comparisonSchools == Self.int(group[0]))
        #expect(measure.comparisonBefore == group[1])
        #expect(measure.comparisonAfter == group[2])
        #expect(decimal(measure.difference) == decimal(measure.change).flatMap { c in decimal(measure.comparisonChange).map { c - $0 } })
        #expect(decimal(measure.change) != nil && decimal(measure.change) != 0)
        // Words agree with numbers; the city's measure says it has no comparison group.
        let line = try #require(effect.lines().first { $0.hasPrefix("ОО ") })
        #expect(line.contains("в группе сравнения (\(RussianPlural.school.counted(Self.int(group[0]))))"))
        #expect(effect.caveats(effect.measures.first { $0.schoolCode == nil }!).contains("мера города: группы сравнения нет"))
        let table = effect.table()
        #expect(table.rows.count == effect.measures.count)

        // The brief of the year has the section; the first year's brief (no measures before it) has not.
        let brief = try city.warehouse.brief(year: "2023-2024", rulesFile: nil, language: .ru)
        #expect(brief.effect?.measures.count == stored)
        let document = brief.cityDocument(header: nil).render()
        #expect(document.contains("Анализ эффективности принятых мер"))
        #expect(try city.warehouse.brief(year: "2021-2022", rulesFile: nil, language: .ru).effect == nil)
    }

    @Test func measuresAddRecordsOnceAndRefusesWhatTheWarehouseDoesNotKnow() throws {
        let city = try City()
        let school = try #require(try city.connection.execute("select school_code from dw.dim_school order by 1 limit 1").rows.first?[0])
        let entry = ManagementCycle.MeasureEntry(
            year: "2023-2024", schoolCode: school, ruleCode: "R03", indicator: nil, text: "Курсы по закрытию дефицитов",
            date: "2024-03-01", responsibleRole: "заместитель директора по УВР")
        let added = try city.warehouse.addMeasure(entry)
        #expect(!added.alreadyRecorded)
        #expect(added.record.indicator == "deficit_addressed_share")
        let again = try city.warehouse.addMeasure(entry)
        #expect(again.alreadyRecorded && again.number == added.number)
        #expect(try city.int("select count(*) from dw.measure where source = 'command'") == 1)
        var unknown = entry
        unknown.ruleCode = "R99"
        #expect(throws: MeasureError.aim(.unknownRule("R99"))) { try city.warehouse.addMeasure(unknown) }
        #expect(ExitStatus(for: MeasureError.aim(.unknownRule("R99"))) == .usage)
        var elsewhere = entry
        elsewhere.schoolCode = "nowhere"
        #expect(throws: MeasureError.unknownSchool("nowhere")) { try city.warehouse.addMeasure(elsewhere) }
    }

    // MARK: - Per-school access

    @Test func theCyclesMartViewsShowALoginOnlyItsSchool() throws {
        let city = try City()
        _ = try city.warehouse.issuePlan(forYear: "2023-2024", language: .en)
        let measured = try #require(try city.connection.execute(
            "select school_code from dw.measure where school_code is not null order by 1 limit 1").rows.first?[0])
        let login = try TestLogin(city.db, roles: ["pdmon_reader"])
        _ = try city.warehouse.grantAccess(role: login.name, schools: [measured], everySchool: false, language: .en)
        let connection = try login.connect()
        defer { connection.close() }
        for view in ["request_reconciliation", "plan_order_issued", "measure"] {
            let codes = try connection.execute(SQL(unsafeText: "select distinct school_code from mart.\(view) where school_code is not null"))
                .rows.compactMap { $0[0] }
            #expect(codes == [measured], "mart.\(view)")
            let all = try city.connection.execute(SQL(unsafeText: "select count(distinct school_code) from mart.\(view)")).scalarInt ?? 0
            #expect(all > 1, "mart.\(view) as the owner")
        }
        // The city's plan rows are not the login's; the city's measures are.
        #expect(try connection.execute("select count(*) from mart.plan_order_issued where school_code is null").scalarInt == 0)
        #expect(try connection.execute("select count(*) from mart.measure where school_code is null").scalarInt ?? 0 > 0)
        // The report as that login: its school only, no city row.
        let reader = try Warehouse(conninfo: login.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"))
        defer { reader.close() }
        let report = try reader.reconcile(year: "2023-2024", language: .en, forPeople: false)
        #expect(!report.bySubject.rows.isEmpty)
        #expect(report.bySubject.rows.allSatisfy { $0[1] == measured && $0[0] != "city" })
    }
}
