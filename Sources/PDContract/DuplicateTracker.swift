import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers natural keys already seen in one file, as 16-byte SHA-256 fingerprints of the
/// normalised key parts (never the strings), with the line each was first seen on, in memory
/// that does not grow with the file (issue 12, "peak memory independent of file size").
///
/// The newest `DuplicateTracker.runLength` keys (32 768) are held in a dictionary. When it is
/// full, its keys are sorted and written to an unlinked temporary file as one *run* of packed
/// 20-byte entries (fingerprint, line), and only a Bloom filter of the run stays in memory
/// (2²⁰ bits = 128 KiB a run, 32 bits a key, 8 probes: a false hit for about 1 key in 175 000).
/// A key missing from the dictionary is looked up in a run only when that run's filter holds
/// it: a binary search of the run with `pread` (15 reads, from the page cache). So a file of a
/// million rows keeps ~1.3 MB of dictionary and ~4 MB of filters where a dictionary of every key
/// took ~55 MB (a 100 000-row file: ~1.7 MB where it took ~8 MB), and the answers are exact (a
/// filter's false hit is settled by the run itself).
/// Lines are kept as 32-bit numbers (a line past 2 147 483 647 is clamped).
///
/// When no temporary file can be made (`tmpfile(3)` fails: no writable temporary folder), the
/// tracker keeps every key in memory as before. Copies of a tracker share the file but never
/// each other's runs: runs are written once, at offsets no other run uses.
public struct DuplicateTracker: Sendable {
    /// The first 16 bytes of the SHA-256 of a key.
    public struct Fingerprint: Hashable, Sendable {
        let high: UInt64
        let low: UInt64
    }

    /// Keys held in memory before they are written out as a run.
    public static let runLength = 32_768
    /// Bits of a run's Bloom filter (a power of two).
    static let filterBits = 1 << 20
    /// Probes of a run's Bloom filter.
    static let filterProbes = 8

    private var recent: [Fingerprint: Int32] = [:]
    private var runs: [Run] = []
    private var spillFile: SpillFile?
    private let limit: Int

    public init() { self.init(runLength: Self.runLength) }

    /// A tracker that writes a run every `runLength` keys (tests use small runs).
    public init(runLength: Int) {
        precondition(runLength > 0, "a run holds at least one key")
        limit = runLength
        recent.reserveCapacity(min(runLength, 1024))
    }

    /// Number of distinct keys remembered.
    public var count: Int { recent.count + runs.reduce(0) { $0 + $1.count } }

    /// Number of runs written to the temporary file so far.
    public var runsWritten: Int { runs.count }

    /// The fingerprint of a key made of `parts` (joined with a separator that cannot occur in them).
    public static func fingerprint(_ parts: [String]) -> Fingerprint {
        var joined: [UInt8] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count + 1 })
        for part in parts {
            joined.append(contentsOf: part.utf8)
            joined.append(0x1F)
        }
        return Fingerprint(digestOf: joined)
    }

    /// Builds key bytes in a buffer reused from row to row, then fingerprints them.
    public struct KeyBuilder: Sendable {
        private var bytes: [UInt8] = []

        public init() {}

        /// Appends a text part and a separator that cannot occur in text (0x1F).
        public mutating func append(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(0x1F)
        }

        /// Appends a number part as 8 fixed bytes.
        public mutating func append(_ number: Int) {
            withUnsafeBytes(of: UInt64(bitPattern: Int64(number)).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(0x1E)
        }

        /// Starts a key, lets `build` append its parts, and returns its fingerprint.
        public mutating func fingerprint(_ build: (inout KeyBuilder) -> Void) -> Fingerprint {
            bytes.removeAll(keepingCapacity: true)
            build(&self)
            return Fingerprint(digestOf: bytes)
        }
    }

    /// The line a key was first seen on, or `nil` when it is new.
    public func firstLine(of fingerprint: Fingerprint) -> Int? {
        if let line = recent[fingerprint] { return Int(line) }
        guard let spillFile else { return nil }
        for run in runs where run.mayHold(fingerprint) {
            if let line = spillFile.find(fingerprint, in: run) { return Int(line) }
        }
        return nil
    }

    /// Records a key as seen on `line` (keeps the earlier line if already seen).
    public mutating func insert(_ fingerprint: Fingerprint, line: Int) {
        _ = firstLineOrInsert(fingerprint, line: line)
    }

    /// The line a key was first seen on; when it is new, records it as seen on `line` and
    /// returns `nil`. One lookup for the validators' "seen before?" and "remember it".
    public mutating func firstLineOrInsert(_ fingerprint: Fingerprint, line: Int) -> Int? {
        if let first = firstLine(of: fingerprint) { return first }
        recent[fingerprint] = Int32(clamping: line)
        if recent.count >= limit { spill() }
        return nil
    }

    /// Writes the dictionary's keys as a sorted run and empties it (keeps them when the
    /// temporary file cannot be made or written).
    private mutating func spill() {
        if spillFile == nil { spillFile = SpillFile.make() }
        guard let spillFile else { return }
        var entries = recent.map { Entry(high: $0.key.high, low: $0.key.low, line: $0.value) }
        entries.sort { ($0.high, $0.low) < ($1.high, $1.low) }
        guard let offset = spillFile.append(entries) else { return }
        var run = Run(offset: offset, count: entries.count)
        for entry in entries { run.add(Fingerprint(high: entry.high, low: entry.low)) }
        runs.append(run)
        recent.removeAll(keepingCapacity: true)
    }

    /// One key as a run holds it.
    struct Entry {
        var high: UInt64
        var low: UInt64
        var line: Int32
        /// Bytes of an entry in the file: 8 + 8 + 4, packed.
        static let size = 20
    }

    /// A sorted run in the temporary file and its Bloom filter.
    struct Run: Sendable {
        let offset: Int64
        let count: Int
        private var filter: [UInt64]

        init(offset: Int64, count: Int) {
            self.offset = offset
            self.count = count
            filter = Array(repeating: 0, count: DuplicateTracker.filterBits / 64)
        }

        /// The filter's bit positions of a key: double hashing of the fingerprint's halves (a
        /// SHA-256 prefix: uniformly spread already).
        private static func probe(_ fingerprint: Fingerprint, _ index: Int) -> Int {
            let mask = UInt64(DuplicateTracker.filterBits - 1)
            return Int((fingerprint.low &+ UInt64(index) &* (fingerprint.high | 1)) & mask)
        }

        mutating func add(_ fingerprint: Fingerprint) {
            for index in 0..<DuplicateTracker.filterProbes {
                let bit = Self.probe(fingerprint, index)
                filter[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }

        func mayHold(_ fingerprint: Fingerprint) -> Bool {
            for index in 0..<DuplicateTracker.filterProbes {
                let bit = Self.probe(fingerprint, index)
                if filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            }
            return true
        }
    }
}

/// The tracker's unlinked temporary file (`tmpfile(3)`: removed by the system when it is
/// closed or the process ends). Runs are appended under a lock and never rewritten.
final class SpillFile: @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    private let descriptor: Int32
    private let lock = NSLock()
    private var end: Int64 = 0

    private init(file: UnsafeMutablePointer<FILE>) {
        self.file = file
        descriptor = fileno(file)
    }

    static func make() -> SpillFile? {
        guard let file = tmpfile() else { return nil }
        return SpillFile(file: file)
    }

    deinit { fclose(file) }

    /// Writes `entries` packed at the end of the file; their offset, or nil when the write fails.
    func append(_ entries: [DuplicateTracker.Entry]) -> Int64? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(entries.count * DuplicateTracker.Entry.size)
        for entry in entries {
            withUnsafeBytes(of: entry.high.bigEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.low.bigEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: entry.line.bigEndian) { bytes.append(contentsOf: $0) }
        }
        lock.lock()
        defer { lock.unlock() }
        let offset = end
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress! + written, raw.count - written, off_t(offset) + off_t(written))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return nil }
            written += result
        }
        end += Int64(bytes.count)
        return offset
    }

    /// The line of `fingerprint` in `run` (a binary search, one `pread` a step), or nil.
    func find(_ fingerprint: DuplicateTracker.Fingerprint, in run: DuplicateTracker.Run) -> Int32? {
        var lower = 0
        var upper = run.count
        var entry = [UInt8](repeating: 0, count: DuplicateTracker.Entry.size)
        while lower < upper {
            let middle = (lower + upper) / 2
            guard read(&entry, at: run.offset + Int64(middle * DuplicateTracker.Entry.size)) else { return nil }
            let high = Self.number(entry, 0)
            let low = Self.number(entry, 8)
            if (high, low) == (fingerprint.high, fingerprint.low) {
                return Int32(bitPattern: UInt32(Self.number(entry, 16, width: 4)))
            }
            if (high, low) < (fingerprint.high, fingerprint.low) { lower = middle + 1 } else { upper = middle }
        }
        return nil
    }

    private func read(_ buffer: inout [UInt8], at offset: Int64) -> Bool {
        var done = 0
        while done < buffer.count {
            let result = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return false }
            done += result
        }
        return true
    }

    private static func number(_ bytes: [UInt8], _ start: Int, width: Int = 8) -> UInt64 {
        var value: UInt64 = 0
        for index in start..<(start + width) { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}
