/// Errors of the mart refresh. Each description says what happened and what to do,
/// in English and Russian.
public enum MartError: Error, CustomStringConvertible, Equatable {
    /// `dw.indicator` lists an indicator whose definition file is missing or unreadable.
    case definitionMissing(indicator: String, path: String)
    /// An indicator definition failed on the server; `reason` is the server's message.
    case definitionFailed(indicator: String, path: String, reason: String)
    /// The refresh's insert lacks the `-- @definition-begin` … `-- @definition-end` lines that a
    /// definition replaces.
    case templateMalformed(path: String)
    /// A version file `sql/indicators/<id>@<label>.sql` whose label is not an academic year
    /// `yyyy-yyyy` (issue 13 §5).
    case versionMalformed(indicator: String, path: String)

    public var description: String {
        switch self {
        case .definitionMissing(let indicator, let path):
            return "indicator \(indicator) is in dw.indicator but its definition \(path) cannot be read;"
                + " add the file or remove the catalogue row"
                + " / показатель \(indicator) есть в каталоге dw.indicator, но нет файла определения \(path);"
                + " добавьте файл или уберите строку каталога"
        case .definitionFailed(let indicator, let path, let reason):
            return "the definition of indicator \(indicator) (\(path)) failed: \(reason); fix the query"
                + " (contract: sql/indicators/README.md); nothing was refreshed"
                + " / определение показателя \(indicator) (\(path)) завершилось ошибкой; исправьте запрос;"
                + " витрины не обновлены"
        case .versionMalformed(let indicator, let path):
            return "\(path): a version of indicator \(indicator) must be named \(indicator)@<yyyy-yyyy>.sql"
                + " with the academic year from which it applies, e.g. \(indicator)@2025-2026.sql"
                + " / \(path): версия показателя \(indicator) называется \(indicator)@<гггг-гггг>.sql"
                + " по учебному году, с которого действует"
        case .templateMalformed(let path):
            return "\(path) needs one '-- @definition-begin' line and, after it, one '-- @definition-end' line; restore the file"
                + " / в \(path) нужны строки '-- @definition-begin' и '-- @definition-end'; восстановите файл"
        }
    }
}
