/// Caps that keep a hostile or broken workbook from filling memory or disk. Every part of the
/// archive is decompressed as a stream and counted as it goes: the sizes written in the ZIP
/// headers are checked too, but never trusted.
public struct XLSXLimits: Sendable, Equatable {
    /// The most one worksheet may decompress to (it is streamed, never held).
    public var maxSheetBytes: Int64
    /// The most the shared-strings part may decompress to (it is held while sheets are read).
    public var maxSharedStringsBytes: Int64
    /// The most strings the shared-strings table may hold.
    public var maxSharedStrings: Int
    /// The most any other part (workbook, relationships, styles, content types) may decompress to.
    public var maxPartBytes: Int64
    /// The most a part may decompress per compressed byte, checked once it has produced
    /// `ratioGraceBytes` (small parts may compress very well, a zip bomb does so for gigabytes).
    public var maxCompressionRatio: Int
    /// Decompressed bytes of a part before the ratio is checked.
    public var ratioGraceBytes: Int64
    /// The last column a cell may be in (16384 = XFD, Excel's last column).
    public var maxColumns: Int
    /// The last row a cell may be in (1048576, Excel's last row).
    public var maxRows: Int
    /// The most bytes (UTF-8) one cell's text may have (Excel's own limit is 32767 characters).
    public var maxCellBytes: Int

    public init(
        maxSheetBytes: Int64 = 1 << 30,
        maxSharedStringsBytes: Int64 = 256 << 20,
        maxSharedStrings: Int = 5_000_000,
        maxPartBytes: Int64 = 64 << 20,
        maxCompressionRatio: Int = 250,
        ratioGraceBytes: Int64 = 16 << 20,
        maxColumns: Int = 16_384,
        maxRows: Int = 1_048_576,
        maxCellBytes: Int = 1 << 20
    ) {
        self.maxSheetBytes = maxSheetBytes
        self.maxSharedStringsBytes = maxSharedStringsBytes
        self.maxSharedStrings = maxSharedStrings
        self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioGraceBytes = ratioGraceBytes
        self.maxColumns = maxColumns
        self.maxRows = maxRows
        self.maxCellBytes = maxCellBytes
    }

    /// The defaults: 1 GiB per sheet, 256 MiB and 5 000 000 shared strings, 64 MiB for any
    /// other part, 250:1 compression after 16 MiB, 16384 columns, 1048576 rows, 1 MiB per cell.
    public static let `default` = XLSXLimits()
}
