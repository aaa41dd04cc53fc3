import Testing
@testable import PDCSV

@Suite struct CSVReaderTests {
    @Test func plainRecords() throws {
        #expect(try fields("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
    }

    @Test func lastRecordWithoutLineBreak() throws {
        #expect(try fields("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyFieldsAndTrailingDelimiter() throws {
        #expect(try fields(",a,,b,\n,\n") == [["", "a", "", "b", ""], ["", ""]])
        #expect(try fields("a,") == [["a", ""]])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let text = "\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"line1\nline2\",\"cr\rlf\r\n\",x\n"
        #expect(try fields(text) == [["a,b", "say \"hi\"", ""], ["line1\nline2", "cr\rlf\r\n", "x"]])
    }

    @Test func quotedEmptyFieldIsARecordNotABlankLine() throws {
        #expect(try fields("\"\"\n\n\"\"") == [[""], [""]])
    }

    @Test func lineEndingsCRLFLFAndLoneCR() throws {
        let expected = [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]
        #expect(try fields("a,b\r\n1,2\r\n3,4\r\n5,6\r\n") == expected)
        #expect(try fields("a,b\n1,2\n3,4\n5,6\n") == expected)
        #expect(try fields("a,b\r1,2\r3,4\r5,6\r") == expected)
        #expect(try fields("a,b\r\n1,2\n3,4\r5,6") == expected)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let text = "\n\r\na,b\n\n\r\r\n1,2\r\n\r\n\n3,4\n\n"
        let rows = try readAll(Array(text.utf8), format: CSVFormat())
        #expect(rows == [
            Row(line: 3, fields: ["a", "b"]),
            Row(line: 7, fields: ["1", "2"]),
            Row(line: 10, fields: ["3", "4"]),
        ])
    }

    @Test func lineNumbersCountBreaksInsideQuotes() throws {
        let text = "h1,h2\n\"multi\r\nline\rfield\nhere\",x\nnext,1\r\n\"a\",\"\n\"\nlast,2"
        let rows = try readAll(Array(text.utf8), format: CSVFormat())
        #expect(rows.map(\.line) == [1, 2, 6, 7, 9])
        #expect(rows[1].fields == ["multi\r\nline\rfield\nhere", "x"])
        #expect(rows[3].fields == ["a", "\n"])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        #expect(try fields("ab\"c,5\" screen,\"\"\"x\"\n") == [["ab\"c", "5\" screen", "\"x"]])
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        #expect(try fields("\"ab\"c,\"x\" y\n") == [["abc", "x y"]])
    }

    @Test func spacesAreKept() throws {
        #expect(try fields(" a , \"b\" \n") == [[" a ", " \"b\" "]])
    }

    @Test func otherDelimiters() throws {
        #expect(try fields("a;b,c;\"d;e\"\n", delimiter: ";") == [["a", "b,c", "d;e"]])
        #expect(try fields("a\tb c\t\"d\te\"\n", delimiter: "\t") == [["a", "b c", "d\te"]])
    }

    @Test func bomIsStrippedWhateverTheChunkSize() throws {
        let bytes = CSVFormat.utf8BOM + Array("код,имя\r\n1,2\r\n".utf8)
        for chunkSize in [1, 2, 3, 4, 1 << 20] {
            var reader = try CSVReader(bytes: bytes, format: nil, chunkSize: chunkSize)
            #expect(reader.format == CSVFormat(encoding: .utf8, delimiter: UInt8(ascii: ","), hadBOM: true))
            #expect(try reader.next())
            #expect(reader.record.strings() == ["код", "имя"])
            #expect(reader.record.line == 1)
            #expect(try reader.next())
            #expect(try !reader.next())
        }
    }

    @Test func shortInputsAreNotMistakenForABOM() throws {
        #expect(try fields("a") == [["a"]])
        #expect(try fields("ab") == [["ab"]])
        #expect(try fields("") == [])
        #expect(try fields("\n\r\n") == [])
    }

    @Test func unterminatedQuoteReportsTheLineWhereTheFieldStarted() throws {
        let text = "h1,h2\n1,2\n\n3,\"open\nstill open\n4,5\n"
        for chunkSize in [1, 3, 1 << 20] {
            var reader = try CSVReader(bytes: Array(text.utf8), format: CSVFormat(), chunkSize: chunkSize)
            #expect(try reader.next())
            #expect(try reader.next())
            let error = #expect(throws: CSVError.self) { try reader.next() }
            #expect(error == .unterminatedQuote(file: nil, line: 4))
            #expect(error?.line == 4)
            #expect(error?.description.contains("Строка 4") == true)
            #expect(error?.description.contains("Line 4") == true)
            #expect(try !reader.next())
        }
    }

    @Test func oversizedRecordStopsReading() throws {
        let text = "h\n\"" + String(repeating: "x", count: 100) + "\n"
        var reader = try CSVReader(bytes: Array(text.utf8), format: CSVFormat(), chunkSize: 7, maxRecordBytes: 50)
        #expect(try reader.next())
        #expect(throws: CSVError.recordTooLarge(file: nil, line: 2, limit: 50)) { try reader.next() }
        #expect(try !reader.next())
    }

    @Test func recordAccessors() throws {
        var reader = try CSVReader(bytes: Array("a,,\"x,y\"\n;;\n ,\t\n".utf8), format: CSVFormat())
        #expect(try reader.next())
        let record = reader.record
        #expect(record.count == 3)
        #expect(!record.isEmpty(at: 0) && record.isEmpty(at: 1) && !record.isEmpty(at: 2))
        #expect(record.byteCount(at: 2) == 3)
        #expect(Array(record.bytes(at: 2)) == Array("x,y".utf8))
        #expect(record.withBytes(at: 0) { Array($0) } == [UInt8(ascii: "a")])
        #expect(!record.isBlank)
        #expect(try reader.next())
        #expect(reader.record.strings() == [";;"])
        #expect(!reader.record.isBlank)
        #expect(try reader.next())
        #expect(reader.record.isBlank)
        #expect(reader.record.line == 3)
    }

    @Test func aRecordKeptPastNextStaysIntact() throws {
        var reader = try CSVReader(bytes: Array("first,row\nsecond,one,longer\n".utf8), format: CSVFormat())
        #expect(try reader.next())
        let kept = reader.record
        #expect(try reader.next())
        #expect(kept.strings() == ["first", "row"] && kept.line == 1)
        #expect(reader.record.strings() == ["second", "one", "longer"] && reader.record.line == 2)
    }

    @Test func recordsGrowPastTheirInitialCapacity() throws {
        let wide = (0..<300).map { "поле \($0)" }
        let long = String(repeating: "Ж", count: 10_000)
        var writer = CSVWriter()
        writer.writeRecord(wide)
        writer.writeRecord([long, "\"" + long + "\n"])
        let rows = try readAll(writer.bytes, format: CSVFormat(), chunkSize: 4093)
        #expect(rows.map(\.fields) == [wide, [long, "\"" + long + "\n"]])
    }

    @Test func handBuiltRecord() {
        let record = CSVRecord(fields: ["Ёж", "", "x"], line: 7, encoding: .windows1251)
        #expect(record.count == 3 && record.line == 7)
        #expect(record.strings() == ["Ёж", "", "x"])
        #expect(record.bytes(at: 0) == CP1251.encode("Ёж"))
        #expect(CSVRecord(fields: ["", " "]).isBlank)
    }

    @Test func withBytesPassesTypedErrorsThrough() throws {
        struct Stop: Error, Equatable {}
        var reader = try CSVReader(bytes: Array("a\n".utf8), format: CSVFormat())
        #expect(try reader.next())
        #expect(throws: Stop()) { try reader.record.withBytes(at: 0) { (_) throws(Stop) -> Int in throw Stop() } }
    }

    @Test func windows1251FieldsDecode() throws {
        let bytes = CP1251.encode("Код ОО;ФИО\r\nШ-01;Ёлкина Мария\r\n")
        var reader = try CSVReader(bytes: bytes)
        #expect(reader.format == CSVFormat(encoding: .windows1251, delimiter: UInt8(ascii: ";"), hadBOM: false))
        #expect(try reader.next())
        #expect(reader.record.strings() == ["Код ОО", "ФИО"])
        #expect(try reader.next())
        #expect(reader.record.string(at: 1) == "Ёлкина Мария")
    }

    @Test func readsFilesWithTinyChunks() throws {
        let text = "\u{FEFF}Учебный год;Код ОО;ФИО\r\n2021-2022;\"Ш;1\";\"Иванова \"\"И.\"\"\r\nстрока\"\r\n\r\n2022/23;Ш2;\n"
        let file = try TemporaryFile(Array(text.utf8))
        defer { file.remove() }
        let expected = try readAll(Array(text.utf8))
        #expect(expected.count == 3)
        #expect(expected[2].line == 5)
        for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
            var reader = try CSVReader(path: file.path, format: nil, chunkSize: chunkSize)
            #expect(reader.format == CSVFormat(encoding: .utf8, delimiter: UInt8(ascii: ";"), hadBOM: true))
            #expect(reader.path == file.path)
            var rows: [Row] = []
            while try reader.next() {
                rows.append(Row(line: reader.record.line, fields: reader.record.strings()))
            }
            #expect(rows == expected, "chunk size \(chunkSize)")
            #expect(reader.bytesRead == text.utf8.count)
        }
        var reader = try CSVReader(path: file.path)
        #expect(try reader.next())
        #expect(reader.record.string(at: 2) == "ФИО")
    }

    @Test func missingFileIsATypedError() {
        let error = #expect(throws: CSVError.self) { try CSVReader(path: "/nonexistent/pdcsv/none.csv") }
        guard case .cannotOpen(let path, _)? = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(path == "/nonexistent/pdcsv/none.csv")
        #expect(error?.description.contains("Не удалось открыть") == true)
        #expect(throws: CSVError.self) { try CSVReader(path: "/tmp", format: CSVFormat()) }
    }
}
