/// One valid row of a targets file (`ExportKind.targets`), normalised.
public struct TargetRecord: Hashable, Sendable {
    /// 1-based line of the row in its file.
    public let line: Int
    /// An indicator id of the catalogue.
    public let indicator: String
    public let academicYear: AcademicYear
    /// The school of a school's own target; `nil` for the city's.
    public let schoolCode: String?
    /// The target in tenths of the indicator's unit (`150` is 15 %): one decimal, as the mart
    /// stores values.
    public let valueTenths: Int
    public let sourceDocument: String
    public let sourceDate: CivilDate?

    /// The value in `.` notation with one decimal at most (`15`, `12.5`), as COPY takes it.
    public var valueText: String {
        valueTenths % 10 == 0 ? String(valueTenths / 10) : "\(valueTenths / 10).\(valueTenths % 10)"
    }
}

/// Validates and normalises the rows of a targets file.
///
/// A row names a catalogued indicator (`knownIndicators`: id → whether it is a percent), an
/// academic year, a level — the city (`город`, `по городу`, `city`) or a school code of the
/// directory — a target value (a decimal with `,` or `.`, an optional `%`; 0..100 for a percent,
/// 0..2000 for hours; rounded half away from zero to one decimal), the source document and,
/// optionally, its date. Create one per file: the same indicator, year and level twice is
/// rejected (`duplicate_row`).
public struct TargetValidator {
    public let header: HeaderMap
    private let indicator, academicYear, level, targetValue, sourceDocument, sourceDate: Column
    private let knownSchools: KnownSchools
    private let knownIndicators: [String: Bool]
    private var seen = DuplicateTracker()
    private let shape: RowShape

    /// The spellings of the city's level, folded.
    static let cityLevels: Set<String> = ["город", "по городу", "city", "муниципалитет", "муниципальный"]

    /// `header` must be a map of kind `.targets`.
    public init(header: HeaderMap, knownSchools: KnownSchools, knownIndicators: [String: Bool]) {
        precondition(header.kind == .targets, "TargetValidator needs a targets header")
        self.header = header
        shape = RowShape(header)
        self.knownSchools = knownSchools
        self.knownIndicators = knownIndicators
        indicator = Column(.indicator, header)
        academicYear = Column(.academicYear, header)
        level = Column(.level, header)
        targetValue = Column(.targetValue, header)
        sourceDocument = Column(.sourceDocument, header)
        sourceDate = Column(.sourceDate, header)
    }

    /// Validates one data row (`line` is its 1-based line in the file).
    public mutating func validate(_ fields: [String], line: Int) -> RowResult<TargetRecord> {
        if let issue = shape.issue(fields, line) { return .rejected([issue]) }
        var issues: [RowIssue] = []
        let id = Cells.requiredText(indicator, fields, line, &issues).map { $0.lowercased() }
        var isPercent = true
        if let id {
            if let percent = knownIndicators[id] {
                isPercent = percent
            } else {
                issues.append(indicator.issue(line, indicator.raw(fields), .unknownValue,
                                              "нет такого показателя в каталоге (pdmon report list) / no such indicator in the catalogue (pdmon report list)"))
            }
        }
        var year: AcademicYear?
        if case let .some(own) = Cells.academicYear(academicYear, fields, line, &issues) {
            if let own { year = own } else { issues.append(academicYear.issue(line, "", .missingRequired)) }
        }
        var school: String?
        var isCity = false
        if let text = Cells.requiredText(level, fields, line, &issues) {
            if Self.cityLevels.contains(TextFold.fold(text)) {
                isCity = true
            } else if knownSchools.contains(text) {
                school = text
            } else {
                issues.append(level.issue(line, level.raw(fields), .unknownSchool,
                                          "ни «город», ни код ОО из справочника / neither \"город\" (city) nor a school code of the directory"))
            }
        }
        let value = Self.decimalTenths(targetValue.raw(fields))
        let maximum = isPercent ? 1000 : 20000
        switch value {
        case .none:
            if TextFold.clean(targetValue.raw(fields)) == nil {
                issues.append(targetValue.issue(line, "", .missingRequired))
            } else {
                issues.append(targetValue.issue(line, targetValue.raw(fields), .badNumber,
                                                "ожидается число, например 15 или 12,5 / a number expected, e.g. 15 or 12.5"))
            }
        case let .some(tenths) where tenths > maximum:
            issues.append(targetValue.issue(line, targetValue.raw(fields), .outOfRange,
                                            isPercent ? "ожидается от 0 до 100 (%) / expected 0..100 (%)"
                                                      : "ожидается от 0 до 2000 (ч) / expected 0..2000 (h)"))
        default: break
        }
        let document = Cells.requiredText(sourceDocument, fields, line, &issues)
        var date: CivilDate?
        if TextFold.clean(sourceDate.raw(fields)) != nil {
            date = Cells.requiredDate(sourceDate, fields, line, &issues)
        }
        guard issues.isEmpty, let id, let year, isCity || school != nil, let tenths = value, let document else {
            return .rejected(issues)
        }
        let key = DuplicateTracker.fingerprint([id, String(year.start), school ?? ""])
        if let first = seen.firstLine(of: key) {
            return .rejected([indicator.issue(line, id, .duplicateRow,
                                              "тот же показатель, учебный год и уровень, что в строке \(first)"
                                                  + " / same indicator, academic year and level as line \(first)")])
        }
        seen.insert(key, line: line)
        return .accepted(TargetRecord(line: line, indicator: id, academicYear: year, schoolCode: school,
                                      valueTenths: tenths, sourceDocument: document, sourceDate: date))
    }

    /// A non-negative decimal in tenths, rounded half away from zero: `15`, `12,5`, `12.55`,
    /// `20 %`, `1 000`; nil when the text is empty or not such a number.
    public static func decimalTenths(_ text: String) -> Int? {
        var digits: [UInt8] = []
        var fraction: [UInt8] = []
        var seenSeparator = false
        var body = Substring(text)
        while let last = body.last, last == "%" || last.isWhitespace { body.removeLast() }
        for character in body {
            if character.isWhitespace { continue }
            if character == "," || character == "." {
                guard !seenSeparator else { return nil }
                seenSeparator = true
                continue
            }
            guard let ascii = character.asciiValue, (0x30...0x39).contains(ascii) else { return nil }
            if seenSeparator { fraction.append(ascii - 0x30) } else { digits.append(ascii - 0x30) }
            if digits.count > 9 { return nil }
        }
        guard !digits.isEmpty || !fraction.isEmpty else { return nil }
        var whole = 0
        for digit in digits { whole = whole * 10 + Int(digit) }
        let tenth = fraction.first.map(Int.init) ?? 0
        let roundUp = fraction.count > 1 && fraction[1] >= 5
        return whole * 10 + tenth + (roundUp ? 1 : 0)
    }
}
