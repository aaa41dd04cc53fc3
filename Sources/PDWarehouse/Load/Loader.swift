import Foundation
import Logging
import PDCSV
import PDContract
import PDPostgres
import PDXLSX

/// Loads export files into the warehouse, one file = one batch = one transaction.
///
/// A load streams the file: each row is parsed, validated and normalised by the contract, its
/// dimension keys are resolved in the client, and it goes to a staging table (or, on a first
/// load of its years, straight to the fact table) with COPY; then new dimension members are
/// inserted, the batch's keys are checked set-based, and staged rows are merged into the facts.
/// Too many bad rows, a bad header or a value the database refuses refuse the file: the
/// transaction is rolled back and only the batch record and its rejects are written.
///
/// What differs between export kinds is data, in `ExportLoad`; the steps here are the same for
/// every kind: scan, header, skip when already loaded, validate and copy, check, merge, record.
public final class Loader {
    /// The advisory lock every writer holds (`etl run`, `load`): "pdmonetl" in ASCII.
    public static let lockKey: Int64 = 0x7064_6d6f_6e65_746c

    private let conninfo: String
    private let sql: SQLDirectory
    private let pseudonymizer: Pseudonymizer?
    private let logger: Logger
    private var connection: Connection?
    private var holdsLock = false

    public init(conninfo: String, sql: SQLDirectory, pseudonymizer: Pseudonymizer?, logger: Logger) {
        self.conninfo = conninfo
        self.sql = sql
        self.pseudonymizer = pseudonymizer
        self.logger = logger
    }

    deinit { close() }

    /// Connects (checking that the schema is migrated) and takes the writers' advisory lock.
    /// Throws `WarehouseError.lockHeld` at once when another run holds it.
    public func open(lock: Bool = true) throws {
        guard connection == nil else { return }
        let connection = try DatabaseTarget.connectMigrated(conninfo: conninfo, sql: sql)
        try connection.run(try sql.statement("load/session.sql"))
        if lock {
            guard try connection.tryAdvisoryLock(Self.lockKey) else {
                connection.close()
                throw WarehouseError.lockHeld(what: "pdmon load / etl run")
            }
            holdsLock = true
        }
        self.connection = connection
    }

    /// The loader's connection, for `TestPause` (whose test terminates its backend).
    var connectionForTestPause: Connection? { connection }

    /// Cancels the loader's running statement from a signal handler (`Interruption`).
    var cancelHandle: CancelHandle? { connection?.cancelHandle() }

    public func close() {
        if holdsLock, let connection, connection.isOpen { try? connection.advisoryUnlock(Self.lockKey) }
        holdsLock = false
        connection?.close()
        connection = nil
    }

    /// Loads (or with `dryRun`, validates) one file. Data problems come back as an outcome;
    /// database and I/O failures throw, after the transaction has been rolled back.
    public func load(_ request: LoadRequest) throws -> LoadOutcome {
        try open()
        guard let connection else { preconditionFailure("open() sets the connection") }
        var file = try scan(request)
        let header: HeaderMap
        switch readHeader(&file) {
        case .success(let map): header = map
        case .failure(let refusal): return try refuse(&file, refusal, connection: connection)
        }
        if let skipped = try skipIfAlreadyLoaded(&file, connection: connection) { return skipped }
        if request.listedState != nil { try file.checkUnchanged() }
        // Empty header cells (rows ending in extra delimiters) are not columns worth naming.
        let ignoredColumns = header.unknownColumns.map(\.name).filter { TextFold.clean($0) != nil }
        if !ignoredColumns.isEmpty {
            logger.notice("columns ignored / столбцы не используются: \(ignoredColumns.joined(separator: ", "))",
                          metadata: ["file": "\(request.fileName)"])
        }
        let description = ExportLoad.of(header.kind)
        let context = RowContext(header: header, request: request, pseudonymizer: pseudonymizer,
                                 dimensions: try DimensionKeys(connection: connection, sql: sql))
        // Made before anything is written, so that a kind that needs the pseudonym key fails early without it.
        let rows = try description.rows(context)
        var screen = RowScreen(header: header)
        // Rows are checked for bytes that are not UTF-8 only when the scan found such lines.
        screen.checksUTF8 = file.scan.hasInvalidUTF8Lines
        if request.dryRun { return try validateOnly(&file, rows: rows, screen: screen) }
        return try loadBatch(&file, description, context, stagedRows: rows, screen: screen, connection: connection)
    }

    // MARK: - Steps

    /// Scan: the file's hash, size and encoding, and a reader at its first row.
    private func scan(_ request: LoadRequest) throws -> FileLoad {
        let started = Date()
        let state = FileState.of(request.path)
        return try FileLoad(request: request, scan: try FileScan.scan(path: request.path), started: started,
                            stateBeforeScan: state)
    }

    /// Header: the first row, within the first rows, that matches a kind (the request's, if it
    /// names one) decides the kind and the column map (`HeaderLocator`); the lines above
    /// it (Excel's sep= line, a title) come back as notices.
    private func readHeader(_ file: inout FileLoad) -> Result<HeaderMap, Refusal> {
        do {
            let header = try file.locateHeader()
            file.outcome.kind = header.kind
            return .success(header)
        } catch let refusal as HeaderRefusal {
            if let kind = refusal.kind { file.outcome.kind = kind }
            return .failure(Refusal(refusal))
        } catch let refusal as WorkbookRefusal {
            return .failure(Refusal(refusal))
        } catch let error as XLSXError {
            return .failure(Refusal(header: "malformed_xlsx", error.description, line: error.row ?? 1))
        } catch {
            return .failure(Refusal(header: "malformed_csv", String(describing: error)))
        }
    }

    /// Skip: a file whose content was loaded before is recorded as skipped, unless `--force`.
    private func skipIfAlreadyLoaded(_ file: inout FileLoad, connection: Connection) throws -> LoadOutcome? {
        guard !file.request.dryRun, !file.request.force,
              let previous = try connection.execute(
                try sql.statement("etl/batch_already_loaded.sql"), [file.scan.sha256]).rows.first
        else { return nil }
        file.outcome.status = .skipped
        file.outcome.message = "the same content was loaded as batch \(previous[0] ?? "?") (\(previous[1] ?? "")) on \(previous[2] ?? "");"
            + " use --force to reload / уже загружен (пакет \(previous[0] ?? "?")); --force для повторной загрузки"
        file.outcome.batchKey = try recordBatch(file.outcome, connection: connection)
        file.outcome.seconds = Date().timeIntervalSince(file.started)
        return file.outcome
    }

    /// Dry run: every row validated and counted, nothing written.
    private func validateOnly(_ file: inout FileLoad, rows: any RowPipeline, screen: RowScreen) throws -> LoadOutcome {
        file.startReading()
        try file.readRows(screen: screen) { fields, line in rows.validate(fields, line: line) }
        try file.checkUnchanged()
        file.tally.pipelineNotices = rows.notices
        file.progress.finishReading(rows: file.tally.read)
        file.takeCounts()
        file.outcome.seconds = Date().timeIntervalSince(file.started)
        if file.tally.exceeds(file.request.maxRejectRatio) {
            file.outcome.status = .refused
            file.outcome.message = Self.ratioMessage(file.tally, file.request.maxRejectRatio) + " (dry run / проверка)"
        } else {
            file.outcome.status = .validated
        }
        return file.outcome
    }

    /// The batch's single transaction: validate and copy, new dimension members, check, merge,
    /// record, commit. A kill or a dead server rolls all of it back; a data problem of the file
    /// rolls it back and records the refusal.
    private func loadBatch(
        _ file: inout FileLoad, _ description: ExportLoad, _ context: RowContext, stagedRows: any RowPipeline,
        screen: RowScreen, connection: Connection
    ) throws -> LoadOutcome {
        let allocator = try Connection(conninfo: conninfo, applicationName: "pdmon-keys")
        defer { allocator.close() }
        try context.dimensions.prepareForWriting(connection: connection, allocatorConnection: allocator, sql: sql)
        do {
            try connection.run("begin")
            let batchKey = try startBatch(&file, connection: connection)
            let before = try count(description.counts.all, connection: connection)
            let path = try validateAndCopy(
                &file, description, context, stagedRows: stagedRows, screen: screen, batchKey: batchKey,
                connection: connection)
            file.progress.finishReading(rows: file.tally.read)
            // The content hashed must be the content loaded: a file still being written is left.
            try file.checkUnchanged()
            try context.dimensions.insertNewMembers(connection: connection, sql: sql, batchKey: batchKey)
            TestPause.reach(.check, connection)
            try check(path, description, batchKey: batchKey, connection: connection)
            if case .staged = path {
                TestPause.reach(.merge, connection)
                try merge(description.merge, connection: connection)
            }
            try derive(description, header: context.header, &file, connection: connection)
            try record(&file, description, path, before: before, batchKey: batchKey, connection: connection)
            try Interruption.checkpoint()
            try connection.run("commit")
            TestPause.reach(.committed, connection)
        } catch {
            if connection.isOpen { try? connection.run("rollback") }
            guard let refusal = Refusal(after: error, of: file) else { throw error }
            file.outcome.rowsRead = file.tally.read
            file.outcome.batchKey = nil
            return try refuse(&file, refusal, connection: connection)
        }
        file.outcome.seconds = Date().timeIntervalSince(file.started)
        return file.outcome
    }

    /// Opens the batch inside the transaction and sets the transaction's settings.
    private func startBatch(_ file: inout FileLoad, connection: Connection) throws -> Int {
        let batchKey = try connection.execute(try sql.statement("etl/batch_start.sql"), [
            file.request.fileName, file.scan.sha256, file.outcome.kind?.rawValue, "false",
        ]).scalarInt ?? 0
        file.outcome.batchKey = batchKey
        try connection.execute(try sql.statement("load/batch_settings.sql"), [String(batchKey)])
        return batchKey
    }

    /// Validate and copy: one COPY streams every accepted row, straight into the fact table when
    /// the kind has a direct path and the file's years hold no facts yet, else into staging.
    private func validateAndCopy(
        _ file: inout FileLoad, _ description: ExportLoad, _ context: RowContext, stagedRows: any RowPipeline,
        screen: RowScreen, batchKey: Int, connection: Connection
    ) throws -> CopyPath {
        file.startReading()
        if let direct = description.direct,
           let copied = try copyDirectly(&file, direct, context, screen: screen, batchKey: batchKey, connection: connection) {
            return .direct(direct, copied: copied)
        }
        try copyToStaging(&file, description.staging, rows: stagedRows, screen: screen, connection: connection)
        return .staged
    }

    /// The direct path; nil when a row of a year that already has facts rolled it back to its
    /// savepoint and rewound the file for the staging path.
    private func copyDirectly(
        _ file: inout FileLoad, _ direct: ExportLoad.DirectLoad, _ context: RowContext, screen: RowScreen,
        batchKey: Int, connection: Connection
    ) throws -> Int? {
        let rows = try direct.rows(context)
        let yearsWithFacts = Set(try connection.execute(try sql.statement(direct.yearsWithFacts)).rows
            .compactMap { $0[0].flatMap { Int($0) } })
        try connection.run("savepoint direct_load")
        do {
            let copied = try connection.copyIn(try sql.statement(direct.copy)) { writer in
                try Self.copyAcceptedRows(&file, rows: rows, screen: screen, writer: &writer) { _, row in
                    if let year = rows.lastAcademicYear, yearsWithFacts.contains(year) { throw YearHasFacts() }
                    try rows.encodeFact(batchKey: batchKey, into: &row)
                    TestPause.reach(.copy, connection)
                }
            }
            try connection.run("release savepoint direct_load")
            return copied
        } catch is YearHasFacts {
            try connection.run("rollback to savepoint direct_load")
            logger.debug("the file has rows of years already loaded: merging", metadata: ["file": "\(file.request.fileName)"])
            try file.rewind()
            return nil
        }
    }

    /// The staging path: a temporary table, the COPY into it, and its statistics.
    private func copyToStaging(
        _ file: inout FileLoad, _ staging: ExportLoad.Staging, rows: any RowPipeline, screen: RowScreen,
        connection: Connection
    ) throws {
        try connection.run(try sql.statement(staging.create))
        try connection.copyIn(try sql.statement(staging.copy)) { writer in
            try Self.copyAcceptedRows(&file, rows: rows, screen: screen, writer: &writer) { line, row in
                try rows.encodeStaged(line: line, into: &row)
                TestPause.reach(.copy, connection)
            }
        }
        try connection.run(try sql.statement(staging.analyze))
        if let settle = staging.settle {
            try connection.run(try sql.statement(settle.file))
            for row in try connection.execute(try sql.statement(settle.superseded)).rows {
                file.tally.pipelineNotices.append(RowIssue.supersededByStored(
                    line: Int(row[0] ?? "") ?? 0, submittedAt: row[1] ?? "", storedAt: row[2] ?? "",
                    storedBatch: row[3] ?? ""))
            }
        }
    }

    /// Check: the set-based referential check of the batch (the facts declare no foreign keys).
    private func check(_ path: CopyPath, _ description: ExportLoad, batchKey: Int, connection: Connection) throws {
        switch path {
        case .direct(let direct, _):
            // The fact rows just copied have no statistics: without hash joins the planner would
            // probe the dimensions' indexes row by row.
            try connection.run(try sql.statement("load/hash_joins_only.sql"))
            try checkKeys(direct.check, [String(batchKey)], connection: connection)
            try connection.run(try sql.statement("load/nested_loops_allowed.sql"))
        case .staged:
            if let checkFile = description.checkStaged { try checkKeys(checkFile, [], connection: connection) }
        }
    }

    /// Merge: the staged rows into the warehouse, by the kind's first-load merge when none of
    /// their years has facts yet and it has one.
    private func merge(_ merge: ExportLoad.Merge, connection: Connection) throws {
        if let firstLoad = merge.firstLoad,
           try connection.execute(try sql.statement(firstLoad.stagedYearsHaveFacts)).rows.first?[0] != "t" {
            try connection.run(try sql.statement(firstLoad.file))
        } else {
            try connection.run(try sql.statement(merge.file))
        }
    }

    /// Derive: the facts other kinds derive from this kind's (`ExportLoad.derivations`), then
    /// the lines the description reports once they are in place (`ExportLoad.lineNotices`).
    private func derive(_ description: ExportLoad, header: HeaderMap, _ file: inout FileLoad,
                        connection: Connection) throws {
        for derivation in description.derivations { try connection.run(try sql.statement(derivation)) }
        guard let notices = description.lineNotices else { return }
        let column = header.columnName(of: notices.field)
        for row in try connection.execute(try sql.statement(notices.query)).rows {
            guard let line = row[0].flatMap({ Int($0) }), file.tally.pipelineNotices.count < RowIssue.maximumNotices
            else { continue }
            file.tally.pipelineNotices.append(
                RowIssue(line: line, column: column, field: nil, value: "", reason: notices.reason))
        }
    }

    /// Record: the counts, the batch closed as loaded, its rejects (still inside the transaction).
    private func record(
        _ file: inout FileLoad, _ description: ExportLoad, _ path: CopyPath, before: Int, batchKey: Int,
        connection: Connection
    ) throws {
        // A direct load only added rows: its counts need no scan of the fact table.
        let changed: Int, after: Int
        if case .direct(_, let copied) = path {
            changed = copied
            after = before + copied
        } else {
            changed = try count(description.counts.ofBatch, [String(batchKey)], connection: connection)
            after = try count(description.counts.all, connection: connection)
        }
        file.takeCounts()
        file.outcome.rowsChanged = changed
        file.outcome.message = "new or changed \(changed), facts \(before) → \(after) / новых или изменённых \(changed)"
        try connection.execute(try sql.statement("etl/batch_finish.sql"), [
            String(batchKey), "loaded", String(file.outcome.rowsRead), String(file.outcome.rowsLoaded),
            String(file.outcome.rowsRejected), file.outcome.message,
        ])
        // The rejects and the notices (file.takeCounts() put both in the outcome).
        try writeRejects(file.outcome.rejects, batchKey: batchKey, connection: connection)
    }

    /// Refuse: nothing of the file's data, only the batch and why, in a small transaction of its own.
    private func refuse(_ file: inout FileLoad, _ refusal: Refusal, connection: Connection) throws -> LoadOutcome {
        // A file refused while it was still being written (a half-written header, rows cut short)
        // is left for the next run instead.
        try file.checkUnchanged()
        file.outcome.rowsRejected = refusal.rowsRejected ?? file.outcome.rowsRejected
        file.outcome.status = .refused
        file.outcome.message = refusal.message
        file.outcome.rejects = refusal.rejects
        file.outcome.rowsLoaded = 0
        // Notices are reported with the rejects but are no rejected rows.
        if file.outcome.rowsRejected == 0 {
            file.outcome.rowsRejected = Set(refusal.rejects.filter { !$0.isNotice }.map(\.line)).count
        }
        file.outcome.seconds = Date().timeIntervalSince(file.started)
        guard !file.request.dryRun else { return file.outcome }
        let outcome = file.outcome
        file.outcome.batchKey = try connection.transaction {
            let key = try recordBatch(outcome, connection: connection)
            try writeRejects(refusal.rejects, batchKey: key, connection: connection)
            return key
        }
        return file.outcome
    }

    // MARK: - Helpers

    private func count(_ file: String, _ parameters: [String?] = [], connection: Connection) throws -> Int {
        try connection.execute(try sql.statement(file), parameters).scalarInt ?? 0
    }

    /// Runs a key check: the query counts the batch's rows whose keys are missing from their
    /// dimensions; any aborts the batch (a broken invariant of the loader, not of the file).
    private func checkKeys(_ file: String, _ parameters: [String?], connection: Connection) throws {
        let orphans = try count(file, parameters, connection: connection)
        guard orphans == 0 else {
            throw PostgresError(kind: .query, message: "\(orphans) rows of the batch reference missing dimension members;"
                + " the batch was rolled back / нарушена ссылочная целостность, пакет отменён")
        }
    }

    /// Streams the file's rows into a COPY: each accepted row is encoded by `encode` (given its
    /// line) and sent; rejected rows are only counted. Over the reject ratio the COPY is aborted.
    private static func copyAcceptedRows(
        _ file: inout FileLoad, rows: any RowPipeline, screen: RowScreen, writer: inout CopyWriter,
        encode: (Int, inout CopyRow) throws -> Void
    ) throws {
        var row = CopyRow()
        try file.readRows(screen: screen) { fields, line in
            let result = rows.validate(fields, line: line)
            if case .accepted = result {
                row.reset()
                try encode(line, &row)
                try writer.write(row.bytes)
            }
            return result
        }
        file.tally.pipelineNotices = rows.notices
        if file.tally.exceeds(file.request.maxRejectRatio) { throw RefuseFile() }
    }

    /// Reads every data row, hands it to `handle`, and counts what was accepted and rejected.
    /// `screen` rejects a row holding a NUL byte before it is decoded (so no NUL ever
    /// reaches COPY), and notes instead of counting a rejected row that is not data.
    static func readRows<Source: RowSource>(
        _ reader: inout Source, into tally: inout RowTally, progress: inout LoadProgress, screen: RowScreen,
        _ handle: ([String], Int) throws -> RowResult<Void>
    ) throws {
        while try reader.next() {
            try Interruption.checkpoint()
            progress.tick(rows: tally.read, bytesRead: reader.bytesRead)
            // Rows of bare delimiters (what a spreadsheet leaves under a table) are blank lines.
            if reader.record.isBlank { continue }
            let line = reader.record.line
            // A NUL byte is a data problem of its row (PostgreSQL cannot store it): rejected here,
            // never sent (one memchr).
            if let issue = screen.nulIssue(reader.record) {
                tally.read += 1
                tally.reject([issue])
                continue
            }
            // Bytes that are not UTF-8 in a UTF-8 file (a line pasted from a Windows-1251 export):
            // rejected before they are decoded (checked only in files whose scan found some).
            if screen.checksUTF8, let issue = screen.utf8Issue(reader.record) {
                tally.read += 1
                tally.reject([issue])
                continue
            }
            let fields = reader.record.strings()
            let result = try handle(fields, line)
            // A rejected row that is not data (a totals row, the header repeated) is skipped and
            // reported as a notice, not counted.
            if case .rejected = result, let notice = screen.nonDataNotice(fields, line: line) {
                tally.note(notice)
                continue
            }
            tally.read += 1
            if case .rejected(let issues) = result { tally.reject(issues) }
        }
        // NUL bytes padding the end of the file were not read: one notice.
        if let notice = RowScreen.paddingNotice(bytes: reader.trailingNULPadding, line: reader.nextLine) {
            tally.note(notice)
        }
    }

    private func recordBatch(_ outcome: LoadOutcome, connection: Connection) throws -> Int {
        try connection.execute(try sql.statement("etl/batch_record.sql"), [
            outcome.fileName, outcome.sha256, outcome.kind?.rawValue, outcome.status.rawValue,
            String(outcome.rowsRead), String(outcome.rowsRejected), outcome.message,
        ]).scalarInt ?? 0
    }

    private func writeRejects(_ rejects: [RejectEntry], batchKey: Int, connection: Connection) throws {
        guard !rejects.isEmpty else { return }
        try connection.copyIn(try sql.statement("etl/copy_rejects.sql")) { writer in
            var row = CopyRow()
            for reject in rejects {
                row.reset()
                row.int(batchKey)
                row.int(reject.line)
                // PostgreSQL stores no NUL character: a reject must never fail on the value it reports.
                row.text(reject.column.withoutNUL)
                row.text(reject.value.withoutNUL)
                row.text(reject.reasonCode)
                row.text(reject.reasonText.withoutNUL)
                row.end()
                try writer.write(row.bytes)
            }
        }
    }

    static func ratioMessage(_ tally: RowTally, _ ratio: Double) -> String {
        let share = tally.read == 0 ? 0 : Double(tally.rejectedRows) / Double(tally.read) * 100
        return String(format: "%d of %d rows rejected (%.1f%%), more than --max-reject-ratio %.1f%%: file refused, nothing written"
            + " / отклонено %d из %d строк (%.1f%%), больше допустимых %.1f%%: файл не загружен",
            tally.rejectedRows, tally.read, share, ratio * 100, tally.rejectedRows, tally.read, share, ratio * 100)
    }
}

