/// Errors of the warehouse layer that are not plain database errors.
/// Each description says what happened and what to do, in English and Russian.
public enum WarehouseError: Error, CustomStringConvertible, Equatable {
    case sqlDirectoryNotFound(searched: [String])
    case sqlFileUnreadable(path: String, reason: String)
    case badMigrationName(file: String)
    case duplicateMigrationVersion(version: Int, files: [String])
    case migrationChanged(name: String, appliedChecksum: String, fileChecksum: String)
    case migrationMissing(name: String)
    case notMigrated(pending: Int)
    case lockHeld(what: String)
    case fileUnreadable(path: String, reason: String)
    /// The teachers were pseudonymised under another key than the one given now.
    case pseudonymKeyChanged(isDemoRecorded: Bool, isDemoGiven: Bool)

    public var description: String {
        switch self {
        case .sqlDirectoryNotFound(let searched):
            return "the sql/ folder with migrations was not found (searched: \(searched.joined(separator: ", "))); set PDMON_SQL_DIR"
                + " / папка sql/ с миграциями не найдена; задайте PDMON_SQL_DIR"
        case .sqlFileUnreadable(let path, let reason):
            return "cannot read \(path): \(reason) / не удалось прочитать \(path)"
        case .badMigrationName(let file):
            return "migration file \(file) is not named NNNN_name.sql / файл миграции \(file) должен называться NNNN_имя.sql"
        case .duplicateMigrationVersion(let version, let files):
            return "two migrations share number \(version): \(files.joined(separator: ", ")) / у двух миграций один номер \(version)"
        case .migrationChanged(let name, let applied, let file):
            return "migration \(name) was applied with checksum \(applied.prefix(12))… but its file now has \(file.prefix(12))…;"
                + " applied migrations are never edited: restore the file and add a new migration"
                + " / применённая миграция \(name) изменена: верните файл и добавьте новую миграцию"
        case .migrationMissing(let name):
            return "migration \(name) was applied but its file is gone; restore it"
                + " / миграция \(name) применена, но её файла нет; верните его"
        case .notMigrated(let pending):
            return "the database has \(pending) pending migration(s); run `pdmon db migrate` first"
                + " / в базе не применено миграций: \(pending); сначала выполните `pdmon db migrate`"
        case .lockHeld(let what):
            return "another \(what) is running (it holds the advisory lock); try again when it ends"
                + " / уже выполняется другой процесс (\(what)); повторите, когда он завершится"
        case .fileUnreadable(let path, let reason):
            return "cannot read \(path): \(reason) / не удалось прочитать файл \(path): \(reason)"
        case .pseudonymKeyChanged(let isDemoRecorded, let isDemoGiven):
            var text = "the pseudonym key differs from the one the warehouse's teachers were pseudonymised with:"
                + " loading under it would make every teacher a new one; nothing was loaded."
                + " Use the warehouse's key (PDMON_PSEUDONYM_KEY or --pseudonym-key-file)"
                + " / ключ псевдонимизации не тот, с которым загружены педагоги хранилища: с ним каждый педагог"
                + " стал бы новым; ничего не загружено. Укажите ключ хранилища (PDMON_PSEUDONYM_KEY или --pseudonym-key-file)"
            if isDemoRecorded { text += " (the warehouse was loaded with the public demo key / хранилище загружено с демо-ключом)" }
            if isDemoGiven { text += " (the public demo key was given / указан демо-ключ)" }
            return text
        }
    }
}
