/// What can go wrong while reading or writing an XLSX workbook. Every case says what happened
/// and, in its `description` (Russian, then English), what to do about it.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read (missing, unreadable, a directory...).
    case cannotOpen(path: String, reason: String)
    /// The file is not an XLSX workbook: `what` ("русский / English") says what it looks like
    /// instead (an old binary `.xls`, a password-protected workbook, an `.xlsb`, an `.ods`, a plain ZIP...).
    case notAWorkbook(path: String, what: String)
    /// The ZIP container is damaged: a missing central directory, a bad checksum, a broken
    /// compressed stream, a part that is not well-formed XML. `reason` is "русский / English".
    case corrupt(path: String, part: String?, reason: String)
    /// A part of the archive decompresses to more than `limit` bytes: a zip bomb, or a sheet
    /// far beyond anything the exports produce.
    case partTooLarge(path: String, part: String, limit: Int64)
    /// A part decompresses more than `limit` times its compressed size: the signature of a zip bomb.
    case compressionRatioTooHigh(path: String, part: String, limit: Int)
    /// The shared-strings table holds more than `limit` strings.
    case tooManySharedStrings(path: String, limit: Int)
    /// A cell lies beyond the last column a workbook may have (`limit`, XFD = 16384) or the last row.
    case cellOutOfRange(path: String, sheet: String, reference: String)
    /// One cell's text is longer than `limit` bytes.
    case cellTooLarge(path: String, sheet: String, row: Int, limit: Int)
    /// A cell refers to shared string `index`, which the table does not have.
    case badSharedStringIndex(path: String, sheet: String, row: Int, index: String)
    /// No sheet of that name; `available` lists the workbook's sheets.
    case noSuchSheet(path: String, name: String, available: [String])
    /// A sheet name Excel would refuse (too long, a forbidden character, a duplicate...).
    /// `reason` is "русский / English".
    case invalidSheetName(name: String, reason: String)
    /// Writing the workbook failed.
    case writeFailed(path: String, reason: String)

    /// The spreadsheet row the problem points at, when there is one.
    public var row: Int? {
        switch self {
        case .cellTooLarge(_, _, let row, _), .badSharedStringIndex(_, _, let row, _): return row
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Не удалось открыть файл \(path): \(reason). Проверьте путь и права доступа. / "
                + "Cannot open file \(path): \(reason). Check the path and the file's permissions."
        case .notAWorkbook(let path, let what):
            return "Файл \(path) — не книга Excel .xlsx (\(what.ru)). Откройте его в Excel или LibreOffice и сохраните "
                + "как «Книга Excel (*.xlsx)» без пароля или как CSV. / "
                + "File \(path) is not an .xlsx workbook (\(what.en)). Open it in Excel or LibreOffice and save it "
                + "as an \"Excel Workbook (*.xlsx)\" without a password, or as CSV."
        case .corrupt(let path, let part, let reason):
            let whereRU = part.map { " (часть \($0))" } ?? ""
            let whereEN = part.map { " (part \($0))" } ?? ""
            return "Книга \(path) повреждена\(whereRU): \(reason.ru). Попросите файл заново или откройте его в Excel "
                + "(«Открыть и восстановить») и сохраните ещё раз. / "
                + "Workbook \(path) is damaged\(whereEN): \(reason.en). Ask for the file again, or open it in Excel "
                + "(\"Open and Repair\") and save it again."
        case .partTooLarge(let path, let part, let limit):
            return "Книга \(path): часть \(part) при распаковке больше \(Self.size(limit)); чтение остановлено, "
                + "чтобы не переполнить память (так выглядит «zip-бомба»). Если файл настоящий, разделите его "
                + "на несколько книг или сохраните как CSV. / "
                + "Workbook \(path): part \(part) decompresses to more than \(Self.size(limit)); reading stopped so "
                + "as not to fill memory (this is what a zip bomb looks like). If the file is genuine, split it "
                + "into several workbooks or save it as CSV."
        case .compressionRatioTooHigh(let path, let part, let limit):
            return "Книга \(path): часть \(part) сжата более чем в \(limit) раз — так сжимаются только «zip-бомбы», "
                + "а не таблицы; чтение остановлено. Если файл настоящий, сохраните его как CSV. / "
                + "Workbook \(path): part \(part) is compressed more than \(limit) to 1, as only zip bombs are, "
                + "not spreadsheets; reading stopped. If the file is genuine, save it as CSV."
        case .tooManySharedStrings(let path, let limit):
            return "Книга \(path): в таблице общих строк больше \(limit) строк; чтение остановлено, чтобы не "
                + "переполнить память. Разделите книгу на части или сохраните её как CSV. / "
                + "Workbook \(path): the shared-strings table holds more than \(limit) strings; reading stopped so as "
                + "not to fill memory. Split the workbook or save it as CSV."
        case .cellOutOfRange(let path, let sheet, let reference):
            return "Книга \(path), лист «\(sheet)»: ячейка \(reference) за пределами листа Excel (столбцы до XFD, "
                + "строки до 1048576); файл повреждён или создан не Excel. Сохраните его заново в Excel. / "
                + "Workbook \(path), sheet \"\(sheet)\": cell \(reference) lies outside an Excel sheet (columns up to "
                + "XFD, rows up to 1048576); the file is damaged or was not written by Excel. Save it again in Excel."
        case .cellTooLarge(let path, let sheet, let row, let limit):
            return "Книга \(path), лист «\(sheet)», строка \(row): текст ячейки длиннее \(Self.size(Int64(limit))). "
                + "Проверьте эту строку. / "
                + "Workbook \(path), sheet \"\(sheet)\", row \(row): a cell's text is longer than "
                + "\(Self.size(Int64(limit))). Check this row."
        case .badSharedStringIndex(let path, let sheet, let row, let index):
            return "Книга \(path), лист «\(sheet)», строка \(row): ячейка ссылается на общую строку \(index), "
                + "которой нет; файл повреждён. Сохраните его заново в Excel. / "
                + "Workbook \(path), sheet \"\(sheet)\", row \(row): a cell refers to shared string \(index), which "
                + "does not exist; the file is damaged. Save it again in Excel."
        case .noSuchSheet(let path, let name, let available):
            let list = available.map { "«\($0)»" }.joined(separator: ", ")
            let listEN = available.map { "\"\($0)\"" }.joined(separator: ", ")
            return "В книге \(path) нет листа «\(name)»; листы: \(list.isEmpty ? "нет" : list). / "
                + "Workbook \(path) has no sheet \"\(name)\"; its sheets: \(listEN.isEmpty ? "none" : listEN)."
        case .invalidSheetName(let name, let reason):
            return "Недопустимое имя листа «\(name)»: \(reason.ru). / Invalid sheet name \"\(name)\": \(reason.en)."
        case .writeFailed(let path, let reason):
            return "Не удалось записать книгу \(path): \(reason). Проверьте место на диске и права на папку. / "
                + "Cannot write workbook \(path): \(reason). Check the free disk space and the folder's permissions."
        }
    }

    private static func size(_ bytes: Int64) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) B"
    }
}

/// Reasons carried by `XLSXError` cases are written "русский / English"; these split them.
extension String {
    var ru: String {
        guard let range = range(of: " / ") else { return self }
        return String(self[..<range.lowerBound])
    }

    var en: String {
        guard let range = range(of: " / ") else { return self }
        return String(self[range.upperBound...])
    }
}
