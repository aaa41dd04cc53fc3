import Testing
@testable import PDReport

let trendReport = """
-- name: trend
-- description: Trend of one indicator over years / Динамика показателя по годам
-- param: indicator text required  -- indicator id
-- param: from academic_year optional
-- param: to academic_year optional
-- param: school text[] optional
select academic_year, school_code, value
from mart.school_year_indicator
where indicator_id = $1
  and ($2::text is null or academic_year >= $2)
  and ($3::text is null or academic_year <= $3)
  and ($4::text[] is null or school_code = any($4))
order by 1, 2;
"""

@Suite("Report file headers")
struct ReportFileTests {
    @Test("The header gives name, description and ordered typed parameters")
    func parse() throws {
        let report = try ReportFile.parse(text: trendReport, path: "sql/reports/trend.sql")
        #expect(report.name == "trend")
        #expect(report.description == "Trend of one indicator over years / Динамика показателя по годам")
        #expect(report.description(in: .ru) == "Динамика показателя по годам")
        #expect(report.description(in: .en) == "Trend of one indicator over years")
        #expect(report.parameters == [
            ReportParameter(name: "indicator", type: ReportParameterType(scalar: .text), isRequired: true, comment: "indicator id", position: 1, line: 3),
            ReportParameter(name: "from", type: ReportParameterType(scalar: .academicYear), isRequired: false, position: 2, line: 4),
            ReportParameter(name: "to", type: ReportParameterType(scalar: .academicYear), isRequired: false, position: 3, line: 5),
            ReportParameter(name: "school", type: ReportParameterType(scalar: .text, isArray: true), isRequired: false, position: 4, line: 6),
        ])
        #expect(report.sql == trendReport)
        #expect(report.parameterTypeOIDs == [25, 25, 25, 1009])
    }

    @Test("Without a name the file name is used; free comments and CRLF are fine")
    func defaults() throws {
        let text = "-- Отчёт для методистов.\r\n-- Note: counts only.\r\n\r\n-- param: year academic_year\r\nselect $1::text;\r\n"
        let report = try ReportFile.parse(text: text, path: "/tmp/my reports/school_list.SQL")
        #expect(report.name == "school_list")
        #expect(report.description == "")
        #expect(report.parameters.map(\.name) == ["year"])
        #expect(report.parameters[0].isRequired)
        #expect(report.parameters[0].line == 4)
    }

    @Test("A report without parameters")
    func noParameters() throws {
        let report = try ReportFile.parse(text: "-- name: list\nselect '$1', \"$2\" -- $3\n", path: "list.sql")
        #expect(report.parameters.isEmpty)
        #expect(try report.bind([:]) == [])
    }

    @Test("Parameter types, arrays and their OIDs")
    func types() {
        for scalar in ReportScalarType.allCases {
            #expect(ReportParameterType(declaration: scalar.rawValue) == ReportParameterType(scalar: scalar))
            #expect(ReportParameterType(declaration: scalar.rawValue + "[]") == ReportParameterType(scalar: scalar, isArray: true))
        }
        #expect(ReportParameterType(declaration: "INTEGER")?.postgresTypeOID == 20)
        #expect(ReportParameterType(declaration: "date[]")?.postgresTypeOID == 1182)
        #expect(ReportParameterType(declaration: "academic_year[]")?.description == "academic_year[]")
        #expect(ReportParameterType(declaration: "varchar") == nil)
        #expect(ReportParameterType(declaration: "text[][]") == nil)
    }

    // MARK: - Header errors

    private func reason(_ text: String) -> ReportFileError? {
        do {
            _ = try ReportFile.parse(text: text, path: "bad.sql")
            return nil
        } catch {
            return error
        }
    }

    @Test("Unknown type")
    func unknownType() throws {
        let error = try #require(reason("-- name: x\n-- param: n int4 required\nselect $1;"))
        #expect(error.reason == .unknownType("int4"))
        #expect(error.line == 2)
        #expect(error.description.contains("bad.sql:2"))
        #expect(error.description.contains("неизвестный тип «int4»"))
        #expect(error.description.contains("unknown type 'int4'"))
    }

    @Test("Duplicate parameter name")
    func duplicate() throws {
        let error = try #require(reason("-- param: a text\n-- param: a integer\nselect $1, $2;"))
        #expect(error.reason == .duplicateParameter(name: "a", firstLine: 1))
        #expect(error.line == 2)
    }

    @Test("A placeholder beyond the declared count, with its position")
    func beyond() throws {
        let error = try #require(reason("-- param: a text\nselect $1,\n  $2;"))
        #expect(error.reason == .placeholderOutOfRange(number: 2, declared: 1))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.description.contains("$2"))
        let none = try #require(reason("select $1"))
        #expect(none.reason == .placeholderOutOfRange(number: 1, declared: 0))
        let zero = try #require(reason("-- param: a text\nselect $1, $0"))
        #expect(zero.reason == .placeholderOutOfRange(number: 0, declared: 1))
    }

    @Test("A declared parameter the SQL never uses")
    func unused() throws {
        let error = try #require(reason("-- param: a text\n-- param: b text\nselect $2 -- $1 only in a comment\n"))
        #expect(error.reason == .parameterNotUsed(name: "a", position: 1))
        #expect(error.line == 1)
    }

    @Test("Malformed declarations")
    func malformed() throws {
        #expect(try #require(reason("-- param: a\nselect 1")).reason == .malformedParameter("a"))
        #expect(try #require(reason("-- param: a text required extra\nselect $1")).reason == .malformedParameter("a text required extra"))
        #expect(try #require(reason("-- param: a text maybe\nselect $1")).reason == .invalidRequirement("maybe"))
        #expect(try #require(reason("-- param: 1a text\nselect $1")).reason == .invalidParameterName("1a"))
        #expect(try #require(reason("-- param: школа text\nselect $1")).reason == .invalidParameterName("школа"))
        #expect(try #require(reason("-- name: a\n-- name: b\nselect 1")).reason == .duplicateKey("name"))
        #expect(try #require(reason("-- name: my report\nselect 1")).reason == .invalidReportName("my report"))
        #expect(try #require(reason("-- name: x\n-- param: a text\n")).reason == .noStatement)
        #expect(try #require(reason("-- param: a text\nselect $1, 'unterminated")).reason == .unterminated("string literal"))
    }
}
