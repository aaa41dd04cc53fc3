import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What one sheet's parse needs to know about its workbook.
struct SheetContext: Sendable {
    let path: String
    let sheetName: String
    let sharedStrings: SharedStrings
    let styleKinds: [NumberFormatKind]
    let uses1904: Bool
    let limits: XLSXLimits
}

/// Rows handed from the parsing thread to the reader, a few hundred at a time, with how much
/// of the sheet's XML had been read when the last of them was complete.
struct RowBatch: Sendable {
    let rows: [XLSXRow]
    let decompressedOffset: Int64
}

/// The SAX side of a worksheet: `<row>`s of `<c>`ells become `XLSXRow`s of text, sent in
/// batches over a bounded channel. Nothing of the sheet is kept past its row.
final class SheetParser: PartDelegate {
    static let batchSize = 256

    private let context: SheetContext
    private let output: Channel<RowBatch>
    private var batch: [XLSXRow] = []
    /// Decompressed bytes of the sheet read so far (set by the stream as the parser pulls).
    var decompressedOffset: Int64 = 0

    private var inSheetData = false
    // The row being read.
    private var inRow = false
    private var rowNumber = 0
    private var lastRowNumber = 0
    private var values: [String] = []
    private var kinds: [XLSXCellKind] = []
    private var nextColumn = 0
    // The cell being read.
    private var inCell = false
    private var column = 0
    private var cellType = ""
    private var cellStyle = 0
    private var text = ""
    private var capturing = false
    private var hasValue = false
    private var inlineText = ""
    private var inInline = false
    private var hasInline = false
    private var phoneticDepth = 0

    init(context: SheetContext, output: Channel<RowBatch>) {
        self.context = context
        self.output = output
        batch.reserveCapacity(Self.batchSize)
    }

    /// Sends the rows not yet sent.
    func flush() {
        guard !batch.isEmpty else { return }
        if !output.send(RowBatch(rows: batch, decompressedOffset: decompressedOffset)) { stop() }
        batch.removeAll(keepingCapacity: true)
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?, attributes: [String: String]) {
        switch localName(elementName) {
        case "c" where inRow:
            startCell(attributes)
        case "v" where inCell, "t" where inInline && phoneticDepth == 0:
            capturing = true
        case "is" where inCell:
            inInline = true
            hasInline = true
        case "rPh":
            phoneticDepth += 1
        case "row" where inSheetData:
            startRow(attributes)
        case "sheetData":
            inSheetData = true
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                         qualifiedName qName: String?) {
        switch localName(elementName) {
        case "v" where inCell && !inInline:
            capturing = false
            hasValue = true
        case "t" where inInline && capturing:
            capturing = false
            inlineText += text
            text.removeAll(keepingCapacity: true)
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "is":
            inInline = false
        case "c" where inCell:
            endCell()
        case "row" where inRow:
            endRow()
        case "sheetData":
            inSheetData = false
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard capturing else { return }
        text += string
        if text.utf8.count + inlineText.utf8.count > context.limits.maxCellBytes {
            fail(.cellTooLarge(path: context.path, sheet: context.sheetName, row: rowNumber,
                               limit: context.limits.maxCellBytes))
        }
    }

    override func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    // MARK: Rows and cells

    private func startRow(_ attributes: [String: String]) {
        if let reference = attributes["r"] {
            guard let number = Int(reference), number >= 1, number <= context.limits.maxRows else {
                fail(.cellOutOfRange(path: context.path, sheet: context.sheetName, reference: "row \(reference)"))
                return
            }
            rowNumber = number
        } else {
            rowNumber = lastRowNumber + 1
        }
        inRow = true
        nextColumn = 0
        values.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
    }

    private func endRow() {
        inRow = false
        lastRowNumber = rowNumber
        guard kinds.contains(where: { $0 != .empty }) else { return }
        batch.append(XLSXRow(number: rowNumber, values: values, kinds: kinds))
        if batch.count >= Self.batchSize { flush() }
    }

    private func startCell(_ attributes: [String: String]) {
        if let reference = attributes["r"] {
            guard let index = Self.columnIndex(of: reference), index < context.limits.maxColumns else {
                fail(.cellOutOfRange(path: context.path, sheet: context.sheetName, reference: reference))
                return
            }
            column = index
        } else {
            column = nextColumn
            guard column < context.limits.maxColumns else {
                fail(.cellOutOfRange(path: context.path, sheet: context.sheetName,
                                     reference: Self.columnName(column) + String(rowNumber)))
                return
            }
        }
        inCell = true
        cellType = attributes["t"] ?? "n"
        cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
        text.removeAll(keepingCapacity: true)
        inlineText.removeAll(keepingCapacity: true)
        hasValue = false
        hasInline = false
        capturing = false
        phoneticDepth = 0
    }

    private func endCell() {
        inCell = false
        capturing = false
        nextColumn = column + 1
        guard let (value, kind) = cellValue() else { return }
        if column >= values.count {
            let missing = column - values.count
            if missing > 0 {
                values.append(contentsOf: repeatElement("", count: missing))
                kinds.append(contentsOf: repeatElement(.empty, count: missing))
            }
            values.append(value)
            kinds.append(kind)
        } else {
            // Cells out of order (or twice): the later one wins, as in Excel.
            values[column] = value
            kinds[column] = kind
        }
    }

    /// The cell's text and kind, or nil for a cell with no value (only a style).
    private func cellValue() -> (String, XLSXCellKind)? {
        switch cellType {
        case "s":
            guard hasValue else { return nil }
            guard let index = Int(text) ?? Int(text.trimmingCharacters(in: .whitespaces)),
                  let string = context.sharedStrings.string(at: index) else {
                fail(.badSharedStringIndex(path: context.path, sheet: context.sheetName, row: rowNumber, index: text))
                return nil
            }
            return (string, .text)
        case "inlineStr":
            if hasInline { return (CellText.unescape(inlineText), .text) }
            return hasValue ? (CellText.unescape(text), .text) : nil
        case "str":
            // A formula's text result.
            return hasValue ? (CellText.unescape(text), .text) : nil
        case "b":
            guard hasValue else { return nil }
            switch text.trimmingCharacters(in: .whitespaces) {
            case "1", "true", "TRUE": return (CellText.trueText, .boolean)
            case "0", "false", "FALSE": return (CellText.falseText, .boolean)
            default: return (text, .text)
            }
        case "e":
            return hasValue ? (text, .error) : nil
        case "d":
            guard hasValue else { return nil }
            if let date = CellText.isoDate(text) {
                let timeOnly = text.utf8.contains(UInt8(ascii: ":")) && !text.utf8.contains(UInt8(ascii: "-"))
                return (date, timeOnly ? .time : .date)
            }
            return (text, .text)
        default:
            guard hasValue, !text.isEmpty else { return nil }
            let kind = cellStyle >= 0 && cellStyle < context.styleKinds.count ? context.styleKinds[cellStyle] : .number
            if kind != .number, let serial = Double(text),
               let date = CellText.date(serial: serial, kind: kind, uses1904: context.uses1904) {
                return (date, kind == .date ? .date : .time)
            }
            return (CellText.number(text), .number)
        }
    }

    /// The 0-based column of a cell reference such as `AB12` (`$` signs allowed), or nil.
    static func columnIndex(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0 else { return nil }
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
        }
        guard letters > 0 else { return nil }
        return column - 1
    }

    /// The letters of a 0-based column (0 → A, 16383 → XFD).
    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var letters: [UInt8] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(remainder))
            number = (number - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}
