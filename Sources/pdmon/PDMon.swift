import ArgumentParser

@main
struct PDMon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdmon",
        abstract: "Monitoring of teachers' professional development / Мониторинг профессионального развития педагогов.",
        subcommands: []
    )
}
