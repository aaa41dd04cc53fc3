/// A starting mapping file for an export whose columns the contract does not know
/// (`pdmon mapping suggest FILE`): for each column, the field it most likely means, judged by the
/// words of its header (Russian question texts: «Сколько полных лет вы работаете педагогом?» →
/// `experience_years`) and by the values seen (SNILS-shaped, timestamps, the alias tables of
/// coded fields, whole numbers); and, for coded columns, their distinct values with the code
/// each most likely means, as comments for the user to confirm.
///
/// Pure: the caller reads the header and some rows (the first 2 000 are plenty). The result
/// prints as TOML in the format `--mapping` reads (`ContractMapping`): header lines are active,
/// value spellings are comments (`# mentor = "Да, я наставник"`) to confirm and uncomment.
public struct MappingSuggestion: Sendable {
    /// What was decided for one column of the file.
    public struct Column: Sendable, Equatable {
        /// Zero-based position in the header.
        public let index: Int
        /// The header cell as the file writes it.
        public let header: String
        /// The field proposed, or nil when nothing fits.
        public let field: ContractField?
        /// Whether the header already is a built-in name of `field` (no mapping line needed).
        public let isBuiltInHeader: Bool
        /// What the guess rests on, for the comment (`header: «стаж»; values: whole numbers 0..60`).
        public let evidence: [String]
        /// For coded columns: the distinct values (list items for list fields), most frequent
        /// first, with their counts and the code each most likely means.
        public let values: [Value]
        /// How many distinct values the column had, when too many to list (free text).
        public let distinctCount: Int
    }

    /// One distinct value of a coded column.
    public struct Value: Sendable, Equatable {
        public let text: String
        public let count: Int
        /// The code (or `true`/`false`) the value most likely means, nil when no guess.
        public let code: String?
        /// Whether the built-in alias table already reads it so (no mapping line needed).
        public let isBuiltIn: Bool
    }

    /// The kind of export the columns fit best.
    public let kind: ExportKind
    public let columns: [Column]
    /// The number of data rows looked at.
    public let rowsSeen: Int

    /// The most distinct values listed for one coded column; beyond, it is taken as free text.
    public static let maximumListedValues = 40

    /// Suggests a mapping for a file with `header` and the data `rows` (any number; each row as
    /// its fields). Picks the kind whose fields the columns fit best, then gives each field to at
    /// most one column, strongest evidence first.
    public static func suggest(header: [String], rows: [[String]]) -> MappingSuggestion {
        let profiles = header.indices.map { ColumnProfile(index: $0, rows: rows) }
        var best: (kind: ExportKind, score: Int, assignment: [Int: (ContractField, Int, [String])])?
        for kind in ExportKind.allCases {
            var candidates: [(column: Int, field: ContractField, score: Int, evidence: [String])] = []
            for (index, cell) in header.enumerated() {
                for definition in kind.fields {
                    let (score, evidence) = Self.score(definition, header: cell, profile: profiles[index], kind: kind)
                    if score >= Self.threshold { candidates.append((index, definition.field, score, evidence)) }
                }
            }
            candidates.sort { ($0.score, -$0.column) > ($1.score, -$1.column) }
            var assignment: [Int: (ContractField, Int, [String])] = [:]
            var used = Set<ContractField>()
            for candidate in candidates where assignment[candidate.column] == nil && !used.contains(candidate.field) {
                assignment[candidate.column] = (candidate.field, candidate.score, candidate.evidence)
                used.insert(candidate.field)
            }
            let total = assignment.values.reduce(0) { $0 + $1.1 }
            if best == nil || total > best!.score { best = (kind, total, assignment) }
        }
        let chosen = best!
        let builtIn = Vocabulary.builtInHeaders(of: chosen.kind)
        let columns = header.enumerated().map { index, cell -> Column in
            let field = chosen.assignment[index]?.0
            let profile = profiles[index]
            var values: [Value] = []
            var distinct = 0
            if let field, let definition = chosen.kind.definition(of: field), definition.isCoded {
                let counts = definition.valueType == .codeList ? profile.itemCounts : profile.valueCounts
                distinct = counts.count
                if counts.count <= maximumListedValues {
                    values = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { text, count in
                        let (code, isBuiltIn) = Self.guessCode(text, field: field)
                        return Value(text: text, count: count, code: code, isBuiltIn: isBuiltIn)
                    }
                }
            } else {
                distinct = profile.valueCounts.count
            }
            return Column(index: index, header: cell, field: field,
                          isBuiltInHeader: field != nil && builtIn[TextFold.fold(cell)] == field,
                          evidence: chosen.assignment[index]?.2 ?? [], values: values, distinctCount: distinct)
        }
        return MappingSuggestion(kind: chosen.kind, columns: columns, rowsSeen: rows.count)
    }

    // MARK: - Evidence

    /// The least score that proposes a field.
    static let threshold = 8

    /// Header word stems per field: every group must have a word starting with one of its stems
    /// (folded), and no word may start with an excluded stem.
    struct HeaderRule {
        let groups: [[String]]
        var excluded: [String] = []
    }

    static let headerRules: [ContractField: [HeaderRule]] = [
        .submittedAt: [HeaderRule(groups: [["отметк"], ["времен"]]), HeaderRule(groups: [["врем"], ["создан", "отправк", "заполнен"]]),
                       HeaderRule(groups: [["timestamp"]])],
        .academicYear: [HeaderRule(groups: [["учебн"], ["год"]])],
        .schoolCode: [HeaderRule(groups: [["код"], ["оо", "организац", "школ", "учрежден", "оу"]])],
        .teacherID: [HeaderRule(groups: [["снилс"]]), HeaderRule(groups: [["табельн"]]), HeaderRule(groups: [["идентификатор"]])],
        .fullName: [HeaderRule(groups: [["фио"]]), HeaderRule(groups: [["фамили"]])],
        .position: [HeaderRule(groups: [["должност"]])],
        .staffCategory: [HeaderRule(groups: [["категори"], ["работник", "персонал"]])],
        .subject: [HeaderRule(groups: [["предмет"]], excluded: ["клуб", "комисси", "предметн"]),
                   HeaderRule(groups: [["преподае", "преподава"]], excluded: ["клуб"])],
        .experienceYears: [HeaderRule(groups: [["стаж"]], excluded: ["стажир"]),
                           HeaderRule(groups: [["лет"], ["работает", "работаете", "педагог"]])],
        .qualificationCategory: [HeaderRule(groups: [["квалификац"]]), HeaderRule(groups: [["категори"]], excluded: ["работник"])],
        .deficitDiagnostic: [HeaderRule(groups: [["диагностик"]])],
        .deficits: [HeaderRule(groups: [["дефицит"]], excluded: ["диагностик"])],
        .individualRoute: [HeaderRule(groups: [["маршрут"]]), HeaderRule(groups: [["иом"]])],
        .mentoringRole: [HeaderRule(groups: [["наставни"]])],
        .expertRoles: [HeaderRule(groups: [["эксперт"]])],
        .methodologicalAsset: [HeaderRule(groups: [["методическ"], ["актив"]])],
        .networkCommunities: [HeaderRule(groups: [["сетев"], ["сообществ"]])],
        .subjectClub: [HeaderRule(groups: [["клуб"]])],
        .interregional: [HeaderRule(groups: [["межрегиональн"]])],
        .conferences: [HeaderRule(groups: [["конференц"]])],
        .seminars: [HeaderRule(groups: [["семинар"]])],
        .webinars: [HeaderRule(groups: [["вебинар"]])],
        .internships: [HeaderRule(groups: [["стажиров"]])],
        .publications: [HeaderRule(groups: [["публикац"]])],
        .name: [HeaderRule(groups: [["наименован", "название"]], excluded: ["программ", "курс"])],
        .schoolType: [HeaderRule(groups: [["тип"]])],
        .isBaseSchool: [HeaderRule(groups: [["опорн", "базов"]])],
        .municipality: [HeaderRule(groups: [["муниципал", "район", "округ"]])],
        .courseTitle: [HeaderRule(groups: [["наименован", "название", "тема"], ["программ", "курс"]])],
        .programKind: [HeaderRule(groups: [["вид"], ["программ", "обучен"]])],
        .hours: [HeaderRule(groups: [["час"]])],
        .delivery: [HeaderRule(groups: [["форм"], ["обучен", "проведен"]])],
        .focusArea: [HeaderRule(groups: [["направленн"]])],
        .provider: [HeaderRule(groups: [["организац", "провайдер"], ["дпо", "обучающ", "провел"]], excluded: ["код"])],
        .funding: [HeaderRule(groups: [["финансир", "оплат"]])],
        .requestedBySchool: [HeaderRule(groups: [["заявк"]])],
        .startDate: [HeaderRule(groups: [["начал"]])],
        .endDate: [HeaderRule(groups: [["окончан", "завершен"]])],
        .status: [HeaderRule(groups: [["статус"]])],
        .certificateNo: [HeaderRule(groups: [["удостоверен", "сертификат", "документ"]])],
    ]

    /// A field's score for a column: 100 for a built-in header name; 10 per matched word group of
    /// a header rule; plus up to 10 from the values.
    static func score(_ definition: FieldDefinition, header: String, profile: ColumnProfile,
                      kind: ExportKind) -> (Int, [String]) {
        let folded = TextFold.fold(header)
        if Vocabulary.builtInHeaders(of: kind)[folded] == definition.field {
            return (100, ["встроенный заголовок / built-in header"])
        }
        var evidence: [String] = []
        var score = 0
        let words = Self.words(folded)
        for rule in headerRules[definition.field] ?? [] {
            guard !words.contains(where: { word in rule.excluded.contains { word.hasPrefix($0) } }) else { continue }
            let matched = rule.groups.allSatisfy { group in words.contains { word in group.contains { word.hasPrefix($0) } } }
            if matched, rule.groups.count * 10 > score {
                score = rule.groups.count * 10
                evidence = ["слова заголовка / header words: " + rule.groups.map { $0[0] }.joined(separator: " + ")]
            }
        }
        let (valueScore, valueEvidence) = profile.fit(definition)
        if valueScore < 0 { return (0, []) }
        if valueScore > 0, let valueEvidence {
            score += valueScore
            evidence.append(valueEvidence)
        }
        return (score, evidence)
    }

    /// Letters-and-digits words of a folded text.
    static func words(_ folded: String) -> [String] {
        folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The code a value of a coded field most likely means: its built-in reading; else the code of
    /// a built-in spelling that the value starts with, or holds as a word (`Да, проходил(а)` →
    /// true, `Психолого-педагогические (работа с детьми с ОВЗ, инклюзия)` → psychological).
    static func guessCode(_ text: String, field: ContractField) -> (String?, Bool) {
        let table = Vocabulary.builtInValues(of: field)
        let folded = TextFold.fold(text)
        if let code = table[folded] { return (code, true) }
        let words = Self.words(folded)
        // «Не участвую», «Нет, не проходил(а)»: a refusal means the field's no.
        if let first = words.first, first == "не" || first == "нет" {
            if field.codes?.contains("none") == true { return ("none", false) }
            if field.codes == ["true", "false"] { return ("false", false) }
        }
        // The longest spelling that the value starts with, or that is one of its words.
        var best: (length: Int, code: String)?
        for (spelling, code) in table where spelling.count >= 2 {
            let startsWith = folded.hasPrefix(spelling)
                && folded.dropFirst(spelling.count).first.map { !($0.isLetter || $0.isNumber) } ?? true
            let spellingWords = Self.words(spelling)
            let asWords = !spellingWords.isEmpty && Self.containsRun(words, spellingWords)
            if startsWith || asWords, spelling.count > (best?.length ?? 0) { best = (spelling.count, code) }
        }
        if let best { return (best.code, false) }
        // Else a word of a spelling in another grammatical form: «аттестационной» for
        // «аттестация», «конкурсов» for «конкурсы» (a shared stem of at least 6 letters).
        var stemmed: (length: Int, code: String)?
        for (spelling, code) in table {
            for spellingWord in Self.words(spelling) where spellingWord.count >= 6 {
                for word in words {
                    let shared = zip(word, spellingWord).prefix { $0 == $1 }.count
                    if shared >= 6, shared >= min(word.count, spellingWord.count) - 3, shared > (stemmed?.length ?? 0) {
                        stemmed = (shared, code)
                    }
                }
            }
        }
        return (stemmed?.code, false)
    }

    private static func containsRun(_ words: [String], _ run: [String]) -> Bool {
        guard run.count <= words.count else { return false }
        for start in 0...(words.count - run.count) where Array(words[start..<(start + run.count)]) == run { return true }
        return false
    }

    // MARK: - TOML

    /// The suggestion as a mapping file (TOML), with comments in Russian and English.
    public var toml: String {
        var out = """
            # Черновик файла сопоставления, предложенный `pdmon mapping suggest` по \(rowsSeen) строкам данных.
            # Проверьте каждое поле и раскомментируйте подтверждённые написания значений.
            # A draft mapping file from `pdmon mapping suggest` (\(rowsSeen) data rows seen).
            # Check each field and uncomment the value spellings you confirm.
            # Вид выгрузки / export kind: \(kind.rawValue)

            [headers.\(kind.rawValue)]

            """
        for column in columns {
            guard let field = column.field else {
                out += "# не распознан / not recognised: \(Self.quoted(column.header))"
                out += column.distinctCount > 0 ? " (\(column.distinctCount) distinct values)\n" : "\n"
                continue
            }
            out += "# \(column.evidence.joined(separator: "; "))\n"
            if column.isBuiltInHeader {
                out += "# \(field.rawValue) = \(Self.quoted(column.header))  (встроенный / built in)\n"
            } else {
                out += "\(field.rawValue) = \(Self.quoted(column.header))\n"
            }
        }
        for column in columns where !column.values.isEmpty {
            guard let field = column.field else { continue }
            out += "\n# «\(column.header)»: различные значения (число строк) / distinct values (rows)\n"
            out += "[values.\(field.rawValue)]\n"
            for value in column.values {
                if value.isBuiltIn, let code = value.code {
                    out += "# \(Self.quoted(value.text)) (\(value.count)) = \(code), встроенное / built in\n"
                } else if let code = value.code {
                    out += "# \(code) = \(Self.quoted(value.text))  # (\(value.count)) проверьте / confirm\n"
                } else {
                    let codes = field.codes?.joined(separator: " | ") ?? ""
                    out += "# ? = \(Self.quoted(value.text))  # (\(value.count)) одно из / one of: \(codes)\n"
                }
            }
        }
        return out
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension FieldDefinition {
    /// Whether the field's values come from an alias table (codes, lists, flags).
    var isCoded: Bool {
        switch valueType {
        case .code, .codeList, .flag: return true
        default: return false
        }
    }
}

/// What the values of one column look like.
struct ColumnProfile: Sendable {
    /// Distinct non-empty values (cleaned) and how many rows hold each.
    var valueCounts: [String: Int] = [:]
    /// Distinct list items (`ColumnProfile.items`) and their counts.
    var itemCounts: [String: Int] = [:]
    var filled = 0
    var snils = 0, timestamps = 0, years = 0, dates = 0, integers = 0, names = 0
    var integerMaximum = 0
    var integerSum = 0

    init(index: Int, rows: [[String]]) {
        for row in rows {
            guard index < row.count, let value = TextFold.clean(row[index]) else { continue }
            filled += 1
            valueCounts[value, default: 0] += 1
            for item in Self.items(value) { itemCounts[item, default: 0] += 1 }
            let compact = value.filter { !" -‐–—\u{00A0}".contains($0) }
            if (10...11).contains(compact.count), compact.allSatisfy(\.isNumber) { snils += 1 }
            if case .success = SubmissionTime.parse(value), value.contains(":") { timestamps += 1 }
            if AcademicYear.parse(value) != nil { years += 1 }
            if case .success = CivilDate.parse(value), !value.contains(":") { dates += 1 }
            if case let .value(number) = ValueParsers.integer(value) {
                integers += 1
                integerMaximum = max(integerMaximum, number)
                integerSum += number
            }
            let words = value.split(separator: " ")
            if words.count == 3, words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }) { names += 1 }
        }
    }

    /// A multi-select cell's items, as a form service joins them: split at `,` `;` `|` outside
    /// brackets, where the next item starts with a capital letter or a digit (an option's own
    /// comma is followed by a lower-case word: «Член жюри конкурсов, олимпиад»).
    static func items(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        let characters = Array(value)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" { depth = max(0, depth - 1) }
            if depth == 0, ValueParsers.listSeparators.contains(character) {
                var next = index + 1
                while next < characters.count, characters[next] == " " { next += 1 }
                if next < characters.count, characters[next].isUppercase || characters[next].isNumber {
                    if let item = TextFold.clean(current) { items.append(item) }
                    current = ""
                    index = next
                    continue
                }
            }
            current.append(character)
            index += 1
        }
        if let item = TextFold.clean(current) { items.append(item) }
        return items
    }

    /// How well the values fit a field: a score (negative rules the field out) and what it rests on.
    func fit(_ definition: FieldDefinition) -> (Int, String?) {
        guard filled > 0 else { return (0, nil) }
        func share(_ count: Int) -> Double { Double(count) / Double(filled) }
        switch definition.valueType {
        case .personalIdentifier:
            return share(snils) >= 0.8 ? (10, "значения как СНИЛС / SNILS-shaped values") : (0, nil)
        case .timestamp:
            if share(timestamps) >= 0.9 { return (10, "значения — дата и время / date-time values") }
            return (-1, nil)
        case .academicYear:
            return share(years) >= 0.9 ? (10, "значения — учебные годы / academic years") : (-1, nil)
        case .date:
            return share(dates) >= 0.9 ? (4, "значения — даты / dates") : (-1, nil)
        case .personalName:
            return share(names) >= 0.8 ? (10, "значения — ФИО / full names") : (0, nil)
        case let .integer(range, _):
            guard share(integers) >= 0.95 else { return (-1, nil) }
            guard range.contains(integerMaximum) else { return (-1, nil) }
            return (2, "целые числа до \(integerMaximum) / whole numbers up to \(integerMaximum)")
        case .flag, .code, .codeList:
            let counts = definition.valueType == .codeList ? itemCounts : valueCounts
            let total = counts.values.reduce(0, +)
            guard total > 0, counts.count <= MappingSuggestion.maximumListedValues else { return (-1, nil) }
            let read = counts.reduce(0) { sum, entry in
                sum + (MappingSuggestion.guessCode(entry.key, field: definition.field).0 != nil ? entry.value : 0)
            }
            let part = Double(read) / Double(total)
            guard part >= 0.5 else { return (0, nil) }
            return (Int((part * 6).rounded()), "значения из таблицы поля / values of the field's table: \(Int(part * 100))%")
        case .text:
            if share(integers) == 1, definition.field == .schoolCode {
                return (2, "коды из цифр / digit codes")
            }
            return (0, nil)
        }
    }
}
