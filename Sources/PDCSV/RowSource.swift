/// Rows of a table file, CSV or a sheet of a workbook, read one at a time: what a loader needs
/// to read either the same way.
///
///     func load(_ source: inout some RowSource) throws {
///         while try source.next() {
///             let record = source.record     // record.line, record.strings(), record.isBlank
///         }
///     }
///
/// `record.line` is the CSV line where the record starts, or the spreadsheet row number.
/// `CSVReader` conforms here; `PDXLSX.XLSXSheetReader` conforms in its module.
public protocol RowSource {
    /// Advances to the next record; false at the end. After false or an error, keeps returning false.
    mutating func next() throws -> Bool
    /// The current record, after `next()` returned true.
    var record: CSVRecord { get }
    /// Bytes of the file consumed so far, for a progress display against the file's size.
    var bytesRead: Int { get }
    /// NUL bytes padding the end of the file that were left unread (a CSV quirk; 0 for a sheet).
    var trailingNULPadding: Int { get }
    /// The line (or row) after the last record read: where trailing padding is reported.
    var nextLine: Int { get }
}

extension CSVReader: RowSource {}
