/// The coded values of the data contract, each with its canonical English value (clean files)
/// and the Russian aliases that real exports use (messy files). Aliases here are taken
/// from the contract's tables, so every value the generator writes is one the loader accepts.
protocol ContractValue: CaseIterable, Hashable, Sendable {
    /// The canonical value written in clean files.
    var canonical: String { get }
    /// Russian aliases from the contract, written in messy files.
    var russianAliases: [String] { get }
}

enum SchoolType: CaseIterable, ContractValue {
    case general, preschool, additional

    var canonical: String {
        switch self {
        case .general: "general"
        case .preschool: "preschool"
        case .additional: "additional"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .general: ["общеобразовательная"]
        case .preschool: ["дошкольная"]
        case .additional: ["дополнительного образования"]
        }
    }
}

enum StaffCategory: CaseIterable, ContractValue {
    case teaching, leadership

    var canonical: String { self == .teaching ? "teaching" : "leadership" }
    var russianAliases: [String] { self == .teaching ? ["педагогический"] : ["руководящий"] }
}

enum Qualification: Int, CaseIterable, ContractValue, Comparable {
    case none = 0, compliance, first, highest

    var canonical: String {
        switch self {
        case .none: "none"
        case .compliance: "compliance"
        case .first: "first"
        case .highest: "highest"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .none: ["без категории", ""]
        case .compliance: ["соответствие занимаемой должности", "СЗД", "соответствие"]
        case .first: ["первая"]
        case .highest: ["высшая"]
        }
    }

    static func < (lhs: Qualification, rhs: Qualification) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The six areas of professional deficits; also the focus areas of courses.
enum DeficitArea: Int, CaseIterable, ContractValue {
    case subject = 0, methodological, psychological, digital, communicative, regulatory

    var canonical: String {
        switch self {
        case .subject: "subject"
        case .methodological: "methodological"
        case .psychological: "psychological"
        case .digital: "digital"
        case .communicative: "communicative"
        case .regulatory: "regulatory"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .subject: ["предметные"]
        case .methodological: ["методические"]
        case .psychological: ["психолого-педагогические"]
        case .digital: ["цифровые", "ИКТ"]
        case .communicative: ["коммуникативные"]
        case .regulatory: ["нормативно-правовые"]
        }
    }
}

/// A set of deficit areas as a bit mask (bit n = `DeficitArea(rawValue: n)`).
struct DeficitSet: Hashable, Sendable {
    var bits: UInt8 = 0

    func contains(_ area: DeficitArea) -> Bool { bits & (1 << area.rawValue) != 0 }
    mutating func insert(_ area: DeficitArea) { bits |= 1 << area.rawValue }
    mutating func remove(_ area: DeficitArea) { bits &= ~(1 << area.rawValue) }
    var isEmpty: Bool { bits == 0 }
    /// The areas in the contract's order.
    var areas: [DeficitArea] { DeficitArea.allCases.filter(contains) }
}

enum MentoringRole: CaseIterable, ContractValue {
    case none, mentor, mentee

    var canonical: String {
        switch self {
        case .none: "none"
        case .mentor: "mentor"
        case .mentee: "mentee"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .none: ["нет", ""]
        case .mentor: ["наставник"]
        case .mentee: ["наставляемый"]
        }
    }
}

enum ExpertRole: CaseIterable, ContractValue {
    case examCommission, attestation, competitions, other

    var canonical: String {
        switch self {
        case .examCommission: "exam_commission"
        case .attestation: "attestation"
        case .competitions: "competitions"
        case .other: "other"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .examCommission: ["предметная комиссия", "ГИА", "ЕГЭ", "ОГЭ"]
        case .attestation: ["аттестация"]
        case .competitions: ["жюри", "конкурсы", "олимпиады"]
        case .other: ["другое"]
        }
    }
}

enum ProgramKind: CaseIterable, ContractValue {
    case advancedTraining, retraining, internship

    var canonical: String {
        switch self {
        case .advancedTraining: "advanced_training"
        case .retraining: "retraining"
        case .internship: "internship"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .advancedTraining: ["КПК", "повышение квалификации", "ПК"]
        case .retraining: ["профессиональная переподготовка", "переподготовка", "ПП"]
        case .internship: ["стажировка"]
        }
    }
}

enum Delivery: CaseIterable, ContractValue {
    case inPerson, distance, blended

    var canonical: String {
        switch self {
        case .inPerson: "in_person"
        case .distance: "distance"
        case .blended: "blended"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .inPerson: ["очная", "очно"]
        case .distance: ["дистанционная", "дистанционно", "ДОТ"]
        case .blended: ["очно-заочная", "смешанная"]
        }
    }
}

enum Funding: CaseIterable, ContractValue {
    case stateAssignment, paid, other

    var canonical: String {
        switch self {
        case .stateAssignment: "state_assignment"
        case .paid: "paid"
        case .other: "other"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .stateAssignment: ["госзадание", "бюджет"]
        case .paid: ["внебюджет", "платно"]
        case .other: ["иное"]
        }
    }
}

enum EnrolmentStatus: CaseIterable, ContractValue {
    case completed, inProgress, dropped, notStarted

    var canonical: String {
        switch self {
        case .completed: "completed"
        case .inProgress: "in_progress"
        case .dropped: "dropped"
        case .notStarted: "not_started"
        }
    }

    var russianAliases: [String] {
        switch self {
        case .completed: ["завершено", "завершил", "окончил"]
        case .inProgress: ["обучается"]
        case .dropped: ["отчислен", "не завершил"]
        case .notStarted: ["не приступил"]
        }
    }
}
