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
