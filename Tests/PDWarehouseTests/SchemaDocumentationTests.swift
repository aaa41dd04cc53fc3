import Testing
import PDPostgres

/// The warehouse documents itself: every table, view and column in dw and mart has a comment.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct SchemaDocumentationTests {
    @Test func everyRelationAndColumnHasAComment() throws {
        let db = try TestDatabase()
        let connection = try db.connect()
        let relations = try connection.execute("""
            select n.nspname || '.' || c.relname
            from pg_class c
            inner join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('dw', 'mart') and c.relkind in ('r', 'v', 'm', 'p')
              and obj_description(c.oid, 'pg_class') is null
            """)
        #expect(relations.rows.isEmpty, "undocumented: \(relations.rows.compactMap { $0[0] })")
        let columns = try connection.execute("""
            select n.nspname || '.' || c.relname || '.' || a.attname
            from pg_attribute a
            inner join pg_class c on c.oid = a.attrelid
            inner join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('dw', 'mart') and c.relkind in ('r', 'v', 'm', 'p')
              and a.attnum > 0 and not a.attisdropped
              and col_description(c.oid, a.attnum) is null
            """)
        #expect(columns.rows.isEmpty, "undocumented: \(columns.rows.compactMap { $0[0] })")
        let total = try connection.execute("""
            select count(*) from pg_class c inner join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'dw' and c.relkind = 'r'
            """).scalarInt ?? 0
        #expect(total >= 14)
    }

    @Test func factsDeclareNoForeignKeysAndNoTriggersExist() throws {
        let db = try TestDatabase()
        let connection = try db.connect()
        let foreignKeys = try connection.execute("""
            select conrelid::regclass::text from pg_constraint
            where contype = 'f' and conrelid::regclass::text like 'dw.fact_%'
            """)
        #expect(foreignKeys.rows.isEmpty)
        let triggers = try connection.execute("""
            select tgname from pg_trigger t inner join pg_class c on c.oid = t.tgrelid
            inner join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('dw', 'mart') and not t.tgisinternal
            """)
        #expect(triggers.rows.isEmpty)
    }
}
