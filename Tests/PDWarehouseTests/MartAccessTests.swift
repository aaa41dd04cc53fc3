import Foundation
import Testing
import PDPostgres
@testable import PDWarehouse

/// The mart schema: what pdmon_reader may read, what it may not, and what it never sees.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct MartAccessTests {
    static let views = ["indicator", "teacher_year", "course_enrolment", "school_year_indicator", "city_year_indicator",
                        "deficit_area", "plan_teacher_year", "reader_scope", "data_as_of", "recommendation_indicator",
                        "recommendation_rule", "recommendation_theme", "request_reconciliation", "plan_order_issued", "measure",
                        "indicator_version"]

    /// A request, an issued plan row and a measure of the worked example (which has none), so
    /// that the views of the management cycle have rows to show.
    static func addCycleRows(_ connection: Connection) throws {
        try connection.run("""
            insert into dw.school_request (academic_year_key, school_key, teachers_requested, focus_area_key, batch_key)
            select 2023, s.school_key, 2, 2, 0 from dw.dim_school as s where s.school_code = 'S01';
            insert into dw.plan_order_issue (academic_year_key, issued_rows) values (2023, 1);
            insert into dw.plan_order_issued_row (plan_order_issue_key, academic_year_key, section, level, school_code,
                                                  subject, teachers, teachers_due)
            select max(plan_order_issue_key), 2023, 'subject', 'school', 'S01', null, 4, 2 from dw.plan_order_issue;
            insert into dw.measure (academic_year_key, school_code, rule_id, indicator_id, measure_text, measure_date_key, source)
            values (2022, 'S01', 'R10', 'pd_coverage_3y', 'Включить педагогов в план-заказ', 20230215, 'command')
            """)
    }

    /// `select count(*)` of a relation, its name escaped with `PQescapeIdentifier`.
    static func countAll(_ connection: Connection, _ schema: String, _ relation: String) throws -> SQL {
        let name = try connection.escapeIdentifier(schema) + "." + connection.escapeIdentifier(relation)
        return SQL(unsafeText: "select count(*) from " + name)
    }

    @Test func readerCanSelectEveryMartViewButNothingInDwOrPublic() throws {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        try Self.addCycleRows(f.connection)
        // The role sees the rows of the schools granted to it (dw.school_access): here every school.
        try f.connection.execute("insert into dw.school_access (role_name, school_code) values ('pdmon_reader', null)")
        try f.connection.run("set role pdmon_reader")
        for view in Self.views {
            let rows = try f.connection.execute(try Self.countAll(f.connection, "mart", view)).scalarInt ?? 0
            #expect(rows > 0, "mart.\(view) is empty")
        }
        for table in ["dw.fact_teacher_year", "dw.dim_teacher", "dw.indicator", "dw.agg_indicator_value",
                      "public.schema_migrations", "public.schema_views"] {
            do {
                let parts = table.split(separator: ".").map(String.init)
                _ = try f.connection.execute(try Self.countAll(f.connection, parts[0], parts[1]))
                Issue.record("pdmon_reader could read \(table)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(table): \(error)")
            }
        }
        do {
            _ = try f.connection.execute("create view mart.sneaky as select 1")
            Issue.record("pdmon_reader could create a view in mart")
        } catch let error as PostgresError {
            #expect(error.sqlState == "42501")
        }
        try f.connection.run("reset role")
    }

    @Test func readerRoleIsNoLogin() throws {
        let f = try IndicatorFixture()
        let result = try f.connection.execute("select rolcanlogin, rolsuper from pg_roles where rolname = 'pdmon_reader'")
        #expect(result.rows.first == ["f", "f"])
    }

    @Test func migratingTwiceOnTheSameServerKeepsTheRole() throws {
        // A second database on the same server runs the role migration again: no error.
        let first = try TestDatabase()
        let second = try TestDatabase()
        let connection = try second.connect()
        defer { connection.close() }
        #expect(try connection.execute("select count(*) from pg_roles where rolname = 'pdmon_reader'").scalarInt == 1)
        _ = first
    }

    @Test func teacherYearShowsTheOpaqueNumberAndNeverThePseudonym() throws {
        let f = try IndicatorFixture.workedExample()
        let pseudonyms = Set(try f.connection.execute("select teacher_pseudonym from dw.dim_teacher").rows.compactMap { $0[0] })
        #expect(pseudonyms.count == 7)
        for view in ["teacher_year", "course_enrolment"] {
            let name = try f.connection.escapeIdentifier("mart") + "." + f.connection.escapeIdentifier(view)
            let result = try f.connection.execute(SQL(unsafeText: "select * from " + name))
            #expect(!result.columns.contains { $0.name.contains("pseudonym") })
            for row in result.rows {
                for cell in row {
                    if let cell { #expect(!pseudonyms.contains(cell), "mart.\(view) shows a pseudonym") }
                }
            }
        }
        let numbers = try f.connection.execute("""
            select count(*) from mart.teacher_year as m
            join dw.fact_teacher_year as f on f.teacher_key = m.teacher_number and f.academic_year_key = m.year_start
            """).scalarInt
        #expect(numbers == 8)
        let t1 = try f.connection.execute("""
            select deficits::text, expert_roles::text, is_young, school_name from mart.teacher_year
            where teacher_number = $1::bigint and academic_year = '2023-2024'
            """, [try f.teacher("t1")])
        #expect(t1.rows.first == ["{methodological,digital}", "{attestation,competitions}", "f", "Гимназия № 1"])
    }

    @Test func courseEnrolmentIsReadable() throws {
        let f = try IndicatorFixture.workedExample()
        let result = try f.connection.execute("""
            select academic_year, school_code, course_title, program_kind, hours, delivery, focus_area, status, start_date::text
            from mart.course_enrolment where teacher_number = $1::bigint order by start_date
            """, [try f.teacher("t1")])
        #expect(result.rows.count == 3)
        #expect(result.rows.first == ["2023-2024", "S01", "Методика урока", "advanced_training", "72", "distance", "methodological", "completed", "2023-10-01"])
    }

    @Test func everyMartViewAndColumnAndEveryNewDwTableIsCommented() throws {
        let f = try IndicatorFixture()
        let missing = try f.connection.execute("""
            select c.relname || coalesce('.' || a.attname, '')
            from pg_class as c
            join pg_namespace as n on n.oid = c.relnamespace
            left join pg_attribute as a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            where (n.nspname = 'mart' or (n.nspname = 'dw' and c.relname in ('indicator', 'agg_indicator_value')))
              and c.relkind in ('r', 'v')
              and (obj_description(c.oid, 'pg_class') is null
                   or (a.attname is not null and col_description(c.oid, a.attnum) is null))
            """).rows.compactMap { $0[0] }
        #expect(missing.isEmpty, "without comment: \(missing)")
        let views = try f.connection.execute("select table_name from information_schema.views where table_schema = 'mart' order by 1")
        #expect(views.rows.compactMap { $0[0] } == Self.views.sorted())
    }

    @Test func cityAndSchoolViewsSplitTheStoredValues() throws {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        let city = try f.connection.execute("""
            select numerator, denominator, value::text, indicator_name_en, unit, direction
            from mart.city_year_indicator where indicator_id = 'deficit_share' and academic_year = '2023-2024'
            """)
        #expect(city.rows == [["3", "4", "75.0", "Share with deficits", "percent", "lower"]])
        let school = try f.connection.execute("""
            select school_name, value from mart.school_year_indicator
            where indicator_id = 'leader_pd_coverage_3y' and year_start = 2023 order by school_code
            """)
        #expect(school.rows == [["Гимназия № 1", "100.0"], ["Школа № 2", nil], ["Лицей № 3", nil]])
    }
}
