import Foundation
import Logging
import Testing
import PDContract
import PDPostgres
import PDReport
@testable import PDWarehouse

/// Per-school access (issue 10): a login granted pdmon_reader and one school reads only that
/// school's rows (and the city's aggregates) from every mart view, a login with no grant reads
/// nothing; PostgreSQL enforces it for any client, and pdmon's reports, recommendations and
/// plan run as that login show that school only. pdmon_loader writes dw but cannot create or
/// drop a table. Each test logs in as logins of its own (`TestLogin`).
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct SchoolAccessTests {
    /// The mart views with a school_code column, and those without.
    static let schoolViews = ["school_year_indicator", "teacher_year", "course_enrolment", "plan_teacher_year", "submission"]
    static let otherViews = ["city_year_indicator", "indicator", "deficit_area", "recommendation_rule",
                             "recommendation_theme", "recommendation_indicator"]

    static func owner(_ f: IndicatorFixture) throws -> Warehouse {
        try Warehouse(conninfo: f.database.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"))
    }

    static func warehouse(_ login: TestLogin) throws -> Warehouse {
        try Warehouse(conninfo: login.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"))
    }

    static func name(_ connection: Connection, _ view: String) throws -> String {
        try connection.escapeIdentifier("mart") + "." + connection.escapeIdentifier(view)
    }

    static func schools(_ connection: Connection, _ view: String) throws -> [String] {
        let sql = SQL(unsafeText: "select distinct school_code from \(try name(connection, view)) order by 1")
        return try connection.execute(sql).rows.compactMap { $0[0] }
    }

    static func count(_ connection: Connection, _ view: String) throws -> Int {
        try connection.execute(SQL(unsafeText: "select count(*) from \(try name(connection, view))")).scalarInt ?? -1
    }

    static func example() throws -> IndicatorFixture {
        let f = try IndicatorFixture.workedExample()
        try f.refresh()
        return f
    }

    @Test func aLoginGrantedOneSchoolReadsOnlyItsRowsAndTheCitysAggregates() throws {
        let f = try Self.example()
        let login = try TestLogin(f.database, roles: ["pdmon_reader"])
        let owner = try Self.owner(f)
        defer { owner.close() }
        let change = try owner.grantAccess(role: login.name, schools: ["S01"], everySchool: false, language: .en)
        #expect(change.schools == ["S01"])
        #expect(change.role?.isReader == true)

        let connection = try login.connect()
        defer { connection.close() }
        for view in Self.schoolViews {
            #expect(try Self.schools(connection, view) == ["S01"], "mart.\(view)")
            #expect(try Self.count(connection, view) > 0, "mart.\(view)")
        }
        // The owner sees every school in the same views.
        #expect(try Self.schools(f.connection, "school_year_indicator") == ["S01", "S02", "S03"])
        // The city's aggregates and the catalogues are whole.
        for view in Self.otherViews {
            #expect(try Self.count(connection, view) == (try Self.count(f.connection, view)), "mart.\(view)")
            #expect(try Self.count(connection, view) > 0, "mart.\(view)")
        }
        let scope = try connection.execute("select role_name, reads_every_school, school_codes::text from mart.reader_scope")
        #expect(scope.rows == [[login.name, "f", "{S01}"]])
    }

    /// mart.indicator_target (issue 13 §1): a login granted one school reads the city's targets
    /// and that school's own, never another school's; a login with no grant reads none.
    @Test func targetsAreRestrictedPerSchoolAndTheCitysAreSharedWithEveryGrant() throws {
        let f = try Self.example()
        try f.connection.execute("""
            insert into dw.fact_indicator_target (indicator_id, academic_year_key, school_code, target_value, source_document, batch_key)
            values ('pd_coverage_3y', 2023, null, 100, 'Федеральный закон № 273-ФЗ', 0),
                   ('pd_coverage', 2023, 'S01', 80, 'Приказ № 1', 0),
                   ('pd_coverage', 2023, 'S02', 70, 'Приказ № 2', 0)
            """)
        let login = try TestLogin(f.database, roles: ["pdmon_reader"])
        let nobody = try TestLogin(f.database, roles: ["pdmon_reader"])
        let owner = try Self.owner(f)
        defer { owner.close() }
        _ = try owner.grantAccess(role: login.name, schools: ["S01"], everySchool: false, language: .en)
        let connection = try login.connect()
        defer { connection.close() }
        let levels = try connection.execute(
            "select level, coalesce(school_code, '-'), target_value::text from mart.indicator_target order by level, school_code").rows
        #expect(levels == [["city", "-", "100.0"], ["school", "S01", "80.0"]])
        #expect(try Self.count(f.connection, "indicator_target") == 3)
        // The completeness view: only the granted school's rows.
        #expect(try Self.schools(connection, "submission") == ["S01"])
        let none = try nobody.connect()
        defer { none.close() }
        #expect(try Self.count(none, "indicator_target") == 0)
        #expect(try Self.count(none, "submission") == 0)
    }

    @Test func thereIsNoWayAroundTheViews() throws {
        let f = try Self.example()
        let login = try TestLogin(f.database, roles: ["pdmon_reader"])
        let owner = try Self.owner(f)
        defer { owner.close() }
        _ = try owner.grantAccess(role: login.name, schools: ["S01"], everySchool: false, language: .en)
        let connection = try login.connect()
        defer { connection.close() }
        // dw itself, the filter function with another name, the grants table: permission denied.
        for statement: SQL in [
            "select count(*) from dw.agg_indicator_value",
            "select count(*) from dw.school_access",
            "select dw.readable_school_codes('postgres')",
            "insert into dw.school_access (role_name, school_code) values (current_user, 'S02')",
        ] {
            do {
                _ = try connection.execute(statement)
                Issue.record("the login could run: \(statement)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(statement): \(error)")
            }
        }
        // A function of the reader's own that would copy every row it is shown: the views are
        // security barriers, so it sees only the rows the filter let through.
        try connection.run("""
            create temporary table seen (school_code text);
            create function pg_temp.peek(code text) returns boolean language plpgsql cost 0.0000001 as $$
            begin insert into seen values (code); return true; end $$;
            """)
        _ = try connection.execute("select count(*) from mart.school_year_indicator where pg_temp.peek(school_code)")
        _ = try connection.execute("select count(*) from mart.course_enrolment where pg_temp.peek(school_code)")
        let seen = try connection.execute("select distinct school_code from seen order by 1").rows.compactMap { $0[0] }
        #expect(seen == ["S01"])
        // Another role's name changes nothing: the filter compares with current_user.
        #expect(try Self.schools(connection, "teacher_year") == ["S01"])
    }

    @Test func aLoginWithNoGrantReadsNothingOfMart() throws {
        let f = try Self.example()
        let reader = try TestLogin(f.database, roles: ["pdmon_reader"])
        let stranger = try TestLogin(f.database, roles: [])
        let asReader = try reader.connect()
        defer { asReader.close() }
        for view in Self.schoolViews + Self.otherViews {
            #expect(try Self.count(asReader, view) == 0, "mart.\(view)")
        }
        #expect(try asReader.execute("select reads_every_school, school_codes::text from mart.reader_scope").rows == [["f", "{}"]])
        // pdmon's own reports as that login say why they are empty: no grant, not no data.
        let readerWarehouse = try Self.warehouse(reader)
        defer { readerWarehouse.close() }
        for language in [ReportLanguage.ru, .en] {
            let refusal = #expect(throws: UnknownChoice.self) {
                try readerWarehouse.report(.indicators(year: "2023-2024", by: .school, schools: [], indicators: []),
                                           language: language, indicatorNames: false)
            }
            #expect(refusal?.loginWithoutAccess == reader.name)
            let message = refusal.map(String.init(describing:)) ?? ""
            #expect(message.contains("pdmon access grant \(reader.name) --school"), "\(message)")
            #expect(!message.contains("etl run"), "\(message)")
        }
        let asStranger = try stranger.connect()
        defer { asStranger.close() }
        for view in Self.schoolViews + Self.otherViews {
            do {
                _ = try Self.count(asStranger, view)
                Issue.record("a login without pdmon_reader read mart.\(view)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501")
            }
        }
    }

    @Test func everySchoolAndRevokeTakeEffectAtOnce() throws {
        let f = try Self.example()
        let login = try TestLogin(f.database, roles: ["pdmon_reader"])
        let owner = try Self.owner(f)
        defer { owner.close() }
        let connection = try login.connect()
        defer { connection.close() }
        _ = try owner.grantAccess(role: login.name, schools: [], everySchool: true, language: .en)
        #expect(try Self.schools(connection, "school_year_indicator") == ["S01", "S02", "S03"])
        let again = try owner.grantAccess(role: login.name, schools: ["S02"], everySchool: true, language: .en)
        #expect(again.schools == ["S02"])
        #expect(again.unchanged == [nil])
        let revoked = try owner.revokeAccess(role: login.name, schools: [], everySchool: true, language: .en)
        #expect(revoked.schools == [nil])
        #expect(try Self.schools(connection, "school_year_indicator") == ["S02"])
        let list = try owner.accessList(role: login.name, language: .en)
        #expect(list.rows.map { [$0[0], $0[1], $0[3], $0[4]] } == [[login.name, "S02", "yes", "yes"]])
        let all = try owner.revokeAccess(role: login.name, schools: [], everySchool: false, language: .en)
        #expect(all.schools == ["S02"])
        #expect(try Self.count(connection, "school_year_indicator") == 0)
        #expect(try owner.accessList(role: nil, language: .en).rows.isEmpty)
    }

    @Test func grantsOfUnknownRolesAndSchoolsAreRefusedWithExit2() throws {
        let f = try Self.example()
        let owner = try Self.owner(f)
        defer { owner.close() }
        let login = try TestLogin(f.database, roles: [])
        #expect(throws: AccessError.unknownRole("no_such_role_pdmon", language: .en)) {
            try owner.grantAccess(role: "no_such_role_pdmon", schools: ["S01"], everySchool: false, language: .en)
        }
        #expect(throws: AccessError.nothingToGrant(language: .ru)) {
            try owner.grantAccess(role: login.name, schools: [], everySchool: false, language: .ru)
        }
        do {
            _ = try owner.grantAccess(role: login.name, schools: ["S01", "S09"], everySchool: false, language: .en)
            Issue.record("an unknown school was granted")
        } catch let error as UnknownChoice {
            #expect(error.value == "S09")
            #expect(ExitStatus(for: error) == .usage)
        }
        #expect(ExitStatus(for: AccessError.nothingToGrant(language: .en)) == .usage)
        // Nothing of the refused grant was written, and a role without pdmon_reader is said so.
        #expect(try owner.accessList(role: nil, language: .en).rows.isEmpty)
        let change = try owner.grantAccess(role: login.name, schools: ["S01"], everySchool: false, language: .en)
        #expect(change.role?.isReader == false)
    }

    @Test func reportsRecommendationsAndThePlanAsTheLoginShowThatSchoolOnly() throws {
        let f = try Self.example()
        let login = try TestLogin(f.database, roles: ["pdmon_reader"])
        let owner = try Self.owner(f)
        defer { owner.close() }
        _ = try owner.grantAccess(role: login.name, schools: ["S01"], everySchool: false, language: .en)
        let reader = try Self.warehouse(login)
        defer { reader.close() }

        let request = ReportRequest.indicators(year: "2023-2024", by: .school, schools: [], indicators: [])
        let mine = try reader.report(request, language: .en, indicatorNames: false)
        let all = try owner.report(request, language: .en, indicatorNames: false)
        let schoolColumn = try #require(mine.columns.firstIndex { $0.name == "school_code" })
        #expect(Set(mine.rows.compactMap { $0[schoolColumn] }) == ["S01"])
        #expect(mine.rows == all.rows.filter { $0[schoolColumn] == "S01" })
        let city = ReportRequest.indicators(year: "2023-2024", by: .city, schools: [], indicators: [])
        #expect(try reader.report(city, language: .en, indicatorNames: false).rows
                == (try owner.report(city, language: .en, indicatorNames: false).rows))
        // Another school is a school the data does not have, for this login.
        #expect(throws: UnknownChoice.self) {
            try reader.report(.indicators(year: "2023-2024", by: .school, schools: ["S02"], indicators: []),
                              language: .en, indicatorNames: false)
        }

        let advice = try reader.recommend(year: "2023-2024", schools: [], cityOnly: false, rulesFile: nil, language: .en)
        let everyone = try owner.recommend(year: "2023-2024", schools: [], cityOnly: false, rulesFile: nil, language: .en)
        #expect(advice.schools == ["S01"])
        #expect(everyone.schools.count > 1)
        let ownersS01 = try owner.recommend(year: "2023-2024", schools: ["S01"], cityOnly: false, rulesFile: nil, language: .en)
        #expect(advice.report == ownersS01.report)

        let plan = try reader.plan(forYear: "2024-2025", language: .en)
        let ownersPlan = try owner.plan(forYear: "2024-2025", language: .en)
        #expect(Set(plan.bySubject.rows.compactMap { $0[1] }) == ["S01"])
        #expect(!plan.bySubject.rows.contains { ($0[0] ?? "").hasPrefix("city") })
        #expect(plan.bySubject.rows == ownersPlan.bySubject.rows.filter { $0[1] == "S01" })
        #expect(plan.byDeficitArea.rows == ownersPlan.byDeficitArea.rows.filter { $0[1] == "S01" })
        #expect(ownersPlan.bySubject.rows.contains { $0[0] == "city" })
    }

    @Test func theLoaderWritesDwButCannotCreateOrDropTables() throws {
        let fixture = try LoadFixture()
        let login = try TestLogin(fixture.db, roles: ["pdmon_loader"])
        let loader = try Warehouse(conninfo: login.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"),
                                   pseudonymizer: try Pseudonymizer(key: LoadFixture.key))
        defer { loader.close() }
        let schools = try fixture.write("schools.csv", MartRefreshTests.schools)
        let enrolments = try fixture.write("kpk_2023-2024.csv", ExportText.enrolmentsCanonical)
        let outcomes = try loader.load([LoadRequest(path: schools), LoadRequest(path: enrolments)])
        #expect(outcomes.map(\.status) == [.loaded, .loaded])
        #expect(try loader.status().refresh?.isNeeded == false)
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") > 0)

        let connection = try login.connect()
        defer { connection.close() }
        for statement: SQL in [
            "create table dw.sneaky (x integer)",
            "create table public.sneaky (x integer)",
            "create view mart.sneaky as select 1 as x",
            "drop table dw.fact_course_enrolment",
            "alter table dw.dim_teacher add column name text",
            "truncate dw.fact_course_enrolment",
            "insert into dw.school_access (role_name, school_code) values (current_user, 'S01')",
        ] {
            do {
                try connection.run(statement)
                Issue.record("pdmon_loader could run: \(statement)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(statement): \(error)")
            }
        }
        #expect(try fixture.count("select count(*) from dw.fact_course_enrolment") > 0)
    }

    @Test func theRolesAreNoLoginAndMigrationsKeepThemOnASharedServer() throws {
        let first = try TestDatabase()
        let second = try TestDatabase()
        let connection = try second.connect()
        defer { connection.close() }
        let roles = try connection.execute("""
            select rolname::text, rolcanlogin, rolsuper, rolcreaterole, rolcreatedb from pg_roles
            where rolname in ('pdmon_reader', 'pdmon_loader') order by 1
            """)
        #expect(roles.rows == [["pdmon_loader", "f", "f", "f", "f"], ["pdmon_reader", "f", "f", "f", "f"]])
        _ = first
    }

    /// The commands as an administrator and an analyst type them.
    @Test(.enabled(if: PDMonProcess.isAvailable, "needs a built pdmon: run scripts/test"))
    func theCommandLineGrantsAndTheAnalystsReportsShowTheirSchool() throws {
        let f = try Self.example()
        let login = try TestLogin(f.database, roles: ["pdmon_reader"])
        let asOwner = ["PDMON_DATABASE_URL": f.database.url]
        let grant = try PDMonProcess.run(["access", "grant", login.name, "--school", "S01", "--lang", "en"], environment: asOwner)
        #expect(grant.status == 0, "\(grant.stdout)\n\(grant.stderr)")
        #expect(grant.stdout.contains("may now see: S01"), "\(grant.stdout)")
        let list = try PDMonProcess.run(["access", "list", "--format", "csv"], environment: asOwner)
        #expect(list.stdout.contains("\(login.name),S01,"), "\(list.stdout)")
        let unknown = try PDMonProcess.run(["access", "grant", "no_such_role_pdmon", "--school", "S01"], environment: asOwner)
        #expect(unknown.status == 2, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("роли «no_such_role_pdmon» на сервере нет"), "\(unknown.stderr)")

        let asAnalyst = ["PDMON_DATABASE_URL": login.url]
        let report = try PDMonProcess.run(["report", "indicators", "--year", "2023-2024", "--format", "csv"], environment: asAnalyst)
        #expect(report.status == 0, "\(report.stdout)\n\(report.stderr)")
        let schools = Set(report.stdout.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] })
        #expect(schools == ["S01"], "\(report.stdout)")
        let plan = try PDMonProcess.run(["plan", "--for-year", "2024-2025", "--format", "csv"], environment: asAnalyst)
        #expect(plan.status == 0, "\(plan.stdout)\n\(plan.stderr)")
        #expect(plan.stdout.contains("S01") && !plan.stdout.contains("S02"), "\(plan.stdout)")
        let advice = try PDMonProcess.run(["recommend", "--year", "2023-2024", "--format", "json"], environment: asAnalyst)
        #expect(advice.status == 0, "\(advice.stdout)\n\(advice.stderr)")
        #expect(advice.stdout.contains("\"S01\"") && !advice.stdout.contains("\"S02\""), "\(advice.stdout)")
    }
}
