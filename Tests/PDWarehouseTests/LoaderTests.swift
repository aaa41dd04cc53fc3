import Foundation
import Testing
import PDPostgres
import PDContract
@testable import PDWarehouse

@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct LoaderTests {
    @Test func cp1251SemicolonRussianFileLoadsTheSameFactsAsItsUTF8Twin() throws {
        let russian = try LoadFixture()
        try russian.loadSchools()
        let r1 = try russian.load(try russian.write("kpk.csv", ExportText.enrolmentsRussian, cp1251: true))
        let r2 = try russian.load(try russian.write("monitoring.csv", ExportText.surveyRussian, cp1251: true))
        #expect(r1.status == .loaded && r1.kind == .enrolments && r1.rowsLoaded == 3, "\(r1.summaryLine) \(r1.rejects)")
        #expect(r2.status == .loaded && r2.kind == .survey && r2.rowsLoaded == 2, "\(r2.summaryLine) \(r2.rejects)")

        let canonical = try LoadFixture()
        try canonical.loadSchools()
        let c1 = try canonical.load(try canonical.write("e.csv", ExportText.enrolmentsCanonical))
        let c2 = try canonical.load(try canonical.write("s.csv", ExportText.surveyCanonical))
        #expect(c1.status == .loaded && c1.rowsLoaded == 3, "\(c1.summaryLine) \(c1.rejects)")
        #expect(c2.status == .loaded && c2.rowsLoaded == 2, "\(c2.summaryLine) \(c2.rejects)")

        let enrolments = try russian.enrolmentFacts()
        #expect(enrolments.count == 3)
        let canonicalEnrolments = try canonical.enrolmentFacts()
        #expect(enrolments == canonicalEnrolments, "\(zip(enrolments, canonicalEnrolments).filter { $0 != $1 })")
        let census = try russian.censusFacts()
        #expect(census.count == 2)
        let canonicalCensus = try canonical.censusFacts()
        #expect(census == canonicalCensus, "\(zip(census, canonicalCensus).filter { $0 != $1 })")
        // Spot checks of the normalisation itself.
        #expect(enrolments.contains { $0[3] == "Цифровая образовательная среда: \"ЦОС\"" && $0[15] == "in_progress" })
        #expect(enrolments.contains { $0[12] == "leadership" && $0[4] == "retraining" && $0[10] == "20230911" })
        #expect(census.contains { $0[20] == "digital,methodological" && $0[10] == "mentee" })
        #expect(census.contains { $0[21] == "attestation,exam_commission" && $0[7] == "highest" })
    }

    @Test func badRowsLandInRejectsWithReasonAndLineAndTheRestLoads() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var lines = ExportText.enrolmentsCanonical.split(separator: "\n").map(String.init)
        let good = lines[1]
        // 25 good rows (distinct start dates), then four bad ones: 4 of 29 is over 5%, so raise the ratio.
        lines = [lines[0]] + (1...25).map { day in
            good.replacingOccurrences(of: "2023-10-02", with: String(format: "2023-11-%02d", day))
                .replacingOccurrences(of: "2023-10-20", with: "2023-12-20")
        }
        lines.append(good.replacingOccurrences(of: ",S01,", with: ",S99,"))                       // line 27
        lines.append(good.replacingOccurrences(of: "2023-10-02", with: "2023-02-30"))              // line 28
        lines.append(good.replacingOccurrences(of: "2023-10-20", with: "2023-09-01"))              // line 29
        lines.append(lines[1])                                                                      // line 30
        let outcome = try fixture.load(try fixture.write("e.csv", lines.joined(separator: "\n")), ratio: 0.2)
        #expect(outcome.status == .loaded, "\(outcome.summaryLine)")
        #expect(outcome.rowsRead == 29 && outcome.rowsRejected == 4 && outcome.rowsLoaded == 25)
        let rejects = try fixture.rows(
            "select line_number, reason_code from dw.etl_reject where batch_key = $1::bigint order by line_number",
            [String(outcome.batchKey ?? 0)])
        #expect(rejects.map { [$0[0] ?? "", $0[1] ?? ""] } == [
            ["27", "unknown_school"], ["28", "impossible_date"], ["29", "end_before_start"], ["30", "duplicate_row"],
        ])
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 25)
    }

    @Test func aFileOverTheRejectRatioWritesNothingButItsBatchAndRejects() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let text = ExportText.enrolmentsCanonical.replacingOccurrences(of: ",S02,", with: ",S99,")
        let outcome = try fixture.load(try fixture.write("e.csv", text))
        #expect(outcome.status == .refused)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == 0)
        #expect(try fixture.count("select count(*) from dw.dim_course") == 0)
        #expect(try fixture.count("select count(*) from dw.etl_batch where status = 'refused'") == 1)
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'unknown_school'") == 1)
    }

    @Test func aHeaderWithoutARequiredColumnRefusesTheFileAndNeverLoadsItAsAnotherKind() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        // An enrolment export without the start date column.
        let text = ExportText.enrolmentsCanonical.replacingOccurrences(of: "start_date,", with: "begins,")
        let outcome = try fixture.load(try fixture.write("e.csv", text))
        #expect(outcome.status == .refused)
        #expect(outcome.kind == .enrolments)
        #expect(outcome.rejects.first?.reasonCode == "missing_column")
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.fact_teacher_year") == 0)
    }

    @Test func reloadingTheSameFileIsANoOpAndForceChangesNothing() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let path = try fixture.write("s.csv", ExportText.surveyCanonical)
        let epath = try fixture.write("e.csv", ExportText.enrolmentsCanonical)
        #expect(try fixture.load(path).status == .loaded)
        #expect(try fixture.load(epath).status == .loaded)
        let census = try fixture.rows("select * from dw.fact_teacher_year order by teacher_key")
        let enrolments = try fixture.rows("select * from dw.fact_course_enrolment order by enrolment_key")
        let bridges = try fixture.rows("select * from dw.bridge_teacher_year_deficit order by 1, 2, 3")

        let again = try fixture.load(path)
        #expect(again.status == .skipped)
        let forced = try fixture.load(path, force: true)
        #expect(forced.status == .loaded && forced.rowsChanged == 0, "\(forced.summaryLine)")
        let forcedEnrolments = try fixture.load(epath, force: true)
        #expect(forcedEnrolments.status == .loaded && forcedEnrolments.rowsChanged == 0)
        #expect(try fixture.rows("select * from dw.fact_teacher_year order by teacher_key") == census)
        #expect(try fixture.rows("select * from dw.fact_course_enrolment order by enrolment_key") == enrolments)
        #expect(try fixture.rows("select * from dw.bridge_teacher_year_deficit order by 1, 2, 3") == bridges)
    }

    @Test func aSurveyFileReplacesTheCensusOfItsYearAndSchools() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        #expect(try fixture.load(try fixture.write("s1.csv", ExportText.surveyCanonical)).status == .loaded)
        // The second file lists only school S01, with changed figures: S02's census stays.
        let changed = ExportText.surveyCanonical.split(separator: "\n").prefix(2).joined(separator: "\n")
            .replacingOccurrences(of: "methodological|digital", with: "subject")
        let outcome = try fixture.load(try fixture.write("s2.csv", changed))
        #expect(outcome.status == .loaded && outcome.rowsChanged == 1)
        let census = try fixture.censusFacts()
        #expect(census.count == 2)
        #expect(census.first { $0[1] == "S01" }?[20] == "subject")
        #expect(census.contains { $0[1] == "S02" })
    }

    @Test func anEnrolmentReloadUpsertsOnTheNaturalKey() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        #expect(try fixture.load(try fixture.write("e1.csv", ExportText.enrolmentsCanonical)).status == .loaded)
        // The same enrolment, now completed and with other hours: replaced, not duplicated.
        let update = ExportText.enrolmentsCanonical
            .replacingOccurrences(of: "paid,no,2024-01-15,2024-02-15,in_progress", with: "paid,no,2024-01-15,2024-02-15,completed")
            .replacingOccurrences(of: ",72,", with: ",74,")
        let outcome = try fixture.load(try fixture.write("e2.csv", update))
        #expect(outcome.status == .loaded && outcome.rowsChanged == 1, "\(outcome.summaryLine)")
        let facts = try fixture.enrolmentFacts()
        #expect(facts.count == 3)
        #expect(facts.contains { $0[5] == "74" && $0[15] == "completed" })
    }

    @Test func aChangedSchoolNameOpensANewVersion() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        try fixture.connection.run("update dw.dim_school set valid_from = date '2020-01-01' where school_code = 'S01'")
        let renamed = """
            school_code,name,school_type,is_base_school
            S01,Лицей № 1,general,да
            """
        #expect(try fixture.load(try fixture.write("schools2.csv", renamed), kind: .schools).status == .loaded)
        let versions = try fixture.rows(
            "select name, is_current, valid_to = date '9999-12-31' from dw.dim_school where school_code = 'S01' order by valid_from")
        #expect(versions.map { $0.compactMap { $0 } } == [["Средняя школа № 1", "f", "f"], ["Лицей № 1", "t", "t"]])
    }

    @Test func dryRunValidatesAndWritesNothing() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let batches = try fixture.count("select count(*) from dw.etl_batch")
        let outcome = try fixture.load(try fixture.write("e.csv", ExportText.enrolmentsCanonical), dryRun: true)
        #expect(outcome.status == .validated && outcome.rowsLoaded == 3)
        #expect(try fixture.count("select count(*) from dw.etl_batch") == batches)
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == 0)
    }

    /// A NUL byte cannot be stored by PostgreSQL: the row holding it is rejected with its line,
    /// column and reason, the rest loads, and nothing is thrown (no exit 3 for a file's bytes).
    @Test func aNULByteInACourseTitleRejectsItsRowAndTheRestLoads() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        var lines = LoadPathTests.enrolments(year: "2023-2024", first: 1, last: 30).split(separator: "\n").map(String.init)
        lines[5] = lines[5].replacingOccurrences(of: "Курс «Функциональная", with: "Курс\u{0}«Функциональная")
        let outcome = try fixture.load(try fixture.write("nul.csv", lines.joined(separator: "\n")), kind: .enrolments)
        #expect(outcome.status == .loaded && outcome.rowsRead == 30 && outcome.rowsLoaded == 29, "\(outcome.summaryLine)")
        #expect(outcome.rejects.map { [String($0.line), $0.column, $0.reasonCode] } == [["6", "course_title", "nul_byte"]])
        #expect(outcome.rejects.first?.value.contains("\u{2400}") == true)
        let stored = try fixture.rows(
            "select line_number, column_name, reason_code from dw.etl_reject where batch_key = $1::bigint",
            [String(outcome.batchKey ?? -1)])
        #expect(stored.map { $0.compactMap { $0 } } == [["6", "course_title", "nul_byte"]])
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 29)
    }

    @Test func aNULByteInASchoolCodeIsRejectedNeverThrown() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        // In the directory itself: one of three rows is over the reject ratio, so the file is refused.
        let directory = """
            school_code,name,school_type,is_base_school
            S04,Школа № 4,general,нет
            S\u{0}05,Школа № 5,general,нет
            S06,Школа № 6,general,нет
            """
        let refused = try fixture.load(try fixture.write("schools_nul.csv", directory), kind: .schools)
        #expect(refused.status == .refused, "\(refused.summaryLine)")
        #expect(refused.rejects.map { [String($0.line), $0.column, $0.reasonCode] } == [["3", "school_code", "nul_byte"]])
        #expect(try fixture.count("select count(*) from dw.etl_batch where status = 'refused' and batch_key = $1::bigint",
                                  [String(refused.batchKey ?? -1)]) == 1)
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'nul_byte'") == 1)
        #expect(try fixture.count("select count(*) from dw.dim_school") == 3)
        // In an enrolment export.
        var lines = LoadPathTests.enrolments(year: "2023-2024", first: 1, last: 30).split(separator: "\n").map(String.init)
        lines[9] = lines[9].replacingOccurrences(of: ",S0", with: ",S\u{0}0")
        let outcome = try fixture.load(try fixture.write("e_nul.csv", lines.joined(separator: "\n")), kind: .enrolments)
        #expect(outcome.status == .loaded && outcome.rowsLoaded == 29, "\(outcome.summaryLine)")
        #expect(outcome.rejects.map { [String($0.line), $0.column, $0.reasonCode] } == [["10", "school_code", "nul_byte"]])
    }

    /// A title too long for the course dimension's unique index, which PostgreSQL would refuse
    /// (54000), is rejected by the contract first (`too_long`, row by row): here over the reject
    /// ratio, so the file is refused, batch and rejects recorded, nothing of it written, no
    /// exception. (A value the validators accept and PostgreSQL still refuses — `refused_by_database`
    /// — is classified by `PostgresError.isRefusalOfFileContent`, ExportLoadTests.)
    @Test func aValueTheDatabaseWouldRefuseIsRejectedAndNeverFailsTheLoad() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let text = LoadPathTests.enrolments(year: "2023-2024", first: 1, last: 30)
            .replacingOccurrences(of: "Курс «Функциональная грамотность» № 3", with: ExportText.unindexableTitle)
        let outcome = try fixture.load(try fixture.write("long.csv", text), kind: .enrolments)
        #expect(outcome.status == .refused, "\(outcome.summaryLine)")
        #expect(outcome.rowsRead == 30 && outcome.rowsLoaded == 0)
        #expect(!outcome.rejects.isEmpty && outcome.rejects.allSatisfy { $0.reasonCode == "too_long" },
                "\(outcome.rejects.map(\.reasonCode))")
        #expect(outcome.message.contains("max-reject-ratio"), "\(outcome.message)")
        let batch = try fixture.rows("select status, kind from dw.etl_batch where batch_key = $1::bigint",
                                     [String(outcome.batchKey ?? -1)])
        #expect(batch.map { $0.compactMap { $0 } } == [["refused", "enrolments"]])
        #expect(try fixture.count("select count(*) from dw.etl_reject where reason_code = 'too_long'")
                == outcome.rejects.count)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") == 0)
        #expect(try fixture.count("select count(*) from dw.dim_course") == 0)
        #expect(try fixture.count("select count(*) from dw.dim_teacher") == 0)
    }

    @Test func noFullNameOrRawTeacherIdIsStoredAnywhere() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        _ = try fixture.load(try fixture.write("e.csv", ExportText.enrolmentsRussian, cp1251: true))
        _ = try fixture.load(try fixture.write("s.csv", ExportText.surveyRussian, cp1251: true))
        // Also a refused file: its rejects must be masked too.
        _ = try fixture.load(try fixture.write("bad.csv",
            ExportText.surveyCanonical.replacingOccurrences(of: "2023-2024,S0", with: "2023-2024,X0")))
        #expect(try fixture.count("select count(*) from dw.etl_reject") > 0)
        let secrets = ["Иванова", "Мария", "Петров", "Пётр", "12345678901", "123-456-789", "98765432100", "987-654-321"]
        let columns = try fixture.rows("""
            select table_schema, table_name, column_name
            from information_schema.columns
            where table_schema not in ('pg_catalog', 'information_schema')
              and data_type in ('text', 'character varying', 'ARRAY')
            """)
        #expect(columns.count > 10)
        for column in columns {
            let table = try fixture.connection.escapeIdentifier(column[0]!) + "." + fixture.connection.escapeIdentifier(column[1]!)
            let name = try fixture.connection.escapeIdentifier(column[2]!)
            for secret in secrets {
                let hits = try fixture.count(SQL(unsafeText: "select count(*) from \(table) where \(name)::text like '%' || $1 || '%'"), [secret])
                #expect(hits == 0, "\(secret) found in \(table).\(name)")
            }
        }
    }
}

@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct MappingLoadTests {
    /// A form service's export, headed by its question texts, loads through a mapping file
    /// without editing the export.
    @Test func aFormServiceExportLoadsThroughAMappingFile() throws {
        let fixture = try LoadFixture()
        try fixture.loadSchools()
        let mapping = try ContractMapping(toml: """
            [headers.survey]
            school_code = "Ваша школа (код)"
            teacher_id = "Ваш СНИЛС"
            experience_years = "Сколько лет вы работаете педагогом?"
            deficit_diagnostic = "Проходили ли вы диагностику профессиональных дефицитов?"

            [values.deficit_diagnostic]
            true = "проходил(а)"
            false = "не проходил(а)"
            """)
        let text = """
            Отметка времени,Ваша школа (код),Ваш СНИЛС,Сколько лет вы работаете педагогом?,Проходили ли вы диагностику профессиональных дефицитов?
            12.05.2024 10:00,S01,123-456-789 01,7,проходил(а)
            12.05.2024 10:05,S02,987-654-321 00,1,не проходил(а)
            """
        let path = try fixture.write("form_2023-2024.csv", text)
        let loader = fixture.loader()
        defer { loader.close() }
        let outcome = try loader.load(LoadRequest(path: path, mapping: mapping))
        #expect(outcome.status == .loaded && outcome.kind == .survey && outcome.rowsLoaded == 2, "\(outcome.summaryLine) \(outcome.rejects)")
        let census = try fixture.rows("""
            select f.experience_years, f.has_deficit_diagnostic, y.label from dw.fact_teacher_year f
            inner join dw.dim_academic_year y using (academic_year_key) order by 1
            """)
        #expect(census.map { $0.compactMap { $0 } } == [["1", "f", "2023-2024"], ["7", "t", "2023-2024"]])
    }
}
