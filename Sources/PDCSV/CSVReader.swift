/// A streaming, byte-level RFC 4180 CSV reader with flat memory.
///
/// - Quoted fields may hold delimiters, CR, LF and doubled quotes (`""`).
/// - Records end with CRLF, LF or a lone CR; wholly empty lines are skipped.
/// - A leading UTF-8 BOM is skipped. UTF-16 files (`CSVEncoding.utf16LittleEndian`/`BigEndian`)
///   are transcoded to UTF-8 as they are read, so their records hold UTF-8.
/// - NUL bytes at the very end of the input (a file padded by a copy tool) are not read:
///   `trailingNULPadding` says how many there were. NUL bytes anywhere else stay in the fields
///   (see `CSVRecord.firstFieldContainingNUL()`).
/// - Lenient like Excel: a quote inside an unquoted field is literal (`ab"c`), and text after
///   a closing quote is kept (`"ab"c` reads as `abc`).
/// - A quote left open at the end of the file throws `CSVError.unterminatedQuote` with the
///   line where that field started.
///
/// The file is read in 1 MiB chunks; the current record lives in one reusable buffer, so
/// reading allocates nothing per field or per record:
///
///     var reader = try CSVReader(path: path)          // format detected
///     while try reader.next() {
///         let record = reader.record
///         let code = record.string(at: 0)
///     }
///
/// Not meant to be copied: copies share the open file.
public struct CSVReader {
    /// The encoding and delimiter in use (detected unless given).
    public let format: CSVFormat
    /// The current record, after `next()` returned true.
    public var record: CSVRecord {
        CSVRecord(storage: storage, count: fieldCount, line: recordLine, encoding: recordEncoding)
    }
    /// The number of NUL bytes at the end of the input that were left unread as padding.
    public let trailingNULPadding: Int
    private let recordEncoding: CSVEncoding
    /// The file path, or nil for in-memory input (used in error messages).
    public let path: String?

    private let source: ByteSource
    private let chunk: UnsafeMutablePointer<UInt8>
    private let chunkSize: Int
    private let maxRecordBytes: Int
    /// The valid bytes of the chunk are `chunk[position..<end]`.
    private var position = 0
    private var end = 0
    /// Bytes of the input before the current chunk.
    private var chunkOffset = 0
    private var atEndOfInput = false
    private var state = ParserState()
    /// The record being built: `storage.bytes[0..<byteCount]`, `storage.ends[0..<fieldCount]`.
    private var storage: RecordStorage
    private var byteCount = 0
    private var fieldCount = 0
    private var recordLine = 0

    /// The default limit on one record's size; past it the reader throws `recordTooLarge`.
    public static let defaultMaxRecordBytes = 16 << 20

    /// Opens the CSV file at `path`. With `format` nil, detects it first (`CSVFormat.detect(path:)`,
    /// an extra pass over the file); pass a format when you already know it.
    public init(path: String, format: CSVFormat? = nil) throws(CSVError) {
        try self.init(path: path, format: format, chunkSize: 1 << 20)
    }

    /// Reads CSV held in memory. With `format` nil, detects it.
    public init(bytes: [UInt8], format: CSVFormat? = nil) throws(CSVError) {
        try self.init(bytes: bytes, format: format, chunkSize: 1 << 20)
    }

    init(path: String, format: CSVFormat?, chunkSize: Int,
         maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws(CSVError) {
        let resolved: CSVFormat
        if let format { resolved = format } else { resolved = try CSVFormat.detect(path: path) }
        try self.init(source: ByteSource(file: POSIXFile(path: path), capacity: max(chunkSize, 3)),
                      path: path, format: resolved, chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    init(bytes: [UInt8], format: CSVFormat?, chunkSize: Int,
         maxRecordBytes: Int = CSVReader.defaultMaxRecordBytes) throws(CSVError) {
        try self.init(source: ByteSource(memory: bytes, capacity: max(chunkSize, 3)),
                      path: nil, format: format ?? CSVFormat.detect(bytes: bytes),
                      chunkSize: chunkSize, maxRecordBytes: maxRecordBytes)
    }

    private init(source: ByteSource, path: String?, format: CSVFormat, chunkSize: Int,
                 maxRecordBytes: Int) throws(CSVError) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.source = source
        self.chunk = source.buffer
        self.chunkSize = chunkSize
        self.maxRecordBytes = maxRecordBytes
        self.path = path
        self.format = format
        self.recordEncoding = format.encoding.recordEncoding
        trailingNULPadding = try source.leaveTrailingNULsUnread(codeUnit: format.encoding.isUTF16 ? 2 : 1)
        if format.encoding.isUTF16 { source.transcodeUTF16(bigEndian: format.encoding == .utf16BigEndian) }
        // Capacity never exceeds the limit, so only growing needs to check it.
        self.storage = RecordStorage(byteCapacity: min(4096, maxRecordBytes), fieldCapacity: 64)
        // Prime the chunk with at least three bytes so a BOM is seen whole whatever the chunk size.
        while end < 3 {
            let count = try source.read(into: chunk + end, count: min(chunkSize, source.capacity - end))
            if count == 0 { atEndOfInput = true; break }
            end += count
        }
        if end >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF {
            position = 3
        }
    }

    /// The physical line the next byte is on (after the last record: where trailing padding starts).
    public var nextLine: Int { state.line }

    /// Bytes of the input consumed so far, BOM included (for progress display).
    public var bytesRead: Int { chunkOffset + position }

    /// Advances to the next record, skipping empty lines. Returns false at the end of the input.
    /// After it returns false or throws, it keeps returning false.
    public mutating func next() throws(CSVError) -> Bool {
        if !isKnownUniquelyReferenced(&storage) {
            // The caller kept the previous record: leave it alone.
            storage = RecordStorage(byteCapacity: storage.byteCapacity, fieldCapacity: storage.fieldCapacity)
        }
        byteCount = 0
        fieldCount = 0
        while true {
            if position == end {
                if !atEndOfInput { try refill() }
                if position == end { return try finishInput() }
            }
            if try parse() { return true }
        }
    }

    private mutating func refill() throws(CSVError) {
        chunkOffset += end
        position = 0
        end = try source.read(into: chunk, count: chunkSize)
        if end == 0 { atEndOfInput = true }
    }

    /// End of input: completes a record in progress, or fails on an open quote.
    private mutating func finishInput() throws(CSVError) -> Bool {
        switch state.mode {
        case .recordStart, .afterCR:
            return false
        case .fieldStart, .unquoted, .afterClosingQuote:
            endField()
            recordLine = state.recordLine
            state.mode = .recordStart
            return true
        case .quoted:
            state.mode = .recordStart
            throw .unterminatedQuote(file: path, line: state.fieldLine)
        }
    }

    /// Consumes bytes of the current chunk until a record is complete (true) or the chunk is used up.
    private mutating func parse() throws(CSVError) -> Bool {
        let bytes = chunk
        let end = self.end
        let delimiter = format.delimiter
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10
        var index = position
        defer { position = index }

        while index < end {
            switch state.mode {
            case .afterCR:
                // The LF of a CRLF that ended the previous line, if it is there.
                if bytes[index] == lf { index += 1 }
                state.mode = .recordStart

            case .recordStart:
                let byte = bytes[index]
                if byte == lf {
                    state.line += 1
                    index += 1
                } else if byte == cr {
                    state.line += 1
                    index += 1
                    state.mode = .afterCR
                } else {
                    state.recordLine = state.line
                    state.mode = .fieldStart
                }

            case .fieldStart:
                let byte = bytes[index]
                if byte == quote {
                    state.fieldLine = state.line
                    state.lastQuotedWasCR = false
                    state.mode = .quoted
                    index += 1
                } else if byte == delimiter {
                    endField()
                    index += 1
                } else if byte == lf || byte == cr {
                    index += 1
                    return endRecord(lineBreak: byte)
                } else {
                    state.mode = .unquoted
                }

            case .unquoted:
                let start = index
                while index < end {
                    let byte = bytes[index]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    index += 1
                }
                try append(bytes + start, count: index - start)
                if index == end { return false }
                let byte = bytes[index]
                index += 1
                if byte == delimiter {
                    endField()
                    state.mode = .fieldStart
                } else {
                    return endRecord(lineBreak: byte)
                }

            case .quoted:
                let start = index
                while index < end {
                    let byte = bytes[index]
                    if byte == quote || byte == lf || byte == cr { break }
                    index += 1
                }
                if index > start {
                    try append(bytes + start, count: index - start)
                    state.lastQuotedWasCR = false
                }
                if index == end { return false }
                let byte = bytes[index]
                index += 1
                if byte == quote {
                    state.mode = .afterClosingQuote
                } else {
                    // A line break inside the field: kept, and counted (CRLF once).
                    if byte == cr || !state.lastQuotedWasCR { state.line += 1 }
                    state.lastQuotedWasCR = byte == cr
                    try append(bytes + index - 1, count: 1)
                }

            case .afterClosingQuote:
                let byte = bytes[index]
                if byte == quote {
                    // A doubled quote: one literal quote, still inside the field.
                    try append(bytes + index, count: 1)
                    state.lastQuotedWasCR = false
                    state.mode = .quoted
                    index += 1
                } else if byte == delimiter {
                    endField()
                    state.mode = .fieldStart
                    index += 1
                } else if byte == lf || byte == cr {
                    index += 1
                    return endRecord(lineBreak: byte)
                } else {
                    // Lenient: text after the closing quote is kept as is.
                    state.mode = .unquoted
                }
            }
        }
        return false
    }

    /// Closes the last field and the record after a CR or LF that has been consumed.
    @inline(__always)
    private mutating func endRecord(lineBreak: UInt8) -> Bool {
        endField()
        recordLine = state.recordLine
        state.line += 1
        state.mode = lineBreak == 13 ? .afterCR : .recordStart
        return true
    }

    @inline(__always)
    private mutating func append(_ start: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) {
        guard count > 0 else { return }
        if byteCount + count > storage.byteCapacity {
            if byteCount + count > maxRecordBytes {
                state.mode = .recordStart
                atEndOfInput = true
                position = end
                throw .recordTooLarge(file: path, line: state.recordLine, limit: maxRecordBytes)
            }
            let grown = RecordStorage(byteCapacity: min(max(storage.byteCapacity * 2, byteCount + count), maxRecordBytes),
                                      fieldCapacity: storage.fieldCapacity)
            grown.bytes.update(from: storage.bytes, count: byteCount)
            grown.ends.update(from: storage.ends, count: fieldCount)
            storage = grown
        }
        (storage.bytes + byteCount).update(from: start, count: count)
        byteCount += count
    }

    @inline(__always)
    private mutating func endField() {
        if fieldCount == storage.fieldCapacity {
            let grown = RecordStorage(byteCapacity: storage.byteCapacity, fieldCapacity: storage.fieldCapacity * 2)
            grown.bytes.update(from: storage.bytes, count: byteCount)
            grown.ends.update(from: storage.ends, count: fieldCount)
            storage = grown
        }
        storage.ends[fieldCount] = byteCount
        fieldCount += 1
    }
}

/// The parser's position in the grammar, kept in one struct so the hot loop mutates it in place.
struct ParserState {
    enum Mode {
        /// Before a record: empty lines are skipped here.
        case recordStart
        /// After a CR that ended a line: an LF right after it belongs to the same line break.
        case afterCR
        /// At the start of a field, after a delimiter or at the start of a record.
        case fieldStart
        /// Inside a field that did not start with a quote.
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: a second quote, a delimiter or a line end follows.
        case afterClosingQuote
    }

    var mode = Mode.recordStart
    /// The physical line of the next byte.
    var line = 1
    /// The line where the record in progress started.
    var recordLine = 1
    /// The line where the quoted field in progress started.
    var fieldLine = 1
    /// Whether the last byte inside the quoted field was a CR (so a following LF is the same line break).
    var lastQuotedWasCR = false
}

/// Where the reader's bytes come from: a file or an in-memory array, copied into one chunk buffer;
/// for UTF-16 input, transcoded to UTF-8 on the way.
final class ByteSource {
    let buffer: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private let file: POSIXFile?
    private let memory: [UInt8]
    private var memoryOffset = 0
    /// Input bytes still to be read before the trailing NUL padding, when that is known.
    private var remaining: Int?
    private var utf16: UTF16Input?

    init(file: POSIXFile, capacity: Int) {
        self.file = file
        self.memory = []
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
    }

    init(memory: [UInt8], capacity: Int) {
        self.file = nil
        self.memory = memory
        self.capacity = capacity
        self.buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Finds the run of NUL bytes that ends the input and stops reading before it. With 2-byte
    /// code units (UTF-16) the content keeps an even length (a little-endian `0A 00` keeps its
    /// zero). Call before the first read. Returns the number of bytes left unread.
    func leaveTrailingNULsUnread(codeUnit: Int) throws(CSVError) -> Int {
        let size: Int
        var zeros = 0
        if let file {
            guard let known = file.size(), known > 0 else { return 0 }
            size = known
            let block = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
            defer { block.deallocate() }
            var end = size
            scan: while end > 0 {
                let start = max(0, end - block.count)
                let count = try file.read(at: start, into: block.baseAddress!, count: end - start)
                guard count == end - start else { return 0 } // changed under us: read it all as it is
                for index in stride(from: count - 1, through: 0, by: -1) {
                    if block[index] != 0 { break scan }
                    zeros += 1
                }
                end = start
            }
        } else {
            size = memory.count
            var index = size - 1
            while index >= 0 && memory[index] == 0 { zeros += 1; index -= 1 }
        }
        var content = size - zeros
        if codeUnit == 2 && content % 2 == 1 { content += 1 }
        guard content < size else { return 0 }
        remaining = content
        return size - content
    }

    /// From now on, `read` returns the input transcoded from UTF-16 to UTF-8.
    func transcodeUTF16(bigEndian: Bool) {
        utf16 = UTF16Input(bigEndian: bigEndian, rawCapacity: max(2, (capacity / 3) * 2))
    }

    /// Reads up to `count` bytes into `destination`; 0 means end of input.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        guard let utf16 else { return try readInput(into: destination, count: count) }
        while utf16.isDrained {
            if utf16.isFinished { return 0 }
            let count = try readInput(into: utf16.raw.baseAddress!, count: utf16.raw.count)
            utf16.decode(count)
        }
        return utf16.take(into: destination, count: count)
    }

    /// Reads the input's own bytes (not transcoded), stopping before the trailing NUL padding.
    private func readInput(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        var count = count
        if let remaining {
            count = min(count, remaining)
            if count == 0 { return 0 }
        }
        let taken: Int
        if let file {
            taken = try file.read(into: destination, count: count)
        } else {
            taken = min(count, memory.count - memoryOffset)
            guard taken > 0 else { return 0 }
            memory.withUnsafeBufferPointer { all in
                destination.update(from: all.baseAddress! + memoryOffset, count: taken)
            }
            memoryOffset += taken
        }
        if let remaining { self.remaining = remaining - taken }
        return taken
    }
}

/// The transcoding stage of a UTF-16 input: raw chunks in, UTF-8 out in whatever sizes are asked.
private final class UTF16Input {
    let raw: UnsafeMutableBufferPointer<UInt8>
    private var transcoder: UTF16Transcoder
    private var decoded: [UInt8] = []
    private var start = 0
    private(set) var isFinished = false

    init(bigEndian: Bool, rawCapacity: Int) {
        raw = .allocate(capacity: rawCapacity)
        transcoder = UTF16Transcoder(bigEndian: bigEndian)
        decoded.reserveCapacity(rawCapacity * 3 / 2 + 8)
    }

    deinit { raw.deallocate() }

    var isDrained: Bool { start == decoded.count }

    /// Transcodes the first `count` bytes of `raw`; 0 means the input ended.
    func decode(_ count: Int) {
        decoded.removeAll(keepingCapacity: true)
        start = 0
        if count == 0 {
            transcoder.finish(into: &decoded)
            isFinished = true
        } else {
            transcoder.transcode(UnsafeRawBufferPointer(start: raw.baseAddress, count: count), into: &decoded)
        }
    }

    func take(into destination: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let taken = min(count, decoded.count - start)
        decoded.withUnsafeBufferPointer { all in destination.update(from: all.baseAddress! + start, count: taken) }
        start += taken
        return taken
    }
}
