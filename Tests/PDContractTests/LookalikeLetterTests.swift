import Foundation
import PDCSV
import Testing
@testable import PDContract

/// Latin letters that look like Cyrillic ones inside Cyrillic words of headers and coded values
/// (issue 9 §4, docs/exports.md §2): read as the Cyrillic letters and reported.
@Suite("Look-alike Latin letters in Cyrillic words")
struct LookalikeLetterTests {
    // MARK: The repair

    @Test("only mixed-script words change, each Latin look-alike to its Cyrillic twin, case kept", arguments: [
        ("ДOT", "ДОТ"),                                   // Latin O, T
        ("зaвершил", "завершил"),                         // Latin a
        ("KПK", "КПК"),                                   // Latin K twice
        ("oчнo-зaoчная", "очно-заочная"),                 // each side of the hyphen is its own word
        ("Bысшая", "Высшая"), ("нeт", "нет"), ("дa", "да"),
        ("Coответствие занимаемой дoлжности", "Соответствие занимаемой должности"),
        ("ИKT (IT)", "ИКТ (IT)"),                         // `IT` is purely Latin: untouched
        ("Кoд OO", "Код OO"),                             // so is `OO`
        ("рyccкий язык, 5 клаcc", "русский язык, 5 класс"),
        ("HАСТАВНИК", "НАСТАВНИК"), ("MЕТОДИЧЕСКИЕ", "МЕТОДИЧЕСКИЕ"), ("PУКОВОДЯЩИЙ", "РУКОВОДЯЩИЙ"),
        ("XИМИЯ", "ХИМИЯ"), ("ЯPOCЛAВCKИЙ", "ЯРОСЛАВСКИЙ"),
    ])
    func repairs(written: String, read: String) throws {
        let repair = try #require(LookalikeLetters.repair(written))
        #expect(repair.text == read)
        #expect(!repair.letters.isEmpty && repair.letters.allSatisfy { $0.isASCII })
        #expect(repair.detail.contains("«\(read)»"))
    }

    @Test("purely Latin, purely Cyrillic and words with other Latin letters are never touched", arguments: [
        "general", "paid", "state_assignment", "yes", "x", "IT", "OO", "ДОТ", "завершил", "",
        "дистанционнаяz",        // `z` looks like no Cyrillic letter: the word is left as written
        "Moodle курс", "12345", "S01", "1С:Предприятие",
    ])
    func untouched(text: String) {
        #expect(LookalikeLetters.repair(text) == nil)
    }

    @Test("the detail names the Latin letters with their code points, so letters that look alike differ")
    func detail() throws {
        let repair = try #require(LookalikeLetters.repair("ДOTO"))
        #expect(repair.letters == ["O", "T"])
        #expect(repair.detail.contains("O, T (U+004F, U+0054)"))
        #expect(repair.detail.contains(" / Latin letters"))
    }

    // MARK: Coded values, flags, lists

    static func enrolment(_ changes: [ContractField: String]) -> [String] {
        Fixtures.enrolmentRows.row(Fixtures.goodEnrolment.merging(changes) { $1 })
    }

    @Test("coded values with look-alike letters are read and each is reported with its column and value as written")
    func codedValues() throws {
        var validator = try Fixtures.enrolmentValidator()
        let row = Self.enrolment([.delivery: "ДOT", .status: "зaвершил", .programKind: "KПK", .funding: "бюджeт",
                                  .requestedBySchool: "дa", .focusArea: "мeтодические"])
        let record = try #require(validator.validate(row, line: 2).record)
        #expect(record.delivery == .distance && record.status == .completed && record.programKind == .advancedTraining)
        #expect(record.funding == .stateAssignment && record.requestedBySchool == true && record.focusArea == .methodological)
        let notices = validator.notices
        #expect(notices.count == 6)
        #expect(notices.allSatisfy { $0.reason == .lookalikeLettersReadAsCyrillic && $0.reason.isNotice && $0.line == 2 })
        let delivery = try #require(notices.first { $0.field == .delivery })
        #expect(delivery.column == "delivery" && delivery.value == "ДOT")   // as written: Latin O and T
        #expect(delivery.detail?.contains("«ДОТ»") == true)
    }

    @Test("clean values cost no notice; a Latin word that is no code stays unknown")
    func cleanAndUnknown() throws {
        var validator = try Fixtures.enrolmentValidator()
        #expect(validator.validate(Self.enrolment([:]), line: 2).record != nil)
        #expect(validator.notices.isEmpty)
        #expect(validator.validate(Self.enrolment([.funding: "Budget", .certificateNo: "УД-2"]), line: 3).reasons == [.unknownValue])
        // Mixed-script but with a Latin letter that looks like none: still unknown, nothing reported.
        #expect(validator.validate(Self.enrolment([.delivery: "дистанционнаяz", .certificateNo: "УД-3"]), line: 4).reasons == [.unknownValue])
        #expect(validator.notices.isEmpty)
    }

    @Test("a misspelling repeated on many rows is reported on each of them")
    func repeatedMisspelling() throws {
        var validator = try Fixtures.enrolmentValidator()
        for line in 2...6 {
            let row = Self.enrolment([.delivery: "ДOT", .courseTitle: "Курс \(line)"])
            #expect(validator.validate(row, line: line).record?.delivery == .distance)
        }
        #expect(validator.notices.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test("a position naming a director with look-alike letters derives leadership, reported")
    func derivedCategory() throws {
        var validator = try Fixtures.enrolmentValidator()
        let row = Self.enrolment([.position: "Зам. дирeктора по УВР", .staffCategory: ""])
        #expect(validator.validate(row, line: 2).record?.staffCategory == .leadership)
        #expect(validator.notices.map(\.field) == [.position])
        #expect(validator.notices.first?.value == "Зам. дирeктора по УВР")
        // A teacher's position stays teaching and reports nothing.
        #expect(validator.validate(Self.enrolment([.position: "учитель", .courseTitle: "Курс 2"]), line: 3).record?.staffCategory == .teaching)
        #expect(validator.notices.count == 1)
    }

    @Test("a rejected row reports its errors, not its look-alike letters")
    func rejectedRow() throws {
        var validator = try Fixtures.enrolmentValidator()
        let row = Self.enrolment([.delivery: "ДOT", .schoolCode: "S99"])
        #expect(validator.validate(row, line: 2).reasons == [.unknownSchool])
        #expect(validator.notices.isEmpty)
    }

    @Test("survey flags, codes and list items with look-alike letters")
    func surveyValues() throws {
        var validator = try Fixtures.surveyValidator()
        let row = Fixtures.surveyRows.row(Fixtures.goodSurvey.merging([
            .qualificationCategory: "Bысшая", .deficitDiagnostic: "дa", .mentoringRole: "нacтавник",
            .deficits: "мeтодические; ИKT", .expertRoles: "EГЭ, жюри",
        ]) { $1 })
        let record = try #require(validator.validate(row, line: 5).record)
        #expect(record.qualificationCategory == .highest && record.deficitDiagnostic && record.mentoringRole == .mentor)
        #expect(record.deficits == [.methodological, .digital])
        #expect(record.expertRoles == [.examCommission, .competitions])
        #expect(validator.notices.map(\.field) == [.qualificationCategory, .deficitDiagnostic, .deficits, .mentoringRole, .expertRoles])
        let deficits = try #require(validator.notices.first { $0.field == .deficits })
        #expect(deficits.value == "мeтодические; ИKT")
    }

    @Test("schools: the type and the base-school flag")
    func schools() throws {
        let header = try HeaderMap(kind: .schools, header: ["school_code", "name", "school_type", "is_base_school", "municipality"])
        var validator = SchoolValidator(header: header)
        let record = try #require(validator.validate(["S01", "Школа", "oбщеобразовательная", "нeт", ""], line: 2).record)
        #expect(record.schoolType == .general && record.isBaseSchool == false)
        #expect(validator.notices.count == 2)
    }

    // MARK: Headers

    static let header = ["Учебный гoд", "Кoд ОО", "CНИЛС", "Наименование прoграммы", "Дата начала", "Дата oкончания", "Фoрма обучения"]

    @Test("header cells with look-alike letters map to their fields and are reported on the header's line")
    func headers() throws {
        let map = try ExportKind.detect(header: Self.header)
        #expect(map.kind == .enrolments)
        #expect(map.index(of: .schoolCode) == 1 && map.index(of: .teacherID) == 2 && map.index(of: .delivery) == 6)
        #expect(map.unknownColumns.isEmpty)
        let notices = map.lookalikeNotices(line: 3)
        #expect(notices.count == 6)   // «Дата начала» is clean
        #expect(notices.allSatisfy { $0.line == 3 && $0.reason == .lookalikeLettersReadAsCyrillic && $0.field == nil })
        #expect(notices[1].value == "Кoд ОО" && notices[1].detail?.contains("«Код ОО»") == true)
        // A clean header reports nothing.
        #expect(try ExportKind.detect(header: Fixtures.enrolmentRows.header).lookalikeNotices(line: 1).isEmpty)
        // «CНИЛС» with a Latin C still makes the column a СНИЛС column.
        #expect(TeacherIdentifier.isSNILSHeader("CНИЛС") && TeacherIdentifier.isSNILSHeader("Укажите ваш CНИЛC"))
    }

    @Test("HeaderLocator reports the repaired header cells on the header's line, after the title rows")
    func locatedHeader() throws {
        let text = "Сведения о КПК;;;;;;\n" + Self.header.joined(separator: ";")
            + "\n2023-2024;S01;12345678901;Курс;02.10.2023;20.10.2023;ДОТ\n"
        let bytes = Array(text.utf8)
        let located = try HeaderLocator.locate(format: CSVFormat.detect(bytes: bytes), kind: nil, mapping: .none) {
            try CSVReader(bytes: bytes, format: $0)
        }
        #expect(located.line == 2)
        #expect(located.skipped.map(\.reason) == [.skippedTitleRow] + Array(repeating: .lookalikeLettersReadAsCyrillic, count: 6))
        #expect(located.skipped.dropFirst().allSatisfy { $0.line == 2 })
    }

    @Test("a refusal does not list a repaired cell as unmatched")
    func refusal() {
        let refusal = HeaderRefusal(error: .missingRequiredColumns(kind: .enrolments, missing: [.startDate]),
                                    line: 1, cells: ["Кoд ОО", "CНИЛС", "Неизвестный"])
        #expect(refusal.unmatched == ["Неизвестный"])
        #expect(refusal.description.contains("«Кoд ОО»"))   // the cells as read
    }

    @Test("a totals row and a repeated header with look-alike letters are still recognised")
    func nonDataRows() throws {
        #expect(RowScreen.isTotalsLabel("Итoгo:") && RowScreen.isTotalsLabel("BCЕГО"))
        #expect(!RowScreen.isTotalsLabel("Итоговая аттестация"))
        let map = try HeaderMap(kind: .enrolments, header: Fixtures.enrolmentRows.header)
        let screen = RowScreen(header: map)
        let repeated = ["Учебный гoд", "Кoд ОО", "CНИЛС"] + Array(repeating: "", count: map.columnCount - 3)
        #expect(screen.nonDataNotice(repeated, line: 9)?.reason == .skippedRepeatedHeader)
    }
}

/// Rows of a UTF-8 file holding bytes that are not UTF-8 (issue 9 §4, docs/exports.md §1).
@Suite("Rows that are not UTF-8 in a UTF-8 file")
struct InvalidUTF8RowTests {
    static func record(_ title: [UInt8], name: [UInt8] = Array("Иванова".utf8)) -> CSVRecord {
        let bytes = Array("2023-2024;S01;12345678901;".utf8) + name + [UInt8(ascii: ";")] + title
            + Array(";02.10.2023;20.10.2023\n".utf8)
        var reader = try! CSVReader(bytes: bytes, format: CSVFormat(encoding: .utf8, delimiter: UInt8(ascii: ";")))
        _ = try! reader.next()
        return reader.record
    }

    static let screen: RowScreen = {
        let header = ["Учебный год", "Код ОО", "СНИЛС", "ФИО", "Наименование программы", "Дата начала", "Дата окончания"]
        var screen = RowScreen(header: try! HeaderMap(kind: .enrolments, header: header))
        screen.checksUTF8 = true
        return screen
    }()

    @Test("the first such column is named, its bytes shown as \\xNN and read as Windows-1251 in the detail")
    func title() throws {
        let issue = try #require(Self.screen.utf8Issue(Self.record(CP1251.encode("Курс"))))
        #expect(issue.reason == .invalidUTF8 && !issue.reason.isNotice && issue.line == 1)
        #expect(issue.column == "Наименование программы" && issue.field == .courseTitle)
        #expect(issue.value == #"\xCA\xF3\xF0\xF1"#)
        #expect(issue.detail?.contains("«Курс»") == true)
    }

    @Test("a personal column is masked and not read in the detail")
    func personal() throws {
        let issue = try #require(Self.screen.utf8Issue(Self.record(CP1251.encode("Курс"), name: CP1251.encode("Иванова"))))
        #expect(issue.column == "ФИО" && issue.value == "***")
        #expect(issue.detail?.contains("Иванова") == false)
    }

    @Test("a valid row, or a screen that was not asked to check, gives nothing")
    func nothing() {
        #expect(Self.screen.utf8Issue(Self.record(Array("Курс".utf8))) == nil)
        var off = Self.screen
        off.checksUTF8 = false
        #expect(off.utf8Issue(Self.record(CP1251.encode("Курс"))) == nil)
    }
}
