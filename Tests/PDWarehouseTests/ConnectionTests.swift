import Testing
import PDPostgres

@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct ConnectionTests {
    @Test func refusedConnectionIsATypedError() throws {
        let error = #expect(throws: PostgresError.self) {
            _ = try Connection(conninfo: "postgresql://nobody:secret-password@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error?.kind == .connection)
        #expect(!(error?.description.contains("secret-password") ?? true))
    }

    @Test func boundParametersAreDataNeverSQL() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        try connection.run("create table t (v text)")
        let hostile = "'); drop table t; --"
        try connection.execute("insert into t (v) values ($1)", [hostile])
        let result = try connection.execute("select v, count(*) over () from t where v = $1", [hostile])
        #expect(result.value(0, 0) == hostile)
        #expect(result.value(0, 1) == "1")
        let nullResult = try connection.execute("select $1::text is null", [nil])
        #expect(nullResult.value(0, 0) == "t")
    }

    @Test func serverErrorsCarrySQLStateAndStatement() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        try connection.run("create table t (id int primary key)")
        try connection.execute("insert into t values ($1)", ["1"])
        let error = #expect(throws: PostgresError.self) {
            try connection.execute("insert into t values ($1)", ["1"])
        }
        #expect(error?.sqlState == "23505")
        #expect(error?.statement == "insert into t values ($1)")
        #expect(error?.kind == .query)
        // The connection survives a failed statement.
        #expect(try connection.execute("select 1").scalarInt == 1)
    }

    @Test func copyStreamsRowsAndCountsThem() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        try connection.run("create table t (id int, name text, day date)")
        let copied = try connection.copyIn("copy t from stdin") { writer in
            for index in 1...5000 {
                try writer.write("\(index)\tучитель \(index)\t2023-09-0\(index % 9 + 1)\n")
            }
        }
        #expect(copied == 5000)
        #expect(try connection.execute("select count(*) from t").scalarInt == 5000)
    }

    struct Stop: Error {}

    @Test func copyAbortsWhenTheBodyThrowsAndTheConnectionStaysUsable() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        try connection.run("create table t (id int)")
        #expect(throws: Stop.self) {
            try connection.copyIn("copy t from stdin") { writer in
                for index in 1...(300_000) { try writer.write("\(index)\n") }
                throw Stop()
            }
        }
        #expect(try connection.execute("select count(*) from t").scalarInt == 0)
    }

    @Test func badCopyDataIsAServerErrorWithSQLState() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        try connection.run("create table t (id int)")
        let error = #expect(throws: PostgresError.self) {
            try connection.copyIn("copy t from stdin") { writer in try writer.write("not a number\n") }
        }
        #expect(error?.sqlState == "22P02")
        #expect(try connection.execute("select 1").scalarInt == 1)
    }

    @Test func closeIsIdempotentAndLaterUseIsAnError() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        connection.close()
        connection.close()
        #expect(!connection.isOpen)
        #expect(throws: PostgresError.self) { try connection.execute("select 1") }
    }

    @Test func advisoryLockIsExclusiveAcrossSessions() throws {
        let db = try TestDatabase(migrated: false)
        let first = try db.connect()
        let second = try db.connect()
        #expect(try first.tryAdvisoryLock(42))
        #expect(try !second.tryAdvisoryLock(42))
        try first.advisoryUnlock(42)
        #expect(try second.tryAdvisoryLock(42))
    }

    @Test func identifiersAreEscaped() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        #expect(try connection.escapeIdentifier("a\"b") == "\"a\"\"b\"")
    }

    @Test func datesTravelAsISORegardlessOfServerDateStyle() throws {
        let db = try TestDatabase(migrated: false)
        let connection = try db.connect()
        let result = try connection.execute("select $1::date", ["2023-09-02"])
        #expect(result.value(0, 0) == "2023-09-02")
    }
}

/// Passwords never reach a message, whatever libpq quotes.
@Suite struct RedactionTests {
    @Test(arguments: [
        "postgresql://alice:s3cret-pw@[::1:5432/db",
        "postgresql://alice:s3cret%ZZpw@127.0.0.1:1/db",
        "postgres://alice:s3cret-pw@127.0.0.1:1/db?connect_timeout=2",
        "host=127.0.0.1 port=1 user=alice password=s3cret-pw connect_timeout=2",
        "host=127.0.0.1 port=1 user=alice password='s3cret pw' connect_timeout=2",
    ])
    func aFailedConnectionNeverPrintsThePassword(conninfo: String) throws {
        do {
            _ = try Connection(conninfo: conninfo)
            Issue.record("connected with \(conninfo)?")
        } catch let error as PostgresError {
            #expect(!error.description.contains("s3cret"), "\(error.description)")
            #expect(error.kind == .connection)
        }
    }

    @Test func urlAndKeywordPasswordsAreMaskedInAnyText() {
        let url = "postgresql://alice:p%40ss@db.example:5432/pd"
        #expect(Redaction.maskingPasswords(in: "bad URI \"\(url)\"", conninfo: url) == "bad URI \"postgresql://alice:***@db.example:5432/pd\"")
        #expect(!Redaction.maskingPasswords(in: "p@ss and p%40ss", conninfo: url).contains("p@ss"))
        #expect(Redaction.maskingPasswords(in: "password=abc host=x", conninfo: "") == "password=*** host=x")
        #expect(Redaction.maskingPasswords(in: "no secrets here", conninfo: "host=x") == "no secrets here")
    }
}
