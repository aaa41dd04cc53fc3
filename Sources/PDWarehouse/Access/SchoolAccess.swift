import PDPostgres
import PDReport

/// Per-school access to the mart (`pdmon access grant|revoke|list`): the rows of
/// `dw.school_access` (migration 0111, files of `sql/access/`). PostgreSQL enforces them: every
/// mart view is a security barrier that keeps only the rows of the schools
/// `dw.readable_school_codes(current_user)` returns, so a login granted one school reads that
/// school's rows and the city's aggregates, a login with no grant reads nothing, whatever
/// client it uses. This type only writes the grants, under the owner's login.
public struct SchoolAccess {
    public let connection: Connection
    public let sql: SQLDirectory
    public let language: ReportLanguage

    public init(connection: Connection, sql: SQLDirectory, language: ReportLanguage = .defaultLanguage) {
        self.connection = connection
        self.sql = sql
        self.language = language
    }

    /// The role as `sql/access/role.sql` sees it.
    public struct Role: Equatable, Sendable {
        public var name: String
        public var canLogin: Bool
        /// A member of pdmon_reader: without it the role reads nothing of mart.
        public var isReader: Bool
    }

    /// What a grant or a revoke changed.
    public struct Change: Equatable, Sendable {
        public var role: Role?
        /// School codes added or removed; nil stands for every school.
        public var schools: [String?]
        /// Codes asked for that were already granted (grant) or were not granted (revoke).
        public var unchanged: [String?]
    }

    /// Grants `role` the schools `codes` (or every school with `everySchool`), in one transaction.
    /// - Throws: `AccessError.unknownRole` for a role the server does not have,
    ///   `UnknownChoice` (exit 2) for a school code the warehouse does not have,
    ///   `AccessError.nothingToGrant` when neither codes nor `everySchool` are given.
    public func grant(role name: String, schools codes: [String], everySchool: Bool) throws -> Change {
        guard everySchool || !codes.isEmpty else { throw AccessError.nothingToGrant(language: language) }
        let role = try lookUp(name)
        try checkSchools(codes)
        let wanted: [String?] = (everySchool ? [nil] : []) + Self.unique(codes).map { Optional($0) }
        return try connection.transaction {
            var change = Change(role: role, schools: [], unchanged: [])
            for code in wanted {
                let added = try connection.execute(try sql.statement("access/grant.sql"), [name, code]).rows.count
                if added > 0 { change.schools.append(code) } else { change.unchanged.append(code) }
            }
            return change
        }
    }

    /// Takes `codes` (or the every-school grant with `everySchool`; with neither, every grant)
    /// away from `role`. A role that no longer exists can still be revoked.
    public func revoke(role name: String, schools codes: [String], everySchool: Bool) throws -> Change {
        let role = try lookUpIfExists(name)
        return try connection.transaction {
            var change = Change(role: role, schools: [], unchanged: [])
            if codes.isEmpty && !everySchool {
                let removed = try connection.execute(try sql.statement("access/revoke_role.sql"), [name])
                change.schools = removed.rows.map { $0[0] }
                return change
            }
            let wanted: [String?] = (everySchool ? [nil] : []) + Self.unique(codes).map { Optional($0) }
            for code in wanted {
                let removed = try connection.execute(try sql.statement("access/revoke_school.sql"), [name, code]).rows.count
                if removed > 0 { change.schools.append(code) } else { change.unchanged.append(code) }
            }
            return change
        }
    }

    /// Every grant (of one role when given): role, school code (empty: every school), school
    /// name, whether the role exists and reads mart, when granted.
    public func list(role: String? = nil) throws -> ResultTable {
        let result = try connection.execute(try sql.statement("access/list.sql"), [role])
        let every = language == .ru ? "все ОО" : "every school"
        let yes = language == .ru ? "да" : "yes", no = language == .ru ? "нет" : "no"
        let ru = language == .ru
        let rows: [[String?]] = result.rows.map { row in
            [row[0], row[1] ?? "*", row[1] == nil ? every : row[2],
             row[3] == "t" ? yes : no, row[4] == "t" ? yes : no, row[5]]
        }
        return ResultTable(
            title: ru ? "Доступ к ОО в витринах mart" : "School access to the mart",
            columns: [
                ResultColumn(name: "role", caption: ru ? "Роль" : "Role"),
                ResultColumn(name: "school_code", caption: ru ? "Код ОО" : "School code"),
                ResultColumn(name: "school_name", caption: ru ? "ОО" : "School"),
                ResultColumn(name: "role_exists", caption: ru ? "Роль есть" : "Role exists"),
                ResultColumn(name: "is_reader", caption: ru ? "Входит в pdmon_reader" : "Member of pdmon_reader"),
                ResultColumn(name: "granted_at", caption: ru ? "Выдан" : "Granted"),
            ],
            rows: rows,
            emptyText: ru ? "Доступ к ОО никому не выдан: витрины mart видят только владелец и pdmon_loader."
                : "No school access granted: only the owner and pdmon_loader see the mart.")
    }

    // MARK: - Checks

    private func lookUpIfExists(_ name: String) throws -> Role? {
        guard let row = try connection.execute(try sql.statement("access/role.sql"), [name]).rows.first else { return nil }
        return Role(name: row[0] ?? name, canLogin: row[1] == "t", isReader: row[2] == "t")
    }

    private func lookUp(_ name: String) throws -> Role {
        guard let role = try lookUpIfExists(name) else { throw AccessError.unknownRole(name, language: language) }
        return role
    }

    /// Refuses a code `dw.dim_school` does not have, naming the nearest.
    private func checkSchools(_ codes: [String]) throws {
        guard !codes.isEmpty else { return }
        let rows = try connection.execute(try sql.statement("access/schools.sql")).rows
        let known = rows.compactMap { row in row[0].map { UnknownChoice.Choice($0, label: row[1]) } }
        for code in codes where !known.contains(where: { $0.value == code }) {
            throw UnknownChoice(.school, value: code, option: "--school", choices: known, language: language)
        }
    }

    private static func unique(_ codes: [String]) -> [String] {
        var seen = Set<String>()
        return codes.filter { seen.insert($0).inserted }
    }
}

/// A grant that cannot be made (exit 2).
public enum AccessError: Error, Equatable, CustomStringConvertible {
    /// The server has no role of that name: create it first (`create role … login`).
    case unknownRole(String, language: ReportLanguage)
    /// `access grant` without `--school` or `--all-schools`.
    case nothingToGrant(language: ReportLanguage)

    public var description: String {
        switch self {
        case .unknownRole(let name, let language):
            return language == .ru
                ? "роли «\(name)» на сервере нет: сначала создайте её (create role \(name) login password '…'; grant pdmon_reader to \(name))"
                : "the server has no role \"\(name)\": create it first (create role \(name) login password '…'; grant pdmon_reader to \(name))"
        case .nothingToGrant(let language):
            return language == .ru
                ? "укажите ОО: --school КОД (можно несколько) или --all-schools"
                : "name the schools: --school CODE (one or more) or --all-schools"
        }
    }
}
