import Foundation
import TOMLKit

/// Reading and parsing of the TOML files users write (`--mapping`, `--rules`): each file type
/// turns these failures into its own typed, bilingual error.
enum TOMLSource {
    struct SyntaxFailure: Error {
        let line: Int
        let column: Int
        let message: String
    }

    struct ReadFailure: Error {
        let reason: String
    }

    /// The file's text, or why it could not be read.
    static func read(path: String) -> Result<String, ReadFailure> {
        do {
            return .success(try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            return .failure(ReadFailure(reason: String(describing: error)))
        }
    }

    /// The root table, or where the syntax is wrong.
    static func table(_ text: String) -> Result<TOMLTable, SyntaxFailure> {
        do {
            return .success(try TOMLTable(string: text))
        } catch let error as TOMLParseError {
            return .failure(SyntaxFailure(
                line: error.source.begin.line, column: error.source.begin.column, message: error.description))
        } catch {
            return .failure(SyntaxFailure(line: 0, column: 0, message: String(describing: error)))
        }
    }
}
