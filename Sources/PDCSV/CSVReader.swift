/// A streaming, byte-level RFC 4180 CSV reader with flat memory.
///
/// - Quoted fields may hold delimiters, CR, LF and doubled quotes (`""`).
/// - Records end with CRLF, LF or a lone CR; wholly empty lines are skipped.
/// - A leading UTF-8 BOM is skipped.
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
        CSVRecord(storage: storage, count: fieldCount, line: recordLine, encoding: format.encoding)
    }
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

/// Where the reader's bytes come from: a file or an in-memory array, copied into one chunk buffer.
final class ByteSource {
    let buffer: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private let file: POSIXFile?
    private let memory: [UInt8]
    private var memoryOffset = 0

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

    /// Reads up to `count` bytes into `destination`; 0 means end of input.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws(CSVError) -> Int {
        if let file {
            return try file.read(into: destination, count: count)
        }
        let taken = min(count, memory.count - memoryOffset)
        guard taken > 0 else { return 0 }
        memory.withUnsafeBufferPointer { all in
            destination.update(from: all.baseAddress! + memoryOffset, count: taken)
        }
        memoryOffset += taken
        return taken
    }
}
