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
/// The newest `DuplicateTracker.runLength` keys (8 192) are held in a dictionary. When it is
/// full, its keys are sorted and written to an unlinked temporary file as one *run* of packed
/// 20-byte entries (fingerprint, line), and added to one Bloom filter over every key written
/// out (`SpilledKeys`: 20 bits a key, 8 probes inside one 64-byte block, so a lookup touches one
/// cache line; a false hit for under 1 key in 2 000, as `ValidatorTests` holds it). A key missing from the dictionary is
/// looked up in the runs only when that filter holds it: a binary search of each run with
/// `pread` (15 reads a run, from the page cache), so only duplicates and the filter's rare false
/// hits pay for the file, and a new key costs one dictionary probe and one cache line however
/// many runs there are (a filter per run cost one probe per run: quadratic in the file's
/// length). The filter grows by half when the keys written out exceed its capacity (rebuilt from the
/// runs, read sequentially, after the old one is dropped). So a file of a million rows keeps
/// ~0.3 MB of dictionary and ~2.8 MB of filter (at most) where a dictionary of every key took ~55 MB (a
/// 100 000-row file: ~0.3 MB and 256 KiB where it took ~8 MB), and the answers are exact (a false hit is settled by the runs).
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
    public static let runLength = 8_192

    private var recent: [Fingerprint: Int32] = [:]
    private var runs: [Run] = []
    private var spilled = SpilledKeys(capacity: 4 * DuplicateTracker.runLength)
    /// Set when a run could not be read back to rebuild the filter: every run is searched.
    private var filterLost = false
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
        guard let spillFile, filterLost || spilled.mayHold(fingerprint) else { return nil }
        for run in runs {
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
        runs.append(Run(offset: offset, count: entries.count))
        let total = runs.reduce(0) { $0 + $1.count }
        if total > spilled.capacity {
            // Rebuild at 1.5 times the size from every run (the old filter is dropped first, so the
            // two never take memory at once); if a run cannot be read back, every run is
            // searched from then on (`filterLost`): slower, still exact.
            spilled = SpilledKeys(capacity: 0)
            var grown = SpilledKeys(capacity: total + total / 2)
            for run in runs {
                guard let keys = spillFile.entries(of: run) else { filterLost = true; break }
                for entry in keys { grown.add(Fingerprint(high: entry.high, low: entry.low)) }
            }
            spilled = grown
        } else {
            for entry in entries { spilled.add(Fingerprint(high: entry.high, low: entry.low)) }
        }
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

    /// A sorted run in the temporary file.
    struct Run: Sendable {
        let offset: Int64
        let count: Int
    }

    /// A blocked Bloom filter of the keys written out as runs: 512-bit blocks (one cache line),
    /// the block chosen by the fingerprint's high half, 8 bits in it from slices of the fingerprint
    /// (a SHA-256 prefix: uniformly spread already). 20 bits a key.
    struct SpilledKeys: Sendable {
        /// Keys it is sized for.
        let capacity: Int
        private var words: [UInt64]
        private let blocks: UInt64
        static let bitsPerKey = 20
        static let probes = 8

        init(capacity: Int) {
            let blocks = max(1, (capacity * Self.bitsPerKey + 511) / 512)
            self.capacity = capacity
            words = Array(repeating: 0, count: blocks * 8)
            self.blocks = UInt64(blocks)
        }

        /// The block of a key: the high half scaled to the block count (multiply, keep the high
        /// 64 bits), so the filter has exactly the blocks its capacity needs.
        @inline(__always)
        private func base(_ fingerprint: Fingerprint) -> Int {
            Int(fingerprint.high.multipliedFullWidth(by: blocks).high) << 3
        }

        /// The 8 bit positions of a key in its block: seven 9-bit slices of the low half and one of
        /// the high half's low bits (the block comes from its top bits): independent, where double
        /// hashing inside a block made false hits several times more frequent (measured).
        @inline(__always)
        private static func position(_ fingerprint: Fingerprint, _ index: Int) -> Int {
            index < 7 ? Int((fingerprint.low >> UInt64(9 * index)) & 511) : Int((fingerprint.high >> 8) & 511)
        }

        mutating func add(_ fingerprint: Fingerprint) {
            let base = base(fingerprint)
            for index in 0..<Self.probes {
                let inBlock = Self.position(fingerprint, index)
                words[base + (inBlock >> 6)] |= 1 << UInt64(inBlock & 63)
            }
        }

        func mayHold(_ fingerprint: Fingerprint) -> Bool {
            let base = base(fingerprint)
            for index in 0..<Self.probes {
                let inBlock = Self.position(fingerprint, index)
                if words[base + (inBlock >> 6)] & (1 << UInt64(inBlock & 63)) == 0 { return false }
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

    /// Every entry of `run`, read back in one `pread`s loop (the filter's rebuild), or nil.
    func entries(of run: DuplicateTracker.Run) -> [DuplicateTracker.Entry]? {
        var bytes = [UInt8](repeating: 0, count: run.count * DuplicateTracker.Entry.size)
        guard read(&bytes, at: run.offset) else { return nil }
        return (0..<run.count).map { Self.entry(bytes, at: $0 * DuplicateTracker.Entry.size) }
    }

    /// The line of `fingerprint` in `run` (a binary search, one `pread` a step), or nil.
    func find(_ fingerprint: DuplicateTracker.Fingerprint, in run: DuplicateTracker.Run) -> Int32? {
        var lower = 0
        var upper = run.count
        var entry = [UInt8](repeating: 0, count: DuplicateTracker.Entry.size)
        while lower < upper {
            let middle = (lower + upper) / 2
            guard read(&entry, at: run.offset + Int64(middle * DuplicateTracker.Entry.size)) else { return nil }
            let found = Self.entry(entry, at: 0)
            if (found.high, found.low) == (fingerprint.high, fingerprint.low) { return found.line }
            if (found.high, found.low) < (fingerprint.high, fingerprint.low) { lower = middle + 1 } else { upper = middle }
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

    /// The packed entry (as `append` writes it) that starts at `start` of `bytes`.
    private static func entry(_ bytes: [UInt8], at start: Int) -> DuplicateTracker.Entry {
        DuplicateTracker.Entry(
            high: number(bytes, start), low: number(bytes, start + 8),
            line: Int32(bitPattern: UInt32(number(bytes, start + 16, width: 4))))
    }

    private static func number(_ bytes: [UInt8], _ start: Int, width: Int = 8) -> UInt64 {
        var value: UInt64 = 0
        for index in start..<(start + width) { value = value << 8 | UInt64(bytes[index]) }
        return value
    }
}
