import Testing
@testable import PDReport

/// A year, school, indicator or batch the data does not have: a message in the user's language
/// with the valid or the nearest choices.
@Suite struct UnknownChoiceTests {
    static let years = ["2020-2021", "2021-2022", "2022-2023", "2023-2024"].map { UnknownChoice.Choice($0) }
    static let indicators = [
        ("pd_coverage", "Охват КПК за год"), ("pd_coverage_3y", "Охват КПК за 3 года"), ("leader_pd_coverage_3y", "Охват руководителей"),
        ("retraining_share", "Переподготовка"), ("avg_pd_hours", "Часы"), ("distance_share", "Дистанционное обучение"),
        ("completion_rate", "Завершили"), ("requested_share", "По заявке ОО"), ("diagnostic_share", "Диагностика"),
    ].map { UnknownChoice.Choice($0.0, label: $0.1) }

    @Test func aYearWithoutDataListsTheYearsWithData() {
        let ru = UnknownChoice(.year, value: "2030-2031", option: "--year", choices: Self.years, language: .ru).description
        #expect(ru == "Нет данных за учебный год «2030-2031» (--year). Данные есть за: 2020-2021, 2021-2022, 2022-2023, 2023-2024.")
        let en = UnknownChoice(.year, value: "2030-2031", option: "--base", choices: Self.years, language: .en).description
        #expect(en == "No data for academic year \"2030-2031\" (--base). Data exists for: 2020-2021, 2021-2022, 2022-2023, 2023-2024.")
        let empty = UnknownChoice(.year, value: "2023-2024", option: "--year", choices: [], language: .ru).description
        #expect(empty.contains("ещё нет данных") && empty.contains("pdmon etl run"))
    }

    @Test func aMistypedIndicatorNamesTheNearestOnes() {
        let error = UnknownChoice(.indicator, value: "pd_coverge", option: "--indicator", choices: Self.indicators, language: .ru)
        #expect(error.nearest.map(\.value) == ["pd_coverage"])
        #expect(error.description == "Показателя «pd_coverge» нет в каталоге (--indicator). Возможно, имелся в виду:"
            + " pd_coverage — Охват КПК за год; все показатели — pdmon report list.")
        let far = UnknownChoice(.indicator, value: "zzz", option: "--indicator", choices: Self.indicators, language: .en)
        #expect(far.nearest.count == UnknownChoice.shown)
        #expect(far.description.hasSuffix("every indicator: pdmon report list."))
    }

    @Test func aBatchNamesTheBatchesAroundIt() {
        let error = UnknownChoice(.batch, value: "999", option: "--batch",
                                  choices: [UnknownChoice.Choice("9", label: "survey_2023-2024.csv")], isComplete: false, language: .ru)
        #expect(error.description == "Пакета загрузки 999 нет (--batch). Ближайшие пакеты: 9 — survey_2023-2024.csv;"
            + " все пакеты — pdmon etl history.")
    }

    @Test func editDistance() {
        #expect(UnknownChoice.editDistance("101001", "101010") == 2)
        #expect(UnknownChoice.editDistance("", "abc") == 3)
        #expect(UnknownChoice.editDistance("школа", "школы") == 1)
    }
}
