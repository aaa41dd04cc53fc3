import Testing
@testable import PDContract

/// The requests and measures of issue 13 (docs/exports.md §5.5, §5.6), row by row.
@Suite("Requests and measures")
struct CycleValidatorTests {
    static let requestHeader = ["код ОО", "СНИЛС", "количество педагогов", "предмет", "направленность", "наименование программы",
                                "объём часов"]

    static func requests() throws -> RequestValidator {
        let header = try ExportKind.detect(header: requestHeader)
        #expect(header.kind == .requests)
        return RequestValidator(header: header, knownSchools: KnownSchools(["S01"]), pseudonymizer: .demo,
                                years: YearSources(fileName: "requests_2024-2025.csv"))
    }

    static func reasons(_ result: RowResult<RequestRecord>) -> [RejectReason] { result.issues.map(\.reason) }

    @Test("a named teacher is one place, kept as a pseudonym; a counted row has its count")
    func namedAndCounted() throws {
        var validator = try Self.requests()
        let named = try #require(validator.validate(["S01", "112-233-445 95", "", "Математика", "", "Функциональная грамотность", "36"],
                                                    line: 2).record)
        #expect(named.teacherPseudonym == Pseudonymizer.demo.pseudonym(forTeacherID: "11223344595"))
        #expect(named.teachersRequested == 1)
        #expect(named.academicYear.label == "2024-2025")
        #expect(named.hours == 36)
        #expect(!String(describing: named).contains("11223344595"))
        let counted = try #require(validator.validate(["S01", "", "3", "", "цифровые", "", ""], line: 3).record)
        #expect(counted.teacherPseudonym == nil)
        #expect(counted.teachersRequested == 3)
        #expect(counted.focusArea == .digital)
        #expect(counted.courseTitle == nil)
    }

    @Test("what a request row must say")
    func refusals() throws {
        var validator = try Self.requests()
        #expect(Self.reasons(validator.validate(["S01", "112-233-445 95", "2", "", "", "Курс", ""], line: 2)) == [.outOfRange])
        #expect(Self.reasons(validator.validate(["S01", "", "", "", "", "Курс", ""], line: 3)) == [.missingRequired])
        #expect(Self.reasons(validator.validate(["S01", "", "2", "", "", "", ""], line: 4)) == [.missingRequired])
        #expect(Self.reasons(validator.validate(["S99", "", "2", "", "цифровые", "", ""], line: 5)) == [.unknownSchool])
        #expect(Self.reasons(validator.validate(["S01", "", "0", "", "цифровые", "", ""], line: 6)) == [.outOfRange])
        #expect(validator.validate(["S01", "112-233-445 95", "1", "", "", "Курс", ""], line: 7).record != nil)
        #expect(Self.reasons(validator.validate(["S01", "11223344595", "", "", "", "курс", ""], line: 8)) == [.duplicateRow])
        var noYear = RequestValidator(header: try ExportKind.detect(header: Self.requestHeader), knownSchools: KnownSchools(["S01"]),
                                      pseudonymizer: .demo, years: YearSources())
        #expect(Self.reasons(noYear.validate(["S01", "", "2", "", "цифровые", "", ""], line: 2)) == [.missingAcademicYear])
    }

    static let aims = MeasureAims(indicators: ["pd_coverage_3y", "distance_share"],
                                  rules: ["R10": "pd_coverage_3y", "R11": nil])

    @Test("a measure's aim: the rule's indicator, or the one given when they agree")
    func aims() {
        #expect(MeasureRecord.aim(rule: "R10", indicator: nil, aims: Self.aims) == .success("pd_coverage_3y"))
        #expect(MeasureRecord.aim(rule: nil, indicator: "distance_share", aims: Self.aims) == .success("distance_share"))
        #expect(MeasureRecord.aim(rule: "R11", indicator: "distance_share", aims: Self.aims) == .success("distance_share"))
        #expect(MeasureRecord.aim(rule: "R11", indicator: nil, aims: Self.aims) == .failure(.ruleWithoutIndicator("R11")))
        #expect(MeasureRecord.aim(rule: "R10", indicator: "distance_share", aims: Self.aims)
                == .failure(.ruleReadsAnotherIndicator(rule: "R10", ruleIndicator: "pd_coverage_3y", given: "distance_share")))
        #expect(MeasureRecord.aim(rule: "R99", indicator: nil, aims: Self.aims) == .failure(.unknownRule("R99")))
        #expect(MeasureRecord.aim(rule: nil, indicator: "nope", aims: Self.aims) == .failure(.unknownIndicator("nope")))
        #expect(MeasureRecord.aim(rule: nil, indicator: nil, aims: Self.aims) == .failure(.neither))
    }

    @Test("a measures row: the city or a school, its year from the date when no other")
    func measures() throws {
        let header = try ExportKind.detect(header: ["уровень", "код правила", "показатель", "содержание меры", "дата решения",
                                                    "ответственный"])
        #expect(header.kind == .measures)
        var validator = MeasureValidator(header: header, knownSchools: KnownSchools(["S01"]), aims: Self.aims, years: YearSources())
        let city = try #require(validator.validate(["Город", "R10", "", "План-заказ", "15.02.2024", "методический центр"], line: 2).record)
        #expect(city.schoolCode == nil)
        #expect(city.indicator == "pd_coverage_3y")
        #expect(city.academicYear.label == "2023-2024")
        let school = try #require(validator.validate(["S01", "", "distance_share", "ДОТ", "2024-09-10", ""], line: 3).record)
        #expect(school.schoolCode == "S01")
        #expect(school.academicYear.label == "2024-2025")
        #expect(school.responsibleRole == nil)
        #expect(validator.validate(["S02", "R10", "", "Мера", "15.02.2024", ""], line: 4).issues.map(\.reason) == [.unknownSchool])
        #expect(validator.validate(["S01", "R10", "", "", "31.02.2024", ""], line: 5).issues.map(\.reason)
                == [.missingRequired, .impossibleDate])
    }
}
