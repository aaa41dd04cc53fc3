import Testing
@testable import PDReport

@Suite("JSON renderer")
struct JSONRendererTests {
    @Test("Numbers as written by the database, booleans, nulls (snapshot)")
    func snapshot() throws {
        try expectSnapshot(JSONRenderer.render(sampleTable), named: "sample.json")
    }

    @Test("Numeric text is copied without a floating-point round trip")
    func exactNumbers() {
        let table = ResultTable(
            columns: [ResultColumn(name: "big", type: .decimal), ResultColumn(name: "id", type: .integer)],
            rows: [["12345678901234567890.123456789", "9223372036854775807"], ["0.1", "-0"], ["1e+20", "0"]]
        )
        #expect(JSONRenderer.render(table) == """
        [
          {"big": 12345678901234567890.123456789, "id": 9223372036854775807},
          {"big": 0.1, "id": -0},
          {"big": 1e+20, "id": 0}
        ]

        """)
    }

    @Test("Values JSON cannot hold as numbers become strings")
    func nonFinite() {
        #expect(JSONRenderer.value("NaN", type: .decimal) == "\"NaN\"")
        #expect(JSONRenderer.value("-Infinity", type: .decimal) == "\"-Infinity\"")
        #expect(JSONRenderer.value("007", type: .integer) == "\"007\"")
        #expect(JSONRenderer.value("maybe", type: .boolean) == "\"maybe\"")
        #expect(JSONRenderer.value(nil, type: .boolean) == "null")
        #expect(JSONRenderer.value("f", type: .boolean) == "false")
        #expect(JSONRenderer.value("12", type: .text) == "\"12\"")
    }

    @Test("Strings escape quotes, backslashes and control characters and keep Cyrillic")
    func escapes() throws {
        #expect(JSONRenderer.quoted("Школа \"№1\"") == "\"Школа \\\"№1\\\"\"")
        #expect(JSONRenderer.quoted("C:\\path") == "\"C:\\\\path\"")
        #expect(JSONRenderer.quoted("a\nb\rc\td") == "\"a\\nb\\rc\\td\"")
        #expect(JSONRenderer.quoted("\u{0}\u{1}\u{1F}\u{7F}") == "\"\\u0000\\u0001\\u001f\\u007f\"")
        #expect(JSONRenderer.quoted("\u{08}\u{0C}") == "\"\\b\\f\"")
        #expect(JSONRenderer.quoted("x\u{2028}y") == "\"x\\u2028y\"")
        let table = ResultTable(
            columns: [ResultColumn(name: "ключ \"k\""), ResultColumn(name: "v")],
            rows: [["Ёж\u{1B}[0m", "</script>"]]
        )
        try expectSnapshot(JSONRenderer.render(table), named: "escapes.json")
    }

    @Test("Duplicate column names get suffixes so no value is lost")
    func duplicates() {
        let table = ResultTable(
            columns: [ResultColumn(name: "value"), ResultColumn(name: "value"), ResultColumn(name: "value_2")],
            rows: [["a", "b", "c"]]
        )
        #expect(JSONRenderer.render(table) == "[\n  {\"value\": \"a\", \"value_2\": \"b\", \"value_2_2\": \"c\"}\n]\n")
    }

    @Test("An empty result is an empty array")
    func empty() {
        #expect(JSONRenderer.render(ResultTable(columns: [ResultColumn(name: "a")])) == "[]\n")
    }
}
