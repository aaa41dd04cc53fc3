import PDContract

/// How values are spelled in a file: canonical (clean) or as real exports spell them (messy:
/// the contract's Russian aliases in varied case, dd.mm.yyyy dates, several academic-year and
/// flag spellings).
///
/// The messy variations draw from their own random stream, so a clean file and a messy file
/// with the same seed describe exactly the same facts.
struct ValueStyle {
    let messy: Bool
    var random: SampleRandom

    /// A coded value: its canonical code, or one of the contract's aliases for it (or an empty
    /// cell, where the contract reads an empty cell as this code).
    mutating func value<Code: ContractCode>(_ code: Code) -> String {
        guard messy else { return code.rawValue }
        var spellings = Code.builtInAliases[code] ?? []
        if Code.emptyCellMeans == code { spellings.append("") }
        return varyCase(random.pick(spellings))
    }

    /// A list of coded values (deficits, expert roles).
    mutating func list<Code: ContractCode>(_ codes: [Code]) -> String {
        guard messy else { return codes.map(\.rawValue).joined(separator: ";") }
        let separator = random.pick(["; ", ", ", " | ", ";"])
        var parts: [String] = []
        for code in codes { parts.append(value(code)) }
        return parts.joined(separator: separator)
    }

    /// The flag spellings of messy files: the contract's first Russian word for yes and for
    /// no as people type it (repeats weight the draw), its sign, and for no an empty cell.
    static let yesSpellings: [String] = {
        let word = FlagAliases.yes[0], sign = "+"
        return [word, capitalised(word), word, sign, word.uppercased(), capitalised(word)]
    }()
    static let noSpellings: [String] = {
        let word = FlagAliases.no[0], sign = "-"
        return [word, capitalised(word), "", sign, word]
    }()
    static let noSpellingsWhenRequired: [String] = {
        let word = FlagAliases.no[0], sign = "-"
        return [word, capitalised(word), sign]
    }()

    /// A flag. `emptyMeansFalse`: the field is optional, so messy files may leave `false` empty.
    mutating func flag(_ value: Bool, emptyMeansFalse: Bool = true) -> String {
        guard messy else { return value ? "true" : "false" }
        if value { return random.pick(ValueStyle.yesSpellings) }
        return random.pick(emptyMeansFalse ? ValueStyle.noSpellings : ValueStyle.noSpellingsWhenRequired)
    }

    mutating func date(_ date: CivilDate) -> String {
        messy ? date.russian : date.iso
    }

    mutating func academicYear(_ year: AcademicYear) -> String {
        guard messy else { return year.description }
        let start = year.start, end = year.end
        let short = SNILS.padded(end % 100, width: 2)
        switch random.weightedIndex([4, 3, 1.5, 1.5]) {
        case 0: return "\(start)-\(end)"
        case 1: return "\(start)/\(end)"
        case 2: return "\(start)–\(end)"
        default: return "\(start)/\(short)"
        }
    }

    /// A count: in messy files a zero is sometimes left empty, and thousands are separated by a space.
    mutating func count(_ value: Int) -> String {
        guard messy else { return String(value) }
        if value == 0 && random.chance(0.3) { return "" }
        return ValueStyle.groupingThousands(value)
    }

    /// An amount that is always written (hours, experience); thousands separated by a space when messy.
    func number(_ value: Int) -> String {
        messy ? ValueStyle.groupingThousands(value) : String(value)
    }

    /// The teacher's СНИЛС: formatted `123-456-789 01`, in messy files sometimes as eleven bare digits.
    mutating func teacherID(_ number: Int) -> String {
        if messy && random.chance(0.1) { return SNILS.digitsOnly(number) }
        return SNILS.format(number)
    }

    /// Staff category: messy files often leave it empty (the loader derives it from the position).
    mutating func staffCategory(_ category: StaffCategory) -> String {
        if messy && random.chance(0.25) { return "" }
        return value(category)
    }

    /// `1 008` for 1008: the thousands separator Russian spreadsheets use.
    static func groupingThousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count > 3 else { return String(value) }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: " ")
    }

    /// Real exports type values by hand: mostly as in the contract, sometimes capitalised or in capitals.
    mutating func varyCase(_ text: String) -> String {
        switch random.weightedIndex([6, 3, 1]) {
        case 0: return text
        case 1: return ValueStyle.capitalised(text)
        default: return text.uppercased()
        }
    }

    /// The text with its first letter in capitals.
    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
