import Foundation
import Logging
import PDCSV
import PDContract
import PDPostgres

/// `pdmon db rekey --old-key-file A --new-key-file B FILE…`: re-pseudonymises `dw.dim_teacher`
/// under a new key, in one transaction (`sql/rekey/README.md`).
///
/// A pseudonym is HMAC-SHA256(key, normalised identifier) and the warehouse keeps no raw
/// identifier, so the old pseudonyms alone cannot be turned into new ones (that is the point of
/// the HMAC). The raw identifiers are therefore read again from the export files given — the
/// archive of what was loaded — and every teacher of the warehouse must be found among them;
/// otherwise nothing is changed (a teacher left under the old key would become a new one at the
/// next load). The teacher keys stay, so no fact row changes and every indicator is identical.
struct Rekey {
    let connection: Connection
    let sql: SQLDirectory
    let logger: Logger

    /// What a rekey did.
    typealias Result = RekeyResult

    /// The normalised teacher identifiers of the export files (folders are walked; a file that
    /// is not an export with a teacher column — a schools directory, an `errors.csv` — is
    /// skipped with a notice). Returns them and how many files gave any.
    static func identifiers(in paths: [String], logger: Logger) throws -> (ids: Set<String>, files: Int) {
        var ids = Set<String>()
        var files = 0
        for path in try regularFiles(paths) {
            let before = ids.count
            if try read(path, into: &ids, logger: logger) { files += 1 }
            logger.debug("rekey: identifiers read", metadata: ["file": "\(path)", "new": "\(ids.count - before)"])
        }
        return (ids, files)
    }

    /// Reads the teacher column of one file (CSV or workbook, through the loader's own
    /// `FileLoad`: the same header rules and sheet choice); false when the file has none.
    private static func read(_ path: String, into ids: inout Set<String>, logger: Logger) throws -> Bool {
        let state = FileState.of(path)
        var file = try FileLoad(request: LoadRequest(path: path), scan: try FileScan.scan(path: path), started: Date(),
                                stateBeforeScan: state)
        let header: HeaderMap
        do {
            header = try file.locateHeader()
        } catch {
            logger.notice("rekey: not an export, skipped / не выгрузка, пропущен", metadata: ["file": "\(path)"])
            return false
        }
        guard let column = header.index(of: .teacherID) else {
            logger.info("rekey: no teacher column, skipped / нет столбца педагога", metadata: ["file": "\(path)"])
            return false
        }
        let isSNILS = TeacherIdentifier.isSNILSHeader(header.header[column])
        var found = Set<String>()
        try file.readRows(screen: RowScreen(header: header)) { fields, _ -> RowResult<Void> in
            guard column < fields.count else { return .accepted(()) }
            switch TeacherIdentifier.read(fields[column], snilsColumn: isSNILS) {
            case .identifier(let id), .leadingZeroRestored(let id, _): found.insert(id)
            case .empty, .notSNILS: break
            }
            return .accepted(())
        }
        ids.formUnion(found)
        return true
    }

    /// The regular files of `paths`, folders walked in name order.
    private static func regularFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw WarehouseError.fileUnreadable(path: path, reason: "no such file or folder / нет такого файла или папки")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (manager.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
            for name in names where !name.hasSuffix(".errors.csv") {
                let full = (path as NSString).appendingPathComponent(name)
                if InboxRun.entryType(full) == .regular { files.append(full) }
            }
        }
        return files
    }

    /// The rekey itself: checks the old key against the warehouse's, sends the pairs, refuses
    /// when a teacher is not covered, then rewrites the pseudonyms and the key's fingerprint.
    func run(old: Pseudonymizer, new: Pseudonymizer, identifiers ids: Set<String>, files: Int) throws -> Result {
        guard old.keyFingerprint != new.keyFingerprint else { throw RekeyError.sameKey }
        let recorded = try connection.execute(try sql.statement("etl/pseudonym_key_read.sql")).rows.first?.first ?? nil
        if let recorded, recorded != old.keyFingerprint { throw RekeyError.oldKeyIsNotTheWarehouses }
        guard try connection.tryAdvisoryLock(Loader.lockKey) else { throw WarehouseError.lockHeld(what: "pdmon load / etl run") }
        defer { try? connection.advisoryUnlock(Loader.lockKey) }
        return try connection.transaction {
            try connection.run(try sql.statement("rekey/create_map.sql"))
            try connection.copyIn(try sql.statement("rekey/copy_map.sql")) { writer in
                for id in ids {
                    try Interruption.checkpoint()
                    // bytea in hex input form (`\x…`, the backslash escaped for COPY text).
                    try writer.write("\\\\x" + old.pseudonym(ofNormalised: id) + "\t\\\\x" + new.pseudonym(ofNormalised: id) + "\n")
                }
            }
            let row = try connection.execute(try sql.statement("rekey/uncovered.sql")).rows.first ?? []
            let uncovered = row.first.flatMap { $0.flatMap { Int($0) } } ?? 0
            let teachers = row.count > 1 ? row[1].flatMap { Int($0) } ?? 0 : 0
            guard uncovered == 0 else { throw RekeyError.teachersNotCovered(uncovered, of: teachers, files: files) }
            try connection.execute(try sql.statement("rekey/apply.sql"))
            try connection.execute(try sql.statement("rekey/record_key.sql"),
                                   [new.keyFingerprint, new.isDemo ? "true" : "false"])
            try Interruption.checkpoint()
            return RekeyResult(teachers: teachers, identifiers: ids.count, files: files)
        }
    }
}

/// What `db rekey` changed.
public struct RekeyResult: Sendable, Equatable {
    /// Teachers re-pseudonymised (all of `dw.dim_teacher`).
    public var teachers: Int
    /// Distinct identifiers read from the files.
    public var identifiers: Int
    /// Files that had a teacher column.
    public var files: Int
}

/// Why `db rekey` changed nothing (exit 2).
public enum RekeyError: Error, Equatable, CustomStringConvertible {
    /// The old key is not the one the warehouse's teachers were pseudonymised with.
    case oldKeyIsNotTheWarehouses
    /// Both key files hold the same key.
    case sameKey
    /// Some teachers of the warehouse were not in any file: their raw identifiers are needed.
    case teachersNotCovered(Int, of: Int, files: Int)

    public var description: String {
        switch self {
        case .oldKeyIsNotTheWarehouses:
            return "--old-key-file is not the key the warehouse's teachers were pseudonymised with; nothing was changed"
                + " / --old-key-file — не тот ключ, с которым загружены педагоги хранилища; ничего не изменено"
        case .sameKey:
            return "the old and the new key are the same; nothing to do / старый и новый ключ совпадают"
        case .teachersNotCovered(let missing, let teachers, let files):
            return "\(missing) of \(teachers) teachers were not found in the \(files) file(s) given: the warehouse keeps no raw"
                + " identifier, so each teacher's must be read again; give every export ever loaded (e.g. the inbox's"
                + " archive/ folder); nothing was changed"
                + " / \(missing) из \(teachers) педагогов нет в указанных файлах (\(files)): хранилище не хранит исходных"
                + " идентификаторов, их нужно прочитать заново; укажите все загружавшиеся выгрузки (например, папку"
                + " archive/); ничего не изменено"
        }
    }
}
