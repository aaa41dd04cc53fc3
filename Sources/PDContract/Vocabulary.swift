/// Folded-string lookup tables for header names and coded values, built once per file
/// (built-in aliases plus a mapping file's) so that each cell costs one fold and one
/// dictionary lookup.
enum Vocabulary {
    /// Folded header name → field, for one kind: canonical names and built-in aliases only.
    static func builtInHeaders(of kind: ExportKind) -> [String: ContractField] {
        switch kind {
        case .schools: return schoolHeaders
        case .enrolments: return enrolmentHeaders
        case .survey: return surveyHeaders
        case .frdo: return frdoHeaders
        case .requests: return requestHeaders
        case .measures: return measureHeaders
        }
    }

    private static let schoolHeaders = makeHeaders(.schools)
    private static let enrolmentHeaders = makeHeaders(.enrolments)
    private static let surveyHeaders = makeHeaders(.survey)
    private static let frdoHeaders = makeHeaders(.frdo)
    private static let requestHeaders = makeHeaders(.requests)
    private static let measureHeaders = makeHeaders(.measures)

    private static func makeHeaders(_ kind: ExportKind) -> [String: ContractField] {
        var table: [String: ContractField] = [:]
        for definition in kind.fields {
            table[TextFold.fold(definition.name)] = definition.field
            for alias in definition.aliases {
                table[TextFold.fold(alias)] = definition.field
            }
        }
        return table
    }

    /// Folded header name → field for `kind`, built-in plus the mapping's header aliases.
    static func headers(of kind: ExportKind, mapping: ContractMapping) -> [String: ContractField] {
        var table = builtInHeaders(of: kind)
        for (field, aliases) in mapping.headerAliases[kind] ?? [:] {
            for alias in aliases { table[TextFold.fold(alias)] = field }
        }
        return table
    }

    /// The field a header cell names in `table` (folded names), and the look-alike repair it
    /// took when the cell as written matched nothing (`LookalikeLetters`, tried only then).
    static func field(named name: String, in table: [String: ContractField])
        -> (field: ContractField, repair: LookalikeLetters.Repair?)?
    {
        if let field = table[TextFold.fold(name)] { return (field, nil) }
        guard let repair = LookalikeLetters.repair(name), let field = table[TextFold.fold(repair.text)] else { return nil }
        return (field, repair)
    }

    /// Folded spelling → canonical code (raw value), built-in only, for a coded, list or flag field.
    static func builtInValues(of field: ContractField) -> [String: String] {
        switch field {
        case .schoolType: return codeTable(SchoolType.self)
        case .staffCategory: return codeTable(StaffCategory.self)
        case .programKind: return codeTable(ProgramKind.self)
        case .delivery: return codeTable(Delivery.self)
        case .funding: return codeTable(Funding.self)
        case .status: return codeTable(EnrolmentStatus.self)
        case .qualificationCategory: return codeTable(QualificationCategory.self)
        case .mentoringRole: return codeTable(MentoringRole.self)
        case .focusArea, .deficits: return codeTable(DeficitArea.self)
        case .expertRoles: return codeTable(ExpertRole.self)
        case .documentKind: return codeTable(DocumentKind.self)
        case .documentStatus: return codeTable(DocumentStatus.self)
        case .studyForm: return codeTable(StudyForm.self)
        case .fundingSource: return codeTable(FundingSource.self)
        default:
            guard field.codes == ["true", "false"] else { return [:] }
            return flagTable
        }
    }

    private static let flagTable: [String: String] = {
        var table: [String: String] = [:]
        for alias in FlagAliases.yes { table[TextFold.fold(alias)] = "true" }
        for alias in FlagAliases.no { table[TextFold.fold(alias)] = "false" }
        return table
    }()

    private static func codeTable<Code: ContractCode>(_: Code.Type) -> [String: String] {
        var table: [String: String] = [:]
        for code in Code.allCases {
            table[TextFold.fold(code.rawValue)] = code.rawValue
            for alias in Code.builtInAliases[code] ?? [] {
                table[TextFold.fold(alias)] = code.rawValue
            }
        }
        return table
    }
}

/// Folded spelling → code for one coded field, built-in aliases plus the mapping's.
struct CodeTable<Code: ContractCode> {
    let lookup: [String: Code]
    /// The folded spellings that contain a list separator (`,` `;` `|`), longest first: a list
    /// cell is split around them first (`ValueParsers.listItems(_:keepingWhole:)`). Usually empty.
    let wholeSpellings: [String]
    /// Raw cell → code for cells already resolved: values repeat, so most cells skip folding.
    var resolved = ByteTable<Code>()

    init(field: ContractField, mapping: ContractMapping) {
        var table: [String: Code] = [:]
        for code in Code.allCases {
            table[TextFold.fold(code.rawValue)] = code
            for alias in Code.builtInAliases[code] ?? [] { table[TextFold.fold(alias)] = code }
        }
        for (raw, aliases) in mapping.valueAliases[field] ?? [:] {
            guard let code = Code(rawValue: raw) else { continue }
            for alias in aliases { table[TextFold.fold(alias)] = code }
        }
        lookup = table
        wholeSpellings = table.keys.filter { $0.contains(where: ValueParsers.listSeparators.contains) }
            .sorted { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 }
    }

    @inline(__always)
    func code(forFolded folded: String) -> Code? { lookup[folded] }

    /// The folded items of a list cell, split around the spellings that contain a separator.
    func listItems(_ raw: String) -> [String] {
        wholeSpellings.isEmpty ? ValueParsers.listItems(raw) : ValueParsers.listItems(raw, keepingWhole: wholeSpellings)
    }

    /// The code of a raw cell: `.empty` for a blank cell, `.unknown` outside the table,
    /// `.repaired` when only its Latin look-alike letters kept it out (`LookalikeLetters`: tried
    /// only after the folded cell matched nothing, so clean cells never pay for it).
    mutating func resolve(raw: String) -> Resolution<Code> {
        if raw.isEmpty { return .empty }
        if let code = resolved.value(for: raw) { return .value(code) }
        let folded = TextFold.fold(raw)
        if folded.isEmpty { return .empty }
        if let code = lookup[folded] {
            resolved.insert(code, for: raw)
            return .value(code)
        }
        if let known = repaired.value(for: raw) { return .repaired(known.code, known.repair) }
        guard let repair = LookalikeLetters.repair(raw), let code = lookup[TextFold.fold(repair.text)] else {
            return .unknown
        }
        repaired.insert((code, repair), for: raw)
        return .repaired(code, repair)
    }

    /// Raw cell → code and repair, for cells read with look-alike letters made Cyrillic: a
    /// repeated misspelling is repaired once (and reported on every row).
    private var repaired = ByteTable<(code: Code, repair: LookalikeLetters.Repair)>(limit: 256)
}

/// The outcome of looking a raw cell up in a value table.
enum Resolution<Value> {
    case empty
    case value(Value)
    /// Found once the Latin look-alike letters of its Cyrillic words were read as Cyrillic:
    /// the value, and what was changed (reported as a notice).
    case repaired(Value, LookalikeLetters.Repair)
    case unknown
}

/// Folded spelling → true/false for one flag field, built-in aliases plus the mapping's.
struct FlagTable {
    let lookup: [String: Bool]
    let emptyMeans: Bool
    /// Raw cell → value for cells already resolved, so most cells skip folding.
    var resolved = ByteTable<Bool>()

    init(field: ContractField, emptyMeans: Bool, mapping: ContractMapping) {
        var table: [String: Bool] = [:]
        for alias in FlagAliases.yes { table[TextFold.fold(alias)] = true }
        for alias in FlagAliases.no { table[TextFold.fold(alias)] = false }
        for (raw, aliases) in mapping.valueAliases[field] ?? [:] {
            guard let value = Bool(raw) else { continue }
            for alias in aliases { table[TextFold.fold(alias)] = value }
        }
        lookup = table
        self.emptyMeans = emptyMeans
    }

    /// Like `CodeTable.resolve`: look-alike letters are repaired only after the folded cell
    /// matched nothing.
    mutating func resolve(raw: String) -> Resolution<Bool> {
        if raw.isEmpty { return .empty }
        if let value = resolved.value(for: raw) { return .value(value) }
        let folded = TextFold.fold(raw)
        if folded.isEmpty { return .empty }
        if let value = lookup[folded] {
            resolved.insert(value, for: raw)
            return .value(value)
        }
        guard let repair = LookalikeLetters.repair(raw), let value = lookup[TextFold.fold(repair.text)] else {
            return .unknown
        }
        return .repaired(value, repair)
    }
}
