/// One valid row of a school's course request («заявка ОО»), normalised: a named teacher (by
/// pseudonym only) or a count of teachers, for a course or a focus area.
public struct RequestRecord: Hashable, Sendable {
    public let line: Int
    /// Resolved by the year chain (column, `--year`, file name); a row with none is rejected.
    public let academicYear: AcademicYear
    public let schoolCode: String
    /// HMAC-SHA256 (hex) of the normalised teacher identifier; nil for a counted row.
    public let teacherPseudonym: String?
    /// 1 for a named teacher; the count of a counted row.
    public let teachersRequested: Int
    public let subject: String?
    public let focusArea: DeficitArea?
    public let courseTitle: String?
    public let hours: Int?
}

/// Validates and normalises the rows of a request export (docs/exports.md §5.5).
///
/// A row names one teacher (`teacher_id`; `teachers_requested` empty or 1) or counts teachers
/// (`teacher_id` empty; `teachers_requested` 1 or more), and asks for a course
/// (`course_title`), a focus area (`focus_area`) or both: neither is `missing_required`. The
/// teacher identifier goes through the rules of every teacher column (`TeacherIdentifier`) and
/// only its pseudonym leaves. The same teacher for the same course and focus area twice in a
/// year is a `duplicate_row`. Create one per file.
public struct RequestValidator {
    public let header: HeaderMap
    public let years: YearSources
    private let academicYear, schoolCode, teacherID, teachersRequested, subject, focusArea, courseTitle, hours: Column
    private var focusAreas: CodeTable<DeficitArea>
    private let knownSchools: KnownSchools
    private let pseudonymizer: Pseudonymizer
    private let isSNILSColumn: Bool
    private let shape: RowShape
    private var seen: [String: Int] = [:]
    /// Notices about accepted rows (a restored SNILS zero, look-alike letters), at most `RowIssue.maximumNotices`.
    public private(set) var notices: [RowIssue] = []

    /// `header` must be a map of kind `.requests`.
    public init(header: HeaderMap, knownSchools: KnownSchools, pseudonymizer: Pseudonymizer, years: YearSources) {
        precondition(header.kind == .requests, "RequestValidator needs a requests header")
        self.header = header
        self.years = years
        self.knownSchools = knownSchools
        self.pseudonymizer = pseudonymizer
        shape = RowShape(header)
        academicYear = Column(.academicYear, header)
        schoolCode = Column(.schoolCode, header)
        teacherID = Column(.teacherID, header)
        teachersRequested = Column(.teachersRequested, header)
        subject = Column(.subject, header)
        focusArea = Column(.focusArea, header)
        courseTitle = Column(.courseTitle, header)
        hours = Column(.hours, header)
        focusAreas = CodeTable(field: .focusArea, mapping: header.mapping)
        isSNILSColumn = header.index(of: .teacherID).map { TeacherIdentifier.isSNILSHeader(header.header[$0]) } ?? false
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<RequestRecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        var notes: [RowIssue] = []
        let ownYear = Cells.academicYear(academicYear, fields, line, &issues)
        var school = Cells.requiredText(schoolCode, fields, line, &issues)
        if let code = school, !knownSchools.contains(code) {
            issues.append(schoolCode.issue(line, schoolCode.raw(fields), .unknownSchool))
            school = nil
        }
        let pseudonym = readTeacher(fields, line, &issues, &notes)
        let count = Cells.integer(teachersRequested, range: 1...10_000, fields, line, &issues)
        let subjectText = Cells.text(subject, fields, line, &issues)
        let focus = Cells.code(focusArea, &focusAreas, fields, line, &issues, &notes)
        let title = Cells.text(courseTitle, fields, line, &issues)
        let hourCount = Cells.integer(hours, range: 1...2000, fields, line, &issues)
        let raw = teacherID.raw(fields)
        if pseudonym != nil, let count, count != 1 {
            issues.append(teachersRequested.issue(line, teachersRequested.raw(fields), .outOfRange,
                "строка с педагогом — это один педагог (1 или пусто) / a row naming a teacher requests one teacher (1 or empty)"))
        }
        if TextFold.clean(raw) == nil, count == nil, TextFold.clean(teachersRequested.raw(fields)) == nil {
            issues.append(teachersRequested.issue(line, "", .missingRequired,
                "укажите педагога или число педагогов / give a teacher or a number of teachers"))
        }
        if title == nil, focus == nil, TextFold.clean(courseTitle.raw(fields)) == nil, TextFold.clean(focusArea.raw(fields)) == nil {
            issues.append(courseTitle.issue(line, "", .missingRequired,
                "укажите программу или направленность / give a course or a focus area"))
        }
        let year = ownYear.flatMap { $0 ?? years.fallback }
        if ownYear != nil, year == nil {
            issues.append(academicYear.issue(line, "", .missingAcademicYear))
        }
        guard issues.isEmpty, let year, let school else { return .rejected(issues) }
        if let pseudonym {
            let key = "\(year.start)|\(pseudonym)|\(title.map(TextFold.fold) ?? "")|\(focus?.rawValue ?? "")"
            if let first = seen[key] {
                return .rejected([teacherID.issue(line, raw, .duplicateRow,
                    "тот же учебный год, педагог, программа и направленность, что в строке \(first)"
                        + " / same academic year, teacher, course and focus area as line \(first)")])
            }
            seen[key] = line
        }
        keep(notes, in: &notices)
        return .accepted(RequestRecord(
            line: line, academicYear: year, schoolCode: school, teacherPseudonym: pseudonym,
            teachersRequested: pseudonym == nil ? (count ?? 1) : 1, subject: subjectText, focusArea: focus,
            courseTitle: title, hours: hourCount))
    }

    /// The pseudonym of the row's teacher, nil for an empty cell or a bad identifier (an issue).
    private mutating func readTeacher(_ fields: [String], _ line: Int, _ issues: inout [RowIssue],
                                      _ notes: inout [RowIssue]) -> String? {
        let raw = teacherID.raw(fields)
        switch TeacherIdentifier.read(raw, snilsColumn: isSNILSColumn) {
        case .empty:
            return nil
        case let .identifier(identifier):
            return pseudonymizer.pseudonym(ofNormalised: identifier)
        case let .leadingZeroRestored(identifier, checkNumberMatches):
            notes.append(teacherID.issue(line, raw, .snilsLeadingZeroRestored, checkNumberMatches
                ? "10 digits read as 11 with a leading 0; the check number matches"
                : "10 digits read as 11 with a leading 0; the check number does not match either"))
            return pseudonymizer.pseudonym(ofNormalised: identifier)
        case let .notSNILS(digits):
            issues.append(teacherID.issue(line, raw, .badSNILS, "\(digits) digits"))
            return nil
        }
    }
}

/// What a measure may answer: the catalogued indicators and the recommendation rules (rule
/// code → the indicator it reads; nil for a rule of no single indicator).
public struct MeasureAims: Sendable {
    public let indicators: Set<String>
    public let rules: [String: String?]

    public init(indicators: Set<String>, rules: [String: String?]) {
        self.indicators = indicators
        self.rules = rules
    }
}

/// One valid measure (docs/exports.md §5.6): the recommendation it answers is its rule code,
/// academic year and level (`schoolCode`, nil for the city).
public struct MeasureRecord: Hashable, Sendable {
    public let line: Int
    /// The year of the recommendation answered: the column, `--year`, the file name, else the
    /// academic year of the measure's date.
    public let academicYear: AcademicYear
    /// Nil for a measure of the city.
    public let schoolCode: String?
    public let ruleCode: String?
    /// Given, else the rule's indicator.
    public let indicator: String
    public let text: String
    public let date: CivilDate
    public let responsibleRole: String?

    public init(line: Int, academicYear: AcademicYear, schoolCode: String?, ruleCode: String?, indicator: String,
                text: String, date: CivilDate, responsibleRole: String?) {
        self.line = line
        self.academicYear = academicYear
        self.schoolCode = schoolCode
        self.ruleCode = ruleCode
        self.indicator = indicator
        self.text = text
        self.date = date
        self.responsibleRole = responsibleRole
    }

    /// The spellings of the city in a `level` cell (folded), besides an empty cell.
    public static let citySpellings: Set<String> = ["город", "city", "муниципалитет", "го"]

    /// Whether a level cell names the city.
    public static func isCity(_ level: String?) -> Bool {
        guard let level = level.flatMap(TextFold.clean) else { return true }
        return citySpellings.contains(TextFold.fold(level))
    }

    /// Checks a measure's aim against the catalogue: the rule must exist, the indicator must be
    /// catalogued, a rule and an indicator given together must agree, and one of them must be
    /// given. Returns the indicator aimed at, or the problem (Russian / English).
    public static func aim(rule: String?, indicator: String?, aims: MeasureAims) -> Result<String, AimProblem> {
        if let rule {
            guard let ruleIndicator = aims.rules[rule] else { return .failure(.unknownRule(rule)) }
            if let indicator {
                guard aims.indicators.contains(indicator) else { return .failure(.unknownIndicator(indicator)) }
                if let ruleIndicator, ruleIndicator != indicator {
                    return .failure(.ruleReadsAnotherIndicator(rule: rule, ruleIndicator: ruleIndicator, given: indicator))
                }
                return .success(indicator)
            }
            guard let ruleIndicator else { return .failure(.ruleWithoutIndicator(rule)) }
            return .success(ruleIndicator)
        }
        guard let indicator else { return .failure(.neither) }
        guard aims.indicators.contains(indicator) else { return .failure(.unknownIndicator(indicator)) }
        return .success(indicator)
    }

    /// Why a measure's rule or indicator was refused.
    public enum AimProblem: Error, Equatable, Sendable, CustomStringConvertible {
        case unknownRule(String)
        case unknownIndicator(String)
        case ruleReadsAnotherIndicator(rule: String, ruleIndicator: String, given: String)
        case ruleWithoutIndicator(String)
        case neither

        public var description: String {
            switch self {
            case let .unknownRule(rule):
                return "нет правила рекомендаций «\(rule)» (см. pdmon recommend --list-rules или dw.recommendation_rule) / no recommendation rule «\(rule)»"
            case let .unknownIndicator(id):
                return "нет показателя «\(id)» (см. pdmon report list) / no indicator «\(id)» (see pdmon report list)"
            case let .ruleReadsAnotherIndicator(rule, ruleIndicator, given):
                return "правило \(rule) читает показатель \(ruleIndicator), а указан \(given) / rule \(rule) reads \(ruleIndicator), not \(given)"
            case let .ruleWithoutIndicator(rule):
                return "правило \(rule) не связано с одним показателем: укажите показатель / rule \(rule) reads no single indicator: give the indicator"
            case .neither:
                return "укажите код правила или показатель / give a rule code or an indicator"
            }
        }
    }
}

/// Validates and normalises the rows of a measures export (docs/exports.md §5.6): the level
/// (the city, or a school of the directory), the rule code and/or indicator (checked against
/// `MeasureAims`), the measure's text and date, the responsible role. Create one per file.
public struct MeasureValidator {
    public let header: HeaderMap
    public let years: YearSources
    private let academicYear, level, ruleCode, indicator, measureText, measureDate, responsibleRole: Column
    private let knownSchools: KnownSchools
    private let aims: MeasureAims
    private let shape: RowShape

    /// `header` must be a map of kind `.measures`.
    public init(header: HeaderMap, knownSchools: KnownSchools, aims: MeasureAims, years: YearSources) {
        precondition(header.kind == .measures, "MeasureValidator needs a measures header")
        self.header = header
        self.years = years
        self.knownSchools = knownSchools
        self.aims = aims
        shape = RowShape(header)
        academicYear = Column(.academicYear, header)
        level = Column(.level, header)
        ruleCode = Column(.ruleCode, header)
        indicator = Column(.indicator, header)
        measureText = Column(.measureText, header)
        measureDate = Column(.measureDate, header)
        responsibleRole = Column(.responsibleRole, header)
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<MeasureRecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        let ownYear = Cells.academicYear(academicYear, fields, line, &issues)
        let levelText = Cells.text(level, fields, line, &issues)
        var school: String?
        if !MeasureRecord.isCity(levelText), let code = levelText {
            if knownSchools.contains(code) { school = code } else {
                issues.append(level.issue(line, level.raw(fields), .unknownSchool))
            }
        }
        let rule = Cells.text(ruleCode, fields, line, &issues)
        let indicatorID = Cells.text(indicator, fields, line, &issues)
        var aimed: String?
        switch MeasureRecord.aim(rule: rule, indicator: indicatorID, aims: aims) {
        case let .success(id): aimed = id
        case let .failure(problem):
            switch problem {
            case .neither:
                issues.append(ruleCode.issue(line, "", .missingRequired, problem.description))
            case .unknownIndicator:
                issues.append(indicator.issue(line, indicator.raw(fields), .unknownValue, problem.description))
            default:
                issues.append(ruleCode.issue(line, ruleCode.raw(fields), .unknownValue, problem.description))
            }
        }
        let text = Cells.requiredText(measureText, fields, line, &issues)
        let date = Cells.requiredDate(measureDate, fields, line, &issues)
        let role = Cells.text(responsibleRole, fields, line, &issues)
        guard issues.isEmpty, let ownYear, let aimed, let text, let date else { return .rejected(issues) }
        let year = ownYear ?? years.fallback ?? AcademicYear.containing(date)
        return .accepted(MeasureRecord(
            line: line, academicYear: year, schoolCode: school, ruleCode: rule, indicator: aimed, text: text,
            date: date, responsibleRole: role))
    }
}
