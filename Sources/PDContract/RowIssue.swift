/// Why a row (or one of its cells) was rejected, or, for the notices (`isNotice`), what was
/// reported about a line that was skipped as not data or a value read differently from how it is
/// written. The raw value is the stable snake_case code stored in `etl_reject.reason` and written
/// to `.errors.csv`.
public enum RejectReason: String, CaseIterable, Sendable, Codable {
    case unknownSchool = "unknown_school"
    case missingRequired = "missing_required"
    case badDate = "bad_date"
    case impossibleDate = "impossible_date"
    case endBeforeStart = "end_before_start"
    case unknownValue = "unknown_value"
    case outOfRange = "out_of_range"
    case badNumber = "bad_number"
    case badAcademicYear = "bad_academic_year"
    case missingAcademicYear = "missing_academic_year"
    case duplicateRow = "duplicate_row"
    case duplicateTeacher = "duplicate_teacher"
    case wrongFieldCount = "wrong_field_count"
    /// A NUL byte (0x00) in the row: PostgreSQL cannot store it in text.
    case nulByte = "nul_byte"
    /// Digits under a СНИЛС header that cannot be a СНИЛС (not 11 digits, nor 10 with a lost zero).
    case badSNILS = "bad_snils"
    /// A free-text value longer than the warehouse stores (1000 bytes of UTF-8).
    case tooLong = "too_long"
    /// Bytes that are not UTF-8 in a file read as UTF-8 (a line pasted from a Windows-1251 export).
    case invalidUTF8 = "invalid_utf8"
    /// A form service's timestamp that is not in an accepted layout, or whose day and month
    /// cannot be told apart (`3/12/2024`).
    case badTimestamp = "bad_timestamp"

    // Notices: reported, never counted as rejected rows nor against the reject ratio.

    /// Excel's `sep=;` first line, skipped.
    case skippedSeparatorLine = "skipped_sep_line"
    /// A line above the header row (a title, an empty row of the table), skipped.
    case skippedTitleRow = "skipped_title_row"
    /// A totals row («Итого», «Всего» …), skipped.
    case skippedTotalsRow = "skipped_totals_row"
    /// The header row repeated inside the data (exports pasted together), skipped.
    case skippedRepeatedHeader = "skipped_repeated_header"
    /// NUL bytes padding the end of the file (a copy tool's block padding), not read.
    case skippedNULPadding = "skipped_nul_padding"
    /// A 10-digit СНИЛС read with the leading zero that Excel dropped restored.
    case snilsLeadingZeroRestored = "snils_leading_zero_restored"
    /// Latin letters inside a Cyrillic word of a header or a coded value (`ДOT`), read as the
    /// Cyrillic letters they look like (`LookalikeLetters`).
    case lookalikeLettersReadAsCyrillic = "lookalike_letters_read_as_cyrillic"
    /// An earlier submission of a teacher's form in a year, replaced by a later one (the latest
    /// by `submitted_at` wins).
    case supersededSubmission = "superseded_submission"
    /// A ФИС ФРДО document whose teacher is in no census of its year or earlier: loaded with its
    /// school unknown until such a census is loaded (docs/exports.md §5.4).
    case schoolUnknown = "school_unknown"

    /// True for the notices: what they report is not an error of the row, so they count neither
    /// as rejected rows nor against `--max-reject-ratio`.
    public var isNotice: Bool {
        switch self {
        case .skippedSeparatorLine, .skippedTitleRow, .skippedTotalsRow, .skippedRepeatedHeader,
             .skippedNULPadding, .snilsLeadingZeroRestored, .lookalikeLettersReadAsCyrillic,
             .supersededSubmission, .schoolUnknown:
            return true
        default:
            return false
        }
    }

    /// The stable code, e.g. `unknown_school`.
    public var code: String { rawValue }

    /// What went wrong, in Russian.
    public var russian: String {
        switch self {
        case .unknownSchool: return "код ОО отсутствует в справочнике школ"
        case .missingRequired: return "не заполнено обязательное поле"
        case .badDate: return "дата не распознана (ожидается дд.мм.гггг или гггг-мм-дд)"
        case .impossibleDate: return "такой даты не существует"
        case .endBeforeStart: return "дата окончания раньше даты начала"
        case .unknownValue: return "значение отсутствует в справочнике допустимых значений"
        case .outOfRange: return "число вне допустимого диапазона"
        case .badNumber: return "не целое число"
        case .badAcademicYear: return "учебный год не распознан (ожидается 2021-2022)"
        case .missingAcademicYear: return "учебный год не указан ни в строке, ни в --year, ни в имени файла"
        case .duplicateRow: return "строка с тем же ключом уже встречалась в файле"
        case .duplicateTeacher: return "педагог уже указан в мониторинге этого учебного года"
        case .wrongFieldCount: return "число полей в строке не совпадает с заголовком"
        case .nulByte: return "в строке нулевой байт (0x00), его нельзя сохранить"
        case .badSNILS: return "под заголовком СНИЛС цифры, но это не СНИЛС (нужно 11 цифр)"
        case .tooLong: return "текст длиннее 1000 байт (около 500 русских букв)"
        case .invalidUTF8: return "в строке байты не в кодировке UTF-8 (вставлены из файла в другой кодировке), строка не загружена"
        case .badTimestamp: return "отметка времени не распознана (ожидается 2024-03-12 10:15:02 или 12.03.2024 10:15:02)"
        case .skippedSeparatorLine: return "строка sep= для Excel пропущена"
        case .skippedTitleRow: return "строка над заголовками (название таблицы) пропущена"
        case .skippedTotalsRow: return "итоговая строка («Итого», «Всего») пропущена"
        case .skippedRepeatedHeader: return "повтор строки заголовков внутри данных пропущен"
        case .skippedNULPadding: return "нулевые байты в конце файла (заполнение) не прочитаны"
        case .snilsLeadingZeroRestored: return "СНИЛС из 10 цифр прочитан с восстановленным ведущим нулём"
        case .lookalikeLettersReadAsCyrillic: return "латинские буквы в русском слове прочитаны как похожие русские"
        case .supersededSubmission: return "более ранний ответ педагога за этот учебный год заменён более поздним"
        case .schoolUnknown: return "педагога нет в мониторинге этого или прошлых учебных лет: ОО пока неизвестна"
        }
    }

    /// What went wrong, in English.
    public var english: String {
        switch self {
        case .unknownSchool: return "school code is not in the school directory"
        case .missingRequired: return "a required field is empty"
        case .badDate: return "unreadable date (expected dd.mm.yyyy or yyyy-mm-dd)"
        case .impossibleDate: return "no such date"
        case .endBeforeStart: return "end date is before start date"
        case .unknownValue: return "value is not in the field's alias table"
        case .outOfRange: return "number out of range"
        case .badNumber: return "not a whole number"
        case .badAcademicYear: return "unreadable academic year (expected 2021-2022)"
        case .missingAcademicYear: return "no academic year in the row, in --year or in the file name"
        case .duplicateRow: return "a row with the same key already appeared in the file"
        case .duplicateTeacher: return "teacher already listed in this academic year's census"
        case .wrongFieldCount: return "number of fields differs from the header"
        case .nulByte: return "the row holds a NUL byte (0x00), which cannot be stored"
        case .badSNILS: return "digits under a SNILS header that are not a SNILS (11 digits expected)"
        case .tooLong: return "text longer than 1000 bytes (about 500 Cyrillic letters)"
        case .invalidUTF8: return "the line holds bytes that are not UTF-8 (pasted from a file in another encoding); not loaded"
        case .badTimestamp: return "unreadable timestamp (expected 2024-03-12 10:15:02 or 12.03.2024 10:15:02)"
        case .skippedSeparatorLine: return "Excel's sep= line skipped"
        case .skippedTitleRow: return "line above the header row (a title) skipped"
        case .skippedTotalsRow: return "totals row («Итого», «Всего») skipped"
        case .skippedRepeatedHeader: return "header row repeated inside the data skipped"
        case .skippedNULPadding: return "NUL bytes padding the end of the file not read"
        case .snilsLeadingZeroRestored: return "10-digit SNILS read with its leading zero restored"
        case .lookalikeLettersReadAsCyrillic: return "Latin letters inside a Cyrillic word read as the Cyrillic letters they look like"
        case .supersededSubmission: return "an earlier submission of the teacher for this academic year, replaced by a later one"
        case .schoolUnknown: return "the teacher is in no census of this or an earlier year: school unknown for now"
        }
    }

    /// `"код ОО отсутствует … / school code is not …"`.
    public var bilingual: String { "\(russian) / \(english)" }
}

/// One problem with one row (or a notice about it, see `RejectReason.isNotice`). `value` is the
/// value as the file writes it, already masked when the field holds personal data and with any
/// NUL byte shown as `␀` (U+2400), so an issue can be stored, logged or written to a reject file
/// as it is.
public struct RowIssue: Hashable, Sendable, CustomStringConvertible {
    /// 1-based physical line of the record in the file (the header is line 1).
    public let line: Int
    /// The column as the file names it (or the canonical name when the column is absent).
    public let column: String
    /// The canonical field, when the issue concerns one.
    public let field: ContractField?
    /// The offending value, masked if personal.
    public let value: String
    public let reason: RejectReason
    /// Extra context, e.g. the accepted range or the expected field count (no personal data).
    public let detail: String?

    public init(line: Int, column: String, field: ContractField?, value: String, reason: RejectReason, detail: String? = nil) {
        self.line = line
        self.column = column
        self.field = field
        self.value = RowIssue.printable(field.map { Masking.mask($0, value) } ?? value)
        self.reason = reason
        self.detail = detail
    }

    /// The most notices a validator keeps for one file (beyond, they are only not reported).
    public static let maximumNotices = 100_000

    /// `text` with each NUL (U+0000), which PostgreSQL cannot store, shown as `␀` (U+2400).
    public static func printable(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{2400}" : $0 }))
    }

    public var description: String {
        var text = "line \(line), \(column)"
        if !value.isEmpty { text += " = '\(value)'" }
        text += ": \(reason.code) (\(reason.bilingual))"
        if let detail { text += "; \(detail)" }
        return text
    }
}

/// Masking of personal data for reject reports and messages.
public enum Masking {
    /// What a masked value looks like.
    public static let placeholder = "***"

    /// A full name (or a surname, given name, patronymic or birth date): always masked entirely.
    public static func fullName(_ value: String) -> String {
        TextFold.clean(value) == nil ? "" : placeholder
    }

    /// A teacher identifier: at most its last two characters are kept (`***45`), and none
    /// when the normalised identifier is shorter than six characters.
    public static func teacherID(_ value: String) -> String {
        let normalised = Pseudonymizer.normalise(value)
        if normalised.isEmpty { return TextFold.clean(value) == nil ? "" : placeholder }
        guard normalised.count >= 6 else { return placeholder }
        return placeholder + String(normalised.suffix(2))
    }

    /// Masks `value` if `field` holds personal data, otherwise returns it unchanged.
    public static func mask(_ field: ContractField, _ value: String) -> String {
        switch field {
        case .fullName, .surname, .givenName, .patronymic, .birthDate: return fullName(value)
        case .teacherID: return teacherID(value)
        default: return value
        }
    }
}
