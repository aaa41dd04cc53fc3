#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ZIPFoundation

/// Writes an XLSX workbook of one or more sheets, row by row:
///
///     let writer = try XLSXWriter(path: "report.xlsx")
///     let sheet = try writer.addSheet(named: "Показатели", frozenRows: 1)
///     try sheet.appendHeader(["Код ОО", "Доля, %"])
///     try sheet.append([.text("0042"), .number(0.675, .percent(1))])
///     try writer.close()
///
/// Rows stream to a temporary file per sheet (only the rows' column widths are remembered),
/// and `close()` packs the parts into the ZIP archive, written beside `path` and renamed onto
/// it, so a reader never sees half a workbook. Strings are inline (`t="inlineStr"`) unless
/// `sharedStrings` is set, in which case they are collected into `xl/sharedStrings.xml`
/// (and so held in memory until `close()`).
public final class XLSXWriter {
    public let path: String
    /// Whether text cells go to a shared-strings table rather than inline.
    public let sharedStrings: Bool

    private var sheets: [XLSXSheetWriter] = []
    private let styles = StyleRegistry()
    private let strings = SharedStringTable()
    private let workDirectory: URL
    private var closed = false

    /// Starts a workbook to be written at `path` (replaced on `close()` if it exists).
    public init(path: String, sharedStrings: Bool = false) throws(XLSXError) {
        self.path = path
        self.sharedStrings = sharedStrings
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pdxlsx-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        workDirectory = directory
    }

    deinit {
        try? FileManager.default.removeItem(at: workDirectory)
    }

    /// Adds a sheet; its tab comes after those added before. `frozenRows` rows stay in view when
    /// scrolling (1 for a header row). Throws `invalidSheetName` for a name Excel would refuse
    /// (see `sheetNameProblem`) or one the workbook already has (compared as Excel does,
    /// ignoring case); `legalSheetName(_:avoiding:)` makes any text a valid name.
    public func addSheet(named name: String, frozenRows: Int = 0) throws(XLSXError) -> XLSXSheetWriter {
        precondition(!closed, "the workbook is closed")
        if let problem = Self.sheetNameProblem(name) { throw .invalidSheetName(name: name, reason: problem) }
        if sheets.contains(where: { Self.sameSheetName($0.name, name) }) {
            throw .invalidSheetName(name: name, reason: "такой лист уже есть / the workbook already has a sheet of that name")
        }
        let body = workDirectory.appendingPathComponent("sheet\(sheets.count + 1).xml")
        let sheet = try XLSXSheetWriter(name: name, body: body, frozenRows: frozenRows, styles: styles,
                                        strings: sharedStrings ? strings : nil, workbookPath: path)
        sheets.append(sheet)
        return sheet
    }

    /// Writes the archive and replaces `path` with it. The writer cannot be used afterwards.
    public func close() throws(XLSXError) {
        precondition(!closed, "the workbook is closed")
        if sheets.isEmpty { _ = try addSheet(named: "Лист1") }
        closed = true
        defer { try? FileManager.default.removeItem(at: workDirectory) }
        for sheet in sheets { try sheet.finishBody() }

        try OOXMLPackage.writeAtomically(to: path) { archive in
            try add("[Content_Types].xml", contentTypes(), to: archive)
            try add("_rels/.rels", Self.packageRelationships, to: archive)
            try add("xl/workbook.xml", workbook(), to: archive)
            try add("xl/_rels/workbook.xml.rels", workbookRelationships(), to: archive)
            try add("xl/styles.xml", styles.xml(), to: archive)
            if sharedStrings { try add("xl/sharedStrings.xml", strings.xml(), to: archive) }
            for (index, sheet) in sheets.enumerated() {
                try addSheet(sheet, as: "xl/worksheets/sheet\(index + 1).xml", selected: index == 0, to: archive)
            }
        }
    }

    /// Writes a whole workbook at once: each sheet's name and rows (the first row a bold,
    /// frozen header when `header` is set).
    public static func write(path: String, sheets: [(name: String, rows: [[XLSXValue]])], header: Bool = true,
                             sharedStrings: Bool = false) throws(XLSXError) {
        let writer = try XLSXWriter(path: path, sharedStrings: sharedStrings)
        for (name, rows) in sheets {
            let sheet = try writer.addSheet(named: name, frozenRows: header && !rows.isEmpty ? 1 : 0)
            for (index, row) in rows.enumerated() { try sheet.append(row, bold: header && index == 0) }
        }
        try writer.close()
    }

    // MARK: Sheet names

    /// Why Excel would refuse `name` as a sheet name ("русский / English"), or nil when it is valid:
    /// empty, longer than 31 characters, one of `: \ / ? * [ ]`, an apostrophe at either end,
    /// or the reserved name «History».
    public static func sheetNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "имя пустое / the name is empty" }
        if name.utf16.count > 31 {
            return "длиннее 31 символа / longer than 31 characters"
        }
        if let bad = name.first(where: { forbiddenInSheetNames.contains($0) }) {
            return "символ «\(bad)» недопустим (нельзя : \\ / ? * [ ]) / the character \"\(bad)\" is not allowed (none of : \\ / ? * [ ])"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") {
            return "апостроф в начале или в конце / an apostrophe at the start or the end"
        }
        if name.lowercased() == "history" {
            return "имя «History» зарезервировано Excel / Excel reserves the name \"History\""
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return "управляющий символ / a control character"
        }
        return nil
    }

    /// A valid sheet name made from `proposed`: forbidden characters become `_`, apostrophes at
    /// the ends are dropped, it is cut to 31 characters, and a number is added when `existing`
    /// already has it (ignoring case).
    public static func legalSheetName(_ proposed: String, avoiding existing: [String] = []) -> String {
        var name = String(proposed.map { forbiddenInSheetNames.contains($0) || ($0.asciiValue ?? 0x20) < 0x20 ? "_" : $0 })
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        if name.isEmpty || name.lowercased() == "history" { name = "Лист" + (name.isEmpty ? "" : " " + name) }
        name = truncated(name, to: 31)
        var candidate = name
        var number = 2
        while existing.contains(where: { sameSheetName($0, candidate) }) {
            let suffix = " (\(number))"
            candidate = truncated(name, to: 31 - suffix.utf16.count) + suffix
            number += 1
        }
        return candidate
    }

    private static let forbiddenInSheetNames: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]

    private static func truncated(_ name: String, to units: Int) -> String {
        var result = ""
        for character in name {
            if result.utf16.count + String(character).utf16.count > units { break }
            result.append(character)
        }
        while result.hasSuffix("'") { result.removeLast() }
        return result
    }

    static func sameSheetName(_ lhs: String, _ rhs: String) -> Bool {
        lhs.lowercased() == rhs.lowercased()
    }

    // MARK: Parts

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    private func contentTypes() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        if sharedStrings {
            xml += "<Override PartName=\"/xl/sharedStrings.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        }
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private func workbook() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <bookViews><workbookView activeTab="0"/></bookViews><sheets>
            """
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.attribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private func workbookRelationships() -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for index in sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(base)worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(base)styles\" Target=\"styles.xml\"/>"
        if sharedStrings {
            xml += "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(base)sharedStrings\" Target=\"sharedStrings.xml\"/>"
        }
        return xml + "</Relationships>"
    }

    /// Entries get a fixed time stamp, so the same rows always make the same bytes.
    private static let entryDate = Date(timeIntervalSince1970: 315_532_800 + 43_200)

    private func add(_ part: String, _ text: String, to archive: Archive) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// A sheet's part: its head (views, column widths) and tail around the streamed rows,
    /// compressed as it is read from the temporary file.
    private func addSheet(_ sheet: XLSXSheetWriter, as part: String, selected: Bool, to archive: Archive) throws {
        let head = Data(sheet.head(selected: selected).utf8)
        let tail = Data("</sheetData></worksheet>".utf8)
        let bodySize = Int64(sheet.bodySize)
        let total = Int64(head.count) + bodySize + Int64(tail.count)
        let body = try FileHandle(forReadingFrom: sheet.body)
        defer { try? body.close() }
        try archive.addEntry(with: part, type: .file, uncompressedSize: total, modificationDate: Self.entryDate,
                             compressionMethod: .deflate) { position, size in
            var chunk = Data()
            var position = position
            let end = position + Int64(size)
            if position < Int64(head.count) {
                let upTo = min(end, Int64(head.count))
                chunk.append(head.subdata(in: Int(position)..<Int(upTo)))
                position = upTo
            }
            let bodyEnd = Int64(head.count) + bodySize
            if position < end && position < bodyEnd {
                let count = Int(min(end, bodyEnd) - position)
                try body.seek(toOffset: UInt64(position - Int64(head.count)))
                let read = try body.read(upToCount: count) ?? Data()
                guard read.count == count else { throw XLSXError.writeFailed(path: self.path, reason: "temporary file shrank") }
                chunk.append(read)
                position += Int64(count)
            }
            if position < end {
                let start = Int(position - bodyEnd)
                chunk.append(tail.subdata(in: start..<start + Int(end - position)))
            }
            return chunk
        }
    }
}

/// One sheet being written: rows are appended as XML to a temporary file.
public final class XLSXSheetWriter {
    public let name: String
    /// Rows kept in view when scrolling (1 for a header row).
    public var frozenRows: Int

    let body: URL
    private(set) var bodySize = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let styles: StyleRegistry
    private let strings: SharedStringTable?
    private let workbookPath: String
    private var rowNumber = 0
    private var explicitWidths: [Int: Double] = [:]
    private var widestText: [Int] = []
    private var finished = false
    /// The letters of the columns used so far, as bytes.
    private var columnNames: [[UInt8]] = []
    /// The styles of dates and date-times, plain and bold, once registered.
    private var dateStyles: [Int?] = [nil, nil, nil, nil]

    /// Excel's limit on a cell's text.
    static let maxTextLength = 32_767

    init(name: String, body: URL, frozenRows: Int, styles: StyleRegistry, strings: SharedStringTable?,
         workbookPath: String) throws(XLSXError) {
        self.name = name
        self.body = body
        self.frozenRows = frozenRows
        self.styles = styles
        self.strings = strings
        self.workbookPath = workbookPath
        guard FileManager.default.createFile(atPath: body.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: body.path) else {
            throw .writeFailed(path: workbookPath, reason: "cannot create a temporary file in \(body.deletingLastPathComponent().path)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        try? handle.close()
    }

    /// The number of rows written so far.
    public var rowCount: Int { rowNumber }

    /// Sets column `index`'s width (0 = A), in characters of the default font. Columns without
    /// a width get one from their longest value (up to 60 characters).
    public func setColumnWidth(_ width: Double, forColumn index: Int) {
        explicitWidths[index] = width
    }

    /// Appends a header row: bold text.
    public func appendHeader(_ titles: [String]) throws(XLSXError) {
        try append(titles.map { .text($0) }, bold: true)
    }

    /// Appends a row: cell `i` goes to column `i` (A, B, …); `.empty` cells are left out.
    public func append(_ values: [XLSXValue], bold: Bool = false) throws(XLSXError) {
        precondition(!finished, "the workbook is closed")
        guard values.count <= 16_384 else {
            throw .writeFailed(path: workbookPath, reason: "a row of \(values.count) cells: Excel has 16384 columns")
        }
        guard rowNumber < 1_048_576 else {
            throw .writeFailed(path: workbookPath, reason: "more than 1048576 rows: Excel's limit")
        }
        rowNumber += 1
        let row = Array(String(rowNumber).utf8)
        emit("<row r=\"")
        buffer.append(contentsOf: row)
        emit("\">")
        for (column, value) in values.enumerated() {
            try appendCell(value, row: row, column: column, bold: bold)
        }
        emit("</row>")
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// `<c r="B7"` and, for a style other than the default, ` s="3"`.
    private func openCell(row: [UInt8], column: Int, style: Int) {
        emit("<c r=\"")
        while column >= columnNames.count { columnNames.append(Array(SheetParser.columnName(columnNames.count).utf8)) }
        buffer.append(contentsOf: columnNames[column])
        buffer.append(contentsOf: row)
        emit("\"")
        if style != 0 {
            emit(" s=\"")
            emit(String(style))
            emit("\"")
        }
    }

    private func appendCell(_ value: XLSXValue, row: [UInt8], column: Int, bold: Bool) throws(XLSXError) {
        var shown = 0
        switch value {
        case .empty:
            return
        case .text(let text):
            guard text.utf8.count <= Self.maxTextLength || text.count <= Self.maxTextLength else {
                throw .writeFailed(path: workbookPath, reason: "cell \(SheetParser.columnName(column))\(rowNumber) of sheet "
                                   + "«\(name)»: text longer than \(Self.maxTextLength) characters, Excel's limit")
            }
            openCell(row: row, column: column, style: bold ? styles.index(format: nil, bold: true) : 0)
            if let strings {
                emit(" t=\"s\"><v>")
                emit(String(strings.index(of: text)))
                emit("</v></c>")
            } else {
                emit(XMLText.needsSpacePreserved(text) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>")
                XMLText.appendContent(text, to: &buffer)
                emit("</t></is></c>")
            }
            // Only texts that might be wider than the column so far are measured (in UTF-16
            // units: close enough to characters for a width, and cheap).
            if column >= widestText.count || text.utf8.count > widestText[column] {
                shown = text.utf8.contains(10) ? text.split(separator: "\n").map(\.utf16.count).max() ?? 0 : text.utf16.count
            }
        case .integer(let number):
            let digits = String(number)
            appendNumber(digits, row: row, column: column, style: bold ? styles.index(format: nil, bold: true) : 0)
            shown = digits.utf8.count
        case .number(let number, let format):
            guard number.isFinite else {
                openCell(row: row, column: column, style: 0)
                emit(" t=\"e\"><v>#NUM!</v></c>")
                return
            }
            let text = CellText.exactNumber(number)
            appendNumber(text, row: row, column: column,
                         style: format == .general && !bold ? 0 : styles.index(format: format == .general ? nil : format, bold: bold))
            shown = format == .general ? min(text.utf8.count, 12) : shownWidth(number, format)
        case .boolean(let flag):
            openCell(row: row, column: column, style: bold ? styles.index(format: nil, bold: true) : 0)
            emit(flag ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
            shown = 5
        case .date(let date):
            let style = date.hasTime ? dateTimeStyle(bold: bold) : dateStyle(bold: bold)
            appendNumber(CellText.exactNumber(date.serial), row: row, column: column, style: style)
            shown = date.hasTime ? 19 : 10
        }
        if bold { shown += 1 }
        if column >= widestText.count { widestText.append(contentsOf: repeatElement(0, count: column - widestText.count + 1)) }
        widestText[column] = max(widestText[column], shown)
    }

    private func appendNumber(_ text: String, row: [UInt8], column: Int, style: Int) {
        openCell(row: row, column: column, style: style)
        emit("><v>")
        emit(text)
        emit("</v></c>")
    }

    private func dateStyle(bold: Bool) -> Int {
        if let style = dateStyles[bold ? 1 : 0] { return style }
        let style = styles.index(format: .custom("dd.mm.yyyy"), bold: bold)
        dateStyles[bold ? 1 : 0] = style
        return style
    }

    private func dateTimeStyle(bold: Bool) -> Int {
        if let style = dateStyles[bold ? 3 : 2] { return style }
        let style = styles.index(format: .custom("dd.mm.yyyy hh:mm:ss"), bold: bold)
        dateStyles[bold ? 3 : 2] = style
        return style
    }

    private func shownWidth(_ number: Double, _ format: XLSXNumberFormat) -> Int {
        switch format {
        case .percent(let places): return CellText.number((number * 100).rounded()).count + 2 + places
        case .decimal(let places): return CellText.number(number.rounded()).count + 1 + places
        default: return 12
        }
    }

    @inline(__always)
    private func emit(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private func flush() throws(XLSXError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .writeFailed(path: workbookPath, reason: "\(error)")
        }
        bodySize += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    func finishBody() throws(XLSXError) {
        try flush()
        finished = true
        try? handle.close()
    }

    /// Everything of the sheet's part before its rows.
    func head(selected: Bool) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        xml += "<sheetViews><sheetView" + (selected ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\">"
        if frozenRows > 0 {
            let topLeft = "A\(frozenRows + 1)"
            xml += "<pane ySplit=\"\(frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let columns = max(widestText.count, (explicitWidths.keys.max() ?? -1) + 1)
        if columns > 0 {
            xml += "<cols>"
            for column in 0..<columns {
                let width = explicitWidths[column]
                    ?? min(60, max(8, Double(column < widestText.count ? widestText[column] : 0) + 2))
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(CellText.number(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }
}

/// The cell styles used so far: (number format, bold) → index into `cellXfs`.
final class StyleRegistry {
    private struct Key: Hashable {
        let format: XLSXNumberFormat?
        let bold: Bool
    }

    private var indexes: [Key: Int] = [Key(format: nil, bold: false): 0]
    private var order: [Key] = [Key(format: nil, bold: false)]
    private var customCodes: [String: Int] = [:]

    func index(format: XLSXNumberFormat?, bold: Bool) -> Int {
        let key = Key(format: format, bold: bold)
        if let index = indexes[key] { return index }
        let index = order.count
        indexes[key] = index
        order.append(key)
        if let format, format.code.builtInID == nil, customCodes[format.code.code] == nil {
            customCodes[format.code.code] = 164 + customCodes.count
        }
        return index
    }

    private func formatID(_ format: XLSXNumberFormat?) -> Int {
        guard let format else { return 0 }
        return format.code.builtInID ?? customCodes[format.code.code] ?? 0
    }

    func xml() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            """
        if !customCodes.isEmpty {
            xml += "<numFmts count=\"\(customCodes.count)\">"
            for (code, id) in customCodes.sorted(by: { $0.value < $1.value }) {
                xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLText.attribute(code))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += """
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            """
        xml += "<cellXfs count=\"\(order.count)\">"
        for key in order {
            let id = formatID(key.format)
            xml += "<xf numFmtId=\"\(id)\" fontId=\"\(key.bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
                + (id != 0 ? " applyNumberFormat=\"1\"" : "") + (key.bold ? " applyFont=\"1\"" : "") + "/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }
}

/// The shared-strings table being written: each distinct text once.
final class SharedStringTable {
    private var indexes: [String: Int] = [:]
    private var texts: [String] = []
    private var references = 0

    func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        indexes[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    func xml() -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(references)" uniqueCount="\(texts.count)">
            """
        for text in texts {
            xml += "<si><t" + (XMLText.needsSpacePreserved(text) ? " xml:space=\"preserve\">" : ">") + XMLText.content(text) + "</t></si>"
        }
        return xml + "</sst>"
    }
}
