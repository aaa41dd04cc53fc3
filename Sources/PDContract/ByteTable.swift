/// A small hash table keyed by a string's UTF-8 bytes, for per-row caches (raw cell → code).
///
/// Swift's `String` hashing normalises non-ASCII text (NFC) on every lookup, which dominated
/// the cost of Cyrillic cells; this table hashes and compares raw bytes instead. Byte-identical
/// cells are what repeat in an export, so that is all a cache needs. It holds at most
/// `limit` entries; once full it stops remembering (lookups still work).
struct ByteTable<Value> {
    private var slots: [Int32]
    private var keys: [[UInt8]] = []
    private var values: [Value] = []
    private let mask: Int
    let limit: Int

    init(limit: Int = 1024) {
        self.limit = limit
        var capacity = 16
        while capacity < limit * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    var count: Int { keys.count }

    func value(for text: String) -> Value? {
        var text = text
        return text.withUTF8 { bytes in
            guard let slot = find(bytes) else { return nil }
            return values[Int(slots[slot]) - 1]
        }
    }

    mutating func insert(_ value: Value, for text: String) {
        guard keys.count < limit else { return }
        var text = text
        let key = text.withUTF8 { Array($0) }
        var slot = Self.hash(key.withUnsafeBufferPointer { $0 }) & mask
        while slots[slot] != 0 {
            if keys[Int(slots[slot]) - 1] == key { return }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        values.append(value)
        slots[slot] = Int32(keys.count)
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Self.hash(bytes) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if Self.equal(keys[entry - 1], bytes) { return slot }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func equal(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == bytes.count else { return false }
        return key.withUnsafeBufferPointer { stored in
            for index in 0..<stored.count where stored[index] != bytes[index] { return false }
            return true
        }
    }

    /// FNV-1a, 64 bit.
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
