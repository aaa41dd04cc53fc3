import Testing
@testable import PDReport

@Suite("Report parameter binding")
struct ReportBindingTests {
    private let report = try! ReportFile.parse(text: trendReport, path: "trend.sql")

    @Test("Values are bound in declaration order; optional missing is NULL")
    func order() throws {
        let bound = try report.bind(["indicator": ["pd_coverage_3y"], "to": ["2023/24"]])
        #expect(bound == ["pd_coverage_3y", nil, "2023-2024", nil])
    }

    @Test("Hostile values come out verbatim as bound data")
    func hostile() throws {
        let hostile = "'); drop table x; --"
        let bound = try report.bind(["indicator": [hostile]])
        #expect(bound[0] == hostile)
        let quotes = try report.bind(["indicator": ["O'Brien \"q\"; select 1"]])
        #expect(quotes[0] == "O'Brien \"q\"; select 1")
        // The SQL text never changes.
        #expect(!report.sql.contains("drop table"))
    }

    @Test("Arrays become quoted PostgreSQL array literals")
    func arrays() throws {
        let bound = try report.bind([
            "indicator": ["x"],
            "school": ["S01", "Школа \"№1\"", "a,b", "{x}", "back\\slash", "NULL", "", " sp ", "'); drop table x; --"],
        ])
        #expect(bound[3] == #"{"S01","Школа \"№1\"","a,b","{x}","back\\slash","NULL",""," sp ","'); drop table x; --"}"#)
        #expect(ReportParameterType.arrayLiteral([]) == "{}")
    }

    @Test("Typed arrays normalise each element")
    func typedArrays() throws {
        let file = try ReportFile.parse(text: "-- param: years academic_year[]\n-- param: ids integer[] optional\nselect $1, $2", path: "a.sql")
        #expect(try file.bind(["years": ["2021/22", "2022-2023"], "ids": ["1", " 2 "]]) == [#"{"2021-2022","2022-2023"}"#, #"{"1","2"}"#])
        #expect(throws: ReportParameterError(report: "a", kind: .invalidValue(name: "ids", value: "two", expected: ReportParameterType(scalar: .integer, isArray: true)))) {
            try file.bind(["years": ["2021-2022"], "ids": ["1", "two"]])
        }
    }

    @Test("A missing required parameter")
    func missing() {
        let expected = ReportParameterError(report: "trend", kind: .missingRequired(name: "indicator", type: ReportParameterType(scalar: .text)))
        #expect(throws: expected) { try report.bind([:]) }
        #expect(throws: expected) { try report.bind(["indicator": []]) }
        #expect(expected.description.contains("не задан обязательный параметр «indicator»"))
        #expect(expected.description.contains("required parameter 'indicator' is missing"))
    }

    @Test("An unknown parameter name lists the known ones")
    func unknown() {
        let expected = ReportParameterError(
            report: "trend", kind: .unknownParameter(name: "schol", known: ["indicator", "from", "to", "school"])
        )
        #expect(throws: expected) { try report.bind(["indicator": ["x"], "schol": ["S01"]]) }
        #expect(expected.description.contains("indicator, from, to, school"))
    }

    @Test("A mistyped value names the parameter, the value and the expected type")
    func mistyped() {
        let expected = ReportParameterError(
            report: "trend", kind: .invalidValue(name: "from", value: "2021-2023", expected: ReportParameterType(scalar: .academicYear))
        )
        #expect(throws: expected) { try report.bind(["indicator": ["x"], "from": ["2021-2023"]]) }
        #expect(expected.description.contains("«from»"))
        #expect(expected.description.contains("«2021-2023»"))
        #expect(expected.description.contains("academic_year"))
        #expect(expected.description.contains("expected academic_year"))
    }

    @Test("A scalar given twice")
    func twice() {
        #expect(throws: ReportParameterError(report: "trend", kind: .tooManyValues(name: "indicator", count: 2))) {
            try report.bind(["indicator": ["a", "b"]])
        }
    }

    @Test("A NUL character cannot be bound, even as text")
    func nul() {
        #expect(throws: ReportParameterError(report: "trend", kind: .invalidValue(name: "indicator", value: "a\u{0}b", expected: ReportParameterType(scalar: .text)))) {
            try report.bind(["indicator": ["a\u{0}b"]])
        }
    }

    @Test("Scalar normalisation by type")
    func normalisation() {
        let cases: [(ReportScalarType, String, String?)] = [
            (.text, "  как есть  ", "  как есть  "),
            (.integer, " 42 ", "42"),
            (.integer, "+7", "7"),
            (.integer, "-0012", "-12"),
            (.integer, "4.5", nil),
            (.integer, "99999999999999999999", nil),
            (.integer, "", nil),
            (.integer, "1 000", nil),
            (.numeric, "12,5", "12.5"),
            (.numeric, "-.5", "-0.5"),
            (.numeric, "1e3", "1e3"),
            (.numeric, "--5", nil),
            (.numeric, "-", nil),
            (.numeric, "1,2,3", nil),
            (.numeric, "5.", nil),
            (.date, "2023-09-01", "2023-09-01"),
            (.date, "1.9.2023", "2023-09-01"),
            (.date, "01/09/2023", "2023-09-01"),
            (.date, "29.02.2024", "2024-02-29"),
            (.date, "29.02.2023", nil),
            (.date, "31.04.2023", nil),
            (.date, "2023-13-01", nil),
            (.date, "01.09.23", nil),
            (.boolean, "Да", "true"),
            (.boolean, "n", "false"),
            (.boolean, "0", "false"),
            (.boolean, "maybe", nil),
            (.academicYear, "2021-2022", "2021-2022"),
            (.academicYear, "2021/2022", "2021-2022"),
            (.academicYear, "2021/22", "2021-2022"),
            (.academicYear, "2021-22", "2021-2022"),
            (.academicYear, "2021–2022", "2021-2022"),
            (.academicYear, "2099/00", "2099-2100"),
            (.academicYear, "2021-2021", nil),
            (.academicYear, "2021/23", nil),
            (.academicYear, "2021", nil),
            (.academicYear, "21-22", nil),
            // The contract's range: the warehouse holds no other years.
            (.academicYear, "1899-1900", nil),
        ]
        for (type, input, output) in cases {
            #expect(type.normalise(input) == output, "\(type.rawValue) \(input)")
        }
    }
}

@Suite("--param parsing")
struct ParameterAssignmentsTests {
    @Test("Split on the first =, repeated names accumulate in order")
    func parse() throws {
        let values = try ParameterAssignments.parse([
            "indicator=pd_coverage", "school=S01", "school=S02", "expr=a=b", "empty=", " spaced =v",
        ])
        #expect(values == [
            "indicator": ["pd_coverage"], "school": ["S01", "S02"], "expr": ["a=b"], "empty": [""], "spaced": ["v"],
        ])
    }

    @Test("Without = or without a name is an error")
    func errors() {
        #expect(throws: ReportParameterError(report: nil, kind: .malformedAssignment("indicator"))) {
            try ParameterAssignments.parse(["indicator"])
        }
        #expect(throws: ReportParameterError(report: nil, kind: .malformedAssignment("=x"))) {
            try ParameterAssignments.parse(["=x"])
        }
    }

    @Test("Parsed assignments bind end to end")
    func endToEnd() throws {
        let report = try ReportFile.parse(text: trendReport, path: "trend.sql")
        let values = try ParameterAssignments.parse(["indicator=x'; --", "school=S01", "school=S;02", "from=2020/21"])
        #expect(try report.bind(values) == ["x'; --", "2020-2021", nil, #"{"S01","S;02"}"#])
    }
}
