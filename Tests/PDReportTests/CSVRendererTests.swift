import Testing
@testable import PDReport

@Suite("CSV renderer")
struct CSVRendererTests {
    @Test("RFC 4180 with comma and dot (snapshot)")
    func standardSnapshot() throws {
        try expectSnapshot(CSVRenderer.renderString(sampleTable), named: "sample.csv")
    }

    @Test("Excel: BOM, semicolon, decimal comma in decimal columns only (snapshot)")
    func excelSnapshot() throws {
        let bytes = CSVRenderer.render(sampleTable, dialect: .excel)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        try expectSnapshot(text, named: "sample_excel.csv")
        #expect(text.contains("S01;МБОУ «СОШ № 1»;48;87,5;-3,5;true;2019-09-01\r\n"))
    }

    @Test("Indicator export columns, empty value for a zero denominator")
    func indicatorShape() {
        let table = ResultTable(
            columns: [
                ResultColumn(name: "academic_year"), ResultColumn(name: "school_code"), ResultColumn(name: "indicator"),
                ResultColumn(name: "numerator", type: .integer), ResultColumn(name: "denominator", type: .integer),
                ResultColumn(name: "value", type: .decimal),
            ],
            rows: [["2022-2023", nil, "pd_coverage", "0", "0", nil], ["2022-2023", "S01", "avg_pd_hours", "1440", "20", "72.0"]]
        )
        #expect(CSVRenderer.renderString(table) == """
        academic_year,school_code,indicator,numerator,denominator,value\r
        2022-2023,,pd_coverage,0,0,\r
        2022-2023,S01,avg_pd_hours,1440,20,72.0\r

        """)
    }

    @Test("Formula-like text is neutralised, numbers in numeric columns are not (snapshot)")
    func formulas() throws {
        let table = ResultTable(
            columns: [ResultColumn(name: "text"), ResultColumn(name: "number", type: .decimal), ResultColumn(name: "count", type: .integer)],
            rows: [
                ["=HYPERLINK(\"http://x\";\"y\")", "-3.5", "-7"],
                ["+7 (900) 000", "1e-05", "0"],
                ["-1", "-0.25", "12"],
                ["@SUM(A1)", "NaN", "-Infinity"],
                ["\tTAB", "12.5", "x"],
                ["\rCR", nil, nil],
                ["обычный текст", "0.0", "1"],
                ["a=b", "2", "3"],
            ]
        )
        let text = CSVRenderer.renderString(table)
        try expectSnapshot(text, named: "formulas.csv")
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",-3.5,-7\r\n"))
        #expect(text.contains("'-1,-0.25,12\r\n"))
        #expect(text.contains("'@SUM(A1),NaN,'-Infinity\r\n"))
        #expect(text.contains("a=b,2,3\r\n"))
        let excel = CSVRenderer.renderString(table, dialect: .excel)
        #expect(excel.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";-3,5;-7\r\n"))
    }

    @Test("A header named like a formula is neutralised too")
    func header() {
        let table = ResultTable(columns: [ResultColumn(name: "=cmd")], rows: [])
        #expect(CSVRenderer.renderString(table) == "'=cmd\r\n")
    }

    @Test("Fields with delimiter, quotes and line breaks are quoted")
    func quoting() {
        let table = ResultTable(
            columns: [ResultColumn(name: "a"), ResultColumn(name: "b")],
            rows: [["x,y", "он сказал \"да\""], ["line\nbreak", "semi;colon"]]
        )
        #expect(CSVRenderer.renderString(table) == "a,b\r\n\"x,y\",\"он сказал \"\"да\"\"\"\r\n\"line\nbreak\",semi;colon\r\n")
        #expect(CSVRenderer.renderString(table, dialect: .excel).hasSuffix("\"line\nbreak\";\"semi;colon\"\r\n"))
    }
}
