import Foundation
import Testing
@testable import PDXLSX
import ZIPFoundation

/// Zip bombs, lying headers, broken archives and oversized content are refused with a typed
/// error, never by filling memory.
@Suite struct HostileArchiveTests {
    static let sheetPart = "xl/worksheets/sheet1.xml"

    /// A workbook whose only sheet is `head`, then `padding` bytes of spaces (which compress
    /// about 1000 to 1), then `tail`: the shape of a zip bomb that is still well-formed XML.
    static func paddedWorkbook(at path: String, padding: Int64,
                               head: String = "<?xml version=\"1.0\"?><worksheet xmlns=\"\(HandWritten.main)\"><sheetData>",
                               tail: String = "</sheetData></worksheet>") throws {
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet(""))])
        // Replace the sheet with the padded one, deflated as it is produced.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .update)
        if let old = archive[sheetPart] { try archive.remove(old) }
        let headBytes = Data(head.utf8), tailBytes = Data(tail.utf8)
        let total = Int64(headBytes.count) + padding + Int64(tailBytes.count)
        let spaces = Data(repeating: 0x20, count: 1 << 16)
        let headSize = Int64(headBytes.count)
        try HandWritten.zipStreaming(sheetPart, size: total, to: archive) { position, count in
            var chunk = Data(capacity: count)
            var position = position
            let end = position + Int64(count)
            while position < end {
                if position < headSize {
                    let take = min(end, headSize) - position
                    chunk.append(headBytes[Int(position)..<Int(position + take)])
                    position += take
                } else if position < headSize + padding {
                    let take = min(end, headSize + padding, position + Int64(spaces.count)) - position
                    chunk.append(spaces.prefix(Int(take)))
                    position += take
                } else {
                    let start = Int(position - headSize - padding)
                    chunk.append(tailBytes[start..<start + Int(end - position)])
                    position = end
                }
            }
            return chunk
        }
    }

    @Test func aZipBombIsStoppedByTheCompressionRatioWithTheDefaultLimits() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("bomb.xlsx")
        try Self.paddedWorkbook(at: path, padding: 24 << 20)
        let compressedSize = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(compressedSize < 1 << 20)
        let before = residentBytes()
        let error = xlsxError { _ = try readRows(path) }
        #expect(error == .compressionRatioTooHigh(path: path, part: Self.sheetPart, limit: 250))
        #expect(error?.description.contains("zip") == true)
        if let before, let after = residentBytes() {
            #expect(after - before < 256 << 20, "reading a zip bomb grew memory by \((after - before) >> 20) MiB")
        }
    }

    @Test func aSheetLargerThanItsCapIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("large.xlsx")
        try Self.paddedWorkbook(at: path, padding: 3 << 20)
        var limits = XLSXLimits.default
        limits.maxSheetBytes = 1 << 20
        #expect(xlsxError { _ = try readRows(path, limits: limits) }
            == .partTooLarge(path: path, part: Self.sheetPart, limit: 1 << 20))
    }

    /// ZIP headers may lie about sizes: the cap counts what actually comes out of the inflater.
    @Test func aPartWhoseHeadersUnderstateItsSizeIsStillStoppedAtTheCap() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("liar.xlsx")
        try Self.paddedWorkbook(at: path, padding: 3 << 20)
        try Self.patchUncompressedSize(of: Self.sheetPart, in: path, to: 100)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        #expect(archive[Self.sheetPart]?.uncompressedSize == 100)
        var limits = XLSXLimits.default
        limits.maxSheetBytes = 1 << 20
        #expect(xlsxError { _ = try readRows(path, limits: limits) }
            == .partTooLarge(path: path, part: Self.sheetPart, limit: 1 << 20))
    }

    @Test func tooManySharedStringsAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("strings.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"))],
                                 sharedStrings: HandWritten.sharedStrings((0...10).map { "<t>s\($0)</t>" }))
        var limits = XLSXLimits.default
        limits.maxSharedStrings = 10
        #expect(xlsxError { _ = try readRows(path, limits: limits) } == .tooManySharedStrings(path: path, limit: 10))
        limits.maxSharedStrings = 11
        #expect(try readRows(path, limits: limits).map(\.values) == [["s0"]])
    }

    @Test func sharedStringsLargerThanTheirCapAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("strings.xlsx")
        let long = String(repeating: "ы", count: 1000)
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet(""))],
                                 sharedStrings: HandWritten.sharedStrings(["<t>\(long)</t>", "<t>\(long)</t>"]))
        var limits = XLSXLimits.default
        limits.maxSharedStringsBytes = 3000
        #expect(xlsxError { _ = try readRows(path, limits: limits) }
            == .partTooLarge(path: path, part: "xl/sharedStrings.xml", limit: 3000))
    }

    @Test func cellsBeyondTheLastColumnOrRowAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let columns = scratch.path("columns.xlsx")
        try HandWritten.workbook(at: columns, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row><row r="2"><c r="XFE2"><v>3</v></c></row>
            """))])
        #expect(xlsxError { _ = try readRows(columns) } == .cellOutOfRange(path: columns, sheet: "Лист1", reference: "XFE2"))

        let rows = scratch.path("rows.xlsx")
        try HandWritten.workbook(at: rows, sheets: [("Лист1", nil, HandWritten.sheet("<row r=\"1048577\"><c><v>1</v></c></row>"))])
        #expect(xlsxError { _ = try readRows(rows) } == .cellOutOfRange(path: rows, sheet: "Лист1", reference: "row 1048577"))

        let garbage = scratch.path("garbage.xlsx")
        try HandWritten.workbook(at: garbage, sheets: [("Лист1", nil, HandWritten.sheet("<row r=\"1\"><c r=\"ZZZZZZZZ1\"><v>1</v></c></row>"))])
        #expect(xlsxError { _ = try readRows(garbage) } == .cellOutOfRange(path: garbage, sheet: "Лист1", reference: "ZZZZZZZZ1"))
    }

    @Test func theRowBeforeAnErrorIsStillRead() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("partial.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c></row>
            """))])
        let reader = try XLSXWorkbook(path: path).openSheet(named: "Лист1")
        #expect(try reader.next())
        #expect(reader.row.values == ["1"])
        let error = xlsxError { _ = try reader.next() }
        #expect(error == .badSharedStringIndex(path: path, sheet: "Лист1", row: 2, index: "5"))
        #expect(error?.row == 2)
        #expect(try !reader.next())
    }

    @Test func aCellLongerThanItsCapIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("cell.xlsx")
        let long = String(repeating: "x", count: 300)
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, HandWritten.sheet("""
            <row r="7"><c r="A7" t="inlineStr"><is><t>\(long)</t></is></c></row>
            """))])
        var limits = XLSXLimits.default
        limits.maxCellBytes = 100
        #expect(xlsxError { _ = try readRows(path, limits: limits) } == .cellTooLarge(path: path, sheet: "Лист1", row: 7, limit: 100))
    }

    @Test func entityDeclarationsAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("laughs.xlsx")
        let sheet = """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\
            <worksheet xmlns="\(HandWritten.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row>\
            </sheetData></worksheet>
            """
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, sheet)])
        guard case .corrupt(_, let part, let reason)? = xlsxError({ _ = try readRows(path) }) else {
            Issue.record("a sheet declaring entities must be refused")
            return
        }
        #expect(part == Self.sheetPart)
        #expect(reason.contains("DTD"))

        // A small part (read whole) is checked the same way; comments before the root are fine.
        let workbookDTD = scratch.path("workbook-dtd.xlsx")
        try HandWritten.zip([("xl/workbook.xml", Data("""
            <?xml version="1.0"?><!-- a comment --><!DOCTYPE workbook [<!ENTITY x "y">]><workbook/>
            """.utf8))], to: workbookDTD)
        guard case .corrupt(_, "xl/workbook.xml", _)? = xlsxError({ _ = try XLSXWorkbook(path: workbookDTD) }) else {
            Issue.record("a workbook part declaring entities must be refused")
            return
        }
        let commented = scratch.path("commented.xlsx")
        try HandWritten.workbook(at: commented, sheets: [("Лист1", nil, """
            <?xml version="1.0"?><!-- <!DOCTYPE inside a comment is no DTD --><?pi <!DOCTYPE?>\
            <?pi data?><worksheet xmlns="\(HandWritten.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>
            """)])
        #expect(try readRows(commented).map(\.values) == [["1"]])
    }

    @Test func brokenArchivesAreRefusedAsCorrupt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = scratch.path("good.xlsx")
        let rows = (1...2000).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0 * 7919 % 1000)</v></c></row>" }.joined()
        try HandWritten.workbook(at: good, sheets: [("Лист1", nil, HandWritten.sheet(rows))])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))

        // Cut short: the central directory at the end is gone.
        let truncated = scratch.path("truncated.xlsx")
        try bytes.prefix(bytes.count - 200).write(to: URL(fileURLWithPath: truncated))
        #expect(!XLSXWorkbook.isWorkbook(path: truncated))
        if case .corrupt? = xlsxError({ _ = try XLSXWorkbook(path: truncated) }) {} else {
            Issue.record("a truncated archive must be refused as corrupt")
        }

        // The signature, then noise.
        let noise = scratch.path("noise.xlsx")
        var generator = SystemRandomNumberGenerator()
        try Data([0x50, 0x4B, 0x03, 0x04] + (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .write(to: URL(fileURLWithPath: noise))
        if case .corrupt? = xlsxError({ _ = try XLSXWorkbook(path: noise) }) {} else {
            Issue.record("noise after a ZIP signature must be refused as corrupt")
        }

        // A flipped byte inside the sheet's compressed data: a broken stream or a bad checksum.
        let flipped = scratch.path("flipped.xlsx")
        var damaged = bytes
        let offset = try Self.dataOffset(of: Self.sheetPart, in: bytes) + 40
        damaged[offset] ^= 0x55
        try damaged.write(to: URL(fileURLWithPath: flipped))
        guard case .corrupt(_, let part, _)? = xlsxError({ _ = try readRows(flipped) }) else {
            Issue.record("a damaged sheet must be refused as corrupt")
            return
        }
        #expect(part == Self.sheetPart)
    }

    @Test func malformedXMLIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("malformed.xlsx")
        try HandWritten.workbook(at: path, sheets: [("Лист1", nil, """
            <?xml version="1.0"?><worksheet xmlns="\(HandWritten.main)"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>\
            <row r="2"><c r="A2"><v>2</v></sheetData></worksheet>
            """)])
        guard case .corrupt(_, let part, let reason)? = xlsxError({ _ = try readRows(path) }) else {
            Issue.record("malformed XML must be refused as corrupt")
            return
        }
        #expect(part == Self.sheetPart)
        #expect(reason.contains("XML"))
    }

    // MARK: ZIP surgery

    /// Where the compressed data of `part` starts in the archive's bytes.
    static func dataOffset(of part: String, in bytes: Data) throws -> Int {
        let name = Data(part.utf8)
        var index = 0
        while let range = bytes.range(of: Data([0x50, 0x4B, 0x03, 0x04]), in: index..<bytes.count) {
            let header = range.lowerBound
            let nameLength = Int(bytes[header + 26]) | Int(bytes[header + 27]) << 8
            let extraLength = Int(bytes[header + 28]) | Int(bytes[header + 29]) << 8
            if bytes[(header + 30)..<(header + 30 + nameLength)] == name {
                return header + 30 + nameLength + extraLength
            }
            index = range.upperBound
        }
        throw CocoaError(.fileReadCorruptFile)
    }

    /// Overwrites the uncompressed size that the local and central headers give for `part`.
    static func patchUncompressedSize(of part: String, in path: String, to size: UInt32) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let name = Data(part.utf8)
        let little = withUnsafeBytes(of: size.littleEndian) { Data($0) }
        for (signature, sizeOffset, nameOffset) in [([UInt8](arrayLiteral: 0x50, 0x4B, 0x03, 0x04), 22, 30),
                                                    ([0x50, 0x4B, 0x01, 0x02], 24, 46)] {
            var index = 0
            while let range = bytes.range(of: Data(signature), in: index..<bytes.count) {
                let header = range.lowerBound
                let lengthOffset = signature[2] == 0x03 ? 26 : 28
                let nameLength = Int(bytes[header + lengthOffset]) | Int(bytes[header + lengthOffset + 1]) << 8
                if header + nameOffset + nameLength <= bytes.count,
                   bytes[(header + nameOffset)..<(header + nameOffset + nameLength)] == name {
                    bytes.replaceSubrange((header + sizeOffset)..<(header + sizeOffset + 4), with: little)
                }
                index = range.upperBound
            }
        }
        try bytes.write(to: URL(fileURLWithPath: path))
    }
}
