import ArgumentParser
import PDReport
import PDWarehouse

/// `pdmon audit`: looks for personal data that must never be in the warehouse.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Проверить, что в хранилище нет персональных данных / Check the warehouse holds no personal data.",
        discussion: """
            Просматривает все текстовые столбцы схемы dw и ищет значения, похожие на СНИЛС, номер телефона \
            или ФИО с отчеством. В исправном хранилище ничего не находится (код 0); найденное — код 1.
            Scans every text column of schema dw for values shaped like a SNILS, a phone number or a full \
            name with a patronymic. A healthy warehouse shows nothing (exit 0); findings exit 1.
            """)

    @OptionGroup var output: OutputOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let findings = try connection.warehouse(logging).audit()
        try output.write(PersonalDataAudit.table(findings, language: output.language))
        guard findings.isEmpty else {
            throw ExitStatusError(.refused, "values shaped like personal data found in \(EnglishPlural.counted(findings.count, "column"));"
                + " find the batch that wrote them (batch_key) and correct the export"
                + " / в \(RussianPlural.columnPrepositional.counted(findings.count)) найдены значения, похожие на персональные данные")
        }
    }
}
