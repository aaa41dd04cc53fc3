import Foundation
import Testing
@testable import PDXLSX
import ZIPFoundation

/// A temporary directory for one test's files, removed by `remove()`.
struct Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pdxlsx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Hand-written workbooks: the parts of a minimal valid package around the XML a test gives.
enum HandWritten {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A worksheet part around `rows` (the content of `<sheetData>`).
    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
            + "<sheetData>\(rows)</sheetData></worksheet>"
    }

    /// A styles part whose `cellXfs` use these number formats, in order (index = the cells' `s`);
    /// `custom` defines format codes by id.
    static func styles(cellFormats: [Int], custom: [Int: String] = [:]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">"
        if !custom.isEmpty {
            xml += "<numFmts count=\"\(custom.count)\">"
            for (id, code) in custom.sorted(by: { $0.key < $1.key }) {
                xml += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLText.attribute(code))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(cellFormats.count)\">"
        for id in cellFormats { xml += "<xf numFmtId=\"\(id)\" fontId=\"0\" xfId=\"0\"/>" }
        return xml + "</cellXfs></styleSheet>"
    }

    /// A shared-strings part of these `<si>` items (their inner XML).
    static func sharedStrings(_ items: [String]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\" count=\"\(items.count)\" uniqueCount=\"\(items.count)\">"
            + items.map { "<si>\($0)</si>" }.joined() + "</sst>"
    }

    /// Writes a workbook of `sheets` (name, state, worksheet XML) with optional styles and
    /// shared strings; `workbookPr` goes inside `<workbookPr …/>`.
    static func workbook(
        at path: String, sheets: [(name: String, state: String?, xml: String)], styles: String? = nil,
        sharedStrings: String? = nil, workbookPr: String = "", extraParts: [String: Data] = [:]
    ) throws {
        var parts: [(String, Data)] = []
        parts.append(("[Content_Types].xml", Data("""
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/></Types>
            """.utf8)))
        parts.append(("_rels/.rels", Data("""
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(relationshipsNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8)))
        var workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNS)\">"
        workbook += "<workbookPr \(workbookPr)/><sheets>"
        var rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, sheet) in sheets.enumerated() {
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            workbook += "<sheet name=\"\(XMLText.attribute(sheet.name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            rels += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipsNS)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Data(sheet.xml.utf8)))
        }
        workbook += "</sheets></workbook>"
        if let styles {
            rels += "<Relationship Id=\"rId100\" Type=\"\(relationshipsNS)/styles\" Target=\"styles.xml\"/>"
            parts.append(("xl/styles.xml", Data(styles.utf8)))
        }
        if let sharedStrings {
            rels += "<Relationship Id=\"rId101\" Type=\"\(relationshipsNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts.append(("xl/sharedStrings.xml", Data(sharedStrings.utf8)))
        }
        rels += "</Relationships>"
        parts.append(("xl/workbook.xml", Data(workbook.utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(rels.utf8)))
        for (name, data) in extraParts { parts.append((name, data)) }
        try zip(parts, to: path)
    }

    /// Writes a ZIP archive of these entries (deflated).
    static func zip(_ entries: [(String, Data)], to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Writes a ZIP archive with one entry of `size` bytes produced by `chunk(offset, count)`, deflated
    /// as it is produced (for parts too large to hold).
    static func zipStreaming(
        _ name: String, size: Int64, to archive: Archive, chunk: @escaping (Int64, Int) -> Data
    ) throws {
        try archive.addEntry(with: name, type: .file, uncompressedSize: size, compressionMethod: .deflate,
                             bufferSize: 1 << 16) { position, count in chunk(position, count) }
    }
}

/// Every row of the first visible sheet (or the named one) as (row number, values).
func readRows(_ path: String, sheet: String? = nil, limits: XLSXLimits = .default) throws -> [XLSXRow] {
    let workbook = try XLSXWorkbook(path: path, limits: limits)
    let reader: XLSXSheetReader
    if let sheet {
        reader = try workbook.openSheet(named: sheet)
    } else {
        reader = try workbook.openSheet(#require(workbook.firstVisibleSheet))
    }
    var rows: [XLSXRow] = []
    while try reader.next() { rows.append(reader.row) }
    return rows
}

/// The error `body` throws as an `XLSXError`, or nil when it throws none (or another kind).
func xlsxError(_ body: () throws -> Void) -> XLSXError? {
    do {
        try body()
        return nil
    } catch let error as XLSXError {
        return error
    } catch {
        return nil
    }
}

/// The resident set size of this process (Linux `/proc/self/status`), or nil elsewhere.
func residentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let digits = line.filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
    }
    return nil
}

