#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One record (row) read by `CSVReader`: the unescaped bytes of all its fields back to back,
/// and where each field ends.
///
/// The reader reuses one record's storage for the next, so reading allocates nothing per field
/// or per record. A record is still a value: if you keep a copy past `next()`, the reader
/// notices and moves on to fresh storage, leaving your copy intact.
public struct CSVRecord: Sendable {
    /// 1-based physical line number where the record starts (blank lines and line breaks
    /// inside quoted fields are counted).
    public let line: Int
    /// The encoding `string(at:)` decodes from (UTF-8 for UTF-16 files, which the reader transcodes).
    public let encoding: CSVEncoding
    @usableFromInline let storage: RecordStorage
    /// The number of fields.
    public let count: Int

    init(storage: RecordStorage, count: Int, line: Int, encoding: CSVEncoding) {
        self.storage = storage
        self.count = count
        self.line = line
        self.encoding = encoding
    }

    /// Builds a record from decoded fields, for tests and callers that need one by hand.
    public init(fields: [String], line: Int = 1, encoding: CSVEncoding = .utf8) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for field in fields {
            switch encoding {
            case .utf8, .utf16LittleEndian, .utf16BigEndian: bytes.append(contentsOf: field.utf8)
            case .windows1251: CP1251.encode(field, into: &bytes)
            }
            ends.append(bytes.count)
        }
        let storage = RecordStorage(byteCapacity: bytes.count, fieldCapacity: ends.count)
        storage.bytes.initialize(from: bytes, count: bytes.count)
        storage.ends.initialize(from: ends, count: ends.count)
        self.init(storage: storage, count: ends.count, line: line, encoding: encoding.recordEncoding)
    }

    /// The byte range of field `index` in the storage.
    @inlinable @inline(__always)
    func range(at index: Int) -> Range<Int> {
        precondition(index >= 0 && index < count, "CSV field index \(index) out of range 0..<\(count)")
        return (index == 0 ? 0 : storage.ends[index - 1])..<storage.ends[index]
    }

    /// Whether field `index` is empty (zero bytes).
    @inlinable public func isEmpty(at index: Int) -> Bool {
        range(at: index).isEmpty
    }

    /// The byte length of field `index`.
    @inlinable public func byteCount(at index: Int) -> Int {
        range(at: index).count
    }

    /// Calls `body` with the raw, still-encoded bytes of field `index`. The buffer is valid
    /// only inside `body`.
    @inlinable public func withBytes<Value, Failure: Error>(
        at index: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let range = range(at: index)
        return try withExtendedLifetime(storage) { () throws(Failure) -> Value in
            try body(UnsafeRawBufferPointer(start: storage.bytes + range.lowerBound, count: range.count))
        }
    }

    /// The raw, still-encoded bytes of field `index`, copied. Allocates.
    public func bytes(at index: Int) -> [UInt8] {
        withBytes(at: index) { Array($0) }
    }

    /// Field `index` decoded to a String from the file's encoding. Allocates.
    public func string(at index: Int) -> String {
        withBytes(at: index) { field in
            if field.isEmpty { return "" }
            switch encoding {
            case .utf8, .utf16LittleEndian, .utf16BigEndian: return String(decoding: field, as: UTF8.self)
            case .windows1251: return CP1251.decode(field)
            }
        }
    }

    /// All fields decoded to Strings (for the header row, messages and tests). Allocates.
    public func strings() -> [String] {
        (0..<count).map { string(at: $0) }
    }

    /// Whether every field is empty or only whitespace (`UnicodeSpace`: spaces, tabs, NBSP, narrow
    /// NBSP …), like the `;;;;` rows Excel writes below a table. (Wholly empty lines never become
    /// records at all.) Stops at the first other byte, so a data row costs one comparison.
    public var isBlank: Bool {
        guard count > 0 else { return true }
        let total = storage.ends[count - 1]
        if encoding == .windows1251 {
            for offset in 0..<total where !UnicodeSpace.isSpace(windows1251: storage.bytes[offset]) { return false }
            return true
        }
        let bytes = UnsafeBufferPointer(start: storage.bytes, count: total)
        var offset = 0
        while offset < total {
            let length = UnicodeSpace.spaceLength(bytes, at: offset)
            if length == 0 { return false }
            offset += length
        }
        return true
    }

    /// The index of the first field holding a NUL byte (0x00), or nil. PostgreSQL cannot store NUL
    /// in text, so a loader rejects such a row rather than sending it. One `memchr` over the
    /// record's bytes: cheap enough for every row.
    public func firstFieldContainingNUL() -> Int? {
        guard count > 0 else { return nil }
        let total = storage.ends[count - 1]
        guard total > 0, let found = memchr(storage.bytes, 0, total) else { return nil }
        let offset = UnsafeRawPointer(found) - UnsafeRawPointer(storage.bytes)
        var field = 0
        while storage.ends[field] <= offset { field += 1 }
        return field
    }
}

/// Memory of one record: field bytes back to back and the end offset of each field.
/// Immutable once a `CSVRecord` shares it: the reader writes only while it holds the sole
/// reference, and otherwise switches to fresh storage.
@usableFromInline
final class RecordStorage: @unchecked Sendable {
    @usableFromInline let bytes: UnsafeMutablePointer<UInt8>
    @usableFromInline let ends: UnsafeMutablePointer<Int>
    let byteCapacity: Int
    let fieldCapacity: Int

    init(byteCapacity: Int, fieldCapacity: Int) {
        self.byteCapacity = max(byteCapacity, 1)
        self.fieldCapacity = max(fieldCapacity, 1)
        bytes = .allocate(capacity: self.byteCapacity)
        ends = .allocate(capacity: self.fieldCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }
}
