/// Why a row (or one of its cells) was rejected. The raw value is the stable snake_case code
/// stored in `etl_reject.reason` and written to `.errors.csv`.
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
    case nulByte = "nul_byte"

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
        case .nulByte: return "значение содержит нулевой байт (NUL), такое значение нельзя сохранить"
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
        case .nulByte: return "the value contains a NUL byte, which cannot be stored"
        }
    }

    /// `"код ОО отсутствует … / school code is not …"`.
    public var bilingual: String { "\(russian) / \(english)" }
}

/// One problem with one row. `value` is already masked when the field holds personal data,
/// so an issue can be stored, logged or written to a reject file as it is.
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
        self.value = field.map { Masking.mask($0, value) } ?? value
        self.reason = reason
        self.detail = detail
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

    /// A full name: always masked entirely.
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
        case .fullName: return fullName(value)
        case .teacherID: return teacherID(value)
        default: return value
        }
    }
}
