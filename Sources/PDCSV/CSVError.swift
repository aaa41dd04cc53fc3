/// What can go wrong while reading CSV. Every case says where it happened and, in its
/// `description` (Russian, then English), what to do about it.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened (missing, unreadable, a directory...).
    case cannotOpen(path: String, reason: String)
    /// The operating system failed to read the file part-way through.
    case readFailed(path: String, reason: String)
    /// A quoted field starts on `line` and its closing quote never comes before the end of the file.
    case unterminatedQuote(file: String?, line: Int)
    /// The record starting on `line` grew beyond `limit` bytes: almost always an unbalanced quote
    /// that swallows the rest of the file. Reading stops so that memory stays flat.
    case recordTooLarge(file: String?, line: Int, limit: Int)

    /// The 1-based physical line the problem points at, when there is one.
    public var line: Int? {
        switch self {
        case .cannotOpen, .readFailed: return nil
        case .unterminatedQuote(_, let line), .recordTooLarge(_, let line, _): return line
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Не удалось открыть файл \(path): \(reason). Проверьте путь и права доступа. / "
                + "Cannot open file \(path): \(reason). Check the path and the file's permissions."
        case .readFailed(let path, let reason):
            return "Ошибка чтения файла \(path): \(reason). Повторите загрузку; если ошибка повторяется, проверьте диск. / "
                + "Reading file \(path) failed: \(reason). Retry; if it keeps failing, check the disk."
        case .unterminatedQuote(let file, let line):
            let ru = file.map { "Файл \($0), строка \(line)" } ?? "Строка \(line)"
            let en = file.map { "File \($0), line \(line)" } ?? "Line \(line)"
            return "\(ru): кавычка, открывающая поле в этой строке, не закрыта до конца файла. "
                + "Проверьте парность кавычек в этой записи (кавычка внутри поля в кавычках пишется дважды: \"\"). / "
                + "\(en): a quote that opens a field on this line is never closed before the end of the file. "
                + "Check the quotes in this record (a quote inside a quoted field is written twice: \"\")."
        case .recordTooLarge(let file, let line, let limit):
            let ru = file.map { "Файл \($0), строка \(line)" } ?? "Строка \(line)"
            let en = file.map { "File \($0), line \(line)" } ?? "Line \(line)"
            return "\(ru): запись длиннее \(limit) байт; скорее всего, в ней не закрыта кавычка. "
                + "Проверьте кавычки в этой записи. / "
                + "\(en): the record is longer than \(limit) bytes, most likely because a quote in it is never closed. "
                + "Check the quotes in this record."
        }
    }
}
