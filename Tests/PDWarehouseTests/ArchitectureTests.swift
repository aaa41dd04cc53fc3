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
}
