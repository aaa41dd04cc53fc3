/// How values are spelled in a file: canonical (clean) or as real exports spell them (messy:
/// Russian aliases in varied case, dd.mm.yyyy dates, several academic-year and flag spellings).
///
/// The messy variations draw from their own random stream, so a clean file and a messy file
/// with the same seed describe exactly the same facts.
struct ValueStyle {
    let messy: Bool
    var random: SampleRandom

    /// A coded value: its canonical name, or one of its Russian aliases.
    mutating func value<Value: ContractValue>(_ value: Value) -> String {
        guard messy else { return value.canonical }
        return varyCase(random.pick(value.russianAliases))
    }

    /// A list of coded values (deficits, expert roles).
    mutating func list<Value: ContractValue>(_ values: [Value]) -> String {
        guard messy else { return values.map(\.canonical).joined(separator: ";") }
        let separator = random.pick(["; ", ", ", " | ", ";"])
        var parts: [String] = []
        for value in values { parts.append(self.value(value)) }
        return parts.joined(separator: separator)
    }

    /// A flag. `emptyMeansFalse`: the field is optional, so messy files may leave `false` empty.
    mutating func flag(_ value: Bool, emptyMeansFalse: Bool = true) -> String {
        guard messy else { return value ? "true" : "false" }
        if value { return random.pick(["да", "Да", "да", "+", "ДА", "Да"]) }
        return emptyMeansFalse ? random.pick(["нет", "Нет", "", "-", "нет"]) : random.pick(["нет", "Нет", "-"])
    }

    mutating func date(_ date: CivilDate) -> String {
        messy ? date.russian : date.iso
    }

    mutating func academicYear(_ year: AcademicYear) -> String {
        guard messy else { return year.description }
        let start = year.startYear, end = year.startYear + 1
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
        case 1: return text.prefix(1).uppercased() + text.dropFirst()
        default: return text.uppercased()
        }
    }
}
