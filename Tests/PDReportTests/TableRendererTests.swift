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

    @Test("An empty result says so")
    func empty() {
        let table = ResultTable(title: "Пусто", columns: [ResultColumn(name: "value", type: .decimal)])
        #expect(TableRenderer.render(table.localized(.ru)) == "Пусто\n\n Значение\n----------\n(нет строк)\n")
        #expect(TableRenderer.render(table, language: .en).hasSuffix("(no rows)\n"))
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
