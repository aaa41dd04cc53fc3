/// Reads `--param name=value` arguments.
public enum ParameterAssignments {
    /// Collects `name=value` arguments into values by name, in the order given: each
    /// argument is split on its first `=` (the value may contain `=` and is kept verbatim),
    /// the name is trimmed, and repeated names accumulate (for array parameters).
    /// An argument without `=` or with an empty name is an error.
    public static func parse(_ arguments: [String]) throws(ReportParameterError) -> [String: [String]] {
        var values: [String: [String]] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else {
                throw ReportParameterError(report: nil, kind: .malformedAssignment(argument))
            }
            let name = String(argument[..<equals]).trimmingSpaces()
            guard !name.isEmpty else {
                throw ReportParameterError(report: nil, kind: .malformedAssignment(argument))
            }
            values[name, default: []].append(String(argument[argument.index(after: equals)...]))
        }
        return values
    }
}
