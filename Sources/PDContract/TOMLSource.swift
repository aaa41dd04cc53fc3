import Foundation
import TOMLKit

/// Reading and parsing of the TOML files users write (`--mapping` here, `--rules` in
/// PDReport): each file type turns these failures into its own typed, bilingual error.
public enum TOMLSource {
    public struct SyntaxFailure: Error, Sendable {
        public let line: Int
        public let column: Int
        public let message: String
    }

    public struct ReadFailure: Error, Sendable {
        public let reason: String
    }

    /// The file's text, or why it could not be read.
    public static func read(path: String) -> Result<String, ReadFailure> {
        do {
            return .success(try String(contentsOfFile: path, encoding: .utf8))
        } catch {
            return .failure(ReadFailure(reason: String(describing: error)))
        }
    }

    /// The root table, or where the syntax is wrong.
    public static func table(_ text: String) -> Result<TOMLTable, SyntaxFailure> {
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
