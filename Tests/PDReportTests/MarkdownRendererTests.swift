import Testing
@testable import PDReport

@Suite("Markdown renderer")
struct MarkdownRendererTests {
    @Test("Pipe table, numbers right-aligned (snapshot)")
    func snapshot() throws {
        try expectSnapshot(MarkdownRenderer.render(sampleTable.localized(.ru)), named: "sample.md")
    }

    @Test("Pipes, backslashes, line breaks and HTML in cells are escaped (snapshot)")
    func escapes() throws {
        let table = ResultTable(
            title: "Экранирование | <b>",
            columns: [ResultColumn(name: "a|b"), ResultColumn(name: "n", type: .integer)],
            rows: [["x | y", "1"], ["строка 1\nстрока 2\r\nстрока 3", "-2"], ["C:\\dir\\", nil], ["<script>", "3"]]
        )
        let text = MarkdownRenderer.render(table)
        try expectSnapshot(text, named: "escapes.md")
        // Every table line has exactly as many unescaped pipes as a 2-column row needs.
        for line in text.split(separator: "\n") where line.hasPrefix("|") {
            #expect(unescapedPipes(String(line)) == 3, "\(line)")
        }
        #expect(text.contains("| строка 1<br>строка 2<br>строка 3 |"))
        #expect(text.contains("| --: |") || text.contains("---:"))
    }

    @Test("Cell escaping")
    func escapeFunction() {
        #expect(MarkdownRenderer.escape("a|b") == "a\\|b")
        #expect(MarkdownRenderer.escape("a\\|b") == "a\\\\\\|b")
        #expect(MarkdownRenderer.escape("1\n2") == "1<br>2")
        #expect(MarkdownRenderer.escape("<i>") == "&lt;i&gt;")
    }

    private func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }
}
