import Testing
@testable import PDReport

@Suite("Result model and language")
struct ResultTableTests {
    @Test("Column types follow PostgreSQL type OIDs")
    func oids() {
        #expect(ColumnType(postgresTypeOID: 21) == .integer)
        #expect(ColumnType(postgresTypeOID: 23) == .integer)
        #expect(ColumnType(postgresTypeOID: 20) == .integer)
        #expect(ColumnType(postgresTypeOID: 1700) == .decimal)
        #expect(ColumnType(postgresTypeOID: 700) == .decimal)
        #expect(ColumnType(postgresTypeOID: 701) == .decimal)
        #expect(ColumnType(postgresTypeOID: 16) == .boolean)
        #expect(ColumnType(postgresTypeOID: 1082) == .date)
        #expect(ColumnType(postgresTypeOID: 25) == .text)
        #expect(ColumnType(postgresTypeOID: 1043) == .text)
        #expect(ColumnType(postgresTypeOID: 1114) == .text)  // timestamp
        #expect(ColumnType(postgresTypeOID: 2950) == .text)  // uuid
    }

    @Test("Short rows read as NULL-padded")
    func shortRows() {
        let table = ResultTable(columns: [ResultColumn(name: "a"), ResultColumn(name: "b")], rows: [["x"]])
        #expect(table.cell(row: 0, column: 0) == "x")
        #expect(table.cell(row: 0, column: 1) == nil)
        #expect(JSONRenderer.render(table) == "[\n  {\"a\": \"x\", \"b\": null}\n]\n")
    }

    @Test("Language parsing defaults to Russian and the catalogue translates captions")
    func language() {
        #expect(ReportLanguage.defaultLanguage == .ru)
        #expect(ReportLanguage(argument: "EN") == .en)
        #expect(ReportLanguage(argument: "ru") == .ru)
        #expect(ReportLanguage(argument: "de") == nil)
        #expect(ReportCatalogue.text("academic_year", in: .ru) == "Учебный год")
        #expect(ReportCatalogue.text("academic_year", in: .en) == "Academic year")
        #expect(ReportCatalogue.text("no_such_caption", in: .ru) == "no_such_caption")
        #expect(ReportCatalogue.lookup("no_such_caption", in: .en) == nil)
    }

    @Test("Every catalogue entry has both languages")
    func catalogueComplete() {
        for (id, caption) in ReportCatalogue.captions {
            #expect(!caption.ru.isEmpty, "\(id) lacks Russian")
            #expect(!caption.en.isEmpty, "\(id) lacks English")
        }
    }

    @Test("Localising a table sets captions and title, keeps names")
    func localized() {
        let table = ResultTable(
            title: "x",
            columns: [ResultColumn(name: "academic_year"), ResultColumn(name: "my_column", caption: "Моя")]
        )
        let english = table.localized(.en, titleID: "title.trend")
        #expect(english.title == "Indicator trend")
        #expect(english.columns.map(\.name) == ["academic_year", "my_column"])
        #expect(english.columns.map(\.heading) == ["Academic year", "Моя"])
        #expect(table.localized(.ru).columns[0].heading == "Учебный год")
        #expect(table.localized(.ru).title == "x")
    }

    @Test("Format arguments")
    func formats() throws {
        #expect(ReportFormat(argument: "MD") == .markdown)
        #expect(ReportFormat(argument: "csv") == .csv)
        #expect(ReportFormat(argument: "xml") == nil)
        let bytes = try ReportRenderer.render(sampleTable, format: .csv, excel: true)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try ReportRenderer.render(sampleTable, format: .json) == Array(JSONRenderer.render(sampleTable).utf8))
    }
}
