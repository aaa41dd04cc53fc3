import Foundation
import Logging
import PDCSV
import PDContract
import PDPostgres

/// Loads export files into the warehouse, one file = one batch = one transaction.
///
/// A load streams the file: each row is parsed, validated and normalised by the contract, its
/// dimension keys are resolved in the client, and it goes to a staging table with COPY; then
/// new dimension members are inserted, the batch's keys are checked set-based, and the rows
/// are merged into the facts. Too many bad rows or a bad header refuse the file: the transaction
/// is rolled back and only the batch record and its rejects are written.
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
        // Staging tables are temporary: let a large one stay in memory (allocated only as used;
        // settable only before the session's first temporary table).
        try connection.run("set temp_buffers = '256MB'")
        if lock {
            guard try connection.tryAdvisoryLock(Self.lockKey) else {
                connection.close()
                throw WarehouseError.lockHeld(what: "pdmon load / etl run")
            }
            holdsLock = true
        }
        self.connection = connection
    }

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
        let started = Date()
        let scan = try FileScan.scan(path: request.path)
        var outcome = LoadOutcome(
            status: .loaded, fileName: request.fileName, kind: request.kind, sha256: scan.sha256, message: "")

        // The header decides the kind and the column map; a bad one refuses the file.
        // [cases] HeaderLocator (PDContract): the header is the first row, within the first rows, that
        // matches a kind; the lines above it (Excel's sep= line, a title) come back as notices.
        let located: LocatedHeader
        do {
            located = try HeaderLocator.locate(format: scan.format, kind: request.kind, mapping: request.mapping) { format in
                try Self.openReader(request.path, format: format)
            }
        } catch let refusal as HeaderRefusal {
            if let kind = refusal.kind { outcome.kind = kind }
            return try refuse(outcome, request: request, started: started, connection: connection, rejects: [
                RejectEntry(line: refusal.line, column: "header", value: "", reasonCode: refusal.code,
                            reasonText: refusal.description)
            ], message: refusal.description)
        } catch let error as CSVError {
            return try refuse(outcome, request: request, started: started, connection: connection, rejects: [
                RejectEntry(line: 1, column: "header", value: "", reasonCode: "malformed_csv", reasonText: String(describing: error))
            ], message: String(describing: error))
        }
        var reader = located.reader
        let header = located.header
        let screen = RowScreen(header: header)
        outcome.kind = header.kind

        if !request.dryRun, !request.force,
           let previous = try connection.execute(try sql.statement("etl/batch_already_loaded.sql"), [scan.sha256]).rows.first {
            outcome.status = .skipped
            outcome.message = "the same content was loaded as batch \(previous[0] ?? "?") (\(previous[1] ?? "")) on \(previous[2] ?? "");"
                + " use --force to reload / уже загружен (пакет \(previous[0] ?? "?")); --force для повторной загрузки"
            outcome.batchKey = try recordBatch(outcome, connection: connection)
            outcome.seconds = Date().timeIntervalSince(started)
            return outcome
        }
        // [cases] Empty header cells (rows ending in extra delimiters) are not columns worth naming.
        let ignoredColumns = header.unknownColumns.map(\.name).filter { TextFold.clean($0) != nil }
        if !ignoredColumns.isEmpty {
            logger.notice("columns ignored / столбцы не используются: \(ignoredColumns.joined(separator: ", "))",
                          metadata: ["file": "\(request.fileName)"])
        }

        let dimensions = try DimensionKeys(connection: connection)
        var pipeline = try KindPipeline(
            header: header, request: request, pseudonymizer: pseudonymizer, dimensions: dimensions)

        if request.dryRun {
            var tally = RowTally()
            var progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
            try Self.readRows(&reader, into: &tally, progress: &progress, screen: screen) { fields, line in
                pipeline.validate(fields, line: line)
            }
            progress.finishReading(rows: tally.read)
            outcome.rowsRead = tally.read
            outcome.rowsRejected = tally.rejectedRows
            outcome.rowsLoaded = tally.read - tally.rejectedRows
            outcome.rejects = Self.reported(tally, located: located, pipeline: pipeline)
            outcome.seconds = Date().timeIntervalSince(started)
            if tally.exceeds(request.maxRejectRatio) {
                outcome.status = .refused
                outcome.message = Self.ratioMessage(tally, request.maxRejectRatio) + " (dry run / проверка)"
            } else {
                outcome.status = .validated
            }
            return outcome
        }

        // The batch's single transaction. A kill or a dead server rolls all of it back.
        let allocator = try Connection(conninfo: conninfo, applicationName: "pdmon-keys")
        defer { allocator.close() }
        try dimensions.prepareForWriting(connection: connection, allocatorConnection: allocator)
        var tally = RowTally()
        do {
            try connection.run("begin")
            // Room for the batch's hash joins (key check, merge) and its staging table in memory,
            // for this transaction only; the defaults (4 MB, 8 MB) made them spill to disk.
            try connection.run("set local work_mem = '64MB'")
            let batchKey = try connection.execute(
                try sql.statement("etl/batch_start.sql"), [request.fileName, scan.sha256, header.kind.rawValue, "false"]
            ).scalarInt ?? 0
            outcome.batchKey = batchKey
            try connection.execute("select set_config('pdmon.batch_key', $1, true)", [String(batchKey)])
            let before = try pipeline.factCount(connection)
            var progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
            // A first load of its years goes straight into the fact table: nothing to merge with,
            // so staging and INSERT … SELECT would only copy the rows twice. A row of a year that
            // already has facts sends the file back to the staging path (from the start).
            var loadedDirectly = false
            var copiedDirectly = 0
            if pipeline.supportsDirectLoad {
                let existingYears = try pipeline.yearsWithFacts(connection)
                try connection.run("savepoint direct_load")
                do {
                    copiedDirectly = try connection.copyIn(pipeline.directCopyStatement) { writer in
                        try Self.copyAcceptedRows(
                            &reader, tally: &tally, progress: &progress, pipeline: pipeline, screen: screen, writer: &writer,
                            maxRejectRatio: request.maxRejectRatio
                        ) { _, row in
                            if let year = pipeline.lastYear, existingYears.contains(year) { throw YearHasFacts() }
                            try pipeline.encodeDirect(batchKey: batchKey, into: &row)
                        }
                    }
                    try connection.run("release savepoint direct_load")
                    loadedDirectly = true
                } catch is YearHasFacts {
                    try connection.run("rollback to savepoint direct_load")
                    logger.debug("the file has rows of years already loaded: merging", metadata: ["file": "\(request.fileName)"])
                    reader = try located.reopen { try Self.openReader(request.path, format: $0) }
                    pipeline = try KindPipeline(
                        header: header, request: request, pseudonymizer: pseudonymizer, dimensions: dimensions)
                    tally = RowTally()
                    progress = LoadProgress(fileName: request.fileName, totalBytes: scan.byteCount, requested: request.progress)
                }
            }
            if !loadedDirectly {
                try connection.run(try sql.statement(pipeline.stageFile))
                try connection.copyIn(pipeline.copyStatement) { writer in
                    try Self.copyAcceptedRows(
                        &reader, tally: &tally, progress: &progress, pipeline: pipeline, screen: screen, writer: &writer,
                        maxRejectRatio: request.maxRejectRatio
                    ) { line, row in
                        try pipeline.encode(line: line, into: &row)
                    }
                }
            }
            progress.finishReading(rows: tally.read)
            try dimensions.insertNewMembers(connection: connection, batchKey: batchKey)
            if loadedDirectly {
                // The fact table has no statistics for the rows just copied: the planner guesses a
                // few thousand and probes the dimensions' indexes row by row (1.4 s for 1 000 000
                // rows); hash joins take 0.4 s.
                try connection.run("set local enable_nestloop = off")
                try checkKeys(pipeline.directCheckFile, [String(batchKey)], connection: connection)
                try connection.run("set local enable_nestloop = on")
            } else {
                // Statistics of the fresh staging table, so the check and the merge get hash joins
                // rather than nested loops planned for an empty table.
                try connection.run(SQL(unsafeText: "analyze \(pipeline.stageTable)"))
                if let checkFile = pipeline.checkFile {
                    try checkKeys(checkFile, [], connection: connection)
                }
                if let firstLoad = pipeline.firstLoadMergeFile, try !pipeline.stagedYearsHaveFacts(connection) {
                    try connection.run(try sql.statement(firstLoad))
                } else {
                    try connection.run(try sql.statement(pipeline.mergeFile))
                }
            }
            // A direct load only added rows: its counts need no scan of the fact table.
            let changed = loadedDirectly ? copiedDirectly : try connection.execute(
                SQL(unsafeText: "select count(*) from \(pipeline.factTable) where batch_key = $1::bigint"), [String(batchKey)]
            ).scalarInt ?? 0
            let after = loadedDirectly ? before + copiedDirectly : try pipeline.factCount(connection)
            outcome.rowsRead = tally.read
            outcome.rowsRejected = tally.rejectedRows
            outcome.rowsLoaded = tally.read - tally.rejectedRows
            outcome.rowsChanged = changed
            outcome.rejects = Self.reported(tally, located: located, pipeline: pipeline)
            outcome.message = "new or changed \(changed), facts \(before) → \(after) / новых или изменённых \(changed)"
            try connection.execute(try sql.statement("etl/batch_finish.sql"), [
                String(batchKey), "loaded", String(outcome.rowsRead), String(outcome.rowsLoaded),
                String(outcome.rowsRejected), outcome.message,
            ])
            try writeRejects(outcome.rejects, batchKey: batchKey, connection: connection)
            try connection.run("commit")
        } catch is RefuseFile {
            if connection.isOpen { try? connection.run("rollback") }
            outcome.rowsRead = tally.read
            outcome.rowsRejected = tally.rejectedRows
            outcome.batchKey = nil
            return try refuse(outcome, request: request, started: started, connection: connection,
                              rejects: Self.reported(tally, located: located, pipeline: pipeline),
                              message: Self.ratioMessage(tally, request.maxRejectRatio))
        } catch let error as CSVError {
            if connection.isOpen { try? connection.run("rollback") }
            outcome.rowsRead = tally.read
            outcome.batchKey = nil
            let line = error.line ?? 0
            return try refuse(outcome, request: request, started: started, connection: connection,
                              rejects: Self.reported(tally, located: located, pipeline: pipeline) + [
                RejectEntry(line: max(line, 1), column: "", value: "", reasonCode: "malformed_csv", reasonText: error.description)
            ], message: error.description)
        } catch {
            if connection.isOpen { try? connection.run("rollback") }
            throw error
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    private static func openReader(_ path: String, format: CSVFormat) throws -> CSVReader {
        do {
            return try CSVReader(path: path, format: format)
        } catch {
            throw WarehouseError.fileUnreadable(path: path, reason: String(describing: error))
        }
    }

    /// The set-based referential check of a batch (the facts declare no foreign keys): the
    /// query counts the batch's rows whose keys are missing from their dimensions; any aborts it.
    private func checkKeys(_ file: String, _ parameters: [String?], connection: Connection) throws {
        let orphans = try connection.execute(try sql.statement(file), parameters).scalarInt ?? 0
        guard orphans == 0 else {
            throw PostgresError(kind: .query, message: "\(orphans) rows of the batch reference missing dimension members;"
                + " the batch was rolled back / нарушена ссылочная целостность, пакет отменён")
        }
    }

    /// Streams the file's rows into a COPY: each accepted row is encoded by `encode` (given its
    /// line) and sent; rejected rows are only counted. Over the reject ratio the COPY is aborted.
    private static func copyAcceptedRows(
        _ reader: inout CSVReader, tally: inout RowTally, progress: inout LoadProgress, pipeline: KindPipeline,
        screen: RowScreen, writer: inout CopyWriter, maxRejectRatio: Double, encode: (Int, inout CopyRow) throws -> Void
    ) throws {
        var row = CopyRow()
        try readRows(&reader, into: &tally, progress: &progress, screen: screen) { fields, line in
            let result = pipeline.validate(fields, line: line)
            if case .accepted = result {
                row.reset()
                try encode(line, &row)
                try writer.write(row.bytes)
            }
            return result
        }
        if tally.exceeds(maxRejectRatio) { throw RefuseFile() }
    }

    /// Records the file as refused: nothing of its data, only the batch and why.
    private func refuse(
        _ outcome: LoadOutcome, request: LoadRequest, started: Date, connection: Connection,
        rejects: [RejectEntry], message: String
    ) throws -> LoadOutcome {
        var outcome = outcome
        outcome.status = .refused
        outcome.message = message
        outcome.rejects = rejects
        outcome.rowsLoaded = 0
        if outcome.rowsRejected == 0 { outcome.rowsRejected = Set(rejects.filter { !$0.isNotice }.map(\.line)).count }
        outcome.seconds = Date().timeIntervalSince(started)
        guard !request.dryRun else { return outcome }
        try connection.transaction {
            let key = try recordBatch(outcome, connection: connection)
            outcome.batchKey = key
            try writeRejects(rejects, batchKey: key, connection: connection)
        }
        return outcome
    }

    private func recordBatch(_ outcome: LoadOutcome, connection: Connection) throws -> Int {
        try connection.execute(try sql.statement("etl/batch_record.sql"), [
            outcome.fileName, outcome.sha256, outcome.kind?.rawValue, outcome.status.rawValue,
            String(outcome.rowsRead), String(outcome.rowsRejected), outcome.message,
        ]).scalarInt ?? 0
    }

    private func writeRejects(_ rejects: [RejectEntry], batchKey: Int, connection: Connection) throws {
        guard !rejects.isEmpty else { return }
        try connection.copyIn("""
            copy dw.etl_reject (batch_key, line_number, column_name, value_masked, reason_code, reason_text) from stdin
            """) { writer in
            var row = CopyRow()
            for reject in rejects {
                row.reset()
                row.int(batchKey)
                row.int(reject.line)
                row.text(reject.column)
                row.text(reject.value)
                row.text(reject.reasonCode)
                row.text(reject.reasonText)
                row.end()
                try writer.write(row.bytes)
            }
        }
    }

    /// Reads every data row, hands it to `handle`, and counts what was accepted and rejected.
    private static func readRows(
        _ reader: inout CSVReader, into tally: inout RowTally, progress: inout LoadProgress, screen: RowScreen,
        _ handle: ([String], Int) throws -> RowResult<Void>
    ) throws {
        while try reader.next() {
            progress.tick(rows: tally.read, bytesRead: reader.bytesRead)
            // Rows of bare delimiters (what a spreadsheet leaves under a table) are blank lines.
            if reader.record.isBlank { continue }
            let line = reader.record.line
            // [cases] A NUL byte is a data problem of its row (PostgreSQL cannot store it): rejected
            // here, never sent (RowScreen.nulIssue, one memchr).
            if let issue = screen.nulIssue(reader.record) {
                tally.read += 1
                tally.reject([issue])
                continue
            }
            let fields = reader.record.strings()
            let result = try handle(fields, line)
            // [cases] A rejected row that is not data (a totals row, the header repeated) is skipped
            // and reported as a notice, not counted (RowScreen.nonDataNotice, rejected rows only).
            if case .rejected = result, let notice = screen.nonDataNotice(fields, line: line) {
                tally.note(notice)
                continue
            }
            tally.read += 1
            if case .rejected(let issues) = result { tally.reject(issues) }
        }
        // [cases] NUL bytes padding the end of the file were not read: one notice.
        if let notice = RowScreen.paddingNotice(bytes: reader.trailingNULPadding, line: reader.nextLine) {
            tally.note(notice)
        }
    }

    /// [cases] What the load reports: the rejects and the notices (lines above the header, rows
    /// that are not data, values read differently from how they are written), in line order.
    private static func reported(_ tally: RowTally, located: LocatedHeader, pipeline: KindPipeline) -> [RejectEntry] {
        let notices = (located.skipped + pipeline.notices).map(RejectEntry.init) + tally.notices
        guard !notices.isEmpty else { return tally.rejects }
        let room = max(0, LoadOutcome.maximumStoredRejects - tally.rejects.count)
        return (tally.rejects + notices.prefix(room)).enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    private static func ratioMessage(_ tally: RowTally, _ ratio: Double) -> String {
        let share = tally.read == 0 ? 0 : Double(tally.rejectedRows) / Double(tally.read) * 100
        return String(format: "%d of %d rows rejected (%.1f%%), more than --max-reject-ratio %.1f%%: file refused, nothing written"
            + " / отклонено %d из %d строк (%.1f%%), больше допустимых %.1f%%: файл не загружен",
            tally.rejectedRows, tally.read, share, ratio * 100, tally.rejectedRows, tally.read, share, ratio * 100)
    }
}

/// Thrown inside the COPY closure to abort it when the file is over the reject ratio.
struct RefuseFile: Error {}

/// Thrown inside a direct load's COPY when a row belongs to a year that already has facts:
/// the file then goes through staging and the merge instead.
struct YearHasFacts: Error {}

/// Counts of one file's rows.
struct RowTally {
    var read = 0
    var rejectedRows = 0
    var rejects: [RejectEntry] = []
    /// [cases] Notices about rows skipped as not data: reported, counted neither as read nor as rejected.
    var notices: [RejectEntry] = []

    func exceeds(_ ratio: Double) -> Bool {
        read > 0 && Double(rejectedRows) > ratio * Double(read)
    }

    /// Counts a rejected row (already counted as read) and keeps its issues.
    mutating func reject(_ issues: [RowIssue]) {
        rejectedRows += 1
        for issue in issues where rejects.count < LoadOutcome.maximumStoredRejects {
            rejects.append(RejectEntry(issue))
        }
    }

    mutating func note(_ notice: RowIssue) {
        if notices.count < LoadOutcome.maximumStoredRejects { notices.append(RejectEntry(notice)) }
    }
}
