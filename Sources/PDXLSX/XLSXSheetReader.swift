import Foundation
import PDCSV

/// Reads one sheet's rows as a stream, in the manner of `CSVReader`:
///
///     let reader = try workbook.openSheet(named: "Шаблон")
///     while try reader.next() {
///         let row = reader.row        // number (the spreadsheet row), values, kinds
///     }
///
/// Memory stays flat as the sheet grows: a helper thread inflates the sheet's part of the ZIP
/// archive 64 KiB at a time into a bounded channel; a second one runs Foundation's `XMLParser`
/// over those chunks (as an `InputStream`) and hands complete rows over, a few hundred at a time,
/// through another bounded channel. No DOM, no whole decompressed sheet, only the rows in flight.
///
/// Rows with no value at all are skipped, as are rows the writer left out: `row.number` says
/// where each row is. Stopping early is fine: `close()` (or releasing the reader) stops the threads.
public final class XLSXSheetReader {
    /// The sheet being read.
    public let sheet: XLSXSheetInfo
    /// The current row, after `next()` returned true.
    public private(set) var row = XLSXRow(number: 0, values: [], kinds: []) {
        didSet { cachedRecord = nil }
    }
    private var cachedRecord: CSVRecord?

    private let channel: Channel<RowBatch>
    private var batch: [XLSXRow] = []
    private var position = 0
    private var finished = false
    private let fileSize: Int
    private let sheetSize: Int64
    private var decompressedOffset: Int64 = 0

    init(sheet: XLSXSheetInfo, context: SheetContext, fileSize: Int) {
        self.sheet = sheet
        self.fileSize = fileSize
        let channel = Channel<RowBatch>(capacity: 8)
        self.channel = channel
        guard sheet.kind == .worksheet else {
            sheetSize = 0
            channel.finish(nil)
            return
        }
        sheetSize = (try? PackageArchive(path: context.path, limits: context.limits))
            .flatMap { $0.entry(sheet.part) }
            .map { Int64(clamping: $0.uncompressedSize) } ?? 0
        let part = sheet.part
        let parsing = Thread {
            let parser = SheetParser(context: context, output: channel)
            do throws(XLSXError) {
                try PackageArchive.parseStreaming(
                    path: context.path, part: part, limit: context.limits.maxSheetBytes, limits: context.limits,
                    delegate: parser, progress: { parser.decompressedOffset = $0 })
                parser.flush()
                channel.finish(nil)
            } catch {
                parser.flush()
                channel.finish(error)
            }
        }
        parsing.stackSize = 1 << 20
        parsing.start()
    }

    deinit {
        channel.cancel()
    }

    /// Advances to the next row that has a value. Returns false at the end of the sheet; after
    /// it returns false or throws, it keeps returning false.
    public func next() throws(XLSXError) -> Bool {
        if position < batch.count {
            row = batch[position]
            position += 1
            return true
        }
        guard !finished else { return false }
        do {
            guard let next = try channel.receive() else {
                finished = true
                decompressedOffset = sheetSize
                return false
            }
            batch = next.rows
            decompressedOffset = next.decompressedOffset
            row = batch[0]
            position = 1
            return true
        } catch {
            finished = true
            channel.cancel()
            throw error
        }
    }

    /// The current row as a `CSVRecord` (UTF-8, `line` = the spreadsheet row number), so
    /// that code written for `CSVReader` reads a sheet unchanged.
    public var record: CSVRecord {
        if let cachedRecord { return cachedRecord }
        let record = CSVRecord(fields: row.values, line: row.number, encoding: .utf8)
        cachedRecord = record
        return record
    }

    /// How much of the sheet has been read, from 0 to 1 (by its decompressed XML).
    public var fractionRead: Double {
        guard sheetSize > 0 else { return finished ? 1 : 0 }
        return min(1, Double(decompressedOffset) / Double(sheetSize))
    }

    /// Progress in bytes of the workbook file (`fractionRead` × the file's size), so that a
    /// progress display measured against the file's size works as it does for a CSV file.
    public var bytesRead: Int {
        Int(fractionRead * Double(fileSize))
    }

    /// Stops reading: the helper threads end and the file is closed. `next()` then returns false.
    public func close() {
        finished = true
        batch = []
        position = 0
        channel.cancel()
    }
}

extension XLSXSheetReader: RowSource {
    /// A sheet has no padding bytes: its cells are parsed from XML.
    public var trailingNULPadding: Int { 0 }
    /// The row after the current one.
    public var nextLine: Int { row.number + 1 }
}
