/// A coded value of the contract: its raw value is the canonical English code stored in the
/// warehouse; `builtInAliases` are the Russian (and other) spellings the exports use.
/// The canonical code itself is always accepted too. Matching happens after `TextFold.fold`.
public protocol ContractCode: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// The spellings each code answers to besides its raw value, exactly as docs/exports.md lists them.
    static var builtInAliases: [Self: [String]] { get }
    /// The code an empty cell stands for, or nil when an empty cell means no value.
    static var emptyCellMeans: Self? { get }
}

extension ContractCode {
    public static var emptyCellMeans: Self? { nil }
}

/// `school_type`: the kind of educational organisation.
public enum SchoolType: String, ContractCode {
    case general, preschool, additional, other
    public static let builtInAliases: [SchoolType: [String]] = [
        .general: ["общеобразовательная"],
        .preschool: ["дошкольная"],
        .additional: ["дополнительного образования"],
        .other: ["иная"],
    ]
}

/// `staff_category`: teaching staff or leadership (directors, heads, deputies).
public enum StaffCategory: String, ContractCode {
    case teaching, leadership
    public static let builtInAliases: [StaffCategory: [String]] = [
        .teaching: ["педагогический"],
        .leadership: ["руководящий"],
    ]

    /// The category of a row whose `staff_category` is empty: leadership when the position
    /// contains `директор` or `заведующ` (director, deputy director, head of a kindergarten),
    /// teaching otherwise. `foldedPosition` must already be folded.
    public static func derived(fromFoldedPosition foldedPosition: String?) -> StaffCategory {
        guard let position = foldedPosition else { return .teaching }
        return containsBytes(position, director) || containsBytes(position, head) ? .leadership : .teaching
    }

    private static let director = Array("директор".utf8)
    private static let head = Array("заведующ".utf8)

    /// Plain UTF-8 substring search (Foundation's `contains` is locale-aware and slow per row).
    private static func containsBytes(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            guard haystack.count >= needle.count else { return false }
            let first = needle[0]
            var start = 0
            while start <= haystack.count - needle.count {
                if haystack[start] == first {
                    var offset = 1
                    while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}

/// `program_kind`: the kind of additional professional programme.
public enum ProgramKind: String, ContractCode {
    case advancedTraining = "advanced_training"
    case retraining
    case internship
    public static let builtInAliases: [ProgramKind: [String]] = [
        .advancedTraining: ["КПК", "повышение квалификации", "ПК"],
        .retraining: ["профессиональная переподготовка", "переподготовка", "ПП"],
        .internship: ["стажировка"],
    ]
}

/// `delivery`: how a course is taught.
public enum Delivery: String, ContractCode {
    case inPerson = "in_person"
    case distance
    case blended
    public static let builtInAliases: [Delivery: [String]] = [
        .inPerson: ["очная", "очно"],
        .distance: ["дистанционная", "дистанционно", "ДОТ"],
        .blended: ["очно-заочная", "смешанная"],
    ]
}

/// `funding`: who pays for a course.
public enum Funding: String, ContractCode {
    case stateAssignment = "state_assignment"
    case paid
    case other
    public static let builtInAliases: [Funding: [String]] = [
        .stateAssignment: ["госзадание", "бюджет"],
        .paid: ["внебюджет", "платно"],
        .other: ["иное"],
    ]
}

/// `status`: where a teacher stands in a course.
public enum EnrolmentStatus: String, ContractCode {
    case completed
    case inProgress = "in_progress"
    case dropped
    case notStarted = "not_started"
    public static let builtInAliases: [EnrolmentStatus: [String]] = [
        .completed: ["завершено", "завершил", "окончил"],
        .inProgress: ["обучается"],
        .dropped: ["отчислен", "не завершил"],
        .notStarted: ["не приступил"],
    ]
}

/// `qualification_category`: the teacher's attested category. Empty means `none`.
public enum QualificationCategory: String, ContractCode {
    case highest, first, compliance, none
    public static let builtInAliases: [QualificationCategory: [String]] = [
        .highest: ["высшая"],
        .first: ["первая"],
        .compliance: ["соответствие занимаемой должности", "СЗД", "соответствие"],
        .none: ["без категории"],
    ]
    public static let emptyCellMeans: QualificationCategory? = QualificationCategory.none

    /// The categories from the lowest to the highest.
    public static let ascending: [QualificationCategory] = [.none, .compliance, .first, .highest]

    /// The category's place in `ascending`: 0 for none … 3 for highest.
    public var level: Int {
        switch self {
        case .none: 0
        case .compliance: 1
        case .first: 2
        case .highest: 3
        }
    }
}

extension QualificationCategory: Comparable {
    public static func < (lhs: QualificationCategory, rhs: QualificationCategory) -> Bool { lhs.level < rhs.level }
}

/// `mentoring_role`: the teacher's part in mentoring. Empty means `none`.
public enum MentoringRole: String, ContractCode {
    case mentor, mentee, none
    public static let builtInAliases: [MentoringRole: [String]] = [
        .mentor: ["наставник"],
        .mentee: ["наставляемый"],
        .none: ["нет"],
    ]
    public static let emptyCellMeans: MentoringRole? = MentoringRole.none
}

/// A professional deficit area: the items of `deficits` and the value of a course's `focus_area`.
public enum DeficitArea: String, ContractCode {
    case subject, methodological, psychological, digital, communicative, regulatory
    public static let builtInAliases: [DeficitArea: [String]] = [
        .subject: ["предметные"],
        .methodological: ["методические"],
        .psychological: ["психолого-педагогические"],
        .digital: ["цифровые", "ИКТ"],
        .communicative: ["коммуникативные"],
        .regulatory: ["нормативно-правовые"],
    ]
}

/// An item of `expert_roles`.
public enum ExpertRole: String, ContractCode {
    case examCommission = "exam_commission"
    case attestation
    case competitions
    case other
    public static let builtInAliases: [ExpertRole: [String]] = [
        .examCommission: ["предметная комиссия", "ГИА", "ЕГЭ", "ОГЭ"],
        .attestation: ["аттестация"],
        .competitions: ["жюри", "конкурсы", "олимпиады"],
        .other: ["другое"],
    ]
}

/// `document_kind` (ФИС ФРДО «Вид документа»): the document a ДПО programme ends with. It
/// tells the programme's kind when the «Дополнительная профессиональная программа» cell is empty.
public enum DocumentKind: String, ContractCode {
    /// Удостоверение о повышении квалификации: an advanced-training course.
    case certificate
    /// Диплом о профессиональной переподготовке: a retraining programme.
    case diploma
    public static let builtInAliases: [DocumentKind: [String]] = [
        .certificate: ["Удостоверение о повышении квалификации", "удостоверение"],
        .diploma: ["Диплом о профессиональной переподготовке", "диплом"],
    ]

    /// The programme kind the document stands for.
    public var programKind: ProgramKind {
        switch self {
        case .certificate: return .advancedTraining
        case .diploma: return .retraining
        }
    }
}

/// `document_status` (ФИС ФРДО «Статус документа»): what the register says of a document, and
/// what that means for the course (docs/exports.md §5.4). The template's own list is «Оригинал»
/// and «Дубликат»; the register shows the others for documents annulled or reported lost.
public enum DocumentStatus: String, ContractCode {
    /// The document as issued: the course was completed.
    case original
    /// A duplicate issued for a lost or damaged original: the same course, never a second one;
    /// it stands for its original (its registration number and issue date).
    case duplicate
    /// Annulled: the document is void and the completion it gave is removed.
    case cancelled
    /// The document was lost: the course was still completed.
    case lost
    public static let builtInAliases: [DocumentStatus: [String]] = [
        .original: ["Оригинал"],
        .duplicate: ["Дубликат"],
        .cancelled: ["Аннулирован", "аннулирован документ", "недействителен"],
        .lost: ["Утерян", "утрачен"],
    ]
}

/// `study_form` (ФИС ФРДО «Форма обучения»): the register's forms of study, read as the
/// enrolments' `delivery` (its raw values are `Delivery`'s). «Заочная» (extramural study) is
/// taken as `distance`: neither is attended in person.
public enum StudyForm: String, ContractCode {
    case inPerson = "in_person"
    case blended
    case distance
    public static let builtInAliases: [StudyForm: [String]] = [
        .inPerson: ["Очная"],
        .blended: ["Очно-заочная (вечерняя)", "Очно-заочная"],
        .distance: ["Заочная"],
    ]

    /// The enrolments' code of the same form.
    public var delivery: Delivery { Delivery(rawValue: rawValue)! }
}

/// `funding_source` (ФИС ФРДО «Источник финансирования обучения»): read as the enrolments'
/// `funding` (its raw values are `Funding`'s): any budget is `state_assignment`.
public enum FundingSource: String, ContractCode {
    case stateAssignment = "state_assignment"
    case paid
    public static let builtInAliases: [FundingSource: [String]] = [
        .stateAssignment: ["Федеральный бюджет", "Региональный бюджет", "Местный бюджет", "Бюджетное обучение"],
        .paid: ["Платное обучение"],
    ]

    /// The enrolments' code of the same source.
    public var funding: Funding { Funding(rawValue: rawValue)! }
}

/// The spellings of a yes/no flag, exactly as docs/exports.md lists them. An empty cell is
/// handled by the field (false for optional flags, true for `requested_by_school`).
public enum FlagAliases {
    public static let yes: [String] = ["да", "д", "yes", "y", "true", "1", "+", "x", "х", "есть"]
    public static let no: [String] = ["нет", "н", "no", "n", "false", "0", "-"]
}
