import PDContract
import Testing
@testable import PDSample

@Suite struct SNILSTests {
    @Test func knownNumberHasItsCheckDigits() {
        // 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95
        #expect(SNILS.checkDigits(of: 112_233_445) == 95)
        #expect(SNILS.format(112_233_445) == "112-233-445 95")
        #expect(SNILS.isValid("112-233-445 95"))
        #expect(SNILS.isValid("11223344595"))
        #expect(!SNILS.isValid("112-233-445 96"))
        #expect(!SNILS.isValid("112-233-445"))
    }

    @Test func sumsOfOneHundredAndAboveFollowTheRule() {
        #expect(SNILS.checkDigits(of: 920_000_002) == 99)  // 81 + 16 + 2
        #expect(SNILS.checkDigits(of: 920_000_003) == 0)   // sum 100
        #expect(SNILS.checkDigits(of: 920_000_004) == 0)   // sum 101
        #expect(SNILS.checkDigits(of: 920_000_005) == 1)   // sum 102 → 102 mod 101
        #expect(SNILS.checkDigits(of: 995_200_001) == 0)   // sum 201 → 100 → 00
        #expect(SNILS.format(920_000_005) == "920-000-005 01")
    }

    @Test func checkDigitsMatchTheDefinitionForManyNumbers() {
        var random = SampleRandom(seed: 3)
        for _ in 0..<2000 {
            let number = random.int(in: 1_001_999...999_999_999)
            let digits = String(number).count < 9 ? Array(String(repeating: "0", count: 9 - String(number).count) + String(number)) : Array(String(number))
            let sum = digits.enumerated().reduce(0) { $0 + Int(String($1.element))! * (9 - $1.offset) }
            let expected = sum < 100 ? sum : (sum % 101 == 100 ? 0 : sum % 101)
            #expect(SNILS.checkDigits(of: number) == expected)
            #expect(SNILS.isValid(SNILS.format(number)))
        }
    }
}

@Suite struct AcademicYearTests {
    @Test func readsTheSpellingsOfTheContract() throws {
        for text in ["2021-2022", "2021/2022", "2021–2022", "2021-22", "2021/22", " 2021-2022 "] {
            #expect(try AcademicYear.parseList(text) == [AcademicYear(start: 2021)])
        }
        #expect(AcademicYear(start: 2021).description == "2021-2022")
    }

    @Test func rejectsYearsThatDoNotFollowEachOther() {
        for text in ["2021-2023", "2021", "21-22", "2021-2020", "abcd-efgh", "2021-2", "1999-2000"] {
            #expect(throws: SampleError.self) { try AcademicYear.parseList(text) }
        }
    }

    @Test func saysWhyAYearIsRefused() {
        let reasons: [(String, String)] = [
            ("2021", "no separator"), ("21-22", "four digits"), ("2021-2", "two or four digits"),
            ("2021-2023", "must follow"), ("1999-2000", "outside 2000–2099"), ("1800-1801", "outside 2000–2099"),
        ]
        for (text, reason) in reasons {
            do {
                _ = try AcademicYear.parseList(text)
                Issue.record("\(text) was accepted")
            } catch let .invalidAcademicYear(value, why) {
                #expect(value == text)
                #expect(why.contains(reason), "\(text): \(why)")
            } catch {
                Issue.record("\(text): \(error)")
            }
        }
    }

    @Test func readsRangesAndLists() throws {
        #expect(try AcademicYear.parseList("2019-2020..2023-2024").map(\.start) == [2019, 2020, 2021, 2022, 2023])
        #expect(try AcademicYear.parseList("2022-2023").map(\.start) == [2022])
        #expect(try AcademicYear.parseList("2022-2023, 2019-2020..2020-2021").map(\.start) == [2019, 2020, 2022])
        #expect(throws: SampleError.self) { try AcademicYear.parseList("2023-2024..2019-2020") }
        #expect(throws: SampleError.self) { try AcademicYear.parseList("") }
    }
}

@Suite struct SampleOptionsTests {
    @Test func defaultsDescribeTheCity() throws {
        let options = SampleOptions()
        #expect(options.schools == 20 && options.teachers == 600)
        #expect(options.years.map(\.description) == ["2019-2020", "2020-2021", "2021-2022", "2022-2023", "2023-2024"])
        #expect(options.enrolmentsPerTeacher == 1.3)
        try options.validate()
    }

    @Test func refusesImpossibleCities() {
        let bad: [SampleOptions] = [
            SampleOptions(schools: 0),
            SampleOptions(schools: 10, teachers: 29),
            SampleOptions(years: []),
            SampleOptions(years: [AcademicYear(start: 2022), AcademicYear(start: 2021)]),
            SampleOptions(enrolmentsPerTeacher: -1),
            SampleOptions(enrolmentsPerTeacher: .nan),
        ]
        for options in bad {
            #expect(throws: SampleError.self) { try options.validate() }
        }
    }

    @Test func errorsSpeakBothLanguages() {
        let error = SampleError.invalidOption(name: "--schools", value: "0", reason: "x")
        #expect(error.description.contains("Недопустимое значение") && error.description.contains("invalid value"))
        let year = SampleError.invalidAcademicYear(value: "2021-2023", reason: "r")
        #expect(year.description.contains("не распознан") && year.description.contains("not valid"))
    }
}

@Suite struct SmallPureFunctionTests {
    @Test func theDayBeforeKeepsTheLayout() {
        #expect(BadRowInjector.dayBefore("01.03.2024") == "29.02.2024")
        #expect(BadRowInjector.dayBefore("2023-01-01") == "2022-12-31")
        #expect(BadRowInjector.dayBefore("31.02.2024") == nil)
    }

    @Test func messySpellingsAreTheContractsOwn() {
        let yes = Set(FlagAliases.yes.map(TextFold.fold)), no = Set(FlagAliases.no.map(TextFold.fold))
        #expect(ValueStyle.yesSpellings.allSatisfy { yes.contains(TextFold.fold($0)) })
        #expect((ValueStyle.noSpellings + ValueStyle.noSpellingsWhenRequired).allSatisfy { $0.isEmpty || no.contains(TextFold.fold($0)) })
        var style = ValueStyle(messy: true, random: SampleRandom(seed: 2))
        for _ in 0..<200 {
            let spelled = style.value(QualificationCategory.none)
            #expect(spelled.isEmpty || TextFold.fold(spelled) == TextFold.fold("без категории"))
        }
    }

    @Test func thousandsAreSeparatedBySpaces() {
        #expect(ValueStyle.groupingThousands(999) == "999")
        #expect(ValueStyle.groupingThousands(1008) == "1 008")
        #expect(ValueStyle.groupingThousands(1_234_567) == "1 234 567")
    }

    @Test func headcountsAddUpAndRespectTheMinimum() {
        let parts = CityModel.allocate(total: 600, weights: [3, 1, 1, 0.5, 3.6], minimum: 3)
        #expect(parts.reduce(0, +) == 600)
        #expect(parts.allSatisfy { $0 >= 3 })
        #expect(parts[4] > parts[0] && parts[0] > parts[1])
    }

    @Test func badRowsStayUnderTwoPercent() {
        var random = SampleRandom(seed: 1)
        let kinds = BadRowKind.kinds(for: .enrolments)
        #expect(BadRowPlan(kinds: kinds, expectedRows: 40, random: &random).counts.isEmpty)
        let small = BadRowPlan(kinds: kinds, expectedRows: 120, random: &random).counts
        #expect(small.reduce(0) { $0 + $1.count } == 2)
        let city = BadRowPlan(kinds: kinds, expectedRows: 780, random: &random).counts
        #expect(city.map(\.kind) == [.unknownSchoolCode, .impossibleDate, .endBeforeStart, .unknownStatus, .duplicateRow])
        #expect(city.allSatisfy { $0.count == 1 })
        let region = BadRowPlan(kinds: kinds, expectedRows: 200_000, random: &random).counts
        #expect(region.allSatisfy { $0.count == 10 })
    }

    @Test func randomStreamsAreReproducibleAndIndependent() {
        var a = SampleRandom(seed: 42, stream: 1, 2)
        var b = SampleRandom(seed: 42, stream: 1, 2)
        var c = SampleRandom(seed: 42, stream: 1, 3)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var poisson = SampleRandom(seed: 9)
        let mean = Double((0..<20000).reduce(0) { sum, _ in sum + poisson.poisson(mean: 1.3) }) / 20000
        #expect(abs(mean - 1.3) < 0.05)
    }
}
