/// What a cell held, before it became text.
public enum XLSXCellKind: Sendable, Equatable {
    /// No value (a gap before a later cell of the row).
    case empty
    /// A string: shared, inline, rich text (runs joined) or a formula's text result.
    case text
    /// A number not formatted as a date (General, `0.00`, `0.00%`, `"дней"0`...).
    case number
    /// TRUE or FALSE, read as `true` / `false`.
    case boolean
    /// A number formatted as a date, or a date-time: `dd.mm.yyyy` or `dd.mm.yyyy HH:MM:SS`.
    case date
    /// A number formatted as a time of day (`HH:MM:SS`) or an elapsed time (`[h]:mm:ss`).
    case time
    /// An error value such as `#N/A` or `#DIV/0!`, kept as that text.
    case error
}

/// One row of a sheet: its cells as the text a CSV export of it would carry, by column
/// (A is index 0; cells the writer skipped are empty strings), and the spreadsheet row number.
public struct XLSXRow: Sendable, Equatable {
    /// The spreadsheet row number (1-based, as Excel shows it): the "line" of reject reports.
    public let number: Int
    /// The cells' text, up to the last cell that has a value.
    public let values: [String]
    /// What each cell held.
    public let kinds: [XLSXCellKind]

    public init(number: Int, values: [String], kinds: [XLSXCellKind]) {
        precondition(values.count == kinds.count, "one kind per value")
        self.number = number
        self.values = values
        self.kinds = kinds
    }

    /// The number of columns up to the last cell with a value.
    public var count: Int { values.count }

    /// The text of column `index`; empty past the last cell.
    public func string(at index: Int) -> String {
        index >= 0 && index < values.count ? values[index] : ""
    }

    /// The kind of column `index`; `.empty` past the last cell.
    public func kind(at index: Int) -> XLSXCellKind {
        index >= 0 && index < kinds.count ? kinds[index] : .empty
    }
}

/// A sheet of a workbook, as `xl/workbook.xml` lists it.
public struct XLSXSheetInfo: Sendable, Equatable, CustomStringConvertible {
    public enum Visibility: String, Sendable, Equatable {
        case visible
        /// Hidden, but the user can show it (Format → Sheet → Unhide).
        case hidden
        /// Hidden so that only a macro can show it.
        case veryHidden
    }

    public enum Kind: Sendable, Equatable {
        /// A grid of cells.
        case worksheet
        /// A chart, a dialog or a macro sheet: no rows to read.
        case other
    }

    /// The name on the sheet's tab.
    public let name: String
    /// Its 0-based position among the tabs.
    public let index: Int
    public let visibility: Visibility
    public let kind: Kind
    /// Its part in the archive, e.g. `xl/worksheets/sheet1.xml` (empty when the workbook does not say).
    public let part: String

    public init(name: String, index: Int, visibility: Visibility, kind: Kind, part: String) {
        self.name = name
        self.index = index
        self.visibility = visibility
        self.kind = kind
        self.part = part
    }

    /// Visible and a grid of cells.
    public var isVisibleWorksheet: Bool { visibility == .visible && kind == .worksheet }

    public var description: String { name }
}
