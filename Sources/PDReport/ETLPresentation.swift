import PDContract

/// How `etl history` and `etl rejects` are shown: captions, kinds, statuses and reject reasons
/// in the user's language for people (table, markdown, HTML); the stored codes and texts as
/// they are for machines (CSV, JSON).
public struct ETLPresentation: Sendable {
    public let language: ReportLanguage
    /// People read it: words instead of codes, the file's checksum shortened.
    public let forPeople: Bool

    public init(language: ReportLanguage = .defaultLanguage, forPeople: Bool = true) {
        self.language = language
        self.forPeople = forPeople
    }

    static let captions: [String: Caption] = [
        "batch": Caption(ru: "Пакет", en: "Batch"),
        "file_name": Caption(ru: "Файл", en: "File"),
        "kind": Caption(ru: "Вид", en: "Kind"),
        "sha256": Caption(ru: "SHA-256", en: "SHA-256"),
        "rows_read": Caption(ru: "Прочитано строк", en: "Rows read"),
        "rows_loaded": Caption(ru: "Загружено", en: "Loaded"),
        "rows_rejected": Caption(ru: "Отклонено", en: "Rejected"),
        "status": Caption(ru: "Статус", en: "Status"),
        "started": Caption(ru: "Начало", en: "Started"),
        "seconds": Caption(ru: "Время, с", en: "Time, s"),
        "message": Caption(ru: "Сообщение", en: "Message"),
        "line": Caption(ru: "Строка", en: "Line"),
        "column": Caption(ru: "Столбец", en: "Column"),
        "value": Caption(ru: "Значение", en: "Value"),
        "reason": Caption(ru: "Причина", en: "Reason"),
        "reason_text": Caption(ru: "Описание", en: "Description"),
    ]

    /// The kind of an export in words: `справочник ОО`, `обучение (КПК)`, `мониторинг педагогов`.
    public static func kindName(_ code: String, language: ReportLanguage) -> String {
        let ru = language == .ru
        switch code {
        case "schools": return ru ? "справочник ОО" : "school directory"
        case "enrolments": return ru ? "обучение (КПК)" : "course enrolments"
        case "survey": return ru ? "мониторинг педагогов" : "teacher census"
        case "frdo": return ru ? "ФИС ФРДО (документы ДПО)" : "ФИС ФРДО register (ДПО documents)"
        default: return code
        }
    }

    /// A batch's status in words.
    public static func statusName(_ code: String, language: ReportLanguage) -> String {
        let ru = language == .ru
        switch code {
        case "running": return ru ? "выполняется" : "running"
        case "loaded": return ru ? "загружен" : "loaded"
        case "refused": return ru ? "отклонён" : "refused"
        case "failed": return ru ? "ошибка" : "failed"
        case "skipped": return ru ? "пропущен" : "skipped"
        default: return code
        }
    }

    /// The part of a bilingual text (`english / русский` or `русский / english`) in `language`:
    /// the side whose script matches; the whole text when it is not split so.
    public static func side(of text: String, in language: ReportLanguage) -> String {
        guard let range = text.range(of: " / ") else { return text }
        let left = String(text[..<range.lowerBound]), right = String(text[range.upperBound...])
        let leftIsRussian = left.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        let rightIsRussian = right.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        guard leftIsRussian != rightIsRussian else { return text }
        return (language == .ru) == leftIsRussian ? left : right
    }

    /// A reject's reason in `language`: the contract's wording of the reason code, and the
    /// detail stored after it (`"<ru> / <en>; <detail>"`) in the same language when the detail
    /// is bilingual. Other texts (a refused header) as stored, on their side in `language`.
    public static func rejectReason(code: String, text: String, language: ReportLanguage) -> String {
        guard let reason = RejectReason(rawValue: code) else { return side(of: text, in: language) }
        let wording = language == .ru ? reason.russian : reason.english
        guard text.hasPrefix(reason.bilingual) else { return wording }
        var detail = Substring(text.dropFirst(reason.bilingual.count))
        if detail.hasPrefix(";") { detail = detail.dropFirst() }
        let trimmed = String(detail).trimmingWhitespace()
        return trimmed.isEmpty ? wording : wording + "; " + side(of: trimmed, in: language)
    }

    /// `etl history`: the rows of `sql/etl/history.sql`.
    public func history(_ table: ResultTable) -> ResultTable {
        var table = captioned(table)
        table.title = language == .ru ? "Журнал загрузок" : "Load history"
        table.emptyText = language == .ru ? "Загрузок ещё не было." : "Nothing has been loaded yet."
        guard forPeople else { return table }
        let index = { (name: String) in table.columns.firstIndex { $0.name == name } }
        for row in table.rows.indices {
            if let column = index("kind"), let code = table.cell(row: row, column: column) {
                table.rows[row][column] = Self.kindName(code, language: language)
            }
            if let column = index("status"), let code = table.cell(row: row, column: column) {
                table.rows[row][column] = Self.statusName(code, language: language)
            }
            if let column = index("sha256"), let sum = table.cell(row: row, column: column), sum.count > 12 {
                table.rows[row][column] = String(sum.prefix(12)) + "…"
            }
            if let column = index("message"), let message = table.cell(row: row, column: column) {
                table.rows[row][column] = Self.side(of: message, in: language)
            }
        }
        return table
    }

    /// `etl rejects --batch N`: the rows of `sql/etl/rejects.sql`. For people, one reason
    /// column in the user's language instead of the code and the stored bilingual text.
    public func rejects(_ table: ResultTable, batch: Int) -> ResultTable {
        var table = captioned(table)
        table.title = language == .ru ? "Пакет \(batch): отклонённые строки" : "Batch \(batch): rejected rows"
        table.emptyText = language == .ru ? "В пакете \(batch) нет отклонённых строк." : "Batch \(batch) has no rejected rows."
        guard forPeople,
              let reason = table.columns.firstIndex(where: { $0.name == "reason" }),
              let text = table.columns.firstIndex(where: { $0.name == "reason_text" }) else { return table }
        for row in table.rows.indices {
            let code = table.cell(row: row, column: reason) ?? ""
            table.rows[row][reason] = Self.rejectReason(code: code, text: table.cell(row: row, column: text) ?? "", language: language)
        }
        table.columns.remove(at: text)
        table.rows = table.rows.map { cells in
            var cells = cells
            if text < cells.count { cells.remove(at: text) }
            return cells
        }
        return table
    }

    private func captioned(_ table: ResultTable) -> ResultTable {
        var copy = table
        for index in copy.columns.indices {
            copy.columns[index].caption = Self.captions[copy.columns[index].name]?.text(in: language)
        }
        return copy
    }
}
