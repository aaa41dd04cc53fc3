/// Validates and normalises the rows of a schools directory.
/// Create one per file: it remembers school codes to reject a code listed twice.
public struct SchoolValidator {
    public let header: HeaderMap
    private let schoolCode, name, schoolType, isBaseSchool, municipality: Column
    private var schoolTypes: CodeTable<SchoolType>
    private var baseSchoolFlag: FlagTable
    private var seen = DuplicateTracker()
    private var keyBuilder = DuplicateTracker.KeyBuilder()
    private let shape: RowShape
    /// Notices about accepted rows (look-alike letters read as Cyrillic), in file order, at most
    /// `RowIssue.maximumNotices`: reported, not rejections.
    public private(set) var notices: [RowIssue] = []

    /// `header` must be a map of kind `.schools`.
    public init(header: HeaderMap) {
        precondition(header.kind == .schools, "SchoolValidator needs a schools header")
        self.header = header
        shape = RowShape(header)
        schoolCode = Column(.schoolCode, header)
        name = Column(.name, header)
        schoolType = Column(.schoolType, header)
        isBaseSchool = Column(.isBaseSchool, header)
        municipality = Column(.municipality, header)
        schoolTypes = CodeTable(field: .schoolType, mapping: header.mapping)
        baseSchoolFlag = FlagTable(field: .isBaseSchool, emptyMeans: false, mapping: header.mapping)
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<SchoolRecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        var notes: [RowIssue] = []
        let code = Cells.requiredText(schoolCode, fields, line, &issues)
        let schoolName = Cells.requiredText(name, fields, line, &issues)
        let type = Cells.code(schoolType, &schoolTypes, fields, line, &issues, &notes)
        let isBase = Cells.flag(isBaseSchool, &baseSchoolFlag, fields, line, &issues, &notes)
        let place = Cells.text(municipality, fields, line, &issues)
        guard issues.isEmpty, let code, let schoolName else { return .rejected(issues) }
        let key = keyBuilder.fingerprint { $0.append(code) }
        if let first = seen.firstLineOrInsert(key, line: line) {
            return .rejected([schoolCode.issue(line, code, .duplicateRow, "код ОО уже был в строке \(first) / school code already on line \(first)")])
        }
        if !notes.isEmpty { keep(notes, in: &notices) }
        return .accepted(SchoolRecord(line: line, schoolCode: code, name: schoolName, schoolType: type,
                                      isBaseSchool: isBase, municipality: place))
    }
}

/// Keeps an accepted row's notices, up to `RowIssue.maximumNotices` for the file.
@inline(__always)
func keep(_ notes: [RowIssue], in notices: inout [RowIssue]) {
    for note in notes where notices.count < RowIssue.maximumNotices { notices.append(note) }
}

/// The columns enrolments and the survey share: school, teacher, position, category, subject.
struct PersonColumns {
    let schoolCode, teacherID, position, staffCategory, subject: Column
    var staffCategories: CodeTable<StaffCategory>
    let knownSchools: KnownSchools
    let pseudonymizer: Pseudonymizer
    /// Whether the teacher_id column is headed СНИЛС: its digit values are read as SNILS
    /// (`TeacherIdentifier`).
    let isSNILSColumn: Bool
    /// Normalised identifier → pseudonym; teachers repeat across rows. Emptied when it holds
    /// `pseudonymCacheLimit` teachers, so its memory does not grow with the file (an export
    /// lists a teacher's rows together: a small cache answers most rows; a miss costs one HMAC).
    var pseudonyms: [String: String] = [:]
    static let pseudonymCacheLimit = 4_096

    init(_ header: HeaderMap, knownSchools: KnownSchools, pseudonymizer: Pseudonymizer) {
        schoolCode = Column(.schoolCode, header)
        teacherID = Column(.teacherID, header)
        position = Column(.position, header)
        staffCategory = Column(.staffCategory, header)
        subject = Column(.subject, header)
        staffCategories = CodeTable(field: .staffCategory, mapping: header.mapping)
        self.knownSchools = knownSchools
        self.pseudonymizer = pseudonymizer
        isSNILSColumn = header.index(of: .teacherID).map { TeacherIdentifier.isSNILSHeader(header.header[$0]) } ?? false
    }

    /// Position → derived category (and the look-alike repair that made it leadership, if one
    /// did), so that each distinct position is folded once.
    var derivedCategories = ByteTable<(category: StaffCategory, repair: LookalikeLetters.Repair?)>()

    /// The category of a row without one, from its position (`StaffCategory.derived`). A position
    /// that names a director only once its Latin look-alike letters are read as Cyrillic
    /// («Дирeктор») comes back with the repair, to be reported; tried only for positions that
    /// do not read as leadership as written, once per distinct position.
    mutating func derivedCategory(_ position: String?) -> (category: StaffCategory, repair: LookalikeLetters.Repair?) {
        guard let position else { return (.teaching, nil) }
        if let known = derivedCategories.value(for: position) { return known }
        var derived: (category: StaffCategory, repair: LookalikeLetters.Repair?)
            = (StaffCategory.derived(fromFoldedPosition: TextFold.fold(position)), nil)
        if derived.category == .teaching, let repair = LookalikeLetters.repair(position),
           StaffCategory.derived(fromFoldedPosition: TextFold.fold(repair.text)) == .leadership {
            derived = (.leadership, repair)
        }
        derivedCategories.insert(derived, for: position)
        return derived
    }

    struct Values {
        var schoolCode: String?
        var pseudonym: String?
        var position: String?
        var staffCategory: StaffCategory
        var subject: String?
    }

    /// Reads the person's columns; `notes` gets the notices to report if the row is accepted (a
    /// restored SNILS zero, look-alike letters read as Cyrillic).
    mutating func read(_ fields: [String], _ line: Int, _ issues: inout [RowIssue], _ notes: inout [RowIssue]) -> Values {
        var school = Cells.requiredText(schoolCode, fields, line, &issues)
        if let code = school, !knownSchools.contains(code) {
            issues.append(schoolCode.issue(line, schoolCode.raw(fields), .unknownSchool))
            school = nil
        }
        let rawID = teacherID.raw(fields)
        let normalised: String
        switch TeacherIdentifier.read(rawID, snilsColumn: isSNILSColumn) {
        case .empty:
            normalised = ""
            issues.append(teacherID.issue(line, rawID, .missingRequired))
        case let .identifier(identifier):
            normalised = identifier
        case let .leadingZeroRestored(identifier, checkNumberMatches):
            normalised = identifier
            notes.append(teacherID.issue(line, rawID, .snilsLeadingZeroRestored, checkNumberMatches
                ? "10 digits read as 11 with a leading 0; the check number matches"
                : "10 digits read as 11 with a leading 0; the check number does not match either"))
        case let .notSNILS(digits):
            normalised = ""
            issues.append(teacherID.issue(line, rawID, .badSNILS, "\(digits) digits"))
        }
        var pseudonym: String?
        if let cached = pseudonyms[normalised] {
            pseudonym = cached
        } else if !normalised.isEmpty {
            let made = pseudonymizer.pseudonym(ofNormalised: normalised)
            if pseudonyms.count >= Self.pseudonymCacheLimit { pseudonyms.removeAll(keepingCapacity: true) }
            pseudonyms[normalised] = made
            pseudonym = made
        }
        let positionText = Cells.text(position, fields, line, &issues)
        var category: StaffCategory
        if let given = Cells.code(staffCategory, &staffCategories, fields, line, &issues, &notes) {
            category = given
        } else {
            let derived = derivedCategory(positionText)
            category = derived.category
            if let repair = derived.repair {
                notes.append(LookalikeLetters.notice(line: line, column: position.name, field: .position,
                                                     value: position.raw(fields), repair: repair))
            }
        }
        return Values(schoolCode: school, pseudonym: pseudonym, position: positionText,
                      staffCategory: category, subject: Cells.text(subject, fields, line, &issues))
    }
}

/// Validates and normalises the rows of an enrolment export.
/// Create one per file: it remembers natural keys to reject a row repeated in the file.
public struct EnrolmentValidator {
    public let header: HeaderMap
    public let years: YearSources
    private var person: PersonColumns
    private let academicYear, courseTitle, programKind, hours, delivery, focusArea, provider, funding,
        requestedBySchool, startDate, endDate, status, certificateNo: Column
    private var programKinds: CodeTable<ProgramKind>
    private var deliveries: CodeTable<Delivery>
    private var focusAreas: CodeTable<DeficitArea>
    private var fundings: CodeTable<Funding>
    private var statuses: CodeTable<EnrolmentStatus>
    private var requestedFlag: FlagTable
    private var seen = DuplicateTracker()
    private var keyBuilder = DuplicateTracker.KeyBuilder()
    private let shape: RowShape
    /// Notices about accepted rows (a restored SNILS zero, look-alike letters read as Cyrillic), in file order, at most
    /// `RowIssue.maximumNotices`: reported, not rejections.
    public private(set) var notices: [RowIssue] = []

    /// `header` must be a map of kind `.enrolments`.
    public init(header: HeaderMap, knownSchools: KnownSchools, pseudonymizer: Pseudonymizer, years: YearSources) {
        precondition(header.kind == .enrolments, "EnrolmentValidator needs an enrolments header")
        self.header = header
        shape = RowShape(header)
        self.years = years
        let mapping = header.mapping
        person = PersonColumns(header, knownSchools: knownSchools, pseudonymizer: pseudonymizer)
        academicYear = Column(.academicYear, header)
        courseTitle = Column(.courseTitle, header)
        programKind = Column(.programKind, header)
        hours = Column(.hours, header)
        delivery = Column(.delivery, header)
        focusArea = Column(.focusArea, header)
        provider = Column(.provider, header)
        funding = Column(.funding, header)
        requestedBySchool = Column(.requestedBySchool, header)
        startDate = Column(.startDate, header)
        endDate = Column(.endDate, header)
        status = Column(.status, header)
        certificateNo = Column(.certificateNo, header)
        programKinds = CodeTable(field: .programKind, mapping: mapping)
        deliveries = CodeTable(field: .delivery, mapping: mapping)
        focusAreas = CodeTable(field: .focusArea, mapping: mapping)
        fundings = CodeTable(field: .funding, mapping: mapping)
        statuses = CodeTable(field: .status, mapping: mapping)
        requestedFlag = FlagTable(field: .requestedBySchool, emptyMeans: true, mapping: mapping)
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<EnrolmentRecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        var notes: [RowIssue] = []
        let ownYear = Cells.academicYear(academicYear, fields, line, &issues)
        let who = person.read(fields, line, &issues, &notes)
        let title = Cells.requiredText(courseTitle, fields, line, &issues)
        let kind = Cells.code(programKind, &programKinds, fields, line, &issues, &notes)
        let hourCount = Cells.integer(hours, range: 1...2000, fields, line, &issues)
        let form = Cells.code(delivery, &deliveries, fields, line, &issues, &notes)
        let focus = Cells.code(focusArea, &focusAreas, fields, line, &issues, &notes)
        let providerName = Cells.text(provider, fields, line, &issues)
        let source = Cells.code(funding, &fundings, fields, line, &issues, &notes)
        let requested = Cells.flag(requestedBySchool, &requestedFlag, fields, line, &issues, &notes)
        let start = Cells.requiredDate(startDate, fields, line, &issues)
        let end = Cells.requiredDate(endDate, fields, line, &issues)
        let state = Cells.code(status, &statuses, fields, line, &issues, &notes)
        let certificate = Cells.text(certificateNo, fields, line, &issues)
        if let start, let end, end < start {
            issues.append(endDate.issue(line, endDate.raw(fields), .endBeforeStart, "дата начала \(start.russian) / start date \(start.iso)"))
        }
        guard issues.isEmpty, let ownYear, let school = who.schoolCode, let pseudonym = who.pseudonym,
              let title, let start, let end else { return .rejected(issues) }
        let year = ownYear ?? years.fallback
            ?? AcademicYear.containing(state == .completed ? end : start)
        let key = keyBuilder.fingerprint { $0.append(year.start); $0.append(pseudonym); $0.append(title); $0.append(start.key) }
        if let first = seen.firstLineOrInsert(key, line: line) {
            return .rejected([RowIssue(line: line, column: courseTitle.name, field: .courseTitle, value: title,
                                       reason: .duplicateRow,
                                       detail: "тот же учебный год, педагог, курс и дата начала, что в строке \(first)"
                                           + " / same academic year, teacher, course title and start date as line \(first)")])
        }
        if !notes.isEmpty { keep(notes, in: &notices) }
        return .accepted(EnrolmentRecord(
            line: line, academicYear: year, schoolCode: school, teacherPseudonym: pseudonym,
            position: who.position, staffCategory: who.staffCategory, subject: who.subject,
            courseTitle: title, programKind: kind, hours: hourCount, delivery: form, focusArea: focus,
            provider: providerName, funding: source, requestedBySchool: requested,
            startDate: start, endDate: end, status: state, certificateNo: certificate))
    }
}

/// Validates and normalises the rows of the yearly monitoring census.
/// Create one per file: it remembers (year, teacher) to reject a teacher listed twice in a year.
public struct SurveyValidator {
    public let header: HeaderMap
    public let years: YearSources
    private var person: PersonColumns
    private let submittedAt: Column
    /// Whether the file has a timestamp column (a form-service export): then several
    /// submissions of one teacher in one year are not rejected, the latest wins.
    public let hasSubmissionTimes: Bool
    /// (year, teacher) → the line and time of the latest submission seen so far, for files with
    /// submission times.
    private var latest: [DuplicateTracker.Fingerprint: (line: Int, time: SubmissionTime)] = [:]
    /// Rows accepted but superseded by a later submission of the same teacher and year (each
    /// also a `superseded_submission` notice): they are not loaded.
    public private(set) var supersededRows = 0
    private let academicYear, experienceYears, qualificationCategory, deficitDiagnostic, deficits,
        individualRoute, mentoringRole, expertRoles, methodologicalAsset, networkCommunities, subjectClub,
        interregional, conferences, seminars, webinars, internships, publications: Column
    private var qualifications: CodeTable<QualificationCategory>
    private var deficitAreas: CodeTable<DeficitArea>
    private var mentoringRoles: CodeTable<MentoringRole>
    private var expertRoleTable: CodeTable<ExpertRole>
    private var diagnosticFlag, routeFlag, assetFlag, clubFlag, interregionalFlag: FlagTable
    private var seen = DuplicateTracker()
    private var keyBuilder = DuplicateTracker.KeyBuilder()
    private let shape: RowShape
    /// Notices about accepted rows (a restored SNILS zero, look-alike letters read as Cyrillic), in file order, at most
    /// `RowIssue.maximumNotices`: reported, not rejections.
    public private(set) var notices: [RowIssue] = []

    /// `header` must be a map of kind `.survey`.
    public init(header: HeaderMap, knownSchools: KnownSchools, pseudonymizer: Pseudonymizer, years: YearSources) {
        precondition(header.kind == .survey, "SurveyValidator needs a survey header")
        self.header = header
        shape = RowShape(header)
        self.years = years
        let mapping = header.mapping
        person = PersonColumns(header, knownSchools: knownSchools, pseudonymizer: pseudonymizer)
        academicYear = Column(.academicYear, header)
        submittedAt = Column(.submittedAt, header)
        hasSubmissionTimes = header.index(of: .submittedAt) != nil
        experienceYears = Column(.experienceYears, header)
        qualificationCategory = Column(.qualificationCategory, header)
        deficitDiagnostic = Column(.deficitDiagnostic, header)
        deficits = Column(.deficits, header)
        individualRoute = Column(.individualRoute, header)
        mentoringRole = Column(.mentoringRole, header)
        expertRoles = Column(.expertRoles, header)
        methodologicalAsset = Column(.methodologicalAsset, header)
        networkCommunities = Column(.networkCommunities, header)
        subjectClub = Column(.subjectClub, header)
        interregional = Column(.interregional, header)
        conferences = Column(.conferences, header)
        seminars = Column(.seminars, header)
        webinars = Column(.webinars, header)
        internships = Column(.internships, header)
        publications = Column(.publications, header)
        qualifications = CodeTable(field: .qualificationCategory, mapping: mapping)
        deficitAreas = CodeTable(field: .deficits, mapping: mapping)
        mentoringRoles = CodeTable(field: .mentoringRole, mapping: mapping)
        expertRoleTable = CodeTable(field: .expertRoles, mapping: mapping)
        diagnosticFlag = FlagTable(field: .deficitDiagnostic, emptyMeans: false, mapping: mapping)
        routeFlag = FlagTable(field: .individualRoute, emptyMeans: false, mapping: mapping)
        assetFlag = FlagTable(field: .methodologicalAsset, emptyMeans: false, mapping: mapping)
        clubFlag = FlagTable(field: .subjectClub, emptyMeans: false, mapping: mapping)
        interregionalFlag = FlagTable(field: .interregional, emptyMeans: false, mapping: mapping)
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<SurveyRecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        var notes: [RowIssue] = []
        let ownYear = Cells.academicYear(academicYear, fields, line, &issues)
        let who = person.read(fields, line, &issues, &notes)
        let experience = Cells.integer(experienceYears, range: 0...60, fields, line, &issues)
        if experience == nil, TextFold.clean(experienceYears.raw(fields)) == nil {
            issues.append(experienceYears.issue(line, "", .missingRequired))
        }
        let category = Cells.code(qualificationCategory, &qualifications, fields, line, &issues, &notes) ?? QualificationCategory.none
        let diagnostic = Cells.flag(deficitDiagnostic, &diagnosticFlag, fields, line, &issues, &notes)
        let deficitList = Cells.codeList(deficits, deficitAreas, fields, line, &issues, &notes)
        let route = Cells.flag(individualRoute, &routeFlag, fields, line, &issues, &notes)
        let mentoring = Cells.code(mentoringRole, &mentoringRoles, fields, line, &issues, &notes) ?? MentoringRole.none
        let expertise = Cells.codeList(expertRoles, expertRoleTable, fields, line, &issues, &notes)
        let asset = Cells.flag(methodologicalAsset, &assetFlag, fields, line, &issues, &notes)
        let communities = Cells.count(networkCommunities, fields, line, &issues)
        let club = Cells.flag(subjectClub, &clubFlag, fields, line, &issues, &notes)
        let crossRegion = Cells.flag(interregional, &interregionalFlag, fields, line, &issues, &notes)
        let conferenceCount = Cells.count(conferences, fields, line, &issues)
        let seminarCount = Cells.count(seminars, fields, line, &issues)
        let webinarCount = Cells.count(webinars, fields, line, &issues)
        let internshipCount = Cells.count(internships, fields, line, &issues)
        let publicationCount = Cells.count(publications, fields, line, &issues)
        let submitted = hasSubmissionTimes ? Cells.requiredTimestamp(submittedAt, fields, line, &issues) : nil
        var year: AcademicYear?
        if let ownYear {
            // The year of the submission comes last: after the column, --year and the file name.
            year = ownYear ?? years.fallback ?? submitted?.academicYear
            if year == nil, !hasSubmissionTimes {
                issues.append(RowIssue(line: line, column: academicYear.name, field: .academicYear, value: "",
                                       reason: .missingAcademicYear))
            }
        }
        guard issues.isEmpty, let year, let school = who.schoolCode, let pseudonym = who.pseudonym,
              let experience else { return .rejected(issues) }
        let key = keyBuilder.fingerprint { $0.append(year.start); $0.append(pseudonym) }
        if let submitted {
            supersede(key, line: line, time: submitted, year: year)
            seen.insert(key, line: line)
        } else if let first = seen.firstLineOrInsert(key, line: line) {
            return .rejected([RowIssue(line: line, column: person.teacherID.name, field: .teacherID,
                                       value: person.teacherID.raw(fields), reason: .duplicateTeacher,
                                       detail: "педагог уже указан за \(year.label) в строке \(first)"
                                           + " / teacher already listed for \(year.label) on line \(first)")])
        }
        if !notes.isEmpty { keep(notes, in: &notices) }
        return .accepted(SurveyRecord(
            line: line, academicYear: year, submittedAt: submitted, schoolCode: school, teacherPseudonym: pseudonym,
            position: who.position, staffCategory: who.staffCategory, subject: who.subject,
            experienceYears: experience, qualificationCategory: category, deficitDiagnostic: diagnostic,
            deficits: deficitList, individualRoute: route, mentoringRole: mentoring, expertRoles: expertise,
            methodologicalAsset: asset, networkCommunities: communities, subjectClub: club,
            interregional: crossRegion, conferences: conferenceCount, seminars: seminarCount,
            webinars: webinarCount, internships: internshipCount, publications: publicationCount))
    }

    /// Several submissions of one teacher in one year (a form-service export): the latest by
    /// `submitted_at` wins (at the same second, the later line), and the earlier one is reported
    /// as a `superseded_submission` notice, not as an error. Both rows are accepted here; the
    /// loader keeps only the latest of each teacher and year by the same order
    /// (`sql/load/survey/settle_stage.sql`).
    private mutating func supersede(_ key: DuplicateTracker.Fingerprint, line: Int, time: SubmissionTime,
                                    year: AcademicYear) {
        guard let previous = latest[key] else {
            latest[key] = (line, time)
            return
        }
        let laterIsNew = (time, line) > (previous.time, previous.line)
        let (loser, winner) = laterIsNew ? ((previous.line, previous.time), (line, time)) : ((line, time), (previous.line, previous.time))
        if laterIsNew { latest[key] = (line, time) }
        supersededRows += 1
        guard notices.count < RowIssue.maximumNotices else { return }
        notices.append(RowIssue(
            line: loser.0, column: submittedAt.name, field: .submittedAt, value: loser.1.iso,
            reason: .supersededSubmission,
            detail: "за \(year.label) учтён ответ из строки \(winner.0) от \(winner.1.iso)"
                + " / the submission on line \(winner.0) at \(winner.1.iso) counts for \(year.label)"))
    }
}
