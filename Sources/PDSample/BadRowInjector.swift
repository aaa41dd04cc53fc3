import PDContract

/// Makes the damaged copies of real rows that messy files contain, and counts them.
struct BadRowInjector {
    let kind: SampleFileKind
    let year: AcademicYear
    let schools: [CityModel.School]
    /// The last good row written and its school, for bad rows due at the end of a file.
    private(set) var last: ([String], Int)?
    /// Bad rows made so far, by kind.
    private(set) var injected: [BadRowKind: Int] = [:]

    /// The status written by `unknownStatus` rows: plausible, but in no alias table.
    static let unknownStatus = "перенесено"

    init(kind: SampleFileKind, year: AcademicYear, schools: [CityModel.School]) {
        self.kind = kind
        self.year = year
        self.schools = schools
    }

    mutating func remember(_ fields: [String], schoolIndex: Int) {
        last = (fields, schoolIndex)
    }

    private func column(_ name: String) -> Int {
        SampleHeaders.columns(for: kind).firstIndex { $0.canonical == name }!
    }

    /// A copy of `fields` (a good row of a teacher of school `schoolIndex`) damaged as `badKind` says.
    mutating func damage(_ fields: [String], as badKind: BadRowKind, schoolIndex: Int) -> [String] {
        injected[badKind, default: 0] += 1
        var copy = fields
        switch badKind {
        case .unknownSchoolCode:
            copy[column("school_code")] = CityModel.unknownSchoolCode
        case .impossibleDate:
            copy[column("start_date")] = "31.02.\(year.end)"
        case .endBeforeStart:
            let start = column("start_date"), end = column("end_date")
            if copy[start] == copy[end] {
                // A one-day course: end the day before it starts.
                copy[end] = BadRowInjector.dayBefore(copy[start]) ?? "01.01.\(year.start)"
            } else {
                copy.swapAt(start, end)
            }
        case .unknownStatus:
            copy[column("status")] = BadRowInjector.unknownStatus
        case .duplicateRow:
            break
        case .teacherListedTwice:
            // The same teacher reported by a second school (or the same one again in a one-school city).
            copy[column("school_code")] = schools[(schoolIndex + 1) % schools.count].code
        }
        return copy
    }

    /// The day before a `dd.mm.yyyy` or `yyyy-mm-dd` date, in the same format.
    static func dayBefore(_ text: String) -> String? {
        guard case .success(let date) = CivilDate.parse(text) else { return nil }
        let previous = date.adding(days: -1)
        return text.contains(".") ? previous.russian : previous.iso
    }
}
