import Foundation
import Logging
import PDContract
import PDPostgres
import PDReport

/// The warehouse facade: the one type the command line talks to.
///
/// It owns the session with PostgreSQL: it opens (and closes) every connection a use needs,
/// makes the single "is the schema migrated" check, holds the writers' advisory lock through
/// its `Loader`, and runs the mart refresh after loads. It has one method per use: `migrate`,
/// `status`, `refresh`, `load`, `runInbox`, `report`, `trendPage`, `etlHistory`,
/// `etlRejects`, `audit`, `recommend`, `brief`, `plan`, `grantAccess`, `revokeAccess`, `accessList`,
/// `rekey`, `suggestMapping`. Errors are typed and each declares its exit code (`ExitCoded`,
/// `Support/ExitStatus.swift`). Loads catch SIGINT and SIGTERM (`Interruption`).
///
/// Not `Sendable` (it owns libpq connections): use it from one thread and `close()` it, or let
/// it go out of scope (`deinit` closes).
public final class Warehouse {
    /// The connection string (URL or `key=value`), as given; never printed (it may hold a password).
    private let conninfo: String
    public let sql: SQLDirectory
    private let logger: Logger
    private let pseudonymizer: Pseudonymizer?
    private var session: Connection?
    private var sessionIsMigrated = false
    private var loader: Loader?
    /// How long one statement of a report, `recommend` or `plan` may run (a PostgreSQL
    /// interval): `PDMON_STATEMENT_TIMEOUT`, else 60 s. A stuck server gives a clear error.
    private let readStatementTimeout: String

    /// - Parameters:
    ///   - conninfo: a PostgreSQL URL or conninfo (`DatabaseTarget.conninfo(option:)`).
    ///   - sql: the `sql/` folder; located with `SQLDirectory.locate()` when nil.
    ///   - pseudonymizer: the key for loads of teacher data; nil for every other use.
    /// - Throws: `WarehouseError.sqlDirectoryNotFound` when no `sql/` folder is found (exit 2).
    public init(conninfo: String, sql: SQLDirectory? = nil, logger: Logger, pseudonymizer: Pseudonymizer? = nil) throws {
        self.conninfo = conninfo
        self.sql = try sql ?? SQLDirectory.locate()
        self.logger = logger
        self.pseudonymizer = pseudonymizer
        let timeout = ProcessInfo.processInfo.environment["PDMON_STATEMENT_TIMEOUT"] ?? ""
        self.readStatementTimeout = timeout.isEmpty ? "60s" : timeout
    }

    /// Runs a use that only reads in a `read only` transaction under the statement timeout:
    /// whatever a report file says, nothing is written.
    private func reading<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try connection(migrated: false)
        return try connection.readOnly(statementTimeout: readStatementTimeout) { try body(connection) }
    }

    deinit { close() }

    /// The session connection for the facade's extensions (`connection(migrated:)`).
    func session(migrated: Bool) throws -> Connection { try connection(migrated: migrated) }

    /// `reading` for the facade's extensions.
    func readingSession<T>(_ body: (Connection) throws -> T) throws -> T { try reading(body) }

    /// Closes every connection (releasing the writers' lock). Safe to call more than once.
    public func close() {
        loader?.close()
        loader = nil
        session?.close()
        session = nil
        sessionIsMigrated = false
    }

    // MARK: - Sessions

    /// The session connection; with `migrated`, checked once that no migration is pending.
    private func connection(migrated: Bool) throws -> Connection {
        let connection = try session ?? Connection(conninfo: conninfo)
        session = connection
        if migrated && !sessionIsMigrated {
            let pending = try Migrator(connection: connection, sql: sql, migrations: try migrations()).pending()
            guard pending.isEmpty else { throw WarehouseError.notMigrated(pending: pending.count) }
            sessionIsMigrated = true
        }
        return connection
    }

    private func migrations() throws -> [Migration] {
        try Migration.load(from: sql.url.appendingPathComponent("migrations"))
    }

    /// The loader, connected and holding the writers' lock (`WarehouseError.lockHeld`, exit 75),
    /// after the pseudonym key was checked against the warehouse's (`verifyPseudonymKey`).
    private func openLoader(writes: Bool) throws -> Loader {
        try verifyPseudonymKey(record: writes)
        if let loader { return loader }
        let loader = Loader(conninfo: conninfo, sql: sql, pseudonymizer: pseudonymizer, logger: logger)
        try loader.open()
        self.loader = loader
        return loader
    }

    /// Refuses a key other than the one the warehouse's teachers were pseudonymised with
    /// (`dw.pseudonym_key`), before any file is read; with `record`, records the key's
    /// fingerprint on the first load of teacher data. No key (directory loads only): nothing to check.
    /// - Throws: `WarehouseError.pseudonymKeyChanged` (exit 2).
    private func verifyPseudonymKey(record: Bool) throws {
        guard let pseudonymizer else { return }
        let connection = try connection(migrated: true)
        let row = try connection.execute(try sql.statement("etl/pseudonym_key_read.sql")).rows.first ?? []
        if let recorded = row.first ?? nil {
            guard recorded == pseudonymizer.keyFingerprint else {
                throw WarehouseError.pseudonymKeyChanged(isDemoRecorded: row[1] == "t", isDemoGiven: pseudonymizer.isDemo)
            }
            return
        }
        guard record else { return }
        if row.count > 2, row[2] == "t" {
            logger.notice("""
                the warehouse had no key fingerprint: recorded the current key's; from now on a load under another key                 is refused / отпечаток ключа записан; загрузка с другим ключом будет отклонена
                """)
        }
        try connection.execute(
            try sql.statement("etl/pseudonym_key_record.sql"), [pseudonymizer.keyFingerprint, pseudonymizer.isDemo ? "true" : "false"])
    }

    // MARK: - Schema

    /// `db migrate`: applies pending migrations (under the migrations' advisory lock), then the
    /// view files of `sql/views/` that are new, changed or missing (logged here); on a Citus
    /// coordinator the mart views then read through security-definer functions
    /// (`sql/citus/definer_views.sql`).
    /// Returns the migrations it applied, empty when up to date.
    @discardableResult
    public func migrate(log: (Migration) -> Void = { _ in }) throws -> [Migration] {
        let connection = try connection(migrated: false)
        let migrator = try Migrator.project(connection: connection, sql: sql)
        let applied = try migrator.migrate(log: log) { [logger] event in
            switch event {
            case .viewApplied(let view):
                logger.info("applied view \(view.name) / применено представление", metadata: ["checksum": "\(view.checksum)"])
            case .checksumAccepted(let migration, let recorded, let file):
                logger.notice("""
                    migration \(migration): its file lists the recorded checksum as a previous one (a formatting-only \
                    edit); the record now holds the file's / миграция \(migration): контрольная сумма обновлена после \
                    правки оформления
                    """, metadata: ["recorded": "\(recorded)", "file": "\(file)"])
            }
        }
        // A view file applied again on Citus has its own query back: read it with the owner's rights again.
        try CitusDistributor.readMartWithOwnerRights(connection, sql: sql)
        sessionIsMigrated = true
        return applied
    }

    /// `db status`: schema version, pending migrations, the mart's refresh state, row counts.
    /// A refresh that is missing or failed after a committed load is run here (under the
    /// writers' lock; when a load holds it, that load's own refresh follows and none is run).
    /// - Throws: the refresh's failure (`PostgresError`, exit 3; `MartError` for a definition, exit 2).
    public func status() throws -> WarehouseStatus {
        let connection = try connection(migrated: false)
        let migrator = Migrator(connection: connection, sql: sql, migrations: try migrations())
        let applied = try migrator.applied()
        let pending = try migrator.pending()
        var refresh = pending.isEmpty ? try MartRefresher(connection: connection, sql: sql).state() : nil
        var refreshedNow: MartRefresh?
        var loadRunning = false
        if let state = refresh, state.isNeeded {
            // This warehouse's own loader may hold the lock already (a load just ran).
            let holdsLock = loader != nil
            if try holdsLock || connection.tryAdvisoryLock(Loader.lockKey) {
                defer { if !holdsLock { try? connection.advisoryUnlock(Loader.lockKey) } }
                logger.notice("the mart is behind the loads: refreshing / витрины отстают от загрузок: пересчёт",
                              metadata: ["last_loaded_batch": "\(state.lastLoadedBatchKey ?? 0)"])
                refreshedNow = try self.refresh()
                refresh = try MartRefresher(connection: connection, sql: sql).state()
            } else {
                loadRunning = true
            }
        }
        var status = WarehouseStatus(
            version: applied.last?.name, appliedAt: applied.last?.appliedAt, pending: pending.map(\.name),
            refresh: refresh, rowCounts: try WarehouseAdmin.rowCounts(connection, sql: sql))
        status.refreshedNow = refreshedNow
        status.loadRunning = loadRunning
        return status
    }

    /// `db distribute`: on a Citus coordinator, makes the dimensions and the other `dw` tables
    /// reference tables and distributes the facts and bridges by `teacher_key`, colocated
    /// (`CitusDistributor`, `sql/citus/`). Idempotent. Holds the loads' advisory lock, so no
    /// load runs meanwhile.
    /// - Throws: `CitusError.extensionAbsent` (exit 2) on a server without Citus;
    ///   `WarehouseError.notMigrated` before `db migrate`; `WarehouseError.lockHeld` (exit 75)
    ///   while a load runs; `PostgresError` (exit 3) when Citus refuses a table.
    public func distribute() throws -> CitusDistribution {
        let connection = try connection(migrated: true)
        guard try connection.tryAdvisoryLock(Loader.lockKey) else {
            throw WarehouseError.lockHeld(what: "pdmon load / db distribute")
        }
        defer { try? connection.advisoryUnlock(Loader.lockKey) }
        return try CitusDistributor.distribute(connection, sql: sql)
    }

    // MARK: - Mart

    /// `db refresh`: brings the indicators of the mart up to date now (one transaction), records
    /// it: incrementally (the cells the new batches touched) when it can, every value when
    /// `full` (`db refresh --full`) or when it cannot (`MartRefresher`).
    @discardableResult
    public func refresh(full: Bool = false) throws -> MartRefresh {
        let connection = try connection(migrated: true)
        try connection.run(try sql.statement("load/after_loads.sql"))
        let result = try MartRefresher(connection: connection, sql: sql).refresh(full: full)
        logger.info("mart refreshed / витрины обновлены",
                    metadata: ["rows": "\(result.indicatorValues)", "mode": "\(result.mode.rawValue)", "cells": "\(result.cells)"])
        return result
    }

    /// Refreshes the mart when a loaded batch is newer than the last completed refresh (a load
    /// committed and the refresh after it failed or never ran: a killed process, a dead
    /// server). Returns nil when the mart was already up to date.
    @discardableResult
    public func refreshIfNeeded() throws -> MartRefresh? {
        let state = try MartRefresher(connection: try connection(migrated: true), sql: sql).state()
        guard state.isNeeded else { return nil }
        if state.lastCompleted != nil {
            logger.notice("the mart is behind the loads: refreshing / витрины отстают от загрузок: пересчёт",
                          metadata: ["last_loaded_batch": "\(state.lastLoadedBatchKey ?? 0)"])
        }
        return try refresh()
    }

    // MARK: - Loads

    /// `load KIND FILE…`: loads each file (one file = one batch = one transaction), reporting
    /// each outcome to `each`, then refreshes the mart if anything is newer than it.
    /// Data problems come back as outcomes (`.refused`); database failures throw.
    ///
    /// SIGINT or SIGTERM meanwhile rolls the file being loaded back and throws `LoadInterrupted`
    /// (exit 130/143) naming it and the files after it, which are not loaded.
    public func load(_ requests: [LoadRequest], each: (LoadOutcome) -> Void = { _ in }) throws -> [LoadOutcome] {
        let loader = try openLoader(writes: !requests.allSatisfy(\.dryRun))
        var outcomes: [LoadOutcome] = []
        var refreshing = false
        return try interruptible(
            loader, notLoaded: { requests.dropFirst(outcomes.count).map(\.fileName) }, refreshing: { refreshing }
        ) {
            for request in requests {
                let outcome = try loader.load(request)
                outcomes.append(outcome)
                each(outcome)
            }
            refreshing = true
            if !requests.allSatisfy(\.dryRun) { try refreshIfNeeded() }
            return outcomes
        }
    }

    /// Runs a load with SIGINT and SIGTERM caught (`Interruption`): a signal cancels the running
    /// statement of the loader's and the session's connections and stops the row loop; the batch
    /// rolls back, the connections close (releasing the writers' lock), and `LoadInterrupted`
    /// names what was not loaded.
    private func interruptible<T>(
        _ loader: Loader, notLoaded: () -> [String], refreshing: () -> Bool, _ body: () throws -> T
    ) throws -> T {
        let session = try connection(migrated: true)
        let handles = [loader.cancelHandle, session.cancelHandle()].compactMap { $0 }
        return try Interruption.armed(cancelling: handles) {
            do {
                return try body()
            } catch {
                guard let signal = Interruption.receivedSignal else { throw error }
                let interrupted = LoadInterrupted(
                    signal: signal, notLoaded: refreshing() ? [] : notLoaded(), refreshStopped: refreshing())
                logger.notice("\(interrupted.description)", metadata: ["cause": "\(error)"])
                close()
                throw interrupted
            }
        }
    }

    /// `etl run --inbox DIR`: loads every file of the inbox (see `InboxRun`), moves each to
    /// `archive/` or `rejected/`, then refreshes the mart when anything is newer than it —
    /// also when no file was new but an earlier night's refresh did not complete. SIGINT or
    /// SIGTERM meanwhile: as for `load`, the files still in the inbox are named.
    public func runInbox(
        _ inbox: URL, template: LoadRequest, date: Date = Date(), each: (InboxRun.FileResult) -> Void = { _ in }
    ) throws -> [InboxRun.FileResult] {
        let loader = try openLoader(writes: !template.dryRun)
        let run = InboxRun(inbox: inbox, template: template, loader: loader, date: date)
        var refreshing = false
        return try interruptible(
            loader, notLoaded: { (try? run.pendingFiles().map(\.lastPathComponent)) ?? [] }, refreshing: { refreshing }
        ) {
            let results = try run.run(each: each)
            refreshing = true
            if !template.dryRun { try refreshIfNeeded() }
            return results
        }
    }

    /// The warning `etl run` prints at its end (issue 13 §4): for the latest academic year of
    /// `mart.submission`, the schools that sent no census or no enrolments and those whose rows
    /// fell by more than `dropThreshold` (0..1) against the year before, counted in `language`
    /// (`SubmissionsReport.warning`); nil when every expected export arrived.
    public func submissionWarning(dropThreshold: Double = 0.3, language: ReportLanguage) throws -> String? {
        try reading { connection in
            let rows = try connection.execute(try sql.statement("etl/submission_gaps.sql"), [String(dropThreshold)]).rows
            let gaps = rows.compactMap { row -> (year: String, kind: String, status: String, school: String)? in
                guard let year = row[0], let kind = row[1], let status = row[2], let school = row[3] else { return nil }
                return (year, kind, status, school)
            }
            return SubmissionsReport(language: language).warning(gaps, threshold: dropThreshold)
        }
    }

    // MARK: - Reports

    /// `report list|indicators|trend|compare|run`: one table of the mart, read in a `read only`
    /// transaction under the statement timeout (an analyst's `pdmon_reader` login is enough).
    /// `indicatorNames`: show names instead of ids.
    /// - Throws: `ReportError.notAQuery` for a report file that is not a query or tries to write.
    public func report(_ request: ReportRequest, language: ReportLanguage, indicatorNames: Bool) throws -> ResultTable {
        try reading { connection in
            try report(request, reports: StandardReports(
                connection: connection, sql: sql, language: language, indicatorNames: indicatorNames))
        }
    }

    private func report(_ request: ReportRequest, reports: StandardReports) throws -> ResultTable {
        switch request {
        case .list:
            return try reports.list()
        case .indicators(let year, let grain, let schools, let indicators):
            return try reports.indicators(year: year, by: grain, schools: schools, indicators: indicators)
        case .trend(let indicator, let from, let to, let grain, let schools):
            return try reports.trend(indicator: indicator, from: from, to: to, by: grain, schools: schools)
        case .compare(let base, let target, let indicators, let schools):
            return try reports.compare(base: base, target: target, indicators: indicators, schools: schools)
        case .file(let nameOrPath, let assignments):
            return try reports.run(nameOrPath, assignments: assignments)
        case .submissions(let year, let dropThreshold, let schools):
            return try reports.submissions(year: year, dropThreshold: dropThreshold, schools: schools)
        }
    }

    /// `report trend --format html`: the city's and the schools' lines on one chart, then the table.
    public func trendPage(
        indicator: String, from: String?, to: String?, by grain: ReportGrain, schools: [String], language: ReportLanguage
    ) throws -> String {
        try reading { connection in
            try StandardReports(connection: connection, sql: sql, language: language, indicatorNames: true)
                .trendHTML(indicator: indicator, from: from, to: to, by: grain, schools: schools)
        }
    }

    /// `etl history`: the last `limit` batches, newest first. `forPeople`: kinds, statuses and
    /// messages in `language` (`ETLPresentation`); else the stored codes.
    public func etlHistory(limit: Int, language: ReportLanguage, forPeople: Bool = true) throws -> ResultTable {
        let result = try connection(migrated: true).execute(try sql.statement("etl/history.sql"), [String(limit)])
        return ETLPresentation(language: language, forPeople: forPeople).history(ReportRunner.table(result))
    }

    /// `etl rejects --batch N`: the rejected rows of one batch (values masked).
    /// - Throws: `UnknownChoice` (exit 2) for a batch that does not exist, naming the nearest.
    public func etlRejects(batch: Int, language: ReportLanguage, forPeople: Bool = true) throws -> ResultTable {
        let connection = try connection(migrated: true)
        try ReportChoices(connection: connection, sql: sql, language: language).checkBatch(batch)
        let result = try connection.execute(try sql.statement("etl/rejects.sql"), [String(batch)])
        return ETLPresentation(language: language, forPeople: forPeople).rejects(ReportRunner.table(result), batch: batch)
    }

    /// `audit`: the text columns of `dw` holding values shaped like personal data (SNILS, phone
    /// numbers, full names), which the warehouse must never store. Empty on a healthy warehouse.
    public func audit() throws -> [PersonalDataAudit.Finding] {
        try reading { connection in try PersonalDataAudit(connection: connection, sql: sql).run() }
    }

    // MARK: - Rekey

    /// `db rekey`: re-pseudonymises every teacher under `new` in one transaction, from the raw
    /// identifiers of the export files at `paths` (files or folders, e.g. the inbox's archive),
    /// which must cover every teacher (`Rekey`; `sql/rekey/README.md`). Teacher keys and facts
    /// are unchanged, so every indicator stays identical; the new key's fingerprint is recorded.
    /// - Throws: `RekeyError` (exit 2) for another old key, the same key, or teachers the files do
    ///   not cover (nothing changed); `WarehouseError.lockHeld` (75) while a load runs.
    public func rekey(old: Pseudonymizer, new: Pseudonymizer, files paths: [String]) throws -> RekeyResult {
        let connection = try connection(migrated: true)
        let read = try Rekey.identifiers(in: paths, logger: logger)
        let result = try Rekey(connection: connection, sql: sql, logger: logger)
            .run(old: old, new: new, identifiers: read.ids, files: read.files)
        logger.notice("teachers re-pseudonymised under the new key / педагоги псевдонимизированы новым ключом",
                      metadata: ["teachers": "\(result.teachers)", "identifiers": "\(result.identifiers)"])
        return result
    }

    // MARK: - Per-school access

    /// `access grant ROLE --school CODE…|--all-schools`: the role reads those schools' rows (and
    /// the city's aggregates) through mart, enforced by the views (`SchoolAccess`).
    public func grantAccess(role: String, schools: [String], everySchool: Bool, language: ReportLanguage) throws -> SchoolAccess.Change {
        try SchoolAccess(connection: try connection(migrated: true), sql: sql, language: language)
            .grant(role: role, schools: schools, everySchool: everySchool)
    }

    /// `access revoke ROLE [--school CODE…|--all-schools]`: takes those schools (all, when none
    /// is named) away from the role.
    public func revokeAccess(role: String, schools: [String], everySchool: Bool, language: ReportLanguage) throws -> SchoolAccess.Change {
        try SchoolAccess(connection: try connection(migrated: true), sql: sql, language: language)
            .revoke(role: role, schools: schools, everySchool: everySchool)
    }

    /// `access list [ROLE]`: every grant of `dw.school_access`.
    public func accessList(role: String?, language: ReportLanguage) throws -> ResultTable {
        try SchoolAccess(connection: try connection(migrated: true), sql: sql, language: language).list(role: role)
    }

    // MARK: - Recommendations and the plan-order

    /// `recommend --year Y`: the city's and the schools' targeted recommendations with evidence.
    /// `top`: how many recommendations each section shows in full (0: all).
    public func recommend(
        year: String, schools: [String], cityOnly: Bool, rulesFile: RecommendationRuleFile?, top: Int = 0, language: ReportLanguage
    ) throws -> Recommender.Result {
        try reading { connection in
            try Recommender(connection: connection, sql: sql, language: language)
                .recommend(year: year, schools: schools, cityOnly: cityOnly, rulesFile: rulesFile, top: top)
        }
    }

    /// `brief --year Y`: the analytical brief of the year (`AnalyticalBrief`): the
    /// recommendations of the city and every school with data that year (the first `top` of
    /// each in full), with the history of every indicator behind the tables and charts.
    /// - Throws: `UnknownChoice` (exit 2) for a year without data.
    public func brief(year: String, rulesFile: RecommendationRuleFile?, top: Int = 5, language: ReportLanguage) throws -> AnalyticalBrief {
        var brief = AnalyticalBrief(
            result: try recommend(year: year, schools: [], cityOnly: false, rulesFile: rulesFile, top: top, language: language),
            language: language)
        // The «анализ эффективности принятых мер» section, when measures of the year before exist.
        let effect = try self.effect(year: year, language: language)
        if !effect.measures.isEmpty { brief.effect = effect }
        return brief
    }

    /// `plan --for-year Y`: the plan-order of courses for Y from the data up to Y-1.
    public func plan(forYear: String, language: ReportLanguage) throws -> PlanOrder.Result {
        try reading { connection in
            try PlanOrder(connection: connection, sql: sql, language: language).plan(forYear: forYear)
        }
    }
}

extension Warehouse {
    // MARK: - The management cycle (issue 13 §2, §3)

    /// `plan --for-year Y --issue`: the plan-order as `plan` shows it, stored as the year's
    /// issued snapshot (`PlanOrder.issue`); a re-issue replaces it and is recorded. Needs a
    /// login that writes `dw`.
    public func issuePlan(forYear: String, language: ReportLanguage) throws -> (report: PlanOrder.Result, issue: PlanOrder.Issue) {
        try PlanOrder(connection: try session(migrated: true), sql: sql, language: language).issue(forYear: forYear)
    }

    /// `report reconcile --year Y` (`ManagementCycle.reconcile`), read-only, from `mart`.
    public func reconcile(year: String, language: ReportLanguage, forPeople: Bool) throws -> ReconcileReport {
        try readingSession { connection in
            try ManagementCycle(connection: connection, sql: sql, language: language).reconcile(year: year, forPeople: forPeople)
        }
    }

    /// `report effect --year Y` (`ManagementCycle.effect`), read-only, from `mart`.
    public func effect(year: String, language: ReportLanguage) throws -> EffectReport {
        try readingSession { connection in
            try ManagementCycle(connection: connection, sql: sql, language: language).effect(year: year)
        }
    }

    /// `measures add`: records one measure (`ManagementCycle.addMeasure`).
    public func addMeasure(_ entry: ManagementCycle.MeasureEntry) throws -> ManagementCycle.MeasureAdded {
        try ManagementCycle(connection: try session(migrated: true), sql: sql).addMeasure(entry)
    }
}

/// What `report` runs.
public enum ReportRequest: Sendable {
    /// The indicators and the bundled reports.
    case list
    /// Indicator values of one academic year by school or for the city.
    case indicators(year: String, by: ReportGrain, schools: [String], indicators: [String])
    /// One indicator over the years.
    case trend(indicator: String, from: String?, to: String?, by: ReportGrain, schools: [String])
    /// Two academic years side by side per school.
    case compare(base: String, target: String, indicators: [String], schools: [String])
    /// A report file of `sql/reports/` by name, or a path, with `name=value` parameters.
    case file(String, assignments: [String])
    /// Who has reported in an academic year; a drop in rows beyond `dropThreshold` (0..1) is flagged.
    case submissions(year: String, dropThreshold: Double, schools: [String])
}

/// What `db status` shows.
public struct WarehouseStatus: Sendable {
    /// The last applied migration, nil before the first migrate.
    public var version: String?
    public var appliedAt: String?
    public var pending: [String]
    /// The mart's refresh state; nil while migrations are pending.
    public var refresh: MartRefreshState?
    /// Exact row counts of the warehouse tables, schema-qualified, in name order.
    public var rowCounts: [(table: String, rows: Int)]
    /// The refresh `db status` ran because the mart was behind the loads, if it ran one.
    public var refreshedNow: MartRefresh?
    /// The mart was behind but a load held the writers' lock: its own refresh follows.
    public var loadRunning = false

    public func rendered() -> String {
        var lines = [
            "version / версия схемы: \(version ?? "none / нет") \(appliedAt.map { "(\($0))" } ?? "")",
            "pending migrations / не применено: \(pending.isEmpty ? "0" : pending.joined(separator: ", "))",
        ]
        if let refreshedNow {
            lines.append("the mart was behind the loads and has been refreshed: \(refreshedNow.indicatorValues) indicator value(s)"
                + " / витрины отставали от загрузок и пересчитаны: значений показателей \(refreshedNow.indicatorValues)")
        }
        if loadRunning {
            lines.append("a load is running (it holds the lock); its refresh follows / идёт загрузка; витрины пересчитает она")
        }
        if let refresh { lines.append("mart / витрины: \(refresh.summary)") }
        let width = rowCounts.map(\.table.count).max() ?? 0
        for (table, rows) in rowCounts {
            lines.append(table.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(rows))
        }
        return lines.joined(separator: "\n")
    }
}
