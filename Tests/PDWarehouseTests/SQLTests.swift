import Foundation
import Testing
import PDPostgres
@testable import PDWarehouse

/// The `SQL` value: where its text comes from, and how one statement embeds another.
@Suite struct SQLTests {
    @Test func aLiteralKeepsItsTextAndNamesItselfByItsFirstLine() {
        let sql: SQL = "\n-- a comment\nselect 1"
        #expect(sql.text == "\n-- a comment\nselect 1")
        #expect(sql.path == nil)
        #expect(sql.description == "-- a comment")
    }

    @Test func aFileStatementNamesItsFile() throws {
        let statement = try TestDatabase.sqlDirectory.statement("mart/catalogue.sql")
        #expect(statement.path == "mart/catalogue.sql")
        #expect(statement.description == "sql/mart/catalogue.sql")
        let onDisk = try String(
            contentsOf: TestDatabase.sqlDirectory.url.appendingPathComponent("mart/catalogue.sql"), encoding: .utf8)
        #expect(statement.text == onDisk)
        #expect(throws: WarehouseError.self) { try TestDatabase.sqlDirectory.statement("mart/none.sql") }
    }

    @Test func unsafeTextIsTakenAsItIs() {
        let sql = SQL(unsafeText: "select count(*) from \"dw\".\"etl_batch\"")
        #expect(sql.text == "select count(*) from \"dw\".\"etl_batch\"")
        #expect(sql.path == nil)
    }

    @Test func embeddingReplacesTheMarkedLinesWithThePieceAsASubquery() throws {
        let outer = SQL(unsafeText: """
            with d as (
                -- @begin: replaced
                select 1 as x
                where false
                -- @end
            )
            select x from d
            """)
        let piece: SQL = "select 2 as x -- two\n;\n\n"
        let embedded = try #require(outer.embedding(piece, inPlaceOfLinesFrom: "-- @begin", through: "-- @end"))
        #expect(embedded.text == "with d as (\nselect 2 as x -- two\n\n)\nselect x from d")
    }

    @Test func embeddingKeepsThePathOfTheOuterStatement() throws {
        let insert = try TestDatabase.sqlDirectory.statement("mart/insert_indicator_values.sql")
        let definition = try TestDatabase.sqlDirectory.statement("indicators/pd_coverage.sql")
        let embedded = try #require(
            insert.embedding(definition, inPlaceOfLinesFrom: "-- @definition-begin", through: "-- @definition-end"))
        #expect(embedded.path == "mart/insert_indicator_values.sql")
        #expect(embedded.text.contains(definition.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(!embedded.text.contains("-- @definition-begin") && !embedded.text.contains("-- @definition-end"))
    }

    @Test func embeddingNeedsEachMarkerOnceAndInOrder() {
        let piece: SQL = "select 1"
        let missing = SQL(unsafeText: "select 1\n-- @end")
        let twice = SQL(unsafeText: "-- @begin\n-- @begin\n-- @end")
        let reversed = SQL(unsafeText: "-- @end\n-- @begin")
        for outer in [missing, twice, reversed] {
            #expect(outer.embedding(piece, inPlaceOfLinesFrom: "-- @begin", through: "-- @end") == nil)
        }
    }
}
