/// The kinds of export file that `pdmon` loads (see docs/exports.md).
public enum ExportKind: String, CaseIterable, Sendable, Codable {
    case schools
    case enrolments
    case survey
    /// A provider's upload to ФИС ФРДО, the federal register of issued ДПО documents (the
    /// «Шаблон ДПО» workbook): completed courses, with no school and no provider column.
    case frdo
    /// A school's request for the year's courses («заявка ОО»): named teachers or counts by
    /// subject and focus area, each for a course or a focus area (docs/exports.md §5.5).
    case requests
    /// Measures and management decisions taken on a recommendation (docs/exports.md §5.6).
    case measures
}
