import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `_rels/.rels` and `xl/_rels/workbook.xml.rels`: relationship id → (type, target).
final class RelationshipsParser: PartDelegate {
    struct Relationship {
        let id: String
        let type: String
        let target: String
        let isExternal: Bool
    }

    private(set) var relationships: [Relationship] = []

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {
        guard localName(elementName) == "Relationship",
              let id = attribute("Id", in: attributes), let target = attribute("Target", in: attributes) else { return }
        relationships.append(Relationship(
            id: id, type: attribute("Type", in: attributes) ?? "", target: target,
            isExternal: attribute("TargetMode", in: attributes) == "External"))
    }

    /// The relationship whose type ends with `/suffix` (types differ between transitional and strict OOXML).
    func first(ofType suffix: String) -> Relationship? {
        relationships.first { $0.type.hasSuffix("/" + suffix) }
    }

    /// Resolves a relationship target against the folder of the part that holds the relationships.
    static func resolve(_ target: String, from sourcePart: String) -> String {
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = sourcePart.split(separator: "/", omittingEmptySubsequences: true)
            if !components.isEmpty { components.removeLast() }
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}

/// `xl/workbook.xml`: the sheets in tab order and the date system.
final class WorkbookParser: PartDelegate {
    struct SheetEntry {
        let name: String
        let relationshipID: String
        let state: String
    }

    private(set) var sheets: [SheetEntry] = []
    private(set) var uses1904 = false

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {
        switch localName(elementName) {
        case "sheet":
            guard let name = attribute("name", in: attributes) else { return }
            sheets.append(SheetEntry(name: name, relationshipID: attribute("id", in: attributes) ?? "",
                                     state: attribute("state", in: attributes) ?? "visible"))
        case "workbookPr":
            if let flag = attribute("date1904", in: attributes) {
                uses1904 = flag == "1" || flag.lowercased() == "true"
            }
        default:
            break
        }
    }
}

/// `xl/styles.xml`: the number-format kind of each cell style (`cellXfs`, indexed by a cell's `s`).
final class StylesParser: PartDelegate {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellXfs = false
    private var inNumFmts = false

    /// The kind of every cell style, in order.
    var kinds: [NumberFormatKind] {
        formatIDs.map { id in
            if let code = customFormats[id] { return NumberFormats.kind(code: code) }
            return NumberFormats.kind(builtIn: id)
        }
    }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {
        switch localName(elementName) {
        case "numFmts": inNumFmts = true
        case "cellXfs": inCellXfs = true
        case "numFmt" where inNumFmts:
            if let id = attribute("numFmtId", in: attributes).flatMap({ Int($0) }),
               let code = attribute("formatCode", in: attributes) {
                customFormats[id] = code
            }
        case "xf" where inCellXfs:
            formatIDs.append(attribute("numFmtId", in: attributes).flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        switch localName(elementName) {
        case "numFmts": inNumFmts = false
        case "cellXfs": inCellXfs = false
        default: break
        }
    }
}

/// The shared-strings table, held compactly (all strings' UTF-8 back to back) while sheets are read.
final class SharedStrings: Sendable {
    private let bytes: [UInt8]
    private let ends: [UInt32]

    init(bytes: [UInt8], ends: [UInt32]) {
        self.bytes = bytes
        self.ends = ends
    }

    static let empty = SharedStrings(bytes: [], ends: [])

    var count: Int { ends.count }

    func string(at index: Int) -> String? {
        guard index >= 0, index < ends.count else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return String(decoding: bytes[start..<Int(ends[index])], as: UTF8.self)
    }
}

/// `xl/sharedStrings.xml`: every `<si>` item's text (rich-text runs concatenated, phonetic runs left out).
final class SharedStringsParser: PartDelegate {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var text = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0
    private let maxCount: Int
    private let maxBytes: Int

    init(maxCount: Int, maxBytes: Int64) {
        self.maxCount = maxCount
        self.maxBytes = Int(min(maxBytes, Int64(UInt32.max)))
    }

    var table: SharedStrings { SharedStrings(bytes: bytes, ends: ends) }

    override func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String]) {
        switch localName(elementName) {
        case "si":
            inItem = true
            text = ""
        case "rPh":
            phoneticDepth += 1
        case "t" where inItem && phoneticDepth == 0:
            inText = true
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        switch localName(elementName) {
        case "t":
            inText = false
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "si":
            inItem = false
            guard ends.count < maxCount else {
                fail(.tooManySharedStrings(path: path, limit: maxCount))
                return
            }
            let value = CellText.unescape(text)
            guard bytes.count + value.utf8.count <= maxBytes else {
                fail(.partTooLarge(path: path, part: part, limit: Int64(maxBytes)))
                return
            }
            bytes.append(contentsOf: value.utf8)
            ends.append(UInt32(bytes.count))
        default:
            break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        text += string
    }

    override func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard inText else { return }
        text += String(decoding: CDATABlock, as: UTF8.self)
    }
}
