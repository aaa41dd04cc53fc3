import Foundation
import PDCSV
import Testing
@testable import PDSample

/// The evidence behind the encoding rule (docs/exports.md §1, `UTF8Validator.LineEvidence`), on
/// the sample city's realistic exports: a Windows-1251 export has no line of multi-byte UTF-8 at
/// all, and a UTF-8 export with lines pasted from a Windows-1251 one still reads as UTF-8.
@Suite struct EncodingEvidenceOnSampleTests {
    static func evidence(_ bytes: [UInt8]) -> UTF8Validator.LineEvidence {
        var validator = UTF8Validator()
        validator.feed(bytes)
        return validator.evidence
    }

    @Test func windows1251ExportsHaveNoLineOfMultibyteUTF8AndUTF8ExportsNoInvalidLine() throws {
        var options = smallCity
        let clean = try WrittenCity(options)
        options.messy = true
        let messy = try WrittenCity(options)
        defer { clean.remove(); messy.remove() }
        for name in try messy.fileNames() where name.hasSuffix(".csv") {
            let evidence = Self.evidence(try messy.bytes(name))
            #expect(evidence.linesWithMultibyte == 0 && evidence.linesWithInvalidBytes > 0, "\(name): \(evidence)")
            #expect(!evidence.readsAsUTF8, "\(name)")
        }
        for name in try clean.fileNames() where name.hasSuffix(".csv") {
            let evidence = Self.evidence(try clean.bytes(name))
            #expect(evidence.isValid && evidence.readsAsUTF8, "\(name): \(evidence)")
        }
    }

    @Test func aUTF8ExportWithLinesPastedFromWindows1251StaysUTF8() throws {
        let clean = try WrittenCity(smallCity)
        defer { clean.remove() }
        let name = SampleCity.fileName(.enrolments, year: smallCity.years[0])
        let lines = try clean.bytes(name).split(separator: 10, omittingEmptySubsequences: false)
        var pasted = 0
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 && index % 25 == 0 && line.contains(where: { $0 >= 0x80 }) {
                bytes += CP1251.encode(String(decoding: line, as: UTF8.self))
                pasted += 1
            } else {
                bytes += line
            }
            if index < lines.count - 1 { bytes.append(10) }
        }
        #expect(pasted > 0)
        let evidence = Self.evidence(bytes)
        #expect(evidence.linesWithInvalidBytes == pasted, "\(evidence)")
        #expect(evidence.readsAsUTF8)
        #expect(CSVFormat.detect(bytes: bytes).encoding == .utf8)
    }
}
