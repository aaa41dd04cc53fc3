import ArgumentParser
import Foundation
import PDWarehouse

/// `pdmon measures add`: records a measure taken on a recommendation (issue 13 §3).
struct MeasuresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "Принятые меры по рекомендациям / Measures taken on recommendations.",
        subcommands: [Add.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Записать меру / Record a measure.",
            discussion: """
                Рекомендация, на которую отвечает мера, — код правила + учебный год + ОО (или город). \\
                Показатель — указанный или показатель правила. Файлом — выгрузка measures (docs/exports.md §5.6).
                The recommendation answered is the rule code + academic year + school (or the city). The indicator \\
                is the one given or the rule's. For many measures, load a measures file (docs/exports.md §5.6).
                """)

        @Option(help: "Код ОО (без него — мера города) / School code (none: a measure of the city).")
        var school: String?

        @Flag(help: "Мера города / A measure of the city.")
        var city = false

        @Option(help: "Код правила рекомендации, например R03 / Recommendation rule code.")
        var rule: String?

        @Option(help: "Показатель (если не задан — показатель правила) / Indicator id (default: the rule's).")
        var indicator: String?

        @Option(help: "Содержание меры / What was decided.")
        var text: String

        @Option(help: "Дата решения (дд.мм.гггг или гггг-мм-дд) / Date of the decision.")
        var date: String

        @Option(help: "Учебный год рекомендации (по умолчанию — год даты) / Academic year of the recommendation (default: the date's).")
        var year: String?

        @Option(help: "Ответственный — роль, не ФИО / The role responsible, never a name.")
        var responsible: String?

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var logging: LoggingOptions

        func validate() throws {
            if city == (school != nil) {
                throw ValidationError("укажите --school КОД или --city / give --school CODE or --city.")
            }
            if rule == nil && indicator == nil {
                throw ValidationError("укажите --rule или --indicator / give --rule or --indicator.")
            }
            try ReportCommand.checkYear(year, option: "--year")
        }

        func run() throws {
            let added = try connection.warehouse(logging).addMeasure(.init(
                year: year, schoolCode: school, ruleCode: rule, indicator: indicator, text: text, date: date,
                responsibleRole: responsible))
            let level = added.record.schoolCode ?? "город / city"
            print(added.alreadyRecorded
                ? "мера уже записана, № \(added.number) / the measure was already recorded, no. \(added.number)"
                : "мера № \(added.number) записана: \(level), \(added.record.academicYear.label), показатель / indicator \(added.record.indicator) / measure recorded")
        }
    }
}
