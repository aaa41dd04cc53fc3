import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PDCSV
import PDContract
import PDPostgres
import PDXLSX

/// `pdmon etl run --inbox DIR`: the nightly cron entry.
///
/// Loads every file of the inbox (directory files first, since the others refer to their
/// schools; otherwise in name order), then moves each to `archive/<date>/` when loaded or
/// skipped, or to `rejected/<date>/` with a `<name>.errors.csv` beside it when refused.
/// A file that failed for a database reason stays in the inbox for the next run.
public struct InboxRun {
    public struct FileResult: Sendable {
        public var fileName: String
        public var outcome: LoadOutcome?
        /// Set when the file could not be processed (I/O or database failure).
        public var failure: String?
        /// Where the file went, relative to the inbox.
        public var movedTo: String?
        /// Set for an inbox entry that is not a regular file: never opened, left where it is.
        public var leftInPlace: String?

        public var summaryLine: String {
            if let leftInPlace {
                return "\(fileName) NOT LOADED, left in the inbox / НЕ ЗАГРУЖЕН, оставлен в папке: \(leftInPlace)"
            }
            var line = outcome?.summaryLine ?? "\(fileName) FAILED / ОШИБКА: \(failure ?? "")"
            if let movedTo { line += " → \(movedTo)" }
            return line
        }
    }

    public let inbox: URL
    public let template: LoadRequest
    public let loader: Loader
    public let date: Date

    /// The mart refresh after the files is the caller's (`Warehouse.runInbox`).
    public init(inbox: URL, template: LoadRequest, loader: Loader, date: Date = Date()) {
        self.inbox = inbox
        self.template = template
        self.loader = loader
        self.date = date
    }

    /// What the inbox holds: the regular files the run will take, and the other entries it
    /// reports and never opens (a symbolic link, a FIFO — opening one would wait forever for a
    /// writer —, a device, a socket). Folders (`archive/`, `rejected/`), hidden names, reject
    /// reports and names of files still being written (`.part`, `.tmp`, Excel's `~$` lock files)
    /// are passed over silently and left for the next run.
    public func entries() throws -> (files: [URL], irregular: [(name: String, reason: String)]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox.path)
        } catch {
            throw WarehouseError.fileUnreadable(path: inbox.path, reason: error.localizedDescription)
        }
        var files: [URL] = []
        var irregular: [(name: String, reason: String)] = []
        for name in names.sorted() {
            guard !name.hasPrefix("."), !name.hasPrefix("~$"), !name.hasSuffix(".errors.csv"), !name.hasSuffix(".part"),
                  !name.hasSuffix(".tmp")
            else { continue }
            let url = inbox.appendingPathComponent(name)
            switch Self.entryType(url.path) {
            case .regular: files.append(url)
            case .directory, .missing: continue
            case .other(let reason): irregular.append((name, reason))
            }
        }
        return (files, irregular)
    }

    /// The files the run will take, in the order it takes them.
    public func pendingFiles() throws -> [URL] {
        let files = try entries().files
        let directories = files.filter { Self.peekKind($0, mapping: template.mapping) == .schools }
        let directorySet = Set(directories)
        return directories + files.filter { !directorySet.contains($0) }
    }

    /// Runs the inbox. Throws only when the run cannot go on (lock held, database gone).
    public func run(each: (FileResult) -> Void = { _ in }) throws -> [FileResult] {
        try loader.open()
        var results: [FileResult] = []
        for entry in try entries().irregular {
            let result = FileResult(fileName: entry.name, leftInPlace: entry.reason)
            results.append(result)
            each(result)
        }
        let pending = try pendingFiles()
        // Each file's state as listed: one that differs when it is read is still being written.
        let listed = Dictionary(uniqueKeysWithValues: pending.compactMap { file in
            FileState.of(file.path).map { (file.path, $0) }
        })
        for (index, file) in pending.enumerated() {
            if index > 0, let connection = loader.connectionForTestPause { TestPause.reach(.betweenFiles, connection) }
            var request = template
            request.path = file.path
            request.kind = nil
            request.listedState = listed[file.path]
            var result = FileResult(fileName: file.lastPathComponent)
            do {
                let outcome = try loader.load(request)
                result.outcome = outcome
                result.movedTo = try move(file, outcome: outcome)
            } catch let error as FileChangedWhileRead {
                result.leftInPlace = error.description
            } catch let error as PostgresError {
                result.failure = error.description
                results.append(result)
                each(result)
                throw error
            } catch let error as Interrupted {
                // SIGINT/SIGTERM: the batch was rolled back; this file and the rest stay in the inbox.
                result.failure = error.description
                results.append(result)
                each(result)
                throw error
            } catch {
                result.failure = String(describing: error)
            }
            results.append(result)
            each(result)
        }
        return results
    }

    private func move(_ file: URL, outcome: LoadOutcome) throws -> String? {
        let folder: String
        switch outcome.status {
        case .loaded, .skipped: folder = "archive"
        case .refused: folder = "rejected"
        case .validated: return nil
        }
        let day = Self.dayFormatter.string(from: date)
        let target = inbox.appendingPathComponent(folder).appendingPathComponent(day)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            let destination = Self.freeName(for: file.lastPathComponent, in: target)
            try manager.moveItem(at: file, to: destination)
            if !outcome.rejects.isEmpty {
                try RejectReport.write(outcome.rejects, to: URL(fileURLWithPath: destination.path + ".errors.csv"))
            }
            return "\(folder)/\(day)/\(destination.lastPathComponent)"
        } catch let error as WarehouseError {
            throw error
        } catch {
            throw WarehouseError.fileUnreadable(path: file.path, reason: "cannot move: \(error.localizedDescription)")
        }
    }

    enum EntryType: Equatable {
        case regular, directory, missing
        case other(reason: String)
    }

    /// The type of an inbox entry itself (`lstat`: a symbolic link is not followed).
    static func entryType(_ path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFLNK: return .other(reason: "a symbolic link, not a file: copy the file itself into the inbox / символическая ссылка, а не файл: положите в папку сам файл")
        case S_IFIFO: return .other(reason: "a named pipe (FIFO), not a file / именованный канал (FIFO), а не файл")
        case S_IFSOCK: return .other(reason: "a socket, not a file / сокет, а не файл")
        default: return .other(reason: "a device, not a file / устройство, а не файл")
        }
    }

    private static func freeName(for name: String, in folder: URL) -> URL {
        var candidate = folder.appendingPathComponent(name)
        var counter = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = folder.appendingPathComponent("\(counter)-\(name)")
            counter += 1
        }
        return candidate
    }

    /// The kind of a file from its header, or nil when it cannot be told (the load will say why).
    /// This decides the order of the run, and the load that follows reads the whole file anyway:
    /// only the first 64 KiB of a CSV file are read (the header may lie below a title), and
    /// of a workbook the leading rows of its visible sheets.
    static func peekKind(_ file: URL, mapping: ContractMapping) -> ExportKind? {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return nil }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: CSVFormat.prefixLength) else { return nil }
        let bytes = Array(prefix)
        if FileContainer(prefix: bytes) != .text {
            guard let workbook = try? XLSXWorkbook(path: file.path) else { return nil }
            for sheet in workbook.sheets where sheet.isVisibleWorksheet {
                guard let reader = try? workbook.openSheet(sheet) else { continue }
                defer { reader.close() }
                if let located = try? HeaderLocator.locate(in: reader, kind: nil, mapping: mapping) {
                    return located.header.kind
                }
            }
            return nil
        }
        // Whole lines only: a character cut at the end of the prefix would read as another encoding.
        let lines = bytes.count < CSVFormat.prefixLength ? bytes : Array(bytes[..<(bytes.lastIndex(of: 10) ?? bytes.count)])
        let format = CSVFormat.detect(bytes: lines)
        let located = try? HeaderLocator.locate(format: format, kind: nil, mapping: mapping) {
            try CSVReader(bytes: lines, format: $0)
        }
        return located?.header.kind
    }

    private static let dayFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }()
}
