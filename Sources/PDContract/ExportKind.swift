/// The three kinds of export file that `pdmon` loads (see docs/exports.md).
public enum ExportKind: String, CaseIterable, Sendable, Codable {
    case schools
    case enrolments
    case survey
}
