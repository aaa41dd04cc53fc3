/// The kind of value a result column holds, which decides alignment and how each
/// renderer writes the cell (JSON numbers, decimal comma in Excel CSV, and so on).
public enum ColumnType: String, Sendable, Equatable, Hashable, CaseIterable {
    case text
    case integer
    case decimal
    case boolean
    case date

    /// Maps a PostgreSQL type OID (as reported by `PQftype`) to a column type:
    /// int2/int4/int8 → integer, numeric/float4/float8 → decimal, bool → boolean,
    /// date → date, everything else → text.
    public init(postgresTypeOID oid: UInt32) {
        switch oid {
        case 20, 21, 23: self = .integer          // int8, int2, int4
        case 700, 701, 1700: self = .decimal      // float4, float8, numeric
        case 16: self = .boolean                  // bool
        case 1082: self = .date                   // date
        default: self = .text
        }
    }

    /// Integer and decimal columns: right-aligned, written as numbers.
    public var isNumeric: Bool { self == .integer || self == .decimal }
}

/// What a numeric column measures, so that a spreadsheet can show it with a number format
/// (`SpreadsheetRenderer`): a percentage is stored as a fraction under a `0.0%` format, hours
/// and changes keep their value under a format naming the unit. Text renderers ignore it.
public enum ColumnUnit: String, Sendable, Equatable, Hashable {
    /// A percentage, written as the database writes it (`67.6` means 67,6 %).
    case percent
    /// Hours (an average per teacher).
    case hours
    /// A change of a percentage, in percentage points.
    case points
    /// The unit of the row's indicator: `percent` or `hours` (`ResultTable.rowUnits`).
    case indicatorValue
    /// A change in the row's indicator: `points` for a percent indicator, `hours` for hours.
    case indicatorChange

    /// The concrete unit of a cell in a row whose indicator has `unit` (nil: not known).
    public func resolved(_ unit: IndicatorInfo.Unit?) -> ColumnUnit? {
        switch self {
        case .percent, .hours, .points: return self
        case .indicatorValue: return unit.map { $0 == .percent ? .percent : .hours }
        case .indicatorChange: return unit.map { $0 == .percent ? .points : .hours }
        }
    }
}

/// One column of a result: its machine name (CSV header, JSON key), its type,
/// and an optional human caption shown instead of the name in table and markdown output.
public struct ResultColumn: Sendable, Equatable, Hashable {
    /// Machine name, e.g. `academic_year`. Used verbatim as the CSV header and JSON key.
    public var name: String
    public var type: ColumnType
    /// Human heading for table/markdown output; `nil` shows `name`.
    public var caption: String?
    /// What a numeric column measures (spreadsheet number formats); nil: a plain number.
    public var unit: ColumnUnit?

    public init(name: String, type: ColumnType = .text, caption: String? = nil, unit: ColumnUnit? = nil) {
        self.name = name
        self.type = type
        self.caption = caption
        self.unit = unit
    }

    /// A column typed from a PostgreSQL type OID (see `ColumnType.init(postgresTypeOID:)`).
    public init(name: String, postgresTypeOID: UInt32, caption: String? = nil) {
        self.init(name: name, type: ColumnType(postgresTypeOID: postgresTypeOID), caption: caption)
    }

    /// The heading shown to people: the caption when there is one, else the name.
    public var heading: String { caption ?? name }
}

/// A query result ready to render: a title, typed columns and rows of text cells
/// exactly as libpq returns them (`nil` = SQL NULL; booleans as `t`/`f`).
///
/// Rows shorter than `columns` are read as if padded with NULLs; extra cells are ignored.
public struct ResultTable: Sendable, Equatable {
    public var title: String
    public var columns: [ResultColumn]
    public var rows: [[String?]]
    /// Footnotes (caveats, legends) shown under the table in table and markdown output.
    public var notes: [String]
    /// What table, markdown and HTML output say instead of an empty table (`table.no_rows`
    /// when nil). CSV keeps its header row and JSON writes `[]`.
    public var emptyText: String?
    /// Per row, the unit of the row's indicator, for columns of unit `indicatorValue` or
    /// `indicatorChange` (empty, or shorter than `rows`: not known).
    public var rowUnits: [IndicatorInfo.Unit?]

    public init(title: String = "", columns: [ResultColumn], rows: [[String?]] = [], notes: [String] = [], emptyText: String? = nil,
                rowUnits: [IndicatorInfo.Unit?] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.emptyText = emptyText
        self.rowUnits = rowUnits
    }

    /// The concrete unit of the cell at `row` of column `column` (nil: a plain number).
    public func unit(row: Int, column: Int) -> ColumnUnit? {
        columns[column].unit?.resolved(row < rowUnits.count ? rowUnits[row] : nil)
    }

    /// The units of the rows' indicators, from the `indicator` column (ids) and `catalogue`.
    public func indicatorUnits(_ catalogue: IndicatorCatalogue) -> [IndicatorInfo.Unit?] {
        guard let column = columns.firstIndex(where: { $0.name == "indicator" }) else { return [] }
        return rows.indices.map { cell(row: $0, column: column).flatMap { catalogue[$0]?.unit } }
    }

    /// A copy whose columns named in `units` measure those units.
    public func measuring(_ units: [String: ColumnUnit]) -> ResultTable {
        var copy = self
        for index in copy.columns.indices {
            if let unit = units[copy.columns[index].name] { copy.columns[index].unit = unit }
        }
        return copy
    }

    /// What people read instead of an empty table.
    public func emptyMessage(_ language: ReportLanguage) -> String {
        emptyText ?? ReportCatalogue.text("table.no_rows", in: language)
    }

    /// The cell at `row`, `column`, or `nil` when the row is short.
    public func cell(row: Int, column: Int) -> String? {
        let cells = rows[row]
        return column < cells.count ? cells[column] : nil
    }

    /// A copy whose column captions (and title, when `titleID` is given) come from the
    /// caption catalogue in `language`. Columns whose name is not in the catalogue keep
    /// their current caption.
    public func localized(_ language: ReportLanguage, titleID: String? = nil) -> ResultTable {
        var copy = self
        for index in copy.columns.indices {
            if let text = ReportCatalogue.lookup(copy.columns[index].name, in: language) {
                copy.columns[index].caption = text
            }
        }
        if let titleID, let text = ReportCatalogue.lookup(titleID, in: language) {
            copy.title = text
        }
        return copy
    }
}
