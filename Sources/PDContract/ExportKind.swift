/// The kinds of export file that `pdmon` loads (see docs/exports.md).
public enum ExportKind: String, CaseIterable, Sendable, Codable {
    case schools
    case enrolments
    case survey
    /// A provider's upload to ФИС ФРДО, the federal register of issued ДПО documents (the
    /// «Шаблон ДПО» workbook): completed courses, with no school and no provider column.
    case frdo
    /// Targets of the municipal or regional programme: the value an indicator should reach in an
    /// academic year, for the city or one school, and the document that set it.
    case targets
}
