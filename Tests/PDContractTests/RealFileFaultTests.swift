import Foundation
import PDCSV
import Testing
@testable import PDContract

/// The faults real exports carry (issue 9 §4), each as a kind with variants beyond the case files
/// of Tests/PDWarehouseTests/Cases.
@Suite("Lines above the header: titles, empty rows, Excel's sep= line")
struct HeaderLocatorTests {
    static let header = "Учебный год;Код ОО;СНИЛС;Наименование программы;Дата начала;Дата окончания"
    static let row = "2023-2024;101;112-233-445 95;Курс;02.10.2023;20.10.2023"

    /// Locates the header of `text` (UTF-8) with the format detection would give.
    static func locate(_ text: String, kind: ExportKind? = nil, mapping: ContractMapping = .none) throws -> LocatedHeader<CSVReader> {
        let bytes = Array(text.utf8)
        return try HeaderLocator.locate(format: CSVFormat.detect(bytes: bytes), kind: kind, mapping: mapping) { format in
            try CSVReader(bytes: bytes, format: format)
        }
    }

    static func dataRows(_ located: LocatedHeader<CSVReader>) throws -> [[String]] {
        var reader = located.reader
        var rows: [[String]] = []
        while try reader.next() { rows.append(reader.record.strings()) }
        return rows
    }

    @Test("a header on the first line costs nothing and skips nothing")
    func headerFirst() throws {
        let located = try Self.locate("\(Self.header)\n\(Self.row)\n")
        #expect(located.line == 1 && located.recordsThroughHeader == 1 && located.skipped.isEmpty)
        #expect(located.header.kind == .enrolments)
        #expect(try Self.dataRows(located).count == 1)
    }

    @Test("titles, subtitles and empty rows above the header are skipped and reported", arguments: [
        "Отчёт о повышении квалификации;;;;;\n;;;;;\n",
        "Сведения о КПК за 2023-2024 учебный год\nМБОУ СОШ № 1\n\n",
        "Выгрузка из 1С: Зарплата и кадры, 02.10.2023\n",          // a comma in the title: ',' looks like the delimiter
        "\"Отчёт\";\n;\n  ;\u{00A0};\nДата выгрузки: 01.10.2023;;;\n",
    ])
    func titles(preamble: String) throws {
        let located = try Self.locate(preamble + "\(Self.header)\n\(Self.row)\n\(Self.row.replacingOccurrences(of: "Курс", with: "Курс 2"))\n")
        #expect(located.header.kind == .enrolments)
        #expect(located.format?.delimiter == UInt8(ascii: ";"))
        #expect(!located.skipped.isEmpty)
        #expect(located.skipped.allSatisfy { $0.reason == .skippedTitleRow && $0.line < located.line })
        #expect(try Self.dataRows(located).count == 2)
        // Opened again, the reader reaches the same first data row.
        var again = try located.reopen { try CSVReader(bytes: Array((preamble + "\(Self.header)\n\(Self.row)\n").utf8), format: located.format) }
        #expect(try again.next())
        #expect(again.record.strings()[3] == "Курс")
    }

    @Test("a title's text is reported; an empty row says so")
    func titleNotice() throws {
        let located = try Self.locate("Сведения о КПК;;;;;\r\n;;;;;\r\n\(Self.header)\r\n\(Self.row)\r\n")
        #expect(located.skipped.map(\.line) == [1, 2])
        #expect(located.skipped[0].value == "Сведения о КПК")
        #expect(located.skipped[1].detail == "empty row above the header")
        #expect(located.line == 3)
    }

    @Test("Excel's sep= line is skipped and its delimiter used", arguments: [
        ("sep=;", UInt8(ascii: ";"), ";"), ("sep=,", UInt8(ascii: ","), ","), ("sep=\t", UInt8(9), "\t"), ("SEP=|", UInt8(ascii: "|"), "|"),
    ])
    func sepLine(line: String, delimiter: UInt8, separator: String) throws {
        let header = Self.header.replacingOccurrences(of: ";", with: separator)
        let row = Self.row.replacingOccurrences(of: ";", with: separator)
        let located = try Self.locate("\(line)\r\n\(header)\r\n\(row)\r\n")
        #expect(located.format?.delimiter == delimiter)
        #expect(located.skipped.map(\.reason) == [.skippedSeparatorLine])
        #expect(located.skipped.first?.value == "sep=" + separator)
        #expect(try Self.dataRows(located) == [row.components(separatedBy: separator)])
    }

    @Test("a sep= line that contradicts detection wins")
    func sepLineAgainstDetection() throws {
        // Detection would choose ',' from the first line; the sep= line says ';'.
        let bytes = Array("sep=;\n\(Self.header)\n\(Self.row)\n".utf8)
        let located = try HeaderLocator.locate(format: CSVFormat(delimiter: UInt8(ascii: ",")), kind: .enrolments,
                                               mapping: .none) { try CSVReader(bytes: bytes, format: $0) }
        #expect(located.format?.delimiter == UInt8(ascii: ";") && located.line == 2)
    }

    @Test("the named kind decides which row is the header")
    func namedKind() throws {
        // A schools-like title row does not stop an enrolments load.
        let text = "Код ОО;Наименование ОО\n\(Self.header)\n\(Self.row)\n"
        let located = try Self.locate(text, kind: .enrolments)
        #expect(located.line == 2 && located.header.kind == .enrolments)
    }

    @Test("no header within the first rows: refused, showing the row that looked most like one")
    func tooDeep() throws {
        let preamble = (1...11).map { "Строка пояснений \($0)" }.joined(separator: "\n")
        #expect(throws: HeaderRefusal.self) { try Self.locate(preamble + "\n\(Self.header)\n\(Self.row)\n") }
    }

    @Test("a refusal for missing columns shows the header cells that were read and those not matched")
    func missingColumnsShowCells() throws {
        let text = "Отчёт;;;\nУчебный год;Код ОО;СНИЛС;Курс повышения;Начало;Конец\n\(Self.row)\n"
        do {
            _ = try Self.locate(text)
            Issue.record("expected a refusal")
        } catch let refusal as HeaderRefusal {
            #expect(refusal.code == "missing_column" && refusal.kind == .enrolments)
            #expect(refusal.line == 2)
            #expect(refusal.unmatched == ["Курс повышения", "Начало", "Конец"])
            #expect(refusal.description.contains("Line 2, header cells read: «Учебный год», «Код ОО», «СНИЛС»"))
            #expect(refusal.description.contains("not matched: «Курс повышения», «Начало», «Конец»"))
            #expect(refusal.description.contains("прочитанные заголовки"))
        }
    }

    @Test("a header of NUL bytes (UTF-16 without a BOM, a binary file) is refused with a hint, NULs shown as ␀")
    func nulHeader() throws {
        var bytes: [UInt8] = []
        for unit in "Код;ОО\n1;2\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        do {
            _ = try HeaderLocator.locate(format: CSVFormat.detect(bytes: bytes), kind: nil, mapping: .none) {
                try CSVReader(bytes: bytes, format: $0)
            }
            Issue.record("expected a refusal")
        } catch let refusal as HeaderRefusal {
            #expect(refusal.code == "unrecognised_header")
            #expect(!refusal.description.contains("\u{0}"))
            #expect(refusal.description.contains("UTF-16"))
        }
    }

    @Test("an empty file is refused as having no header")
    func emptyFile() throws {
        #expect(throws: HeaderRefusal.self) { try Self.locate("") }
        do { _ = try Self.locate(";;;\n\n") } catch let refusal as HeaderRefusal { #expect(refusal.code == "empty_header") }
    }
}

@Suite("Rows that are not data: totals rows, repeated headers; NUL bytes")
struct RowScreenTests {
    static let header = ["Учебный год", "Код ОО", "СНИЛС", "ФИО", "Наименование программы", "Объём, часов",
                         "Дата начала", "Дата окончания"]

    static func screen(_ kind: ExportKind = .enrolments, header: [String] = Self.header) throws -> RowScreen {
        RowScreen(header: try HeaderMap(kind: kind, header: header))
    }

    @Test("totals rows in their usual spellings are recognised", arguments: [
        ["Итого:", "", "", "", "", "288", "", ""],
        ["ИТОГО", "", "", "", "", "", "", ""],
        ["", "Всего", "", "", "", "1 008", "", ""],
        ["", "", "", "", "Всего по ОО: 25 человек", "900", "", ""],
        ["Итого по школе", "101", "", "", "", "", "", ""],
        ["итого\u{00A0}", "", "", "", "", "", "", ""],
        ["Total", "", "", "", "", "72", "", ""],
        ["Grand total:", "", "", "", "", "", "", ""],
        ["Итог", "", "", "", "", "", "", ""],
        ["26", "Итого", "", "", "", "936", "", ""],     // after a «№ п/п» row number
    ])
    func totals(row: [String]) throws {
        let notice = try #require(try Self.screen().nonDataNotice(row, line: 27))
        #expect(notice.reason == .skippedTotalsRow && notice.reason.isNotice && notice.line == 27)
        #expect(notice.value == row.first { !$0.isEmpty && !RowScreen.isRowNumber($0) })
    }

    @Test("a row that names a teacher, or does not start with a totals word, is a data row", arguments: [
        ["Итого", "101", "112-233-445 95", "", "", "", "", ""],
        ["2023-2024", "Итого", "", "", "", "", "", ""],
        ["2023-2024", "101", "", "", "Всего понемногу", "36", "", ""],
        ["Итоговая аттестация", "", "", "", "", "", "", ""],
        ["2023-2024", "", "", "", "Всего понемногу", "36", "", ""],
        ["26", "2023", "Итого", "", "", "", "", ""],
        ["", "", "", "", "", "", "", ""],
    ])
    func notTotals(row: [String]) throws {
        #expect(try Self.screen().nonDataNotice(row, line: 3) == nil)
    }

    @Test("a schools directory's totals row")
    func schoolTotals() throws {
        let screen = try Self.screen(.schools, header: ["Код ОО", "Наименование ОО", "Тип ОО"])
        #expect(try #require(screen.nonDataNotice(["Всего школ: 3", "", ""], line: 5)).reason == .skippedTotalsRow)
        #expect(screen.nonDataNotice(["Итого", "Школа «Итого»", "общеобразовательная"], line: 5) == nil)
    }

    @Test("the header repeated inside the data is recognised, also in other spellings or with a cell missing")
    func repeatedHeader() throws {
        let screen = try Self.screen()
        for row in [Self.header, Self.header.map { $0.uppercased() }, ["учебный год", "Код организации", "СНИЛС", "", "Наименование программы", "", "", ""],
                    Self.header.map { " \($0)\u{00A0}" }] {
            let notice = try #require(screen.nonDataNotice(row, line: 12), "\(row)")
            #expect(notice.reason == .skippedRepeatedHeader)
        }
        // A data row whose title happens to be a header word is not a header.
        #expect(screen.nonDataNotice(["2023-2024", "101", "", "", "Должность", "36", "", ""], line: 3) == nil)
    }

    @Test("a NUL byte rejects its row, naming the column; the value is shown with ␀ and masked when personal")
    func nulBytes() throws {
        let screen = try Self.screen()
        let text = "2023-2024;101;112-233-445\u{0}95;Иванова;Курс\u{0}\u{0};36;02.10.2023;20.10.2023\n"
        var reader = try CSVReader(bytes: Array(text.utf8), format: CSVFormat(delimiter: UInt8(ascii: ";")))
        #expect(try reader.next())
        let issue = try #require(screen.nulIssue(reader.record))
        #expect(issue.reason == .nulByte && !issue.reason.isNotice)
        #expect(issue.column == "СНИЛС" && issue.field == .teacherID)
        #expect(issue.value == "***95")
        #expect(!issue.value.contains("\u{0}"))
        let title = "2023-2024;101;112-233-445 95;Иванова;Курс\u{0}\u{0};36;02.10.2023;20.10.2023\n"
        reader = try CSVReader(bytes: Array(title.utf8), format: CSVFormat(delimiter: UInt8(ascii: ";")))
        #expect(try reader.next())
        let second = try #require(screen.nulIssue(reader.record))
        #expect(second.column == "Наименование программы" && second.value == "Курс\u{2400}\u{2400}")
        // Beyond the header's columns the column is named by its number.
        reader = try CSVReader(bytes: Array("1;2;3;4;5;6;7;8;\u{0}\n".utf8), format: CSVFormat(delimiter: UInt8(ascii: ";")))
        #expect(try reader.next())
        #expect(screen.nulIssue(reader.record)?.column == "column 9")
    }

    @Test("NUL padding at the end is one notice")
    func padding() {
        #expect(RowScreen.paddingNotice(bytes: 0, line: 5) == nil)
        let notice = RowScreen.paddingNotice(bytes: 64, line: 22)
        #expect(notice?.reason == .skippedNULPadding && notice?.line == 22 && notice?.detail == "64 NUL bytes after the last line")
    }

    @Test("an issue never carries a NUL, whatever its source")
    func printable() {
        #expect(RowIssue.printable("a\u{0}b\u{0}") == "a\u{2400}b\u{2400}")
        #expect(RowIssue(line: 1, column: "c", field: nil, value: "x\u{0}", reason: .badNumber).value == "x\u{2400}")
    }
}

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

    /// Found by ValueParserFuzzTests: a long run of digits in the time part overflowed (a crash
    /// of the whole load) instead of being an unreadable date.
    @Test("a time part with too many digits is unreadable, never an overflow", arguments: [
        "02.10.2023 " + String(repeating: "9", count: 40) + ":00", "02.10.2023 10:" + String(repeating: "9", count: 30),
        "2023-10-02T00:00:" + String(repeating: "1", count: 25), "02.10.2023 123:00",
    ])
    func longTimeParts(text: String) {
        #expect(CivilDate.parse(text) == .failure(.unparseable))
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

@Suite("Values PostgreSQL cannot index")
struct TextLengthTests {
    @Test("free text up to 1000 bytes is stored; longer is too_long, reported by its beginning")
    func limit() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.courseTitle] = String(repeating: "ж", count: 500)                   // 1000 bytes
        #expect(validator.validate(Fixtures.enrolmentRows.row(values), line: 2).record != nil)
        values[.courseTitle] = String(repeating: "ж", count: 501)
        values[.provider] = String(repeating: "x", count: 3000)
        let result = validator.validate(Fixtures.enrolmentRows.row(values), line: 3)
        #expect(result.reasons == [.tooLong, .tooLong])
        #expect(result.issues.map(\.column) == ["course_title", "provider"])
        #expect(result.issues[0].detail == "1002 bytes, at most 1000")
        #expect(result.issues[1].value == String(repeating: "x", count: 100) + "…")
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
