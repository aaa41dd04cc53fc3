import Foundation
import Testing
@testable import PDContract

/// docs/exports.md must list what the code accepts: every field, header alias, value alias and
/// reject reason, and its mapping example must be a valid mapping file.
@Suite("docs/exports.md agrees with the code")
struct DocsTests {
    static func document() throws -> String {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/exports.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The table row of `field` in the section of `kind`.
    static func row(of field: ContractField, in kind: ExportKind, _ document: String) -> String? {
        guard let start = document.range(of: "`\(kind.rawValue)` —") else { return nil }
        let section = document[start.upperBound...]
        let end = section.range(of: "\n### ")?.lowerBound ?? section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        return section[..<end].split(separator: "\n").first { $0.hasPrefix("| `\(field.rawValue)` |") }.map(String.init)
    }

    @Test("every field of every kind has a row listing all its header aliases")
    func headerAliases() throws {
        let document = try Self.document()
        for kind in ExportKind.allCases {
            for definition in kind.fields {
                let row = try #require(Self.row(of: definition.field, in: kind, document), "\(kind) \(definition.name)")
                for alias in definition.aliases {
                    #expect(row.contains(alias), "\(kind).\(definition.name): \(alias)")
                }
                #expect(row.contains("да / yes") == definition.isRequired, "\(kind).\(definition.name) required")
            }
        }
    }

    @Test("every code and value alias is listed")
    func valueAliases() throws {
        let document = try Self.document()
        func check<Code: ContractCode>(_: Code.Type) {
            for code in Code.allCases {
                #expect(document.contains("`\(code.rawValue)` ="), "\(code.rawValue)")
                for alias in Code.builtInAliases[code] ?? [] {
                    #expect(document.contains(alias), "\(code.rawValue): \(alias)")
                }
            }
        }
        check(SchoolType.self); check(StaffCategory.self); check(ProgramKind.self); check(Delivery.self)
        check(Funding.self); check(EnrolmentStatus.self); check(QualificationCategory.self)
        check(MentoringRole.self); check(DeficitArea.self); check(ExpertRole.self)
        for alias in FlagAliases.yes + FlagAliases.no {
            #expect(document.contains("`\(alias)`"), "flag \(alias)")
        }
    }

    @Test("every reject reason code is documented")
    func reasons() throws {
        let document = try Self.document()
        for reason in RejectReason.allCases {
            #expect(document.contains("| `\(reason.code)` |"), "\(reason.code)")
        }
    }

    @Test("the mapping example is a valid mapping file")
    func mappingExample() throws {
        let document = try Self.document()
        let start = try #require(document.range(of: "```toml\n"))
        let end = try #require(document.range(of: "```", range: start.upperBound..<document.endIndex))
        let mapping = try ContractMapping(toml: String(document[start.upperBound..<end.lowerBound]), source: "exports.md")
        #expect(mapping.headerAliases[.survey]?[.experienceYears] == ["Сколько полных лет вы работаете педагогом?"])
    }
}
