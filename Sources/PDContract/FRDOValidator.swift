/// One valid row of a ФИС ФРДО upload (one issued ДПО document), normalised.
/// Holds pseudonyms only: no СНИЛС, no name, no birth date, no registration number.
public struct FRDORecord: Hashable, Sendable {
    public let line: Int
    /// The academic year of `issueDate` (the register has no year column).
    public let academicYear: AcademicYear
    /// HMAC-SHA256 (hex) of the normalised СНИЛС, as for the other kinds.
    public let teacherPseudonym: String
    /// The document's identity: HMAC-SHA256 (hex) of `frdo-document:` and the normalised
    /// registration number; for a duplicate, its original's («Регистрационный N (оригинала)»),
    /// so that an original and its duplicate are one document.
    public let documentID: String
    public let status: DocumentStatus
    /// The issue date; for a duplicate, its original's («Дата выдачи (оригинала)»).
    public let issueDate: CivilDate
    public let courseTitle: String
    /// From «Дополнительная профессиональная программа», else from «Вид документа».
    public let programKind: ProgramKind?
    public let hours: Int?
    public let delivery: Delivery?
    /// From `--provider` or the mapping's `[defaults]` (the register has no provider column).
    public let provider: String?
    public let funding: Funding?
}

/// Validates and normalises the rows of a ФИС ФРДО upload (docs/exports.md §5.4).
///
/// The СНИЛС goes through the same rules as any СНИЛС column (`TeacherIdentifier`: 11 digits, a
/// lost leading zero restored and reported, other digit strings rejected) and is pseudonymised;
/// surname, given name, patronymic and birth date are never read into the record, and any issue
/// about them is masked. A duplicate («Дубликат») is keyed and dated by its original and must
/// name them (`missing_required` otherwise). Several rows of one document in a file are all
/// accepted: the merge keeps one document (docs/exports.md §5.4).
/// Create one per file.
public struct FRDOValidator {
    public let header: HeaderMap
    private let documentKind, documentStatus, issueDate, registrationNumber, programKind, courseTitle, hours,
        teacherID, delivery, funding, provider, originalRegistrationNumber, originalIssueDate: Column
    private var documentKinds: CodeTable<DocumentKind>
    private var statuses: CodeTable<DocumentStatus>
    private var programKinds: CodeTable<ProgramKind>
    private var forms: CodeTable<StudyForm>
    private var sources: CodeTable<FundingSource>
    private let pseudonymizer: Pseudonymizer
    private let isSNILSColumn: Bool
    private let shape: RowShape
    /// Normalised СНИЛС → pseudonym; teachers repeat across rows.
    private var pseudonyms: [String: String] = [:]
    /// Notices about accepted rows (a restored СНИЛС zero), at most `RowIssue.maximumNotices`.
    public private(set) var notices: [RowIssue] = []

    /// The prefix hashed before a registration number: a teacher identifier never normalises
    /// to it (normalising drops dashes and upper-cases), so a document's identity is never a
    /// teacher's pseudonym.
    static let documentPrefix = "frdo-document:"

    /// The provider every row gets (`--provider`), else the mapping's default, else none.
    private let providerOverride: String?

    /// `header` must be a map of kind `.frdo`. `provider` (`--provider`) is the training
    /// provider of every row, over the mapping's `[defaults] provider`.
    public init(header: HeaderMap, pseudonymizer: Pseudonymizer, provider: String? = nil) {
        precondition(header.kind == .frdo, "FRDOValidator needs a frdo header")
        self.header = header
        self.pseudonymizer = pseudonymizer
        providerOverride = provider.flatMap(TextFold.clean)
        shape = RowShape(header)
        let mapping = header.mapping
        documentKind = Column(.documentKind, header)
        documentStatus = Column(.documentStatus, header)
        issueDate = Column(.issueDate, header)
        registrationNumber = Column(.registrationNumber, header)
        programKind = Column(.programKind, header)
        courseTitle = Column(.courseTitle, header)
        hours = Column(.hours, header)
        teacherID = Column(.teacherID, header)
        delivery = Column(.studyForm, header)
        funding = Column(.fundingSource, header)
        self.provider = Column(.provider, header)
        originalRegistrationNumber = Column(.originalRegistrationNumber, header)
        originalIssueDate = Column(.originalIssueDate, header)
        documentKinds = CodeTable(field: .documentKind, mapping: mapping)
        statuses = CodeTable(field: .documentStatus, mapping: mapping)
        programKinds = CodeTable(field: .programKind, mapping: mapping)
        forms = CodeTable(field: .studyForm, mapping: mapping)
        sources = CodeTable(field: .fundingSource, mapping: mapping)
        isSNILSColumn = header.index(of: .teacherID).map { TeacherIdentifier.isSNILSHeader(header.header[$0]) } ?? true
    }

    /// The identity of a registration number (see `FRDORecord.documentID`).
    public func documentID(ofRegistrationNumber raw: String) -> String? {
        let normalised = Pseudonymizer.normalise(raw)
        guard !normalised.isEmpty else { return nil }
        return pseudonymizer.pseudonym(ofNormalised: Self.documentPrefix + normalised)
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<FRDORecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        // Notices about the row (look-alike Latin letters read as Cyrillic), kept if it is accepted.
        var notes: [RowIssue] = []
        let kind = Cells.code(documentKind, &documentKinds, fields, line, &issues, &notes)
        let status = Cells.code(documentStatus, &statuses, fields, line, &issues, &notes)
        if status == nil, TextFold.clean(documentStatus.raw(fields)) == nil {
            issues.append(documentStatus.issue(line, "", .missingRequired))
        }
        let issued = Cells.requiredDate(issueDate, fields, line, &issues)
        let registration = Cells.requiredText(registrationNumber, fields, line, &issues)
        let program = Cells.code(programKind, &programKinds, fields, line, &issues, &notes)
        let title = Cells.requiredText(courseTitle, fields, line, &issues)
        let hourCount = Cells.integer(hours, range: 1...2000, fields, line, &issues)
        let form = Cells.code(delivery, &forms, fields, line, &issues, &notes)?.delivery
        let source = Cells.code(funding, &sources, fields, line, &issues, &notes)?.funding
        let providerName = providerOverride ?? Cells.text(provider, fields, line, &issues)
        let teacher = readTeacher(fields, line, &issues)
        // A duplicate stands for its original: its registration number and issue date.
        var identityNumber = registration
        var identityDate = issued
        if status == .duplicate {
            identityNumber = Cells.text(originalRegistrationNumber, fields, line, &issues)
            identityDate = nil
            if identityNumber == nil {
                issues.append(originalRegistrationNumber.issue(line, "", .missingRequired,
                    "у дубликата должен быть указан регистрационный номер оригинала / a duplicate must name its original's registration number"))
            }
            if TextFold.clean(originalIssueDate.raw(fields)) == nil {
                issues.append(originalIssueDate.issue(line, "", .missingRequired,
                    "у дубликата должна быть указана дата выдачи оригинала / a duplicate must give its original's issue date"))
            } else {
                identityDate = Cells.requiredDate(originalIssueDate, fields, line, &issues)
            }
        }
        guard issues.isEmpty, let status, let title, let date = identityDate, let number = identityNumber,
              let documentID = documentID(ofRegistrationNumber: number), let (pseudonym, notice) = teacher
        else {
            if issues.isEmpty {
                issues.append(registrationNumber.issue(line, registrationNumber.raw(fields), .missingRequired))
            }
            return .rejected(issues)
        }
        if let notice { notes.insert(notice, at: 0) }
        for note in notes where notices.count < RowIssue.maximumNotices { notices.append(note) }
        return .accepted(FRDORecord(
            line: line, academicYear: AcademicYear.containing(date), teacherPseudonym: pseudonym,
            documentID: documentID, status: status, issueDate: date, courseTitle: title,
            programKind: program ?? kind?.programKind, hours: hourCount, delivery: form, provider: providerName,
            funding: source))
    }

    /// The teacher's pseudonym (and a notice when a lost СНИЛС zero was restored), or nil with
    /// an issue.
    private mutating func readTeacher(_ fields: [String], _ line: Int, _ issues: inout [RowIssue]) -> (String, RowIssue?)? {
        let raw = teacherID.raw(fields)
        var notice: RowIssue?
        let normalised: String
        switch TeacherIdentifier.read(raw, snilsColumn: isSNILSColumn) {
        case .empty:
            issues.append(teacherID.issue(line, raw, .missingRequired))
            return nil
        case let .identifier(identifier):
            normalised = identifier
        case let .leadingZeroRestored(identifier, checkNumberMatches):
            normalised = identifier
            notice = teacherID.issue(line, raw, .snilsLeadingZeroRestored, checkNumberMatches
                ? "10 digits read as 11 with a leading 0; the check number matches"
                : "10 digits read as 11 with a leading 0; the check number does not match either")
        case let .notSNILS(digits):
            issues.append(teacherID.issue(line, raw, .badSNILS, "\(digits) digits"))
            return nil
        }
        if let cached = pseudonyms[normalised] { return (cached, notice) }
        let made = pseudonymizer.pseudonym(ofNormalised: normalised)
        if pseudonyms.count >= PersonColumns.pseudonymCacheLimit { pseudonyms.removeAll(keepingCapacity: true) }
        pseudonyms[normalised] = made
        return (made, notice)
    }
}
