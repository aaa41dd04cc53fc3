import Foundation
import Testing

/// The module boundaries ARCHITECTURE.md promises, checked on the sources themselves.
@Suite struct ArchitectureTests {
    static let sources = TestDatabase.sqlDirectory.url.deletingLastPathComponent().appendingPathComponent("Sources")

    static func imports(in module: String) throws -> [String: Set<String>] {
        let folder = sources.appendingPathComponent(module)
        var result: [String: Set<String>] = [:]
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                if let index = words.firstIndex(of: "import"), index + 1 < words.count, words[..<index].allSatisfy({ $0.hasPrefix("@") }) {
                    result[String(words[index + 1]), default: []].insert(file)
                }
            }
        }
        return result
    }

    @Test func onlyTheWrapperTouchesLibpq() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path)
        #expect(modules.contains("PDPostgres"))
        for module in modules where module != "PDPostgres" && module != "CLibPQ" {
            #expect(try Self.imports(in: module)["CLibPQ"] == nil, "\(module) imports CLibPQ")
        }
    }

    @Test(arguments: ["PDCSV", "PDContract", "PDSample", "PDReport"])
    func pureModulesNeverImportTheDatabase(module: String) throws {
        let imports = try Self.imports(in: module)
        #expect(!imports.isEmpty)
        for forbidden in ["CLibPQ", "PDPostgres", "PDWarehouse", "Logging"] {
            #expect(imports[forbidden] == nil, "\(module) imports \(forbidden) in \(imports[forbidden] ?? [])")
        }
    }

    @Test func theExecutableHoldsNoSQL() throws {
        let folder = Self.sources.appendingPathComponent("pdmon")
        let files = FileManager.default.enumerator(atPath: folder.path)
        while let file = files?.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).lowercased()
            #expect(!text.contains("select "), "\(file) has SQL")
            #expect(!text.contains("insert into"), "\(file) has SQL")
        }
    }

    /// The executable parses arguments and calls the warehouse facade: it never sees the driver.
    @Test func theExecutableDoesNotImportTheDriver() throws {
        let imports = try Self.imports(in: "pdmon")
        #expect(imports["PDWarehouse"] != nil)
        for forbidden in ["CLibPQ", "PDPostgres"] {
            #expect(imports[forbidden] == nil, "pdmon imports \(forbidden) in \(imports[forbidden] ?? [])")
        }
    }

    /// Every subcommand makes its database call through `Warehouse`, never a `Connection`,
    /// `Loader`, `MartRefresher` or report type of its own.
    @Test func theExecutableCallsOnlyTheFacade() throws {
        let folder = Self.sources.appendingPathComponent("pdmon")
        let files = FileManager.default.enumerator(atPath: folder.path)
        while let file = files?.nextObject() as? String {
            guard file.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for type in ["Connection(", "Loader(", "MartRefresher(", "StandardReports(", "Recommender(", "PlanOrder(", "InboxRun("] {
                #expect(!text.contains(type), "\(file) builds \(type)…) itself instead of calling Warehouse")
            }
        }
    }

    // MARK: - SQL lives in sql/

    /// The first words of a SQL statement, as a string literal would begin with them.
    static let statementKeywords: Set<String> = [
        "select", "insert", "update", "delete", "copy", "create", "with", "analyze", "drop", "alter",
    ]

    /// Where Swift may still hold statements: the driver wrapper's own helpers (advisory locks,
    /// begin/commit/rollback, the connection's settings).
    static let driverWrapper = "PDPostgres/"

    /// TEMPORARY: the load path still builds statements in Swift until the loader branch moves
    /// them into sql/load/. That branch empties this list; a listed folder without violations
    /// fails `statementsInSwiftAreOnlyTheKnownExceptions`, so the list cannot outlive its reason.
    static let loaderBranchExceptions: [String] = ["PDWarehouse/Load/"]

    /// A string literal of Swift source (single-line or the first line of a multi-line one).
    struct Literal: CustomStringConvertible {
        var file: String
        var line: Int
        var text: String
        var description: String { "\(file):\(line): \(text.prefix(60))" }
    }

    /// Every string literal of `Sources/` whose text begins with a statement keyword and goes on
    /// (after whitespace, in lower or upper case: "With deficits…" is prose). Comment lines are
    /// skipped.
    static func statementLiterals() throws -> [Literal] {
        var found: [Literal] = []
        guard let files = FileManager.default.enumerator(atPath: sources.path) else { return found }
        for case let file as String in files where file.hasSuffix(".swift") {
            let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var index = 0
            while index < lines.count {
                let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("//") {
                    index += 1
                    continue
                }
                if trimmed.hasSuffix("\"\"\"") && trimmed.components(separatedBy: "\"\"\"").count == 2 {
                    var end = index + 1
                    while end < lines.count && !lines[end].contains("\"\"\"") { end += 1 }
                    let body = lines[(index + 1)..<end].joined(separator: "\n")
                    if isStatement(body) { found.append(Literal(file: file, line: index + 2, text: body.trimmingCharacters(in: .whitespacesAndNewlines))) }
                    index = end + 1
                    continue
                }
                for literal in singleLineLiterals(lines[index]) where isStatement(literal) {
                    found.append(Literal(file: file, line: index + 1, text: literal))
                }
                index += 1
            }
        }
        return found.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    static func singleLineLiterals(_ line: String) -> [String] {
        var literals: [String] = []
        var current: String?
        var escaped = false
        for character in line {
            if var text = current {
                if escaped {
                    escaped = false
                    text.append(character)
                    current = text
                } else if character == "\\" {
                    escaped = true
                    text.append(character)
                    current = text
                } else if character == "\"" {
                    literals.append(text)
                    current = nil
                } else {
                    text.append(character)
                    current = text
                }
            } else if character == "\"" {
                current = ""
            }
        }
        return literals
    }

    /// A keyword, then white space and more: a lone keyword (`["select", "with"]`, a set of
    /// keywords to compare with) is a word, not a statement.
    static func isStatement(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace }
        let word = String(start.prefix { $0.isLetter })
        guard word == word.lowercased() || word == word.uppercased(), statementKeywords.contains(word.lowercased())
        else { return false }
        let rest = start.dropFirst(word.count)
        return rest.first?.isWhitespace == true && rest.contains { !$0.isWhitespace }
    }

    @Test func theLiteralScannerFindsStatements() {
        #expect(Self.isStatement("  select 1"))
        #expect(Self.isStatement("\nWITH x AS (select 1) select * from x"))
        #expect(Self.isStatement("analyze dw.indicator"))
        #expect(!Self.isStatement("select"))
        #expect(!Self.isStatement("With deficits not addressed"))
        #expect(!Self.isStatement("selection"))
        #expect(!Self.isStatement("-- select"))
        #expect(Self.singleLineLiterals(#"f("select \"a\"", "b") // "c""#) == [#"select \"a\""#, "b", "c"])
    }

    @Test func statementsInSwiftAreOnlyTheKnownExceptions() throws {
        let literals = try Self.statementLiterals()
        let allowed = [Self.driverWrapper] + Self.loaderBranchExceptions
        let violations = literals.filter { literal in !allowed.contains { literal.file.hasPrefix($0) } }
        #expect(violations.isEmpty, "SQL statements in Swift belong in sql/:\n\(violations.map(\.description).joined(separator: "\n"))")
        for exception in Self.loaderBranchExceptions {
            #expect(literals.contains { $0.file.hasPrefix(exception) },
                    "\(exception) holds no SQL any more: remove it from loaderBranchExceptions")
        }
    }

    /// The files that may build `SQL(unsafeText:)`, each reviewed: its text comes only from
    /// identifiers escaped with `Connection.escapeIdentifier` and from other `SQL` values. Empty:
    /// statements compose through `SQL.embedding`, and the server quotes names with `format('%I')`.
    static let reviewedUnsafeTextUsers: [String] = []

    @Test func unsafeSQLTextIsBuiltOnlyWhereReviewed() throws {
        var users: Set<String> = []
        guard let files = FileManager.default.enumerator(atPath: Self.sources.path) else { return }
        for case let file as String in files where file.hasSuffix(".swift") && file != "PDPostgres/SQL.swift" {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            if text.contains("SQL(unsafeText:") { users.insert(file) }
        }
        let unexpected = users.filter { file in
            !(Self.reviewedUnsafeTextUsers + Self.loaderBranchExceptions).contains { file.hasPrefix($0) }
        }
        #expect(unexpected.isEmpty, "SQL(unsafeText:) outside the reviewed files: \(unexpected.sorted())")
    }
}
