import Testing
@testable import PDContract

/// The `targets` kind (issue 13 §1): detected by its Russian or English header, each row an
/// indicator of the catalogue, a year, the city or a known school, a decimal value in range and
/// its document; every other row rejected with its column and reason.
@Suite struct TargetValidatorTests {
    static let indicators = ["pd_coverage_3y": true, "avg_pd_hours": false]
    static var schools: KnownSchools { KnownSchools(["101001", "101002"]) }

    static func validator(_ header: [String]) throws -> TargetValidator {
        let map = try ExportKind.detect(header: header)
        #expect(map.kind == .targets)
        return TargetValidator(header: map, knownSchools: schools, knownIndicators: indicators)
    }

    static let russian = ["Показатель", "Учебный год", "Уровень", "Целевое значение", "Документ", "Дата документа"]

    @Test func russianAndEnglishHeadersAreATargetsFile() throws {
        _ = try Self.validator(Self.russian)
        _ = try Self.validator(["indicator", "academic_year", "level", "target_value", "source_document"])
    }

    @Test func goodRowsForTheCityAndForASchool() throws {
        var validator = try Self.validator(Self.russian)
        let city = try #require(validator.validate(["pd_coverage_3y", "2023/24", "Город", "100 %", "273-ФЗ", "29.12.2012"], line: 2).record)
        #expect(city.schoolCode == nil && city.academicYear.label == "2023-2024")
        #expect(city.valueTenths == 1000 && city.valueText == "100")
        #expect(city.sourceDate?.iso == "2012-12-29")
        let school = try #require(validator.validate(["avg_pd_hours", "2023-2024", "101002", "36,25", "Приказ", ""], line: 3).record)
        #expect(school.schoolCode == "101002" && school.valueText == "36.3" && school.sourceDate == nil)
    }

    @Test func badRowsAreRejectedWithTheirColumnAndReason() throws {
        var validator = try Self.validator(Self.russian)
        func reasons(_ row: [String], line: Int) -> [RejectReason] {
            validator.validate(row, line: line).issues.map(\.reason)
        }
        #expect(reasons(["nothing", "2023-2024", "город", "10", "П", ""], line: 2) == [.unknownValue])
        #expect(reasons(["pd_coverage_3y", "", "город", "10", "П", ""], line: 3) == [.missingRequired])
        #expect(reasons(["pd_coverage_3y", "2023-2024", "999", "10", "П", ""], line: 4) == [.unknownSchool])
        #expect(reasons(["pd_coverage_3y", "2023-2024", "город", "сто", "П", ""], line: 5) == [.badNumber])
        #expect(reasons(["pd_coverage_3y", "2023-2024", "город", "100,1", "П", ""], line: 6) == [.outOfRange])
        #expect(reasons(["avg_pd_hours", "2023-2024", "город", "150", "П", "31.02.2023"], line: 7) == [.impossibleDate])
        #expect(reasons(["pd_coverage_3y", "2023-2024", "город", "10", "", ""], line: 8) == [.missingRequired])
        #expect(validator.validate(["pd_coverage_3y", "2023-2024", "город", "90", "П", ""], line: 9).record != nil)
        #expect(reasons(["pd_coverage_3y", "2023-2024", "city", "95", "П", ""], line: 10) == [.duplicateRow])
    }

    @Test func decimalsRoundHalfAwayFromZeroToTenths() {
        #expect(TargetValidator.decimalTenths("15") == 150)
        #expect(TargetValidator.decimalTenths("12,55") == 126)
        #expect(TargetValidator.decimalTenths("12.54") == 125)
        #expect(TargetValidator.decimalTenths("1 000") == 10000)
        #expect(TargetValidator.decimalTenths("20 %") == 200)
        #expect(TargetValidator.decimalTenths("") == nil)
        #expect(TargetValidator.decimalTenths("-5") == nil)
        #expect(TargetValidator.decimalTenths("1,2,3") == nil)
    }
}
