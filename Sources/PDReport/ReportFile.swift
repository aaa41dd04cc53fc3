/// One declared parameter of a report file, bound positionally as `$position`.
public struct ReportParameter: Sendable, Equatable, Hashable {
    /// The name used on the command line (`--param name=value`).
    public var name: String
    public var type: ReportParameterType
    public var isRequired: Bool
    /// The text after `--` on the declaration line, if any.
    public var comment: String?
    /// 1-based position: the parameter is `$position` in the SQL.
    public var position: Int
    /// The header line that declares it (1-based).
    public var line: Int

    public init(name: String, type: ReportParameterType, isRequired: Bool, comment: String? = nil, position: Int, line: Int) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
        self.comment = comment
        self.position = position
        self.line = line
    }
}

/// A report: a SQL statement with a header of `--` comments that names it, describes it
/// and declares its typed parameters, in order:
///
/// ```
/// -- name: trend
/// -- description: Trend of one indicator over years / Динамика показателя по годам
/// -- param: indicator text required  -- indicator id
/// -- param: from academic_year optional
/// -- param: school text[] optional
/// select … where indicator_id = $1 …
/// ```
///
/// The header is the run of blank and `--` lines before the first other line. Recognised
/// keys are `name:`, `description:` (repeatable; lines are joined with ` / `) and `param:`
/// (`name type [required|optional] [-- comment]`, required when not said); other comment
/// lines are free text. Parameters are bound as `$1…$n` in declaration order and values
/// never enter the SQL text. The SQL is the whole file, header included, so positions in
/// server errors match the file.
public struct ReportFile: Sendable, Equatable {
    /// Where the report came from (for messages).
    public var path: String
    /// The report name: the `name:` key, else the file name without `.sql`.
    public var name: String
    /// The `description:` text, possibly bilingual (`English / Русский`); empty when absent.
    public var description: String
    public var parameters: [ReportParameter]
    /// The statement to run with `PQexecParams`.
    public var sql: String

    /// Parses and checks a report file: the header is well-formed (known types, no duplicate
    /// names), and the SQL uses exactly `$1…$n` for the `n` declared parameters (each at
    /// least once, none beyond `n`), with literals, identifiers and comments skipped.
    public static func parse(text: String, path: String) throws(ReportFileError) -> ReportFile {
        var name: String?
        var descriptions: [String] = []
        var parameters: [ReportParameter] = []
        var sawStatement = false

        // "\r\n" is one Character in Swift, so split on both forms.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let trimmed = String(line).trimmingSpaces()
            if trimmed.isEmpty { continue }
            guard trimmed.hasPrefix("--") else {
                sawStatement = true
                break
            }
            let content = String(trimmed.dropFirst(2)).trimmingSpaces()
            guard let (key, value) = headerEntry(content) else { continue }
            func fail(_ reason: ReportFileError.Reason) -> ReportFileError {
                ReportFileError(path: path, line: lineNumber, reason: reason)
            }
            switch key {
            case "name":
                guard name == nil else { throw fail(.duplicateKey("name")) }
                guard isValidReportName(value) else { throw fail(.invalidReportName(value)) }
                name = value
            case "description":
                if !value.isEmpty { descriptions.append(value) }
            case "param":
                let parameter = try parseParameter(value, position: parameters.count + 1, line: lineNumber, path: path)
                if let first = parameters.first(where: { $0.name == parameter.name }) {
                    throw fail(.duplicateParameter(name: parameter.name, firstLine: first.line))
                }
                parameters.append(parameter)
            default:
                break
            }
        }
        guard sawStatement else {
            throw ReportFileError(path: path, line: nil, reason: .noStatement)
        }

        let placeholders: [SQLPlaceholderScanner.Placeholder]
        do {
            placeholders = try SQLPlaceholderScanner.placeholders(in: text)
        } catch {
            throw ReportFileError(path: path, line: error.line, column: error.column, reason: .unterminated(error.construct))
        }
        for placeholder in placeholders where placeholder.number < 1 || placeholder.number > parameters.count {
            throw ReportFileError(
                path: path, line: placeholder.line, column: placeholder.column,
                reason: .placeholderOutOfRange(number: placeholder.number, declared: parameters.count)
            )
        }
        let used = Set(placeholders.map(\.number))
        if let unused = parameters.first(where: { !used.contains($0.position) }) {
            throw ReportFileError(path: path, line: unused.line, reason: .parameterNotUsed(name: unused.name, position: unused.position))
        }

        return ReportFile(
            path: path,
            name: name ?? defaultName(path: path),
            description: descriptions.joined(separator: " / "),
            parameters: parameters,
            sql: text
        )
    }

    /// The parameter values in `$1…$n` order, as text for `PQexecParams` (`nil` = NULL):
    /// scalars normalised (see `ReportScalarType.normalise`), arrays as array literals
    /// (`{"a","b"}`), a missing optional parameter as NULL.
    ///
    /// `values` maps a parameter name to the values given for it (as collected by
    /// `ParameterAssignments.parse`). Throws before anything runs when a name is unknown,
    /// a required parameter is missing, a scalar is given twice, or a value does not fit
    /// its type.
    public func bind(_ values: [String: [String]]) throws(ReportParameterError) -> [String?] {
        let known = parameters.map(\.name)
        for given in values.keys.sorted() where !known.contains(given) {
            throw ReportParameterError(report: name, kind: .unknownParameter(name: given, known: known))
        }
        var bound: [String?] = []
        for parameter in parameters {
            let given = values[parameter.name] ?? []
            if given.isEmpty {
                if parameter.isRequired {
                    throw ReportParameterError(report: name, kind: .missingRequired(name: parameter.name, type: parameter.type))
                }
                bound.append(nil)
                continue
            }
            if !parameter.type.isArray && given.count > 1 {
                throw ReportParameterError(report: name, kind: .tooManyValues(name: parameter.name, count: given.count))
            }
            var normalised: [String] = []
            for value in given {
                guard let text = parameter.type.scalar.normalise(value) else {
                    throw ReportParameterError(
                        report: name, kind: .invalidValue(name: parameter.name, value: value, expected: parameter.type)
                    )
                }
                normalised.append(text)
            }
            bound.append(parameter.type.isArray ? ReportParameterType.arrayLiteral(normalised) : normalised[0])
        }
        return bound
    }

    /// The PostgreSQL type OIDs of the parameters in `$1…$n` order, for `PQexecParams`'
    /// `paramTypes` (so `$1` needs no cast in the SQL).
    public var parameterTypeOIDs: [UInt32] { parameters.map(\.type.postgresTypeOID) }

    /// The part of a bilingual description (`English / Русский`) in `language`: the part
    /// with Cyrillic letters for Russian, the other for English; the whole text otherwise.
    public func description(in language: ReportLanguage) -> String {
        let parts = description.split(separator: " / ").map { String($0).trimmingSpaces() }
        guard parts.count == 2 else { return description }
        let hasCyrillic: (String) -> Bool = { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        let russian = parts.first(where: hasCyrillic)
        let english = parts.first(where: { !hasCyrillic($0) })
        switch language {
        case .ru: return russian ?? description
        case .en: return english ?? description
        }
    }

    // MARK: - Header parsing

    private static let keys: Set<String> = ["name", "description", "param"]

    /// `key: value` when `content` starts with a known header key.
    private static func headerEntry(_ content: String) -> (String, String)? {
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let key = content[..<colon].lowercased().trimmingSpaces()
        guard keys.contains(key) else { return nil }
        return (key, String(content[content.index(after: colon)...]).trimmingSpaces())
    }

    private static func parseParameter(_ declaration: String, position: Int, line: Int, path: String) throws(ReportFileError) -> ReportParameter {
        func fail(_ reason: ReportFileError.Reason) -> ReportFileError {
            ReportFileError(path: path, line: line, reason: reason)
        }
        var body = Substring(declaration)
        var comment: String?
        if let range = declaration.firstRange(of: "--") {
            body = declaration[..<range.lowerBound]
            let text = String(declaration[range.upperBound...]).trimmingSpaces()
            comment = text.isEmpty ? nil : text
        }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count == 2 || words.count == 3 else { throw fail(.malformedParameter(declaration)) }
        guard isValidParameterName(words[0]) else { throw fail(.invalidParameterName(words[0])) }
        guard let type = ReportParameterType(declaration: words[1]) else { throw fail(.unknownType(words[1])) }
        var isRequired = true
        if words.count == 3 {
            switch words[2].lowercased() {
            case "required": isRequired = true
            case "optional": isRequired = false
            default: throw fail(.invalidRequirement(words[2]))
            }
        }
        return ReportParameter(name: words[0], type: type, isRequired: isRequired, comment: comment, position: position, line: line)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`.
    static func isValidParameterName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetterOrUnderscore else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetterOrUnderscore || ("0"..."9").contains($0) }
    }

    /// `[A-Za-z0-9_.-]+`.
    static func isValidReportName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy {
            $0.isASCIILetterOrUnderscore || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
    }

    /// The file name of `path` without its directory and `.sql` extension.
    static func defaultName(path: String) -> String {
        var base = path.split(separator: "/").last.map(String.init) ?? path
        if base.lowercased().hasSuffix(".sql") { base.removeLast(4) }
        return base
    }
}

extension Unicode.Scalar {
    var isASCIILetterOrUnderscore: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_"
    }
}
