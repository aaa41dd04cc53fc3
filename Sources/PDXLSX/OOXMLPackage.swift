#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ZIPFoundation

/// An Office Open XML package (a DOCX, or any OOXML file) built in memory and written as a
/// ZIP archive: `[Content_Types].xml` first, then the parts in the order they were added,
/// deflated, each with the same fixed time stamp (so the same parts always make the same
/// bytes). `write(to:)` writes beside the target and renames onto it, so a reader never sees
/// half a document. Used by PDReport's DOCX writer; `XLSXWriter` streams its sheets instead.
public struct OOXMLPackage: Sendable {
    /// Part name (`word/document.xml`) → content, in the order added.
    public private(set) var parts: [(name: String, data: Data)] = []

    public init() {}

    /// Adds (or replaces) a part.
    public mutating func add(_ name: String, _ text: String) {
        add(name, Data(text.utf8))
    }

    public mutating func add(_ name: String, _ data: Data) {
        parts.removeAll { $0.name == name }
        parts.append((name, data))
    }

    /// The content of part `name`, or nil.
    public func part(_ name: String) -> Data? {
        parts.first { $0.name == name }?.data
    }

    /// Entries get a fixed time stamp (1 January 1980, noon), the ZIP format's first day.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800 + 43_200)

    /// Writes the archive and replaces `path` with it.
    /// - Throws: `XLSXError.writeFailed` when the file cannot be written.
    public func write(to path: String) throws(XLSXError) {
        let ordered = parts.sorted { ($0.name == "[Content_Types].xml" ? 0 : 1) < ($1.name == "[Content_Types].xml" ? 0 : 1) }
        try Self.writeAtomically(to: path) { archive in
            for (name, data) in ordered {
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
    }

    /// Writes a ZIP archive filled by `fill` to a temporary file beside `path`, then replaces
    /// `path` with it in one step (rename(2)): a reader never sees half a package, and a failure
    /// leaves `path` as it was. Errors become `XLSXError.writeFailed`.
    static func writeAtomically(to path: String, _ fill: (Archive) throws -> Void) throws(XLSXError) {
        let target = URL(fileURLWithPath: path)
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: partial)
        do {
            try fill(try Archive(url: partial, accessMode: .create))
            guard rename(partial.path, target.path) == 0 else {
                throw XLSXError.writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
        } catch let error as XLSXError {
            try? FileManager.default.removeItem(at: partial)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw .writeFailed(path: path, reason: "\(error)")
        }
    }

    /// Escapes text for XML element content or an attribute value (`& < > " '`); characters
    /// XML cannot carry (control characters but TAB and LF) are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
