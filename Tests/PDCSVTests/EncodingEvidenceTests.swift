import Testing
@testable import PDCSV
import PDSample

/// Encodings are diagnosed line by line, not guessed for the whole file (issue 9 §4,
/// docs/exports.md §1): a UTF-8 export with a few lines pasted from a Windows-1251 one stays UTF-8.
@Suite struct EncodingEvidenceTests {
    static let header = "Учебный год;Код ОО;СНИЛС;ФИО;Наименование программы;Дата начала;Дата окончания\r\n"
    static func row(_ number: Int) -> String {
        "2023-2024;S01;123-456-789 \(number % 100 < 10 ? "0" : "")\(number % 100);Иванова Мария;Курс «Цифровая школа» № \(number);02.10.2023;20.10.2023\r\n"
    }

    /// A UTF-8 export of `rows` rows whose rows `pasted` are Windows-1251.
    static func mixed(rows: Int, pasted: Set<Int>) -> [UInt8] {
        var bytes = Array(header.utf8)
        for number in 1...rows {
            bytes += pasted.contains(number) ? CP1251.encode(row(number)) : Array(row(number).utf8)
        }
        return bytes
    }

    /// The evidence of `bytes` fed in chunks of `size`.
    static func evidence(_ bytes: [UInt8], chunk size: Int) -> UTF8Validator.LineEvidence {
        var validator = UTF8Validator()
        var start = 0
        while start < bytes.count {
            validator.feed(bytes[start..<min(start + size, bytes.count)])
            start += size
        }
        return validator.evidence
    }

    /// The reference: each line (split at LF) validated on its own by the standard library.
    static func reference(_ bytes: [UInt8]) -> UTF8Validator.LineEvidence {
        var multibyte = 0, invalid = 0
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if String(validating: line, as: UTF8.self) == nil {
                invalid += 1
            } else if line.contains(where: { $0 >= 0x80 }) {
                multibyte += 1
            }
        }
        return UTF8Validator.LineEvidence(linesWithMultibyte: multibyte, linesWithInvalidBytes: invalid)
    }

    @Test func aUTF8ExportWithAFewPastedLinesCountsThemAtEveryChunkSize() {
        let bytes = Self.mixed(rows: 40, pasted: [7, 8, 31])
        for size in [1, 2, 3, 5, 7, 8, 9, 64, 1 << 20] {
            let evidence = Self.evidence(bytes, chunk: size)
            #expect(evidence == UTF8Validator.LineEvidence(linesWithMultibyte: 38, linesWithInvalidBytes: 3), "chunk \(size)")
            #expect(evidence.readsAsUTF8 && !evidence.isValid)
        }
        #expect(CSVFormat.detect(bytes: bytes) == CSVFormat(encoding: .utf8, delimiter: UInt8(ascii: ";")))
    }

    @Test func aGenuineWindows1251ExportHasNoLineOfMultibyteUTF8() {
        // Cyrillic in Windows-1251 is letters C0–FF back to back: never a UTF-8 sequence, even
        // beside « » № — which are bytes 80–BF, UTF-8's continuation bytes.
        let bytes = CP1251.encode(Self.header + (1...200).map(Self.row).joined())
        let evidence = Self.evidence(bytes, chunk: 4096)
        #expect(evidence == UTF8Validator.LineEvidence(linesWithMultibyte: 0, linesWithInvalidBytes: 201))
        #expect(!evidence.readsAsUTF8)
        #expect(CSVFormat.detect(bytes: bytes).encoding == .windows1251)
    }

    @Test func theRule() {
        func reads(_ multibyte: Int, _ invalid: Int) -> Bool {
            UTF8Validator.LineEvidence(linesWithMultibyte: multibyte, linesWithInvalidBytes: invalid).readsAsUTF8
        }
        #expect(reads(0, 0))          // ASCII
        #expect(reads(5, 0))          // valid UTF-8
        #expect(reads(100, 3))        // a few pasted lines
        #expect(reads(3, 3))          // a tie: UTF-8 rejects what it cannot read, loudly
        #expect(!reads(3, 4))         // mostly Windows-1251
        #expect(!reads(0, 1))         // no multi-byte UTF-8 at all
    }

    @Test func evidenceAgreesWithTheStandardLibraryLineByLineOnRandomBytes() {
        var random = SampleRandom(seed: 866)
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0D, 0x41, 0x3B, 0x80, 0x9F, 0xA0, 0xAB, 0xBF, 0xC0, 0xC2, 0xCA, 0xD0,
                                 0xD1, 0xDF, 0xE0, 0xE4, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                if Bool.random(using: &random) {
                    bytes += Array(repeating: 0x61, count: Int.random(in: 0...19, using: &random))
                }
                if Bool.random(using: &random) {
                    bytes += Array(["ЯЁ€😀", "д", "№ «»"].randomElement(using: &random)!.utf8)
                }
                bytes += (0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            }
            let size = Int.random(in: 1...9, using: &random)
            let evidence = Self.evidence(bytes, chunk: size)
            #expect(evidence == Self.reference(bytes), "\(bytes) chunk \(size)")
            var validator = UTF8Validator()
            validator.feed(bytes)
            #expect(validator.finish() == evidence.isValid, "\(bytes)")
        }
    }

    @Test func fileDetectionReadsEveryLine() throws {
        let mixed = try TemporaryFile(Self.mixed(rows: 30, pasted: [29]))
        let windows1251 = try TemporaryFile(CP1251.encode(Self.header + Self.row(1)))
        defer { mixed.remove(); windows1251.remove() }
        for size in [1, 3, 7, 1 << 20] {
            #expect(try CSVFormat.detect(path: mixed.path, chunkSize: size).encoding == .utf8, "chunk \(size)")
            #expect(try CSVFormat.detect(path: windows1251.path, chunkSize: size).encoding == .windows1251, "chunk \(size)")
        }
    }

    @Test func aRecordWithBytesThatAreNotUTF8IsFoundAndShownPrintable() throws {
        let bytes = Self.mixed(rows: 3, pasted: [2])
        var reader = try CSVReader(bytes: bytes)
        #expect(reader.format.encoding == .utf8)
        var found: [Int: Int] = [:]
        while try reader.next() {
            if let field = reader.record.firstFieldWithInvalidUTF8() { found[reader.record.line] = field }
        }
        #expect(found == [3: 3])   // line 3 (the second row), column 4 (ФИО)
        var again = try CSVReader(bytes: bytes)
        _ = try again.next(); _ = try again.next(); _ = try again.next()
        #expect(again.record.printableString(at: 3) == #"\xC8\xE2\xE0\xED\xEE\xE2\xE0 \xCC\xE0\xF0\xE8\xFF"#)
        #expect(again.record.printableString(at: 0) == "2023-2024")
        // Valid UTF-8 around invalid bytes stays text.
        #expect(CSVRecord(fields: []).firstFieldWithInvalidUTF8() == nil)
        let text: [UInt8] = Array("Курс ".utf8) + [0xAB, 0xD0] + Array(" ок".utf8)
        #expect(text.withUnsafeBytes { CSVRecord.printable($0) } == #"Курс \xAB\xD0 ок"#)
    }

    @Test func aWindows1251RecordIsNeverCheckedAsUTF8() throws {
        let bytes = CP1251.encode(Self.header + Self.row(1))
        var reader = try CSVReader(bytes: bytes)
        #expect(try reader.next())
        #expect(reader.record.firstFieldWithInvalidUTF8() == nil)
    }
}
