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

    /// Every Swift file of `module`, as (path under `Sources/`, text).
    static func files(in module: String) throws -> [(path: String, text: String)] {
        let folder = sources.appendingPathComponent(module)
        var result: [(path: String, text: String)] = []
        guard let files = FileManager.default.enumerator(atPath: folder.path) else { return result }
        for case let file as String in files where file.hasSuffix(".swift") {
            result.append((module + "/" + file, try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
        }
        return result.sorted { $0.path < $1.path }
    }

    /// Every module folder of `Sources/`.
    static func modules() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The types a source declares (struct, enum, class, protocol, actor, typealias; nested
    /// ones too, extensions not).
    static func declaredTypes(_ text: String) -> Set<String> {
        names(text, #"^\s*(?:(?:public|internal|private|fileprivate|package|open|final|indirect|nonisolated)\s+|@\w+(?:\([^)]*\))?\s+)*(?:struct|enum|class|protocol|actor|typealias)\s+([A-Za-z_]\w*)"#)
    }

    /// The functions a source declares.
    static func declaredFunctions(_ text: String) -> Set<String> {
        names(text, #"\bfunc\s+([A-Za-z_]\w*)"#)
    }

    private static func names(_ text: String, _ pattern: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }

    /// Type name → the files (under `Sources/`) that declare it, over `modules`.
    static func typeDeclarations(in modules: [String]) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for module in modules {
            for file in try files(in: module) {
                for name in declaredTypes(file.text) { result[name, default: []].append(file.path) }
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

    @Test(arguments: ["PDCSV", "PDContract", "PDXLSX", "PDSample", "PDReport"])
    func pureModulesNeverImportTheDatabase(module: String) throws {
        let imports = try Self.imports(in: module)
        #expect(!imports.isEmpty)
        for forbidden in ["CLibPQ", "PDPostgres", "PDWarehouse", "Logging"] {
            #expect(imports[forbidden] == nil, "\(module) imports \(forbidden) in \(imports[forbidden] ?? [])")
        }
    }

    /// The pure modules form layers: PDCSV at the bottom, the contract and PDXLSX on it, the sample
    /// generator (which writes workbooks) on the contract and PDXLSX, the reports on the contract
    /// and PDXLSX (spreadsheets and DOCX); none of them imports a module beside or above it.
    @Test func pureModulesImportOnlyTheLayersBelow() throws {
        let allowed: [String: Set<String>] = [
            "PDCSV": [], "PDContract": ["PDCSV"], "PDSample": ["PDCSV", "PDContract", "PDXLSX"],
            "PDReport": ["PDCSV", "PDContract", "PDXLSX"], "PDXLSX": ["PDCSV"],
        ]
        let ours = Set(try Self.modules())
        for (module, permitted) in allowed {
            let imported = Set(try Self.imports(in: module).keys).intersection(ours)
            #expect(imported.isSubset(of: permitted), "\(module) imports \(imported.subtracting(permitted).sorted())")
        }
    }

    /// PDSample spells everything through the contract: no calendar, year, code or alias
    /// type of its own, and no type named like one of the contract's.
    @Test func theSampleGeneratorHasNoContractOfItsOwn() throws {
        #expect(try Self.imports(in: "PDSample")["PDContract"] != nil)
        let sample = try Self.typeDeclarations(in: ["PDSample"])
        let contract = try Self.typeDeclarations(in: ["PDContract"])
        for name in ["CivilDate", "AcademicYear", "ContractValue", "Qualification", "QualificationCategory", "SchoolType",
                     "StaffCategory", "DeficitArea", "MentoringRole", "ExpertRole", "ProgramKind", "Delivery", "Funding",
                     "EnrolmentStatus"] {
            #expect(sample[name] == nil, "PDSample declares \(name) in \(sample[name] ?? [])")
        }
        let shared = Set(sample.keys).intersection(contract.keys)
        #expect(shared.isEmpty, "PDSample declares contract types: \(shared.sorted())")
        let functions = try Self.files(in: "PDSample").flatMap { Self.declaredFunctions($0.text) }
        #expect(!functions.contains("trimmingSpaces") && !functions.contains("trimmed"), "PDSample trims text itself")
    }

    /// The calendar and the academic year are the contract's, and nobody else's.
    @Test func datesAndAcademicYearsAreDeclaredOnlyByTheContract() throws {
        let declarations = try Self.typeDeclarations(in: try Self.modules())
        for name in ["CivilDate", "AcademicYear"] {
            #expect(declarations[name]?.allSatisfy { $0.hasPrefix("PDContract/") } == true, "\(name): \(declarations[name] ?? [])")
        }
    }

    /// Recommendations have one home: rule model, engine, rules file, merge, their error and
    /// their results are declared in PDReport/Recommendations and nowhere else (the warehouse
    /// may extend them with its reads).
    @Test func recommendationTypesLiveInOneFolder() throws {
        let home = "PDReport/Recommendations/"
        let named: Set<String> = ["RecommendError", "IndicatorHistory", "IndicatorFigure", "IndicatorMeta", "Evidence", "OneDecimal"]
        let declarations = try Self.typeDeclarations(in: try Self.modules())
        var seen = Set<String>()
        for (name, paths) in declarations where name.hasPrefix("Recommendation") || name.hasPrefix("Rule") || named.contains(name) {
            seen.insert(name)
            #expect(paths.allSatisfy { $0.hasPrefix(home) }, "\(name) is declared outside \(home): \(paths)")
        }
        for name in ["RecommendationRule", "RecommendationEngine", "RecommendationRuleFile", "RuleFileError", "RuleSet", "RecommendError"] {
            #expect(seen.contains(name), "\(name) is not declared in \(home)")
        }
    }

    /// PDWarehouse reads the database and hands rows to PDReport: it declares no
    /// presentation type or helper and looks up no caption itself.
    @Test func presentationIsNotDeclaredInTheWarehouse() throws {
        let files = try Self.files(in: "PDWarehouse")
        let types = files.reduce(into: Set<String>()) { $0.formUnion(Self.declaredTypes($1.text)) }
        let functions = files.reduce(into: Set<String>()) { $0.formUnion(Self.declaredFunctions($1.text)) }
        let presentationTypes = types.intersection([
            "ChangeMark", "IndicatorInfo", "IndicatorCatalogue", "ReportGrain", "ReportPresentation", "PlanOrderReport",
            "SmallDenominator", "LineChart", "IndicatorHistory", "RecommendationResult",
        ])
        #expect(presentationTypes.isEmpty, "PDWarehouse declares \(presentationTypes.sorted())")
        let presentationFunctions = functions.intersection([
            "pivotTrend", "difference", "mark", "caption", "json", "html", "charts", "valuesTable", "isSmall",
            "smallDenominatorNote", "named", "localized", "trimmingTrailingNewlines",
        ])
        #expect(presentationFunctions.isEmpty, "PDWarehouse declares \(presentationFunctions.sorted())")
        let captionLookups = files.filter { $0.text.contains("ReportCatalogue.") }.map(\.path)
        #expect(captionLookups.isEmpty, "\(captionLookups) look up captions; PDReport presents")
    }

    /// The small-denominator rule is written once (PDReport's `SmallDenominator`): no other
    /// Swift source compares a denominator with a number.
    @Test func theSmallDenominatorRuleIsWrittenOnce() throws {
        let comparison = try NSRegularExpression(pattern: #"denominator[^\n]*[<>]=?\s*[1-9]|\.\.<\s*10\b"#)
        var declaring: [String] = []
        for module in try Self.modules() {
            for file in try Self.files(in: module) {
                if Self.declaredTypes(file.text).contains("SmallDenominator") { declaring.append(file.path) }
                guard file.path != "PDReport/SmallDenominator.swift" else { continue }
                let found = comparison.firstMatch(in: file.text, range: NSRange(file.text.startIndex..., in: file.text)) != nil
                #expect(!found, "\(file.path) has its own small-denominator test")
            }
        }
        #expect(declaring == ["PDReport/SmallDenominator.swift"])
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
        guard rest.first?.isWhitespace == true && rest.contains(where: { !$0.isWhitespace }) else { return false }
        // `with` starts a statement only as `with [recursive] name [(columns)] as (`: English
        // prose ("with deficits not addressed, …") is not SQL.
        if word.lowercased() == "with" { return isWithClause(rest) }
        return true
    }

    /// ` [recursive] name [(columns)] as (` after `with`.
    static func isWithClause(_ text: Substring) -> Bool {
        var rest = text.drop { $0.isWhitespace }
        func word() -> String {
            let w = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            rest = rest.dropFirst(w.count).drop { $0.isWhitespace }
            return w.lowercased()
        }
        var name = word()
        if name == "recursive" { name = word() }
        guard !name.isEmpty else { return false }
        if rest.first == "(" {
            guard let close = rest.firstIndex(of: ")") else { return false }
            rest = rest[rest.index(after: close)...].drop { $0.isWhitespace }
        }
        guard word() == "as" else { return false }
        return rest.isEmpty || rest.first == "("
    }

    @Test func theLiteralScannerFindsStatements() {
        #expect(Self.isStatement("  select 1"))
        #expect(Self.isStatement("\nWITH x AS (select 1) select * from x"))
        #expect(Self.isStatement("analyze dw.indicator"))
        #expect(Self.isStatement("with recursive tree (id) as ("))
        #expect(!Self.isStatement("with deficits not addressed, 3 teachers"))
        #expect(!Self.isStatement("select"))
        #expect(!Self.isStatement("With deficits not addressed"))
        #expect(!Self.isStatement("selection"))
        #expect(!Self.isStatement("-- select"))
        #expect(Self.singleLineLiterals(#"f("select \"a\"", "b") // "c""#) == [#"select \"a\""#, "b", "c"])
    }

    @Test func statementsInSwiftAreOnlyTheKnownExceptions() throws {
        let literals = try Self.statementLiterals()
        let violations = literals.filter { !$0.file.hasPrefix(Self.driverWrapper) }
        #expect(violations.isEmpty, "SQL statements in Swift belong in sql/:\n\(violations.map(\.description).joined(separator: "\n"))")
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
            !Self.reviewedUnsafeTextUsers.contains { file.hasPrefix($0) }
        }
        #expect(unexpected.isEmpty, "SQL(unsafeText:) outside the reviewed files: \(unexpected.sorted())")
    }
}
