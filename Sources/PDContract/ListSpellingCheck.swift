extension ContractMapping {
    /// Refuses, up front, a spelling of a list field's option (`deficits`, `expert_roles`) that a
    /// list cell could not tell apart from the list separator: one that is empty or only
    /// separators, that starts or ends with a separator, or that contains a separator and whose
    /// parts are all spellings of the same field meaning other codes (`«a, b»` for one code
    /// while `«a»` and `«b»` mean others: a cell `a, b` would be ambiguous). A spelling with a
    /// separator inside that passes is matched whole when cells are split
    /// (`ValueParsers.listItems(_:keepingWhole:)`).
    func checkListSpellings() throws(MappingError) {
        let listFields = Set(ExportKind.allCases.flatMap { kind in
            kind.fields.filter { $0.valueType == .codeList }.map(\.field)
        })
        for (field, byCode) in valueAliases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where listFields.contains(field) {
            var table = Vocabulary.builtInValues(of: field)
            for (code, spellings) in byCode {
                for spelling in spellings { table[TextFold.fold(spelling)] = code }
            }
            for (code, spellings) in byCode.sorted(by: { $0.key < $1.key }) {
                for spelling in spellings {
                    let folded = TextFold.fold(spelling)
                    let trimmed = folded.trimmingSeparatorsAndSpaces()
                    guard !trimmed.isEmpty, trimmed == folded else {
                        throw .ambiguousListSpelling(source: source, field: field.rawValue, spelling: spelling, parts: [])
                    }
                    let parts = ValueParsers.listItems(folded)
                    guard parts.count > 1 else { continue }
                    let codes = parts.map { table[$0] }
                    if codes.allSatisfy({ $0 != nil }), codes.contains(where: { $0 != code }) {
                        throw .ambiguousListSpelling(source: source, field: field.rawValue, spelling: spelling, parts: parts)
                    }
                }
            }
        }
    }
}

private extension String {
    /// Without list separators (`,` `;` `|`) and spaces at either end.
    func trimmingSeparatorsAndSpaces() -> String {
        let skip: (Character) -> Bool = { ValueParsers.listSeparators.contains($0) || $0 == " " }
        guard let first = firstIndex(where: { !skip($0) }), let last = lastIndex(where: { !skip($0) }) else { return "" }
        return String(self[first...last])
    }
}
