import Testing
import PDReport

@Suite struct QueryCheckTests {
    @Test(arguments: [
        ("select 1", "select"),
        ("  -- a report\n/* block /* nested */ comment */\n(SELECT 1)", "select"),
        ("WITH x AS (select 1) select * from x", "with"),
        ("values (1)", "values"),
        ("table mart.indicator", "table"),
    ])
    func queriesPass(sql: String, keyword: String) {
        #expect(QueryCheck.leadingKeyword(sql) == keyword)
        #expect(QueryCheck.isQuery(sql))
    }

    @Test(arguments: [
        "drop table dw.dim_school",
        "-- select\ndelete from dw.etl_batch",
        "copy (select 1) to program 'true'",
        "/* unterminated select 1",
        "-- only a comment",
        "",
        "insert into dw.indicator values (1)",
        "do $$ begin perform 1; end $$",
    ])
    func everythingElseIsRefused(sql: String) {
        #expect(!QueryCheck.isQuery(sql))
    }
}
