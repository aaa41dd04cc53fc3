import Crypto
import Foundation

/// Replaces teacher identifiers by keyed pseudonyms: HMAC-SHA256 of the normalised identifier
/// under a secret key, as 64 lower-case hex digits. The same key always gives the same
/// pseudonym, so loads of different years join on it; without the key it cannot be reversed
/// by trying all SNILS numbers.
///
/// The HMAC is computed from SHA-256 states primed once with the key's inner and outer pads
/// (RFC 2104), so each pseudonym costs two short hashes and no key set-up.
/// `@unchecked Sendable`: the stored hasher states are immutable value copies.
public struct Pseudonymizer: @unchecked Sendable {
    /// The environment variable that holds the key.
    public static let environmentVariable = "PDMON_PSEUDONYM_KEY"
    /// The shortest accepted key, in bytes.
    public static let minimumKeyLength = 16

    /// SHA-256 after absorbing key ⊕ ipad, and after absorbing key ⊕ opad.
    private let innerPrimed: SHA256
    private let outerPrimed: SHA256
    /// True only for `demo`: callers must log loudly when they use it.
    public let isDemo: Bool

    /// A pseudonymiser under `key` (its UTF-8 bytes). Throws when the key is shorter than
    /// `minimumKeyLength` bytes.
    public init(key: String) throws(PseudonymKeyError) {
        try self.init(keyBytes: Array(key.utf8))
    }

    /// A pseudonymiser under raw key bytes.
    public init<Bytes: Collection>(keyBytes: Bytes) throws(PseudonymKeyError) where Bytes.Element == UInt8 {
        guard keyBytes.count >= Self.minimumKeyLength else {
            throw .tooShort(source: "key", length: keyBytes.count)
        }
        (innerPrimed, outerPrimed) = Self.prime(Array(keyBytes))
        self.isDemo = false
    }

    private init(demoKey: [UInt8]) {
        (innerPrimed, outerPrimed) = Self.prime(demoKey)
        self.isDemo = true
    }

    /// RFC 2104: a key longer than the 64-byte block is hashed first, then zero-padded.
    private static func prime(_ keyBytes: [UInt8]) -> (SHA256, SHA256) {
        var block = keyBytes.count > 64 ? Array(SHA256.hash(data: keyBytes)) : keyBytes
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(data: block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(data: block.map { $0 ^ 0x5C })
        return (inner, outer)
    }

    /// A fixed, public key for `pdmon sample` and the demo only. Pseudonyms made with it
    /// protect nothing: whoever uses it must say so loudly in the log.
    public static let demo = Pseudonymizer(demoKey: Array("pdmon-demo-key-NOT-FOR-REAL-DATA".utf8))

    /// The key from `--pseudonym-key-file` when given, else from `PDMON_PSEUDONYM_KEY`.
    /// Both are read the same way: trimmed of surrounding spaces, tabs and line breaks (a key
    /// file's trailing newline, a variable set from such a file).
    /// Throws a bilingual error when there is no usable key.
    public static func load(
        keyFile: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PseudonymKeyError) -> Pseudonymizer {
        if let keyFile {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: keyFile))
            } catch {
                throw .unreadableKeyFile(path: keyFile, reason: (error as NSError).localizedDescription)
            }
            let bytes = trimmedKey(Array(data))
            guard !bytes.isEmpty else { throw .emptyKeyFile(path: keyFile) }
            guard bytes.count >= minimumKeyLength else { throw .tooShort(source: keyFile, length: bytes.count) }
            return try Pseudonymizer(keyBytes: bytes)
        }
        let bytes = trimmedKey(Array((environment[environmentVariable] ?? "").utf8))
        guard !bytes.isEmpty else { throw .missing }
        guard bytes.count >= minimumKeyLength else { throw .tooShort(source: environmentVariable, length: bytes.count) }
        return try Pseudonymizer(keyBytes: bytes)
    }

    /// A key without the spaces, tabs and line breaks around it.
    private static func trimmedKey(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return []
        }
        return bytes[first...last]
    }

    /// Identifies the key without revealing it: the HMAC of a fixed label under the key
    /// (64 hex digits). The warehouse stores it (`dw.pseudonym_key`) and refuses a load under
    /// another key, which would make every teacher a new one.
    public var keyFingerprint: String { pseudonym(ofNormalised: "pdmon:pseudonym-key-fingerprint:v1") }

    /// Normalises an identifier before hashing: trimmed, spaces (incl. NBSP) and dashes
    /// (`-`, `‐`, `‑`, `–`, `—`) dropped, upper-cased. `"123-456-789 01"` → `"12345678901"`.
    public static func normalise(_ raw: String) -> String {
        var result = String.UnicodeScalarView()
        var changed = false
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212:
                changed = true
            case 0x61...0x7A:
                result.append(Unicode.Scalar(scalar.value - 0x20)!)
                changed = true
            case 0x00...0x7F where !TextFold.isSpace(scalar):
                result.append(scalar)
            default:
                if TextFold.isSpace(scalar) {
                    changed = true
                } else {
                    result.append(contentsOf: scalar.properties.uppercaseMapping.unicodeScalars)
                    changed = true
                }
            }
        }
        return changed ? String(result) : raw
    }

    /// The pseudonym of a raw identifier (normalised first), or `nil` when nothing is left
    /// after normalising.
    public func pseudonym(forTeacherID raw: String) -> String? {
        let normalised = Self.normalise(raw)
        guard !normalised.isEmpty else { return nil }
        return pseudonym(ofNormalised: normalised)
    }

    /// The pseudonym of an already normalised identifier.
    public func pseudonym(ofNormalised normalised: String) -> String {
        var inner = innerPrimed
        var utf8 = normalised
        utf8.withUTF8 { inner.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        var outer = outerPrimed
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return Self.hex(outer.finalize())
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Why no pseudonymisation key is available. Descriptions never contain the key.
public enum PseudonymKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing
    case unreadableKeyFile(path: String, reason: String)
    case emptyKeyFile(path: String)
    case tooShort(source: String, length: Int)

    public var description: String {
        switch self {
        case .missing:
            return "Не задан ключ псевдонимизации: идентификаторы педагогов без него не загружаются. Задайте переменную окружения PDMON_PSEUDONYM_KEY или укажите --pseudonym-key-file ФАЙЛ (не короче \(Pseudonymizer.minimumKeyLength) байт; храните ключ в секрете и не меняйте его между загрузками). / No pseudonymisation key: teacher identifiers cannot be loaded without one. Set PDMON_PSEUDONYM_KEY or pass --pseudonym-key-file FILE (at least \(Pseudonymizer.minimumKeyLength) bytes; keep it secret and the same across loads)."
        case let .unreadableKeyFile(path, reason):
            return "Файл ключа псевдонимизации \(path) не читается: \(reason). / Cannot read the pseudonymisation key file \(path): \(reason)."
        case let .emptyKeyFile(path):
            return "Файл ключа псевдонимизации \(path) пуст. Запишите в него секретный ключ. / The pseudonymisation key file \(path) is empty; write a secret key into it."
        case let .tooShort(source, length):
            return "Ключ псевдонимизации из \(source) слишком короткий (\(length) байт, нужно не меньше \(Pseudonymizer.minimumKeyLength)). / The pseudonymisation key from \(source) is too short (\(length) bytes; at least \(Pseudonymizer.minimumKeyLength) required)."
        }
    }
}
