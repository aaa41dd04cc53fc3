import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The ZIP container of a workbook (an OPC package): finds its parts and decompresses them
/// under the caps of `XLSXLimits`, counting the bytes as they come out of the inflater.
///
/// Not for concurrent use: a thread that streams a part opens an archive of its own.
final class PackageArchive {
    let path: String
    let limits: XLSXLimits
    private let archive: Archive

    /// Decompressed chunks handed from the inflater to the XML parser at a time (each up to 64 KiB).
    static let chunkSize = 64 << 10
    static let chunksInFlight = 4

    init(path: String, limits: XLSXLimits) throws(XLSXError) {
        self.path = path
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .corrupt(path: path, part: nil, reason: "не читается оглавление ZIP-архива (\(error)) / "
                           + "the ZIP archive's directory cannot be read (\(error))")
        }
    }

    /// The entry of a part (a path inside the archive, without a leading `/`). OPC part names
    /// are case-insensitive, so an exact match is tried first, then any case.
    func entry(_ part: String) -> Entry? {
        Self.entry(part, in: archive)
    }

    static func entry(_ part: String, in archive: Archive) -> Entry? {
        if let exact = archive[part], exact.type == .file { return exact }
        let folded = part.lowercased()
        return archive.first { $0.type == .file && $0.path.lowercased() == folded }
    }

    /// The whole decompressed content of a small part, or nil when the archive has no such part.
    func read(_ part: String, limit: Int64? = nil) throws(XLSXError) -> Data? {
        guard let entry = entry(part) else { return nil }
        var data = Data()
        try Self.extract(entry, part: part, from: archive, path: path, limit: limit ?? limits.maxPartBytes,
                         limits: limits) { chunk in
            data.append(chunk)
            return true
        }
        return data
    }

    /// Parses a small part as XML with `delegate` (the part is read whole first: it is capped at
    /// `limits.maxPartBytes`). Returns false when the archive has no such part.
    func parse(_ part: String, delegate: some PartDelegate) throws(XLSXError) -> Bool {
        guard let data = try read(part) else { return false }
        var prolog = PrologCheck()
        data.withUnsafeBytes { prolog.feed($0) }
        if let failure = prolog.failure(path: path, part: part) { throw failure }
        // Fed in chunks even so (a whole Data in one go is what fails on Linux for large inputs).
        let parser = XMLParser(stream: InputStream(data: data))
        try Self.run(parser, delegate: delegate, part: part, path: path, streamFailure: { nil })
        return true
    }

    /// Decompresses `entry` chunk by chunk into `consume` (which returns false to stop early),
    /// refusing it as soon as it passes `limit` bytes or the compression-ratio cap.
    static func extract(
        _ entry: Entry, part: String, from archive: Archive, path: String, limit: Int64, limits: XLSXLimits,
        consume: (Data) -> Bool
    ) throws(XLSXError) {
        if entry.uncompressedSize > UInt64(limit) {
            throw .partTooLarge(path: path, part: part, limit: limit)
        }
        let compressed = max(Int64(clamping: entry.compressedSize), 1)
        var produced: Int64 = 0
        do {
            _ = try archive.extract(entry, bufferSize: chunkSize, skipCRC32: false) { chunk in
                produced += Int64(chunk.count)
                if produced > limit {
                    throw Stop(error: .partTooLarge(path: path, part: part, limit: limit))
                }
                if produced > limits.ratioGraceBytes && produced / compressed > Int64(limits.maxCompressionRatio) {
                    throw Stop(error: .compressionRatioTooHigh(path: path, part: part, limit: limits.maxCompressionRatio))
                }
                if !chunk.isEmpty && !consume(chunk) { throw Stop(error: nil) }
            }
        } catch let stop as Stop {
            if let error = stop.error { throw error }
        } catch {
            throw .corrupt(path: path, part: part, reason: describe(error))
        }
    }

    /// Parses a part of any size as a stream: a helper thread decompresses it into a bounded
    /// channel, and `delegate` receives the XML events on the calling thread as the chunks arrive.
    /// Neither the compressed nor the decompressed part is ever held whole.
    static func parseStreaming(
        path: String, part: String, limit: Int64, limits: XLSXLimits, delegate: some PartDelegate,
        progress: ((Int64) -> Void)? = nil
    ) throws(XLSXError) {
        let chunks = Channel<Data>(capacity: chunksInFlight)
        let pump = Thread {
            do throws(XLSXError) {
                let archive: Archive
                do {
                    archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
                } catch {
                    throw .corrupt(path: path, part: nil, reason: "не читается оглавление ZIP-архива (\(error)) / "
                                   + "the ZIP archive's directory cannot be read (\(error))")
                }
                guard let entry = PackageArchive.entry(part, in: archive) else {
                    throw .corrupt(path: path, part: part, reason: "части нет в архиве / the part is missing")
                }
                try PackageArchive.extract(entry, part: part, from: archive, path: path, limit: limit,
                                           limits: limits) { chunk in chunks.send(chunk) }
                chunks.finish(nil)
            } catch {
                chunks.finish(error)
            }
        }
        pump.stackSize = 1 << 20
        pump.start()
        defer { chunks.cancel() }
        let stream = ChunkInputStream(chunks, path: path, part: part, progress: progress)
        let parser = XMLParser(stream: stream)
        try run(parser, delegate: delegate, part: part, path: path, streamFailure: { stream.failure })
    }

    /// Runs `parser` to its end and turns what stopped it into an `XLSXError`: the stream's
    /// failure (a cap, a broken archive), the delegate's own reason, or malformed XML.
    private static func run(
        _ parser: XMLParser, delegate: some PartDelegate, part: String, path: String,
        streamFailure: () -> XLSXError?
    ) throws(XLSXError) {
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        delegate.activeParser = parser
        delegate.path = path
        delegate.part = part
        parser.delegate = delegate
        let succeeded = withExtendedLifetime(delegate) { parser.parse() }
        parser.delegate = nil
        delegate.activeParser = nil
        if let failure = streamFailure() { throw failure }
        if let failure = delegate.failure { throw failure }
        if delegate.stopped { return }
        if !succeeded {
            let reason = parser.parserError.map { String(describing: $0) } ?? "unknown"
            throw .corrupt(path: path, part: part, reason: "не XML: \(reason), строка \(parser.lineNumber) / "
                           + "not well-formed XML: \(reason), line \(parser.lineNumber)")
        }
    }

    private static func describe(_ error: Error) -> String {
        if let archiveError = error as? Archive.ArchiveError {
            switch archiveError {
            case .invalidCRC32:
                return "контрольная сумма не совпадает / the checksum does not match"
            case .invalidCompressionMethod:
                return "неизвестный метод сжатия / an unknown compression method"
            default:
                return "ошибка ZIP-архива (\(archiveError)) / a ZIP archive error (\(archiveError))"
            }
        }
        return "сжатые данные испорчены (\(error)) / the compressed data is broken (\(error))"
    }

    /// Thrown from inside ZIPFoundation's consumer to stop an extraction.
    private struct Stop: Error {
        let error: XLSXError?
    }
}

/// A delegate of one part's XML parse that may stop it early with a reason.
class PartDelegate: NSObject, XMLParserDelegate {
    /// The parser being run (set by `PackageArchive` for the duration of the parse).
    weak var activeParser: XMLParser?
    /// The workbook's path and the part being parsed, for messages.
    var path = ""
    var part = ""
    /// Why the delegate aborted the parse, when it did so because of a problem.
    private(set) var failure: XLSXError?
    /// Whether the delegate aborted the parse because it had what it needed (or its consumer left).
    private(set) var stopped = false

    func fail(_ error: XLSXError) {
        if failure == nil { failure = error }
        activeParser?.abortParsing()
    }

    func stop() {
        stopped = true
        activeParser?.abortParsing()
    }

    // The events the parts' parsers use: overridden by subclasses. (XMLParserDelegate is not an
    // Objective-C protocol on Linux: a method a subclass adds would never be called.)

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {}

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {}

    func parser(_ parser: XMLParser, foundCharacters string: String) {}

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {}
}

/// Element names without a namespace prefix (`x:c` → `c`): some writers prefix every element.
@inline(__always)
func localName(_ name: String) -> String {
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
    return String(name[name.index(after: colon)...])
}

/// The value of attribute `name` whatever its prefix (`r:id`, `id`).
func attribute(_ name: String, in attributes: [String: String]) -> String? {
    if let value = attributes[name] { return value }
    for (key, value) in attributes where localName(key) == name { return value }
    return nil
}

/// An `InputStream` over the decompressed chunks of a part, for `XMLParser(stream:)`: the
/// parser pulls, the inflater on the other thread pushes, the channel between them is bounded.
final class ChunkInputStream: InputStream {
    private let chunks: Channel<Data>
    private var current = Data()
    private var offset = 0
    private var ended = false
    private let progress: ((Int64) -> Void)?
    private var delivered: Int64 = 0
    private var prolog = PrologCheck()
    private let path: String
    private let part: String
    /// Why the stream ended early (a cap, a broken archive, a DTD), read after the parse.
    private(set) var failure: XLSXError?

    init(_ chunks: Channel<Data>, path: String, part: String, progress: ((Int64) -> Void)?) {
        self.chunks = chunks
        self.path = path
        self.part = part
        self.progress = progress
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { !ended }
    override var streamStatus: Stream.Status { ended ? .atEnd : .open }
    override var streamError: Error? { failure }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        while offset == current.count {
            if ended { return failure == nil ? 0 : -1 }
            do {
                guard let next = try chunks.receive() else {
                    ended = true
                    return 0
                }
                current = next
                offset = 0
            } catch {
                failure = error
                ended = true
                return -1
            }
        }
        let count = min(length, current.count - offset)
        current.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: count)
        }
        if prolog.verdict == .undecided {
            prolog.feed(UnsafeRawBufferPointer(start: buffer, count: count))
            if let refusal = prolog.failure(path: path, part: part) {
                failure = refusal
                ended = true
                return -1
            }
        }
        offset += count
        delivered += Int64(count)
        progress?(delivered)
        return count
    }

    override func getBuffer(_ buffer: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                            length len: UnsafeMutablePointer<Int>) -> Bool {
        false
    }
}

/// Looks at a part's prolog (what comes before its root element) as the bytes stream by and
/// refuses a document type declaration: OOXML has none, and a DTD's entities are how an XML
/// bomb expands a few bytes into gigabytes. libxml2 caps entity expansion too; this refuses
/// such a part outright, with a message that says so.
struct PrologCheck {
    enum Verdict: Equatable {
        /// Still in the prolog.
        case undecided
        /// The root element started without a DTD.
        case clean
        /// A `<!DOCTYPE` (or another `<!` declaration) came first.
        case doctype
        /// More than `maxProlog` bytes before the root element.
        case tooLong
    }

    static let maxProlog = 64 << 10
    private var prolog: [UInt8] = []
    /// Where the scan of `prolog` goes on: always at a `<` or in text between markup.
    private var index = 0
    private(set) var verdict = Verdict.undecided

    /// Takes the next bytes of the part (only while undecided: the scan stops at the root element).
    /// Comments and processing instructions are skipped whole, whatever they contain.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard verdict == .undecided else { return }
        prolog.append(contentsOf: bytes.prefix(Self.maxProlog + 16 - prolog.count))
        while index < prolog.count {
            guard prolog[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            guard index + 1 < prolog.count else { break }
            if prolog[index + 1] == UInt8(ascii: "?") {
                guard let end = find("?>", from: index + 2) else { break }
                index = end
            } else if prolog[index + 1] == UInt8(ascii: "!") {
                guard index + 4 <= prolog.count else { break }
                if prolog[(index + 2)..<(index + 4)].elementsEqual("--".utf8) {
                    guard let end = find("-->", from: index + 4) else { break }
                    index = end
                } else {
                    // `<!DOCTYPE`, or anything else markup-declaration-like: no place in a part's prolog.
                    verdict = .doctype
                    return
                }
            } else {
                verdict = .clean
                prolog = []
                return
            }
        }
        if prolog.count > Self.maxProlog { verdict = .tooLong }
    }

    /// The index just past the first `marker` at or after `start`, or nil.
    private func find(_ marker: String, from start: Int) -> Int? {
        let pattern = Array(marker.utf8)
        var position = start
        while position + pattern.count <= prolog.count {
            if prolog[position..<(position + pattern.count)].elementsEqual(pattern) { return position + pattern.count }
            position += 1
        }
        return nil
    }

    /// The refusal for a verdict that refuses, as an `XLSXError`.
    func failure(path: String, part: String) -> XLSXError? {
        switch verdict {
        case .undecided, .clean: return nil
        case .doctype:
            return .corrupt(path: path, part: part, reason: "XML с объявлением типа документа (DTD), которого в книгах Excel "
                            + "не бывает / XML with a document type declaration (DTD), which Excel workbooks never have")
        case .tooLong:
            return .corrupt(path: path, part: part, reason: "больше \(Self.maxProlog >> 10) КиБ до корневого элемента XML / "
                            + "more than \(Self.maxProlog >> 10) KiB before the XML root element")
        }
    }
}
