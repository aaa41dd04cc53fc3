import Testing
@testable import PDReport

@Suite("Table renderer")
struct TableRendererTests {
    @Test("Cyrillic columns align by displayed characters (snapshot)")
    func snapshotRussian() throws {
        let text = TableRenderer.render(sampleTable.localized(.ru))
        try expectSnapshot(text, named: "table_ru.txt")
    }

    @Test("English captions and yes/no (snapshot)")
    func snapshotEnglish() throws {
        let text = TableRenderer.render(sampleTable.localized(.en), language: .en)
        try expectSnapshot(text, named: "table_en.txt")
    }

    @Test("Every line of a row has the same display width and column bars line up")
    func alignment() {
        let text = TableRenderer.render(sampleTable.localized(.ru), includeTitle: false)
        let lines = text.split(separator: "\n").map(String.init)
        // Header, rule and three rows; the notes follow after a blank line.
        let tableLines = Array(lines.prefix(5))
        let barPositions = tableLines.map(barColumns)
        #expect(Set(barPositions.dropFirst(2).map { $0 }).count == 1)
        #expect(barPositions[0] == barPositions[2])
        // The rule's `+` sit exactly under the bars.
        #expect(plusColumns(tableLines[1]) == barPositions[0])
    }

    @Test("The byte renderer writes exactly what the general one writes without a width")
    func bytesEqualTheGeneralRenderer() {
        let tables: [(ResultTable, ReportLanguage)] = [
            (sampleTable.localized(.ru), .ru), (sampleTable.localized(.en), .en),
            (ResultTable(title: "Пусто", columns: [ResultColumn(name: "value", type: .decimal)]), .ru),
            (ResultTable(columns: [ResultColumn(name: "a"), ResultColumn(name: "b", type: .decimal), ResultColumn(name: "c", type: .boolean)],
                         rows: [["\u{1B}[32m▲\u{1B}[0m", "-12.5", "t"], ["x\u{7}\u{85}", nil, nil], ["", "0.0", "f"],
                                ["«Школа» № 1 — 日本 😀 e\u{0301}", "1e5", "maybe"], ["   ", "-0.1", nil]],
                         notes: ["Примечание\tс табуляцией"]), .ru),
            (ResultTable(title: "Ти\nтул", columns: [ResultColumn(name: "", type: .integer), ResultColumn(name: "")], rows: [[nil, nil], ["1", " "]]), .en),
        ]
        for (table, language) in tables {
            for includeTitle in [true, false] {
                let general = TableRenderer.wrapping(table, language: language, includeTitle: includeTitle, width: nil)
                let bytes = TableRenderer.renderBytes(table, language: language, includeTitle: includeTitle, width: nil)
                #expect(String(decoding: bytes, as: UTF8.self) == general, "\(general)")
                #expect(TableRenderer.render(table, language: language, includeTitle: includeTitle) == general)
            }
        }
    }

    @Test("Numbers right-aligned, NULL empty, booleans as words")
    func cells() {
        let table = ResultTable(
            columns: [ResultColumn(name: "n", type: .integer), ResultColumn(name: "flag", type: .boolean), ResultColumn(name: "t")],
            rows: [["5", "t", nil], ["12345", "f", "x"]]
        )
        let text = TableRenderer.render(table)
        #expect(text == """
             n | flag | t
        -------+------+---
             5 | да   |
         12345 | нет  | x

        """)
    }

    @Test("Colour codes and line breaks inside cells keep the table aligned")
    func hostileCells() {
        let table = ResultTable(
            columns: [ResultColumn(name: "a"), ResultColumn(name: "b")],
            rows: [["\u{1B}[32m▲\u{1B}[0m", "две\nстроки"], ["x\u{7}", "tab\there"]]
        )
        let text = TableRenderer.render(table)
        #expect(text == """
         a  | b
        ----+------------
         \u{1B}[32m▲\u{1B}[0m  | две↵строки
         x\u{FFFD} | tab here

        """)
    }

    @Test("An empty result says so instead of printing an empty table")
    func empty() {
        let table = ResultTable(title: "Пусто", columns: [ResultColumn(name: "value", type: .decimal)])
        #expect(TableRenderer.render(table.localized(.ru)) == "Пусто\n\nНет данных: ни одна строка не подходит под заданные условия.\n")
        #expect(TableRenderer.render(table, language: .en).hasSuffix("No data: no row matches the request.\n"))
        var told = table
        told.emptyText = "В пакете 3 нет отклонённых строк."
        #expect(TableRenderer.render(told) == "Пусто\n\nВ пакете 3 нет отклонённых строк.\n")
        #expect(MarkdownRenderer.render(told) == "### Пусто\n\nВ пакете 3 нет отклонённых строк.\n")
        #expect(CSVRenderer.renderString(told) == "value\r\n")
    }

    @Test("Russian decimals take a comma and a true minus; machine formats keep the point")
    func decimals() {
        let table = ResultTable(columns: [ResultColumn(name: "value", type: .decimal), ResultColumn(name: "n", type: .integer)],
                                rows: [["67.6", "12"], ["-1.0", "3"]])
        #expect(TableRenderer.render(table, language: .ru).contains(" 67,6 |"))
        #expect(TableRenderer.render(table, language: .ru).contains(" −1,0 |"))
        #expect(TableRenderer.render(table, language: .en).contains(" 67.6 |"))
        #expect(MarkdownRenderer.render(table, language: .ru).contains(" 67,6 |"))
        #expect(HTMLDocument.table(table, language: .ru).contains(">67,6<"))
        #expect(CSVRenderer.renderString(table).contains("67.6,12"))
        #expect(CSVRenderer.renderString(table, dialect: .excel).contains("67,6;12"))
        #expect(JSONRenderer.render(table).contains("\"value\": 67.6"))
    }

    @Test("A table wider than the terminal wraps its text columns and never its numbers")
    func fitsAWidth() {
        let long = "Закрепить наставника за каждым молодым педагогом: наставник есть у 88,0 % молодых педагогов (44 из 50)."
        let table = ResultTable(
            title: "Адресные рекомендации, 2023-2024",
            columns: [ResultColumn(name: "school", caption: "ОО"), ResultColumn(name: "rank", type: .integer, caption: "Место"),
                      ResultColumn(name: "text", caption: "Рекомендация"), ResultColumn(name: "value", type: .decimal, caption: "Значение")],
            rows: [["МАОУ «Гимназия № 1»", "1", long, "88.0"], ["МБОУ «СОШ № 2»", "2", "Коротко.", "12345.5"]])
        let natural = TableRenderer.render(table)
        #expect(TableRenderer.render(table, width: nil) == natural)
        #expect(TableRenderer.render(table, width: 1000) == natural, "a table that fits is unchanged")
        let narrow = TableRenderer.render(table, width: 60)
        let lines = narrow.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines { #expect(DisplayWidth.of(String(line)) <= 60, "\(line)") }
        let words = long.split(separator: " ").map(String.init)
        for word in words { #expect(narrow.contains(word), "\(word) lost") }
        #expect(narrow.contains("12345,5"), "numbers are never cut")
        // Records that wrap are separated by a rule.
        #expect(lines.filter { $0.hasPrefix("---") }.count == 2)
        // Too narrow for the columns side by side: one block per row, every word kept.
        let blocks = TableRenderer.render(table, width: 40)
        for line in blocks.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 40, "\(line)") }
        #expect(blocks.contains("-[ 1 ]---") && blocks.contains("-[ 2 ]---"))
        #expect(blocks.contains("Значение     | 12345,5"))
        for word in words { #expect(blocks.contains(word), "\(word) lost") }
    }

    @Test("Text wraps at spaces by display width, with a hanging indent")
    func wrap() {
        #expect(TextWrap.lines("коротко", width: 20) == ["коротко"])
        #expect(TextWrap.lines("один два три четыре", width: 9) == ["один два", "три", "четыре"])
        #expect(TextWrap.lines("1. один два три", width: 9, continuation: "   ") == ["1. один", "   два", "   три"])
        #expect(TextWrap.lines("   - раз два", width: 9, continuation: "     ") == ["   - раз", "     два"])
        #expect(TextWrap.lines("оченьдлинноеслово", width: 5) == ["очень", "длинн", "оесло", "во"])
        #expect(TextWrap.truncate("Адресные рекомендации", to: 9) == "Адресные…")
    }

    private func barColumns(_ line: String) -> [Int] {
        var columns: [Int] = []
        var width = 0
        for character in line {
            if character == "|" { columns.append(width) }
            width += DisplayWidth.of(String(character))
        }
        return columns
    }

    private func plusColumns(_ line: String) -> [Int] {
        line.enumerated().filter { $0.element == "+" }.map(\.offset)
    }
}
