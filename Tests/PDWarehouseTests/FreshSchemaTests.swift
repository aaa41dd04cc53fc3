import Foundation
import Testing
import PDPostgres
@testable import PDWarehouse

/// What `db migrate` builds on an empty database, compared with `Tests/Snapshots/fresh_schema.txt`:
/// every relation, column, default, constraint, index, view definition, comment, grant and the
/// rows the migrations seed. A formatting-only edit of a migration or view file (see
/// `-- pdmon:previous-checksum`) must leave it identical; a real schema change updates the
/// snapshot in the same commit: run with `PDMON_RECORD_SCHEMA_SNAPSHOT=1`, then review the diff.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct FreshSchemaTests {
    static let snapshot = TestDatabase.sqlDirectory.url.deletingLastPathComponent()
        .appendingPathComponent("Tests/Snapshots/fresh_schema.txt")

    static let catalogue: SQL = """
        with rel as (
            select c.oid, n.nspname || '.' || c.relname as name, c.relkind, c.relowner, c.relacl
            from pg_class as c
            inner join pg_namespace as n on n.oid = c.relnamespace
            where n.nspname in ('dw', 'mart', 'public') and c.relkind in ('r', 'v', 'm', 'p', 'i', 'S')
        )
        select line from (
            select format('relation %s kind %s comment %s', r.name, r.relkind, obj_description(r.oid, 'pg_class')) as line
            from rel as r
            union all
            select format('grant %s %s to %s', r.name, a.privilege_type, a.grantee::regrole)
            from rel as r
            cross join lateral aclexplode(r.relacl) as a
            where a.grantee <> r.relowner
            union all
            select format('column %s %s %s %s %s default %s identity %s comment %s', r.name, a.attnum, a.attname,
                          format_type(a.atttypid, a.atttypmod), case when a.attnotnull then 'not null' else 'null' end,
                          pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(r.oid, a.attnum))
            from rel as r
            inner join pg_attribute as a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
            left join pg_attrdef as d on d.adrelid = r.oid and d.adnum = a.attnum
            where r.relkind in ('r', 'v', 'm', 'p')
            union all
            select format('constraint %s %s %s', r.name, o.conname, pg_get_constraintdef(o.oid))
            from rel as r
            inner join pg_constraint as o on o.conrelid = r.oid
            union all
            select format('index %s comment %s', pg_get_indexdef(r.oid), obj_description(r.oid, 'pg_class'))
            from rel as r
            where r.relkind = 'i'
            union all
            select format('view %s %s', r.name, pg_get_viewdef(r.oid))
            from rel as r
            where r.relkind in ('v', 'm')
            union all
            select format('schema %s comment %s', n.nspname, obj_description(n.oid, 'pg_namespace'))
            from pg_namespace as n
            where n.nspname in ('dw', 'mart')
            union all
            select format('schema grant %s %s to %s', n.nspname, a.privilege_type, a.grantee::regrole)
            from pg_namespace as n
            cross join lateral aclexplode(n.nspacl) as a
            where n.nspname in ('dw', 'mart') and a.grantee <> n.nspowner
            union all
            select format('default privileges %s', d.defaclacl::text)
            from pg_default_acl as d
            union all
            select format('extension %s', e.extname)
            from pg_extension as e
            union all
            select format('role %s login %s', r.rolname, r.rolcanlogin)
            from pg_roles as r
            where r.rolname = 'pdmon_reader'
        ) as lines
        order by line collate "C"
        """

    /// The schema lines, then one line per table of dw with rows: its row count and a digest of them.
    static func describe(_ connection: Connection) throws -> String {
        var lines = try connection.execute(catalogue).rows.map { $0[0] ?? "" }
        let tables = try connection.execute("""
            select n.nspname, c.relname
            from pg_class as c
            inner join pg_namespace as n on n.oid = c.relnamespace
            where n.nspname = 'dw' and c.relkind = 'r'
            order by c.relname collate "C"
            """)
        for row in tables.rows {
            guard let schema = row[0], let table = row[1] else { continue }
            let name = try connection.escapeIdentifier(schema) + "." + connection.escapeIdentifier(table)
            let digest = try connection.execute(SQL(unsafeText: """
                select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text collate "C"), ''))
                from
                """ + " " + name + " as t"))
            lines.append("rows \(schema).\(table) \(digest.value(0, 0) ?? "") \(digest.value(0, 1) ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aFreshDatabaseEndsAsTheRecordedSchema() throws {
        let db = try TestDatabase(migrated: true)
        let connection = try db.connect()
        let actual = try Self.describe(connection)
        if ProcessInfo.processInfo.environment["PDMON_RECORD_SCHEMA_SNAPSHOT"] == "1" {
            try FileManager.default.createDirectory(
                at: Self.snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: Self.snapshot, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: Self.snapshot, encoding: .utf8)
        let actualLines = actual.split(separator: "\n")
        let expectedLines = expected.split(separator: "\n")
        let missing = expectedLines.filter { !actualLines.contains($0) }
        let extra = actualLines.filter { !expectedLines.contains($0) }
        #expect(missing.isEmpty && extra.isEmpty,
                "the fresh schema differs from \(Self.snapshot.path):\nmissing:\n\(missing.joined(separator: "\n"))\nextra:\n\(extra.joined(separator: "\n"))")
        #expect(actual == expected)
    }
}
