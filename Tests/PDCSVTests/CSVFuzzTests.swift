import Testing
@testable import PDCSV
import PDSample

/// Property tests over thousands of seeded random cases. A failing case prints its seed.
@Suite struct CSVFuzzTests {
    struct ByteRow: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [[UInt8]]
        var description: String { "\(line):\(fields.map { String(decoding: $0, as: UTF8.self) })" }
    }

    struct Outcome: Equatable {
        var rows: [ByteRow] = []
        var errorLine: Int?
    }

    /// Everything the streaming reader yields, field bytes undecoded, and the line of its error if any.
    static func stream(_ bytes: [UInt8], delimiter: UInt8, chunkSize: Int) -> Outcome {
        var outcome = Outcome()
        do {
            var reader = try CSVReader(bytes: bytes, format: CSVFormat(encoding: .utf8, delimiter: delimiter),
                                       chunkSize: chunkSize)
            while try reader.next() {
                let record = reader.record
                outcome.rows.append(ByteRow(line: record.line,
                                            fields: (0..<record.count).map { Array(record.bytes(at: $0)) }))
            }
        } catch {
            outcome.errorLine = error.line ?? -1
        }
        return outcome
    }

    /// A deliberately plain whole-buffer parser of the same grammar, as the oracle.
    static func reference(_ input: [UInt8], delimiter: UInt8) -> Outcome {
        let quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10
        var outcome = Outcome()
        let bytes = input.starts(with: CSVFormat.utf8BOM) ? Array(input.dropFirst(3)) : input
        var index = 0
        var line = 1
        while index < bytes.count {
            if bytes[index] == lf { line += 1; index += 1; continue }
            if bytes[index] == cr {
                line += 1
                index += 1
                if index < bytes.count && bytes[index] == lf { index += 1 }
                continue
            }
            let recordLine = line
            var fields: [[UInt8]] = []
            while true {
                var field: [UInt8] = []
                if index < bytes.count && bytes[index] == quote {
                    let fieldLine = line
                    index += 1
                    while true {
                        guard index < bytes.count else {
                            outcome.errorLine = fieldLine
                            return outcome
                        }
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < bytes.count && bytes[index + 1] == quote {
                                field.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        if byte == lf || byte == cr {
                            let crlf = byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf
                            line += 1
                            field.append(byte)
                            index += 1
                            if crlf { field.append(lf); index += 1 }
                            continue
                        }
                        field.append(byte)
                        index += 1
                    }
                }
                while index < bytes.count && bytes[index] != delimiter && bytes[index] != cr && bytes[index] != lf {
                    field.append(bytes[index])
                    index += 1
                }
                fields.append(field)
                if index == bytes.count { break }
                if bytes[index] == delimiter { index += 1; continue }
                if bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf { index += 1 }
                index += 1
                line += 1
                break
            }
            outcome.rows.append(ByteRow(line: recordLine, fields: fields))
        }
        return outcome
    }

    static let asciiPieces = ["a", "Z", "7", " ", ".", "-", "\"", ",", ";", "\t", "\r", "\n", "\r\n"]
    static let cyrillicPieces = ["Я", "ё", "Ё", "ж", "Ш", "№", "–", "«", "»"]

    static func randomField(_ random: inout SampleRandom, utf8Only: Bool) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...10, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4: text += asciiPieces.randomElement(using: &random)!
            case 4..<9: text += cyrillicPieces.randomElement(using: &random)!
            default: text += utf8Only ? ["€", "😀", "ü"].randomElement(using: &random)! : "Ы"
            }
        }
        return text
    }

    @Test func writtenRecordsReadBackEqual() throws {
        let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 9]
        let lineEndings: [[UInt8]] = [[13, 10], [10], [13]]
        let chunkSizes = [1, 2, 3, 7, 13, 64, 4096]
        for seed in 0..<3000 as Range<UInt64> {
            var random = SampleRandom(seed: seed)
            let encoding: CSVEncoding = Bool.random(using: &random) ? .utf8 : .windows1251
            var writer = CSVWriter(delimiter: delimiters.randomElement(using: &random)!,
                                   lineEnding: lineEndings.randomElement(using: &random)!,
                                   encoding: encoding)
            let withBOM = encoding == .utf8 && Int.random(in: 0..<4, using: &random) == 0
            if withBOM { writer.writeBOM() }
            var expected: [Row] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let fields = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                    Self.randomField(&random, utf8Only: encoding == .utf8)
                }
                expected.append(Row(line: Self.lineCount(writer.bytes), fields: fields))
                writer.writeRecord(fields)
            }
            let bytes = writer.bytes
            let format = CSVFormat(encoding: encoding, delimiter: writer.delimiter, hadBOM: withBOM)
            let chunkSize = chunkSizes.randomElement(using: &random)!
            let rows = try readAll(bytes, format: format, chunkSize: chunkSize)
            #expect(rows == expected, "seed \(seed), chunk size \(chunkSize)")
            if encoding == .utf8 {
                #expect(CSVFormat.detect(bytes: bytes).encoding == .utf8, "seed \(seed)")
            }
            if rows != expected { return }
        }
    }

    /// The physical line the next byte after `bytes` is on (CRLF, CR and LF each end one line).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var line = 1
        for (index, byte) in bytes.enumerated() {
            if byte == 13 || (byte == 10 && (index == 0 || bytes[index - 1] != 13)) { line += 1 }
        }
        return line
    }

    @Test func randomBytesParseLikeTheReferenceWhateverTheChunkSize() {
        let alphabet: [UInt8] = Array("a,;\"\"\r\n\n ".utf8) + [0xD0, 0xC0, 0xEF, 0xBB, 0xBF]
        for seed in 0..<4000 as Range<UInt64> {
            var random = SampleRandom(seed: seed &+ 1_000_000)
            var bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            if Int.random(in: 0..<5, using: &random) == 0 { bytes = CSVFormat.utf8BOM + bytes }
            let delimiter = Bool.random(using: &random) ? UInt8(ascii: ",") : UInt8(ascii: ";")
            let expected = Self.reference(bytes, delimiter: delimiter)
            for chunkSize in [1, 2, 3, 7, 1 << 20] {
                let outcome = Self.stream(bytes, delimiter: delimiter, chunkSize: chunkSize)
                #expect(outcome == expected, "seed \(seed), chunk size \(chunkSize), input \(bytes)")
                if outcome != expected { return }
            }
        }
    }
}
