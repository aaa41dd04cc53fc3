import Testing
import PDContract
@testable import PDReport

/// `etl history` and `etl rejects` in the user's language for people, as stored for machines.
@Suite struct ETLPresentationTests {
    @Test func aRejectReasonIsShownInTheUsersLanguage() {
        let stored = RejectReason.unknownValue.bilingual
            + "; ожидается одно из: завершено, обучается, отчислен, не приступил / expected one of: completed, in_progress, dropped, not_started"
        #expect(ETLPresentation.rejectReason(code: "unknown_value", text: stored, language: .ru)
            == "значение отсутствует в справочнике допустимых значений; ожидается одно из: завершено, обучается, отчислен, не приступил")
        #expect(ETLPresentation.rejectReason(code: "unknown_value", text: stored, language: .en)
            == "value is not in the field's alias table; expected one of: completed, in_progress, dropped, not_started")
        #expect(ETLPresentation.rejectReason(code: "impossible_date", text: RejectReason.impossibleDate.bilingual, language: .ru)
            == "такой даты не существует")
        #expect(ETLPresentation.side(of: "new or changed 8 / новых или изменённых 8", in: .ru) == "новых или изменённых 8")
        #expect(ETLPresentation.side(of: "new or changed 8 / новых или изменённых 8", in: .en) == "new or changed 8")
        #expect(ETLPresentation.side(of: "a / b", in: .ru) == "a / b")
    }

    @Test func historyAndRejectsForPeopleAndForMachines() {
        let history = ResultTable(
            columns: ["batch", "file_name", "kind", "sha256", "status", "message"].map { ResultColumn(name: $0) },
            rows: [["9", "survey.csv", "survey", String(repeating: "a", count: 64), "refused", "too many bad rows / слишком много ошибок"]])
        let people = ETLPresentation(language: .ru).history(history)
        #expect(people.title == "Журнал загрузок")
        #expect(people.columns.map(\.heading) == ["Пакет", "Файл", "Вид", "SHA-256", "Статус", "Сообщение"])
        #expect(people.rows[0] == ["9", "survey.csv", "мониторинг педагогов", "aaaaaaaaaaaa…", "отклонён", "слишком много ошибок"])
        let machines = ETLPresentation(language: .ru, forPeople: false).history(history)
        #expect(machines.rows == history.rows)

        let rejects = ResultTable(
            columns: ["line", "column", "value", "reason", "reason_text"].map { ResultColumn(name: $0) },
            rows: [["177", "Статус", "перенесено", "impossible_date", RejectReason.impossibleDate.bilingual]])
        let shown = ETLPresentation(language: .ru).rejects(rejects, batch: 3)
        #expect(shown.columns.map(\.heading) == ["Строка", "Столбец", "Значение", "Причина"])
        #expect(shown.rows == [["177", "Статус", "перенесено", "такой даты не существует"]])
        #expect(ETLPresentation(language: .ru).rejects(ResultTable(columns: rejects.columns), batch: 3).emptyMessage(.ru)
            == "В пакете 3 нет отклонённых строк.")
    }
}
