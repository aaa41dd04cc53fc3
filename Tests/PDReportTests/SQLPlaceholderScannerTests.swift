import Testing
@testable import PDReport

@Suite("SQL placeholder scanner")
struct SQLPlaceholderScannerTests {
    private func numbers(_ sql: String) throws -> [Int] {
        try SQLPlaceholderScanner.placeholders(in: sql).map(\.number)
    }

    @Test("Finds $n in code, with positions")
    func plain() throws {
        #expect(try numbers("select $1, $2::int, f($10)") == [1, 2, 10])
        let found = try SQLPlaceholderScanner.placeholders(in: "select\n  $3")
        #expect(found == [SQLPlaceholderScanner.Placeholder(number: 3, line: 2, column: 3)])
        // Column counts characters, not bytes.
        #expect(try SQLPlaceholderScanner.placeholders(in: "select 'Ёж', $1")[0].column == 14)
    }

    @Test("Skips string literals, quoted identifiers and comments")
    func skipped() throws {
        #expect(try numbers("select '$1', 'it''s $2', $3") == [3])
        #expect(try numbers("select \"$1\", \"a\"\"$2\", $3") == [3])
        #expect(try numbers("select 1 -- $1\n, $2") == [2])
        #expect(try numbers("select /* $1 /* nested $2 */ still $3 */ $4") == [4])
        #expect(try numbers("select E'\\'$1', e'$2\\\\', $3") == [3])
        #expect(try numbers("select 'a\\', $1") == [1])  // standard strings: backslash is literal
    }

    @Test("Skips dollar-quoted strings, keeps $ inside identifiers")
    func dollars() throws {
        #expect(try numbers("select $$ $1 $$, $2") == [2])
        #expect(try numbers("select $fn$ $1 $$ $2 $fn$, $3") == [3])
        #expect(try numbers("select a$1, $1") == [1])
        #expect(try numbers("select 1 as x, $_a$ $9 $_a$") == [])
    }

    @Test("Unterminated constructs are errors with their start")
    func unterminated() {
        #expect(throws: SQLPlaceholderScanner.Unterminated(construct: "string literal", line: 1, column: 8)) {
            try SQLPlaceholderScanner.placeholders(in: "select 'abc")
        }
        #expect(throws: SQLPlaceholderScanner.Unterminated(construct: "quoted identifier", line: 2, column: 1)) {
            try SQLPlaceholderScanner.placeholders(in: "select\n\"abc")
        }
        #expect(throws: SQLPlaceholderScanner.Unterminated(construct: "block comment", line: 1, column: 1)) {
            try SQLPlaceholderScanner.placeholders(in: "/* /* */")
        }
        #expect(throws: SQLPlaceholderScanner.Unterminated(construct: "dollar-quoted string", line: 1, column: 8)) {
            try SQLPlaceholderScanner.placeholders(in: "select $q$ abc $Q$")
        }
    }
}
