import Foundation
import PDCSV
import Testing
@testable import PDContract

/// The faults real exports carry (issue 9 §4), each as a kind with variants beyond the case files
/// of Tests/PDWarehouseTests/Cases.
@Suite("One whitespace set, dates with a time, values reported as written")
struct ValueFormTests {
    static let spaces = ["\u{00A0}", "\u{202F}", "\u{2007}", "\u{2009}", "\t", " ", "\u{3000}", "\u{FEFF}"]

    @Test("dates with any whitespace of the set around them", arguments: spaces)
    func datesWithSpaces(space: String) throws {
        #expect(try CivilDate.parse("02.10.2023" + space).get().iso == "2023-10-02")
        #expect(try CivilDate.parse(space + "20.10.2023").get().iso == "2023-10-20")
        #expect(try CivilDate.parse(space + space + "2023-10-02" + space).get().iso == "2023-10-02")
        #expect(try CivilDate.parse("02.10.2023" + space + "13:45").get().iso == "2023-10-02")
    }

    @Test("dates with a time part, as 1C and Excel write them", arguments: [
        ("02.10.2023 0:00:00", "2023-10-02"), ("02.10.2023 13:45", "2023-10-02"), ("2023-10-02 00:00:00", "2023-10-02"),
        ("2023-10-02T00:00:00", "2023-10-02"), ("2023-10-02T08:30:15.250", "2023-10-02"), ("2.9.2023 23:59:59", "2023-09-02"),
        ("02/10/2023 9:05", "2023-10-02"), ("02.10.2023  0:00", "2023-10-02"), ("02.10.2023\u{00A0}0:00:00", "2023-10-02"),
    ])
    func datesWithTime(text: String, iso: String) throws {
        #expect(try CivilDate.parse(text).get().iso == iso)
    }

    @Test("an impossible day stays impossible with a time")
    func impossibleWithTime() {
        #expect(CivilDate.parse("31.02.2023 0:00:00") == .failure(.impossible))
    }

    @Test("integers separate thousands with any space of the set", arguments: spaces.filter { $0 != "\u{FEFF}" })
    func integers(space: String) {
        #expect(ValueParsers.integer("1" + space + "200") == .value(1200))
        #expect(ValueParsers.integer(space + "36" + space) == .value(36))
    }

    @Test("a rejected value is reported as the file writes it, not as it was cleaned")
    func valueAsWritten() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.hours] = "\u{00A0}36 ч."
        values[.startDate] = " 2 сентября\u{00A0}"
        values[.delivery] = "  Заочно "
        let issues = validator.validate(Fixtures.enrolmentRows.row(values), line: 5).issues
        #expect(issues.map(\.value) == ["\u{00A0}36 ч.", "  Заочно ", " 2 сентября\u{00A0}"])
    }
}

@Suite("SNILS under a СНИЛС header")
struct SNILSTests {
    @Test("the same SNILS in its usual forms is one identifier", arguments: [
        "134-940-005 39", "134 940 005 39", "13494000539", "134\u{00A0}940\u{00A0}005\u{00A0}39",
        "134\u{202F}940\u{202F}005\u{202F}39", "134–940–005 39", " 134-940-005-39 ", "134\u{2007}940\u{2007}005\u{2007}39",
    ])
    func forms(text: String) {
        #expect(TeacherIdentifier.read(text, snilsColumn: true) == .identifier("13494000539"))
        // What Pseudonymizer.normalise made of it before: pseudonyms of earlier loads do not change.
        #expect(Pseudonymizer.normalise("134-940-005 39") == "13494000539")
    }

    @Test("a 10-digit SNILS gets its leading zero back; whether the check number confirms it is said")
    func leadingZero() {
        // 012-345-678 19 has a matching check number; 012-345-678 90 (case 13) does not.
        #expect(SNILSCheckNumber.matches("01234567819"))
        #expect(TeacherIdentifier.read("1234567819", snilsColumn: true) == .leadingZeroRestored("01234567819", checkNumberMatches: true))
        #expect(TeacherIdentifier.read("123-456-789 0", snilsColumn: true) == .leadingZeroRestored("01234567890", checkNumberMatches: false))
    }

    @Test("digits that cannot be a SNILS are not one", arguments: [("123456789", 9), ("123456789012", 12), ("1", 1), ("12 34", 4)])
    func notSNILS(text: String, digits: Int) {
        #expect(TeacherIdentifier.read(text, snilsColumn: true) == .notSNILS(digits: digits))
    }

    @Test("identifiers that are not digits, and values under other headers, are taken as they are")
    func others() {
        #expect(TeacherIdentifier.read("tn-0007", snilsColumn: true) == .identifier("TN0007"))
        #expect(TeacherIdentifier.read("№ 12345", snilsColumn: true) == .identifier("№12345"))
        #expect(TeacherIdentifier.read("12345", snilsColumn: false) == .identifier("12345"))
        #expect(TeacherIdentifier.read(" - ", snilsColumn: true) == .empty)
        #expect(TeacherIdentifier.isSNILSHeader("СНИЛС") && TeacherIdentifier.isSNILSHeader("Укажите ваш СНИЛС"))
        #expect(TeacherIdentifier.isSNILSHeader("snils") && !TeacherIdentifier.isSNILSHeader("Табельный номер"))
    }

    @Test("check numbers follow the definition")
    func checkNumbers() {
        #expect(SNILSCheckNumber.of(112_233_445) == 95)
        #expect(SNILSCheckNumber.of(134_940_005) == 39)
        #expect(SNILSCheckNumber.of(914_561_751) == 11)
        #expect(SNILSCheckNumber.matches("00100199800"))   // up to 001-001-998 nothing is checked
        #expect(!SNILSCheckNumber.matches("11223344596"))
        #expect(!SNILSCheckNumber.matches("1122334459"))
    }

    static func surveyValidator(idHeader: String) throws -> SurveyValidator {
        let map = try HeaderMap(kind: .survey, header: ["Учебный год", "Код ОО", idHeader, "Стаж"])
        return SurveyValidator(header: map, knownSchools: Fixtures.schools, pseudonymizer: .demo, years: YearSources())
    }

    @Test("in a file: a restored zero is the same teacher and a notice; other digit counts are rejected")
    func inValidator() throws {
        var validator = try Self.surveyValidator(idHeader: "СНИЛС")
        let restored = try #require(validator.validate(["2023-2024", "S01", "1234567890", "5"], line: 2).record)
        #expect(restored.teacherPseudonym == Pseudonymizer.demo.pseudonym(forTeacherID: "012-345-678 90"))
        #expect(validator.notices.map(\.reason) == [.snilsLeadingZeroRestored])
        #expect(validator.notices.first?.value == "***90")
        let bad = validator.validate(["2023-2024", "S01", "12345678", "5"], line: 3)
        #expect(bad.reasons == [.badSNILS])
        #expect(bad.issues.first?.detail == "8 digits")
        // A rejected row's restored zero is not reported on its own.
        _ = validator.validate(["2023-2024", "S99", "9876543210", "5"], line: 4)
        #expect(validator.notices.count == 1)
        // Under another header, short digit identifiers are still accepted as they are.
        var other = try Self.surveyValidator(idHeader: "Табельный номер")
        #expect(other.validate(["2023-2024", "S01", "12345678", "5"], line: 2).record != nil)
        #expect(other.notices.isEmpty)
    }
}

@Suite("Multi-select cells whose options contain a separator")
struct MultiSelectTests {
    static let mapping = """
        [values.deficits]
        psychological = "Психолого-педагогические (работа с детьми с ОВЗ, инклюзия)"
        digital = ["Цифровые (ИКТ)", "Цифровые (ИКТ, дистанционное обучение)"]
        methodological = "Методические; оценочные"
        """

    static func deficits(_ cell: String) throws -> RowResult<SurveyRecord> {
        let mapping = try ContractMapping(toml: Self.mapping)
        let map = try HeaderMap(kind: .survey, header: ["Учебный год", "Код ОО", "СНИЛС", "Стаж", "Выявленные дефициты"],
                                mapping: mapping)
        var validator = SurveyValidator(header: map, knownSchools: Fixtures.schools, pseudonymizer: .demo, years: YearSources())
        return validator.validate(["2023-2024", "S01", "112-233-445 95", "5", cell], line: 2)
    }

    @Test("declared options are matched whole, longest first, with any separator around them", arguments: [
        ("Психолого-педагогические (работа с детьми с ОВЗ, инклюзия), Цифровые (ИКТ)", [DeficitArea.psychological, .digital]),
        ("Цифровые (ИКТ, дистанционное обучение)", [.digital]),
        ("Цифровые (ИКТ); Психолого-педагогические (работа с детьми с ОВЗ, инклюзия)", [.digital, .psychological]),
        ("психолого-педагогические  (работа с детьми с овз, инклюзия)|Предметные", [.psychological, .subject]),
        ("Методические; оценочные, ИКТ", [.methodological, .digital]),
        ("Предметные, Коммуникативные", [.subject, .communicative]),
    ])
    func whole(cell: String, expected: [DeficitArea]) throws {
        let record = try #require(try Self.deficits(cell).record, "\(cell)")
        #expect(record.deficits == expected)
    }

    @Test("an unknown part is still reported by itself")
    func unknownPart() throws {
        let result = try Self.deficits("Психолого-педагогические (работа с детьми с ОВЗ), инклюзия")
        #expect(result.reasons == [.unknownValue, .unknownValue])
        #expect(result.issues.first?.detail?.hasPrefix("item «психолого-педагогические (работа с детьми с овз)»") == true)
    }

    @Test("a spelling that cannot be told apart from the separator is refused up front", arguments: [
        "[values.deficits]\ndigital = \", \"",
        "[values.deficits]\ndigital = \"ИКТ,\"",
        "[values.deficits]\ndigital = \"; цифровые\"",
        "[values.expert_roles]\nother = \"|\"",
        // reads as two other options
        "[values.deficits]\npsychological = \"Предметные, Методические\"",
    ])
    func refused(text: String) {
        #expect(throws: MappingError.self) { try ContractMapping(toml: text) }
        do {
            _ = try ContractMapping(toml: text, source: "m.toml")
        } catch {
            guard case .ambiguousListSpelling = error else { Issue.record("\(error)"); return }
            #expect(error.description.contains("m.toml"))
        }
    }

    @Test("a separator inside a spelling is fine when its parts are not other options")
    func accepted() throws {
        _ = try ContractMapping(toml: Self.mapping)
        // Parts that all mean the same code are not ambiguous either.
        _ = try ContractMapping(toml: "[values.deficits]\ndigital = \"Цифровые, ИКТ\"")
    }
}
