import Testing
@testable import PDCSV
import PDSample

@Suite struct UTF8ValidatorTests {
    /// Feeds `bytes` split at every possible pair of points and checks the verdict never changes.
    func verdictWithEverySplit(_ bytes: [UInt8]) -> Set<Bool> {
        var verdicts = Set<Bool>()
        for first in 0...bytes.count {
            for second in first...bytes.count {
                var validator = UTF8Validator()
                validator.feed(bytes[0..<first])
                validator.feed(bytes[first..<second])
                validator.feed(bytes[second...])
                verdicts.insert(validator.finish())
            }
        }
        return verdicts
    }

    @Test func validSequencesSplitAnywhere() {
        for text in ["", "ascii only", "Учебный год", "€ 3 bytes", "😀 4 bytes", "aЯ€😀b"] {
            #expect(verdictWithEverySplit(Array(text.utf8)) == [true], "\(text)")
        }
    }

    @Test func invalidSequencesSplitAnywhere() {
        let cases: [[UInt8]] = [
            [0x80],                   // lone continuation
            [0xC0, 0x80],             // overlong NUL
            [0xC1, 0xBF],             // overlong
            [0xE0, 0x80, 0x80],       // overlong 3-byte
            [0xED, 0xA0, 0x80],       // surrogate
            [0xF0, 0x80, 0x80, 0x80], // overlong 4-byte
            [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
            [0xF5, 0x80, 0x80, 0x80], // invalid lead
            [0xD0],                   // truncated at the end
            [0x61, 0xE2, 0x82],       // truncated 3-byte
            [0xD0, 0x41],             // missing continuation
            CP1251.encode("Код ОО"),
        ]
        for bytes in cases {
            #expect(verdictWithEverySplit(bytes) == [false], "\(bytes)")
        }
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var random = SampleRandom(seed: 1251)
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xD0, 0xDF,
                                 0xE0, 0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &random)
            var bytes = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
            if Bool.random(using: &random) {
                bytes = Array(repeating: 0x61, count: Int.random(in: 0...17, using: &random)) + bytes
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            var validator = UTF8Validator()
            var start = 0
            while start < bytes.count {
                let size = Int.random(in: 1...5, using: &random)
                validator.feed(bytes[start..<min(start + size, bytes.count)])
                start += size
            }
            #expect(validator.finish() == expected, "\(bytes)")
        }
    }

    @Test func staysInvalidOnceInvalid() {
        var validator = UTF8Validator()
        validator.feed([0xFF])
        validator.feed(Array("valid".utf8))
        #expect(!validator.isValid)
        #expect(!validator.finish())
    }
}

@Suite struct FormatDetectionTests {
    func delimiter(_ text: String) -> String {
        let byte = Array(text.utf8).withUnsafeBytes { CSVFormat.detectDelimiter(in: $0) }
        return String(UnicodeScalar(byte))
    }

    @Test func mostFrequentDelimiterOfTheHeaderWins() {
        #expect(delimiter("a;b;c\n1,2,3,4,5,6\n") == ";")
        #expect(delimiter("a,b,c;d\n") == ",")
        #expect(delimiter("a\tb\tc,d;e\n") == "\t")
        #expect(delimiter("Объём, часов;Код ОО;ФИО\r\n") == ";")
    }

    @Test func tiesPreferSemicolonThenCommaThenTab() {
        #expect(delimiter("a;b,c\n") == ";")
        #expect(delimiter("a,b;c\n") == ";")
        #expect(delimiter("a\tb,c\n") == ",")
        #expect(delimiter("a\tb;c,d\n") == ";")
    }

    @Test func noDelimiterMeansComma() {
        #expect(delimiter("single\n1;2;3\n") == ",")
        #expect(delimiter("") == ",")
    }

    @Test func delimitersInsideQuotesDoNotCount() {
        #expect(delimiter("\"a;b;c;d\",x,y\n") == ",")
        #expect(delimiter("\"a,\"\"b\"\",c\nd,e,f\";x;y\n") == ";")
        #expect(delimiter("ab\"c;d\"e;f,g\n") == ";") // a quote inside a field is literal
    }

    @Test func bomAndLeadingBlankLinesAreSkipped() {
        #expect(delimiter("\u{FEFF}\r\n\r\na;b\n") == ";")
    }

    @Test func encodingFromBytes() {
        #expect(CSVFormat.detect(bytes: Array("a,b\n".utf8)) == CSVFormat(encoding: .utf8, delimiter: 0x2C, hadBOM: false))
        #expect(CSVFormat.detect(bytes: Array("код;имя\n".utf8)).encoding == .utf8)
        #expect(CSVFormat.detect(bytes: CP1251.encode("код;имя\n")) == CSVFormat(encoding: .windows1251, delimiter: 0x3B))
        // A BOM means UTF-8 even when invalid bytes follow.
        #expect(CSVFormat.detect(bytes: CSVFormat.utf8BOM + CP1251.encode("код\tимя\n"))
                == CSVFormat(encoding: .utf8, delimiter: 9, hadBOM: true))
        #expect(CSVFormat.detect(bytes: []) == CSVFormat())
    }

    @Test func encodingFromPrefixAndValidatorVerdict() {
        let bytes = Array("a;b\n".utf8)
        let format = bytes.withUnsafeBytes { CSVFormat.detect(prefix: $0, isValidUTF8: false) }
        #expect(format == CSVFormat(encoding: .windows1251, delimiter: 0x3B))
    }

    @Test func fileDetectionWithTinyChunksAndALateCP1251Line() throws {
        // UTF-8 Cyrillic for a while, so multi-byte sequences straddle chunk boundaries...
        let utf8 = Array("Учебный год;Код ОО\r\n".utf8) + Array(String(repeating: "2021-2022;Школа №1\r\n", count: 50).utf8)
        // ...then one CP1251 line near the end: the file stays UTF-8 (that line is the loader's
        // to reject), while a file of CP1251 lines is CP1251.
        let mixed = utf8 + CP1251.encode("2021-2022;Ёлка\r\n")
        let windows1251 = CP1251.encode("Учебный год;Код ОО\r\n" + String(repeating: "2021-2022;Школа №1\r\n", count: 50))
        let utf8File = try TemporaryFile(utf8)
        let mixedFile = try TemporaryFile(mixed)
        let windows1251File = try TemporaryFile(windows1251)
        defer { utf8File.remove(); mixedFile.remove(); windows1251File.remove() }
        for chunkSize in [1, 2, 3, 7, 1 << 20] {
            #expect(try CSVFormat.detect(path: utf8File.path, chunkSize: chunkSize)
                    == CSVFormat(encoding: .utf8, delimiter: 0x3B, hadBOM: false))
            #expect(try CSVFormat.detect(path: mixedFile.path, chunkSize: chunkSize)
                    == CSVFormat(encoding: .utf8, delimiter: 0x3B, hadBOM: false))
            #expect(try CSVFormat.detect(path: windows1251File.path, chunkSize: chunkSize)
                    == CSVFormat(encoding: .windows1251, delimiter: 0x3B, hadBOM: false))
        }
        #expect(try CSVFormat.detect(path: mixedFile.path).encoding == .utf8)
        #expect(throws: CSVError.self) { try CSVFormat.detect(path: "/nonexistent/x.csv") }
    }

    @Test func descriptions() {
        #expect(CSVFormat(encoding: .windows1251, delimiter: 0x3B).description == "Windows-1251, ';'")
        #expect(CSVFormat(encoding: .utf8, delimiter: 9, hadBOM: true).description == "UTF-8, tab, BOM")
    }
}
