#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PDCSV

/// `write(2)`, named apart from the methods called `write` below.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// Streams the records of one sample file to disk in chunks, so that files of millions of
/// rows never sit in memory. The file is written as `.<name>.part` and renamed into place
/// by `finish()`, so a reader polling the folder never sees half a file.
///
/// Clean files: UTF-8 without BOM, `,`, LF, quoting only where RFC 4180 needs it (`CSVWriter`).
/// Messy files: Windows-1251, `;`, CRLF, and Excel-style quoting: every non-empty text field
/// in quotes, quotes inside doubled.
final class SampleFileOutput {
    let path: String
    private let partPath: String
    private let messy: Bool
    /// Which columns hold text (quoted in messy files); numbers and dates are never quoted.
    private let textColumns: [Bool]
    private var descriptor: Int32
    private var cleanWriter = CSVWriter(delimiter: UInt8(ascii: ","), lineEnding: [10])
    private var messyBuffer: [UInt8] = []
    private(set) var bytesWritten = 0
    /// Data rows written (the header is not counted).
    private(set) var rows = 0

    static let chunkSize = 1 << 20

    init(directory: String, fileName: String, messy: Bool, textColumns: [Bool]) throws(SampleError) {
        path = directory + "/" + fileName
        partPath = directory + "/." + fileName + ".part"
        self.messy = messy
        self.textColumns = textColumns
        descriptor = open(partPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw .outputFailed(path: partPath, reason: SampleFileOutput.systemError())
        }
        messyBuffer.reserveCapacity(SampleFileOutput.chunkSize + 4096)
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(partPath)
        }
    }

    /// Writes the header row (never force-quoted).
    func writeHeader(_ names: [String]) throws(SampleError) {
        try write(names, forceQuotes: false)
    }

    /// Writes one data row; `fields.count` must equal the number of columns.
    func writeRow(_ fields: [String]) throws(SampleError) {
        precondition(fields.count == textColumns.count, "a sample row must have one field per column")
        try write(fields, forceQuotes: true)
        rows += 1
    }

    /// Flushes what is left, closes the file and renames it into place.
    func finish() throws(SampleError) {
        try flush()
        let result = close(descriptor)
        descriptor = -1
        guard result == 0 else {
            unlink(partPath)
            throw .outputFailed(path: path, reason: SampleFileOutput.systemError())
        }
        guard rename(partPath, path) == 0 else {
            let reason = SampleFileOutput.systemError()
            unlink(partPath)
            throw .outputFailed(path: path, reason: reason)
        }
    }

    private func write(_ fields: [String], forceQuotes: Bool) throws(SampleError) {
        if messy {
            SampleFileOutput.appendMessyRecord(fields, quoteText: forceQuotes ? textColumns : nil, to: &messyBuffer)
            if messyBuffer.count >= SampleFileOutput.chunkSize { try flush() }
        } else {
            cleanWriter.writeRecord(fields)
            if cleanWriter.bytes.count >= SampleFileOutput.chunkSize { try flush() }
        }
    }

    /// Appends one Windows-1251 record with `;` and CRLF. Fields marked in `quoteText` are quoted
    /// when non-empty; any field holding `;`, a quote or a line break is quoted regardless.
    static func appendMessyRecord(_ fields: [String], quoteText: [Bool]?, to buffer: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let delimiter = UInt8(ascii: ";")
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            let bytes = CP1251.encode(field)
            let needsQuotes = bytes.contains { $0 == delimiter || $0 == quote || $0 == 10 || $0 == 13 }
            let forced = !bytes.isEmpty && (quoteText?[index] ?? false)
            guard needsQuotes || forced else {
                buffer.append(contentsOf: bytes)
                continue
            }
            buffer.append(quote)
            for byte in bytes {
                if byte == quote { buffer.append(quote) }
                buffer.append(byte)
            }
            buffer.append(quote)
        }
        buffer.append(13)
        buffer.append(10)
    }

    private func flush() throws(SampleError) {
        let chunk = messy ? messyBuffer : cleanWriter.drain()
        if messy { messyBuffer.removeAll(keepingCapacity: true) }
        var offset = 0
        while offset < chunk.count {
            let written = chunk.withUnsafeBytes { raw in
                posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .outputFailed(path: path, reason: SampleFileOutput.systemError())
            }
            offset += written
        }
        bytesWritten += chunk.count
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
