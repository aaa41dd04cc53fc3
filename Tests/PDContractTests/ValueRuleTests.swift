import Testing
@testable import PDContract

@Suite("Value rules")
struct ValueRuleTests {
    @Test("dates in every accepted layout", arguments: [
        ("02.09.2023", "2023-09-02"), ("2.9.2023", "2023-09-02"), ("02/09/2023", "2023-09-02"),
        ("2/9/2023", "2023-09-02"), ("2023-09-02", "2023-09-02"), (" 29.02.2024 ", "2024-02-29"),
        ("31.12.2021", "2021-12-31"), ("01.01.1900", "1900-01-01"),
    ])
    func dates(text: String, iso: String) throws {
        let date = try CivilDate.parse(text).get()
        #expect(date.iso == iso)
    }

    @Test("unparseable dates", arguments: [
        "", "2023", "02.09.23", "02-09-2023", "2023/09/02", "02.09/2023", "abc",
        "02.09.2023.", ".02.09.2023", "2023-9-2", "002.09.2023", "02..2023", "02.09.20234",
        // A time part must be a time of day.
        "2.9.2023 0:0", "2.9.2023 24:00", "2.9.2023 10:60", "2.9.2023 10:00:61", "2.9.2023 0:00:00 AM",
        "2.9.2023 x", "2.9.2023 10", "2.9.2023T", "2.9.2023 10:00:00.", "2.9.2023 123:00", "2.9.2023\u{00A0}\u{00A0}:",
    ])
    func badDates(text: String) {
        #expect(CivilDate.parse(text) == .failure(.unparseable))
    }

    @Test("impossible dates", arguments: [
        "31.02.2023", "29.02.2023", "30.02.2024", "00.01.2023", "01.13.2023", "31.04.2023",
        "2023-02-29", "1899-12-31", "01.01.2101", "01.00.2023",
    ])
    func impossibleDates(text: String) {
        #expect(CivilDate.parse(text) == .failure(.impossible))
    }

    @Test("date key, ordering, weekday and day arithmetic")
    func dateProperties() throws {
        let date = try #require(CivilDate(year: 2023, month: 9, day: 2))
        #expect(date.key == 20230902)
        #expect(date.isoWeekday == 6) // Saturday
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11017)
        #expect(CivilDate(year: 2023, month: 9, day: 1)! < date)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    }

    @Test("days since 1970 round-trip, day arithmetic and the Russian layout")
    func dateArithmetic() throws {
        let date = try #require(CivilDate(year: 2021, month: 9, day: 1))
        #expect(date.iso == "2021-09-01" && date.russian == "01.09.2021")
        #expect(date.isoWeekday == 3) // a Wednesday
        #expect(CivilDate(year: 2024, month: 2, day: 28)!.adding(days: 1).iso == "2024-02-29")
        #expect(CivilDate(year: 2024, month: 3, day: 1)!.adding(days: -1).russian == "29.02.2024")
        #expect(CivilDate.daysIn(month: 2, year: 2023) == 28)
        for days in stride(from: -1000, through: 30000, by: 37) {
            let day = CivilDate(daysSinceEpoch: days)
            #expect(CivilDate(year: day.year, month: day.month, day: day.day)?.daysSinceEpoch == days)
        }
    }

    @Test("why a text is not an academic year", arguments: [
        ("2021", AcademicYear.ParseProblem.noSeparator), ("21-22", .firstYearNotFourDigits),
        ("2021-222", .secondYearNotTwoOrFourDigits), ("2021-2023", .secondYearDoesNotFollow),
        ("1899-1900", .outOfRange), ("", .noSeparator),
    ])
    func academicYearProblems(text: String, problem: AcademicYear.ParseProblem) {
        #expect(AcademicYear.parseExplained(text) == .failure(problem))
        #expect(AcademicYear.parseExplained(" 2021/22 ") == .success(AcademicYear(start: 2021)))
    }

    @Test("trimming keeps the inside")
    func trimming() {
        #expect(TextFold.trimmed("\u{00A0} 2021  -  2022\t\n") == "2021  -  2022")
        #expect(TextFold.trimmed(" \u{202F} ") == "")
    }

    @Test("academic years in every accepted spelling", arguments: [
        "2021-2022", "2021/2022", "2021–2022", "2021-22", "2021/22", " 2021-2022 ", "2021—2022",
    ])
    func academicYears(text: String) throws {
        let year = try #require(AcademicYear.parse(text))
        #expect(year.start == 2021)
        #expect(year.label == "2021-2022")
        #expect(year.description == "2021-2022")
    }

    @Test("refused academic years", arguments: [
        "2021-2023", "2021-21", "2021", "21-22", "2021-2022x", "2021_2022", "2021 2022", "", "2021-222",
        "1899-1900",
    ])
    func badAcademicYears(text: String) {
        #expect(AcademicYear.parse(text) == nil)
    }

    @Test("century boundary of a short academic year")
    func shortCenturyYear() {
        #expect(AcademicYear.parse("2099-00")?.start == 2099)
    }

    @Test("academic year containing a date: 1 Sept – 31 Aug")
    func containing() {
        #expect(AcademicYear.containing(CivilDate(year: 2022, month: 9, day: 1)!).start == 2022)
        #expect(AcademicYear.containing(CivilDate(year: 2022, month: 8, day: 31)!).start == 2021)
        #expect(AcademicYear.containing(CivilDate(year: 2023, month: 1, day: 15)!).start == 2022)
        #expect(AcademicYear.containing(CivilDate(year: 2022, month: 12, day: 31)!).start == 2022)
        let year = AcademicYear(start: 2021)
        #expect(year.firstDay.iso == "2021-09-01")
        #expect(year.lastDay.iso == "2022-08-31")
    }

    @Test("academic year in a file name", arguments: [
        ("kpk_2021-2022.csv", 2021), ("survey 2022_23.csv", 2022), ("/inbox/2019–2020 курсы.csv", 2019),
        ("monitoring-2023-2024-final.csv", 2023), ("x2020-2021.csv", 2020),
    ])
    func fileNameYear(name: String, start: Int) {
        #expect(AcademicYear.inFileName(name)?.start == start)
    }

    @Test("no academic year in a file name", arguments: [
        "kpk.csv", "kpk_2021.csv", "kpk_2021-2023.csv", "kpk_12021-2022.csv", "kpk_2021-20221.csv", "export-20230902.csv",
    ])
    func noFileNameYear(name: String) {
        #expect(AcademicYear.inFileName(name) == nil)
    }

    @Test("integers with thousands separators, signs and garbage")
    func integers() {
        #expect(ValueParsers.integer("72") == .value(72))
        #expect(ValueParsers.integer(" 1 200 ") == .value(1200))
        #expect(ValueParsers.integer("1\u{00A0}200") == .value(1200))
        #expect(ValueParsers.integer("1\u{202F}000\u{2009}000") == .value(1_000_000))
        #expect(ValueParsers.integer("-3") == .value(-3))
        #expect(ValueParsers.integer("+3") == .value(3))
        #expect(ValueParsers.integer("") == .empty)
        #expect(ValueParsers.integer("  ") == .empty)
        #expect(ValueParsers.integer("12,5") == .invalid)
        #expect(ValueParsers.integer("12.0") == .invalid)
        #expect(ValueParsers.integer("12a") == .invalid)
        #expect(ValueParsers.integer("-") == .invalid)
        #expect(ValueParsers.integer("3-") == .invalid)
        #expect(ValueParsers.integer("- 3") == .invalid)
        #expect(ValueParsers.integer("--3") == .invalid)
        #expect(ValueParsers.integer("12345678901234567890") == .tooLarge)
    }

    @Test("list cells split on comma, semicolon and vertical bar")
    func lists() {
        #expect(ValueParsers.listItems("Методические, ИКТ;  цифровые |психолого-педагогические") ==
            ["методические", "икт", "цифровые", "психолого-педагогические"])
        #expect(ValueParsers.listItems(" ; ,|") == [])
        #expect(ValueParsers.listItems("") == [])
    }
}
