import ArgumentParser
import PDReport
import PDWarehouse

/// `pdmon access grant|revoke|list`: which schools a login sees through mart (`dw.school_access`).
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Доступ логинов к ОО в витринах mart / Which schools a login sees in the mart.",
        discussion: """
            Логин с ролью pdmon_reader видит в витринах mart только строки выданных ему ОО и показатели города; \
            без выдачи — ничего. Это проверяет сам PostgreSQL (представления mart), а не pdmon. \
            Выдавать и отзывать доступ может только владелец хранилища.
            A login with pdmon_reader sees through mart only the rows of the schools granted to it and the \
            city's figures; with none granted, nothing. PostgreSQL enforces it (the mart views), not pdmon. \
            Only the warehouse's owner can grant and revoke.
            """,
        subcommands: [Grant.self, Revoke.self, List.self])

    /// The school options shared by grant and revoke.
    struct Schools: ParsableArguments {
        @Option(name: .customLong("school"), parsing: .upToNextOption, help: "Код ОО (можно несколько) / School code(s).")
        var codes: [String] = []

        @Flag(help: "Все ОО города / Every school of the city.")
        var allSchools = false
    }

    struct Grant: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Выдать логину доступ к ОО / Let a login see schools.")

        @Argument(help: "Роль (логин) PostgreSQL / PostgreSQL role (login).")
        var role: String
        @OptionGroup var schools: Schools
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let language = output.language
            let change = try connection.warehouse(logging).grantAccess(
                role: role, schools: schools.codes, everySchool: schools.allSchools, language: language)
            var lines = [AccessText.granted(role, change, language)]
            if let found = change.role, !found.isReader { lines.append(AccessText.notReader(role, language)) }
            if let found = change.role, !found.canLogin { lines.append(AccessText.noLogin(role, language)) }
            try output.write(text: lines.joined(separator: "\n") + "\n")
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Отозвать доступ к ОО (без --school — весь) / Take schools away from a login (all without --school).")

        @Argument(help: "Роль (логин) PostgreSQL / PostgreSQL role (login).")
        var role: String
        @OptionGroup var schools: Schools
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            let change = try connection.warehouse(logging).revokeAccess(
                role: role, schools: schools.codes, everySchool: schools.allSchools, language: output.language)
            try output.write(text: AccessText.revoked(role, change, output.language) + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Кому какие ОО выданы / Every grant.")

        @Argument(help: "Только эта роль / Only this role.")
        var role: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func run() throws {
            try output.write(try connection.warehouse(logging).accessList(role: role, language: output.language))
        }
    }
}

/// The sentences of `pdmon access`, in the user's language.
enum AccessText {
    static func schools(_ codes: [String?], _ language: ReportLanguage) -> String {
        codes.map { $0 ?? (language == .ru ? "все ОО" : "every school") }.joined(separator: ", ")
    }

    static func granted(_ role: String, _ change: SchoolAccess.Change, _ language: ReportLanguage) -> String {
        var parts: [String] = []
        if !change.schools.isEmpty {
            parts.append(language == .ru ? "роли \(role) выдан доступ: \(schools(change.schools, language))"
                : "\(role) may now see: \(schools(change.schools, language))")
        }
        if !change.unchanged.isEmpty {
            parts.append(language == .ru ? "уже был выдан: \(schools(change.unchanged, language))"
                : "already granted: \(schools(change.unchanged, language))")
        }
        return parts.joined(separator: "; ")
    }

    static func revoked(_ role: String, _ change: SchoolAccess.Change, _ language: ReportLanguage) -> String {
        var parts: [String] = []
        if change.schools.isEmpty && change.unchanged.isEmpty {
            parts.append(language == .ru ? "у роли \(role) не было доступа к ОО" : "\(role) had no school access")
        }
        if !change.schools.isEmpty {
            parts.append(language == .ru ? "у роли \(role) отозван доступ: \(schools(change.schools, language))"
                : "\(role) may no longer see: \(schools(change.schools, language))")
        }
        if !change.unchanged.isEmpty {
            parts.append(language == .ru ? "не был выдан: \(schools(change.unchanged, language))"
                : "was not granted: \(schools(change.unchanged, language))")
        }
        return parts.joined(separator: "; ")
    }

    static func notReader(_ role: String, _ language: ReportLanguage) -> String {
        language == .ru
            ? "внимание: роль \(role) не входит в pdmon_reader и не прочтёт витрины, пока не выполнено: grant pdmon_reader to \(role);"
            : "note: \(role) is not a member of pdmon_reader and reads nothing of mart until: grant pdmon_reader to \(role);"
    }

    static func noLogin(_ role: String, _ language: ReportLanguage) -> String {
        language == .ru
            ? "внимание: \(role) — роль без входа (NOLOGIN); доступ сравнивается с текущей ролью сеанса (current_user)"
            : "note: \(role) cannot log in (NOLOGIN); access is matched against the session's current role (current_user)"
    }
}
