import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XLSX workbook opened for reading: its sheets (names, visibility, order) and the date
/// system. Rows are read one sheet at a time, as a stream, by `XLSXSheetReader`:
///
///     let workbook = try XLSXWorkbook(path: path)
///     guard let sheet = workbook.firstVisibleSheet else { … }
///     let reader = try workbook.openSheet(sheet)
///     while try reader.next() {
///         let row = reader.row          // row.number, row.values, row.kinds
///     }
///
/// Opening reads only the small parts (relationships, `workbook.xml`); styles and the shared
/// strings are read once, when the first sheet is opened, and shared by its readers. Neither
/// a workbook nor a reader is for concurrent use.
public final class XLSXWorkbook {
    public let path: String
    public let limits: XLSXLimits
    /// Every sheet in tab order, hidden ones included.
    public let sheets: [XLSXSheetInfo]
    /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`, old Mac workbooks)
    /// rather than from 1900.
    public let uses1904DateSystem: Bool

    private let sharedStringsPart: String?
    private let stylesPart: String?
    private let fileSize: Int
    private var cellFormats: (SharedStrings, [NumberFormatKind])?

    /// Opens the workbook at `path`, recognised by its content whatever its name.
    public init(path: String, limits: XLSXLimits = .default) throws(XLSXError) {
        self.path = path
        self.limits = limits
        let (signature, size) = try Self.signature(of: path)
        fileSize = size
        guard signature.starts(with: Self.zipSignature) else {
            if signature.starts(with: Self.compoundFileSignature) {
                throw .notAWorkbook(path: path, what: "старая книга Excel 97–2003 (.xls) или книга, защищённая паролем / "
                                    + "an Excel 97–2003 workbook (.xls) or a password-protected workbook")
            }
            throw .notAWorkbook(path: path, what: "не ZIP-архив / not a ZIP archive")
        }
        let archive = try PackageArchive(path: path, limits: limits)
        guard let workbookPart = Self.workbookPart(in: archive) else {
            throw .notAWorkbook(path: path, what: Self.whatElse(archive))
        }
        let workbook = WorkbookParser()
        _ = try archive.parse(workbookPart, delegate: workbook)
        let relationships = RelationshipsParser()
        _ = try archive.parse(Self.relationshipsPart(of: workbookPart), delegate: relationships)
        let byID = Dictionary(relationships.relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var sheets: [XLSXSheetInfo] = []
        for (index, entry) in workbook.sheets.enumerated() {
            let relationship = byID[entry.relationshipID]
            let part = relationship.map { RelationshipsParser.resolve($0.target, from: workbookPart) } ?? ""
            let isWorksheet = relationship.map { $0.type.hasSuffix("/worksheet") } ?? false
            sheets.append(XLSXSheetInfo(
                name: entry.name, index: index,
                visibility: XLSXSheetInfo.Visibility(rawValue: entry.state) ?? .visible,
                kind: isWorksheet && !part.isEmpty ? .worksheet : .other, part: part))
        }
        self.sheets = sheets
        uses1904DateSystem = workbook.uses1904
        sharedStringsPart = relationships.first(ofType: "sharedStrings")
            .map { RelationshipsParser.resolve($0.target, from: workbookPart) }
        stylesPart = relationships.first(ofType: "styles").map { RelationshipsParser.resolve($0.target, from: workbookPart) }
    }

    /// Whether the file at `path` is an XLSX workbook: a ZIP archive (`PK\3\4`) holding a
    /// workbook part (`xl/workbook.xml`, or wherever `_rels/.rels` points). Looks at the
    /// content only, never the name; never throws (an unreadable file is not a workbook).
    public static func isWorkbook(path: String) -> Bool {
        guard let (signature, _) = try? signature(of: path), signature.starts(with: zipSignature),
              let archive = try? PackageArchive(path: path, limits: .default) else { return false }
        return workbookPart(in: archive) != nil
    }

    /// The sheet named `name`: the exact name, else the one Excel would take for it (names
    /// are unique regardless of case and surrounding spaces).
    public func sheet(named name: String) -> XLSXSheetInfo? {
        if let exact = sheets.first(where: { $0.name == name }) { return exact }
        let folded = Self.fold(name)
        return sheets.first { Self.fold($0.name) == folded }
    }

    /// The first sheet in tab order that is visible and a grid of cells.
    public var firstVisibleSheet: XLSXSheetInfo? {
        sheets.first { $0.isVisibleWorksheet }
    }

    /// Starts reading the rows of `sheet` (a chart or macro sheet has none).
    public func openSheet(_ sheet: XLSXSheetInfo) throws(XLSXError) -> XLSXSheetReader {
        let (sharedStrings, styleKinds) = try loadCellFormats()
        let context = SheetContext(path: path, sheetName: sheet.name, sharedStrings: sharedStrings,
                                   styleKinds: styleKinds, uses1904: uses1904DateSystem, limits: limits)
        return XLSXSheetReader(sheet: sheet, context: context, fileSize: fileSize)
    }

    /// Starts reading the rows of the sheet named `name`; throws `noSuchSheet` with the
    /// workbook's sheet names when there is none.
    public func openSheet(named name: String) throws(XLSXError) -> XLSXSheetReader {
        guard let sheet = sheet(named: name) else {
            throw .noSuchSheet(path: path, name: name, available: sheets.map(\.name))
        }
        return try openSheet(sheet)
    }

    // MARK: Internals

    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The first 8 bytes of the file and its size.
    private static func signature(of path: String) throws(XLSXError) -> ([UInt8], Int) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .cannotOpen(path: path, reason: "нет такого файла / no such file")
        }
        guard !isDirectory.boolValue else {
            throw .cannotOpen(path: path, reason: "это папка / it is a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "нет доступа / permission denied")
        }
        defer { try? handle.close() }
        do {
            let head = try handle.read(upToCount: 8) ?? Data()
            let size = try handle.seekToEnd()
            return (Array(head), Int(size))
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The workbook part: where `_rels/.rels` points its office document, else `xl/workbook.xml`.
    private static func workbookPart(in archive: PackageArchive) -> String? {
        let relationships = RelationshipsParser()
        if (try? archive.parse("_rels/.rels", delegate: relationships)) == true,
           let document = relationships.first(ofType: "officeDocument") {
            let part = RelationshipsParser.resolve(document.target, from: "")
            if part.lowercased().hasSuffix(".xml"), archive.entry(part) != nil { return part }
        }
        return archive.entry("xl/workbook.xml") != nil ? "xl/workbook.xml" : nil
    }

    /// What a ZIP archive without a workbook part is instead, for the refusal.
    private static func whatElse(_ archive: PackageArchive) -> String {
        if archive.entry("xl/workbook.bin") != nil {
            return "двоичная книга Excel (.xlsb) / a binary Excel workbook (.xlsb)"
        }
        if let mimetype = try? archive.read("mimetype", limit: 1024),
           String(decoding: mimetype, as: UTF8.self).contains("opendocument.spreadsheet") {
            return "таблица OpenDocument (.ods) / an OpenDocument spreadsheet (.ods)"
        }
        if archive.entry("word/document.xml") != nil {
            return "документ Word (.docx) / a Word document (.docx)"
        }
        return "ZIP-архив без книги Excel / a ZIP archive without an Excel workbook"
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    private static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    private static func fold(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The shared strings and the styles' number-format kinds, read on first use.
    private func loadCellFormats() throws(XLSXError) -> (SharedStrings, [NumberFormatKind]) {
        if let cellFormats { return cellFormats }
        let archive = try PackageArchive(path: path, limits: limits)
        var kinds: [NumberFormatKind] = []
        let stylesName = stylesPart ?? "xl/styles.xml"
        let styles = StylesParser()
        if try archive.parse(stylesName, delegate: styles) { kinds = styles.kinds }

        var sharedStrings = SharedStrings.empty
        let stringsName = sharedStringsPart ?? "xl/sharedStrings.xml"
        if archive.entry(stringsName) != nil {
            let parser = SharedStringsParser(maxCount: limits.maxSharedStrings, maxBytes: limits.maxSharedStringsBytes)
            try PackageArchive.parseStreaming(path: path, part: stringsName, limit: limits.maxSharedStringsBytes,
                                              limits: limits, delegate: parser)
            sharedStrings = parser.table
        }
        cellFormats = (sharedStrings, kinds)
        return (sharedStrings, kinds)
    }
}
