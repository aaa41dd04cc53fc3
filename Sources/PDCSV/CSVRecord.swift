/// One record (row) read by `CSVReader`: the unescaped bytes of all its fields back to back,
/// and where each field ends.
///
/// The reader reuses one record's storage for the next, so reading allocates nothing per field.
/// A copy kept past `next()` stays correct (it is a value) but costs a copy of its buffers.
public struct CSVRecord: Sendable {
    /// 1-based physical line number where the record starts (blank lines and line breaks
    /// inside quoted fields are counted).
    public internal(set) var line: Int = 0
    /// The encoding `string(at:)` decodes from.
    public let encoding: CSVEncoding
    /// Unescaped field bytes, back to back.
    var bytes: [UInt8] = []
    /// `ends[i]` is the offset in `bytes` just past field `i`.
    var ends: [Int] = []

    init(encoding: CSVEncoding) {
        self.encoding = encoding
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(64)
    }

    /// Builds a record from decoded fields, for tests and callers that need one by hand.
    public init(fields: [String], line: Int = 1, encoding: CSVEncoding = .utf8) {
        self.encoding = encoding
        self.line = line
        for field in fields {
            switch encoding {
            case .utf8: bytes.append(contentsOf: field.utf8)
            case .windows1251: CP1251.encode(field, into: &bytes)
            }
            ends.append(bytes.count)
        }
    }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// The number of fields.
    public var count: Int { ends.count }

    /// The byte range of field `index` in `bytes`.
    @inline(__always)
    func range(at index: Int) -> Range<Int> {
        precondition(index >= 0 && index < ends.count, "CSV field index \(index) out of range 0..<\(ends.count)")
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Whether field `index` is empty (zero bytes).
    public func isEmpty(at index: Int) -> Bool {
        range(at: index).isEmpty
    }

    /// The byte length of field `index`.
    public func byteCount(at index: Int) -> Int {
        range(at: index).count
    }

    /// Whether every field is empty or only spaces and tabs, like the `;;;;` rows Excel writes
    /// below a table. (Wholly empty lines never become records at all.)
    public var isBlank: Bool {
        for byte in bytes where byte != 0x20 && byte != 9 { return false }
        return true
    }

    /// Calls `body` with the raw, still-encoded bytes of field `index`. The pointer is valid
    /// only inside `body`.
    public func withBytes<Value, Failure: Error>(
        at index: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let range = range(at: index)
        // Array.withUnsafeBytes only rethrows `any Error`: carry the typed result out by hand.
        let outcome: Result<Value, Failure> = bytes.withUnsafeBytes { all in
            do throws(Failure) {
                return .success(try body(UnsafeRawBufferPointer(rebasing: all[range])))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// The raw, still-encoded bytes of field `index` (a slice sharing the record's storage).
    public func bytes(at index: Int) -> ArraySlice<UInt8> {
        bytes[range(at: index)]
    }

    /// Field `index` decoded to a String from the file's encoding. Allocates.
    public func string(at index: Int) -> String {
        let range = range(at: index)
        if range.isEmpty { return "" }
        return bytes.withUnsafeBytes { all in
            let field = UnsafeRawBufferPointer(rebasing: all[range])
            switch encoding {
            case .utf8: return String(decoding: field, as: UTF8.self)
            case .windows1251: return CP1251.decode(field)
            }
        }
    }

    /// All fields decoded to Strings (for the header row, messages and tests). Allocates.
    public func strings() -> [String] {
        (0..<count).map { string(at: $0) }
    }
}
