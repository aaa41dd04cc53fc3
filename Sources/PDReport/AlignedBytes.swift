/// The aligned table of `TableRenderer` without a terminal width, built on UTF-8 bytes (issue
/// 12: `report compare` and `indicators --by school` as tables took 2.1× and 2.5× psql's aligned
/// output on the same SQL; the renderer, not the SQL, was the cost).
///
/// The text is byte for byte what `TableRenderer.wrapping` writes for `width: nil` (every cell on
/// one line, padded to its column's display width, trailing spaces trimmed, a line feed after
/// each line): the snapshot tests hold both to it. What differs is the work: each cell's display
/// width is measured once (`WidthMeter`: ASCII and Cyrillic by their bytes, other characters
/// through a per-table cache of `DisplayWidth.of(_:)` per scalar), and lines are appended to one
/// byte buffer instead of being built as `String`s and joined.
enum AlignedBytes {
    static func render(_ table: ResultTable, language: ReportLanguage, includeTitle: Bool) -> [UInt8] {
        var meter = WidthMeter()
        let columnCount = table.columns.count
        let headings = table.columns.map { TableRenderer.sanitize($0.heading) }
        let rowCount = table.rows.count
        var cells: [String] = []
        cells.reserveCapacity(rowCount * columnCount)
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(rowCount * columnCount)
        var widths = headings.map { meter.width(of: $0) }
        let headingWidths = widths
        let types = table.columns.map(\.type)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let text = TableRenderer.sanitize(DisplayText.cell(table.cell(row: row, column: column), type: types[column], language: language))
                let width = meter.width(of: text)
                cells.append(text)
                cellWidths.append(width)
                if width > widths[column] { widths[column] = width }
            }
        }
        let rightAligned = types.map(\.isNumeric)

        var out: [UInt8] = []
        let lineEstimate = widths.reduce(0, +) + 3 * columnCount + 1
        out.reserveCapacity((rowCount + 4) * lineEstimate * 2 + 256)
        let space = UInt8(ascii: " "), bar = UInt8(ascii: "|"), newline = UInt8(ascii: "\n")

        func appendLine(_ text: String) {
            out.append(contentsOf: text.utf8)
            out.append(newline)
        }
        /// One record: " cell " between bars, padded, trailing spaces trimmed.
        func appendRecord(_ texts: (Int) -> String, _ textWidths: (Int) -> Int) {
            let start = out.count
            for column in 0..<columnCount {
                if column > 0 { out.append(bar) }
                out.append(space)
                let missing = widths[column] - textWidths(column)
                if rightAligned[column], missing > 0 { out.append(contentsOf: repeatElement(space, count: missing)) }
                out.append(contentsOf: texts(column).utf8)
                if !rightAligned[column], missing > 0 { out.append(contentsOf: repeatElement(space, count: missing)) }
                out.append(space)
            }
            while out.count > start, out[out.count - 1] == space { out.removeLast() }
            out.append(newline)
        }

        if includeTitle, !table.title.isEmpty {
            appendLine(TableRenderer.sanitize(table.title))
            out.append(newline)
        }
        if rowCount == 0 {
            appendLine(TableRenderer.sanitize(table.emptyMessage(language)))
        } else {
            appendRecord({ headings[$0] }, { headingWidths[$0] })
            for column in 0..<columnCount {
                if column > 0 { out.append(UInt8(ascii: "+")) }
                out.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: widths[column] + 2))
            }
            out.append(newline)
            for row in 0..<rowCount {
                let base = row * columnCount
                appendRecord({ cells[base + $0] }, { cellWidths[base + $0] })
            }
        }
        if !table.notes.isEmpty {
            out.append(newline)
            for note in table.notes { appendLine(TableRenderer.sanitize(note)) }
        }
        return out
    }
}

/// `DisplayWidth.of(_:)` for many cells: printable ASCII is one column a byte and the Cyrillic
/// letters U+0400–U+047F (UTF-8 lead bytes `D0`, `D1`; no combining marks among them) one column
/// each, without looking at Unicode properties; any other scalar's width is looked up once per
/// table (a cache of the Basic Multilingual Plane, filled as scalars occur) and text with an
/// escape sequence (colours) is measured by `DisplayWidth.of(_:)` itself. Same results
/// (`DisplayWidthTests` compares every BMP scalar).
struct WidthMeter {
    /// Width + 1 of each BMP scalar seen so far; 0 = not looked up yet.
    private var cache = [UInt8](repeating: 0, count: 0x1_0000)

    mutating func width(of text: String) -> Int {
        var width = 0
        var escape = false
        text.utf8.withContiguousStorageIfAvailable { bytes in
            width = measure(bytes, escape: &escape)
        } ?? {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { width = measure($0, escape: &escape) }
        }()
        return escape ? DisplayWidth.of(text) : width
    }

    private mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>, escape: inout Bool) -> Int {
        var width = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x1B { escape = true; return 0 }
                if byte >= 0x20 && byte != 0x7F { width += 1 }
                index += 1
            } else if byte == 0xD0 || byte == 0xD1 {
                width += 1
                index += 2
            } else {
                // A multi-byte scalar: decode it (the text is valid UTF-8: it is a String).
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                var next = index + 1
                while next < index + length, next < count {
                    value = (value << 6) | (UInt32(bytes[next]) & 0x3F)
                    next += 1
                }
                index += length
                width += scalarWidth(value)
            }
        }
        return width
    }

    private mutating func scalarWidth(_ value: UInt32) -> Int {
        guard value < 0x1_0000 else { return Unicode.Scalar(value).map { DisplayWidth.of($0) } ?? 0 }
        let cached = cache[Int(value)]
        if cached != 0 { return Int(cached) - 1 }
        let width = Unicode.Scalar(value).map { DisplayWidth.of($0) } ?? 0
        cache[Int(value)] = UInt8(width + 1)
        return width
    }
}
