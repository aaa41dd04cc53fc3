import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PDReport
import PDXLSX
import ZIPFoundation

/// The documents of issue 11: spreadsheets (numbers as numbers, Russian headers, frozen
/// header, widths), DOCX (real headings, tables, DrawingML charts, header block), file names
/// of per-school documents, heat tables, and the PDF converters when they are installed.
@Suite struct DocumentTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pdreport-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A compare-like table: a percent and an hours indicator, values and changes.
    static let compare = ResultTable(
        title: "Сравнение лет: 2022-2023 → 2023-2024",
        columns: [
            ResultColumn(name: "indicator", caption: "Показатель"),
            ResultColumn(name: "school_code", caption: "Код ОО"),
            ResultColumn(name: "school_name", caption: "Наименование ОО"),
            ResultColumn(name: "target_value", type: .decimal, caption: "2023-2024", unit: .indicatorValue),
            ResultColumn(name: "change", type: .decimal, caption: "Изменение", unit: .indicatorChange),
            ResultColumn(name: "rank_target", type: .integer, caption: "Место (цель)"),
            ResultColumn(name: "in_top", type: .boolean, caption: "Главная"),
        ],
        rows: [
            ["Охват КПК за год", "0042", "МАОУ «Гимназия № 1»", "67.6", "-10.8", "3", "t"],
            ["Часов КПК на педагога", "0042", "МАОУ «Гимназия № 1»", "36.5", "2.0", "1", "f"],
            ["Охват КПК за год", nil, "Город", "66.3", nil, nil, nil],
        ],
        notes: ["* знаменатель меньше 10: процент неустойчив"],
        rowUnits: [.percent, .hours, .percent])

    static func rows(_ path: String, sheet: String) throws -> [XLSXRow] {
        let reader = try XLSXWorkbook(path: path).openSheet(named: sheet)
        defer { reader.close() }
        var rows: [XLSXRow] = []
        while try reader.next() { rows.append(reader.row) }
        return rows
    }

    @Test func aSpreadsheetHasRussianHeadersAndNumbersAsNumbers() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("compare.xlsx").path
        let plan = ResultTable(title: "План-заказ КПК, 2024-2025", columns: [
            ResultColumn(name: "school_code", caption: "Код ОО"), ResultColumn(name: "teachers", type: .integer, caption: "Педагогов"),
        ], rows: [["0042", "25"]])
        try SpreadsheetRenderer.write([SpreadsheetPart(sheetName: "Сравнение", table: Self.compare),
                                       SpreadsheetPart(sheetName: "План: по предметам", table: plan)], to: path, language: .ru)
        let workbook = try XLSXWorkbook(path: path)
        // One sheet per part; a name Excel refuses (":") is made valid.
        #expect(workbook.sheets.map(\.name) == ["Сравнение", "План_ по предметам"])
        let rows = try Self.rows(path, sheet: "Сравнение")
        #expect(rows[0].values.first == Self.compare.title)
        #expect(rows[1].values == ["Показатель", "Код ОО", "Наименование ОО", "2023-2024", "Изменение", "Место (цель)", "Главная"])
        // Codes stay text (leading zeros); values, changes and ranks are numbers.
        #expect(rows[2].kind(at: 1) == .text && rows[2].string(at: 1) == "0042")
        #expect(rows[2].kind(at: 3) == .number && rows[2].string(at: 3) == "0.676")
        #expect(rows[2].kind(at: 4) == .number && rows[2].string(at: 4) == "-10.8")
        #expect(rows[2].kind(at: 5) == .number && rows[2].string(at: 5) == "3")
        #expect(rows[2].kind(at: 6) == .boolean)
        // Hours keep their value (a format names the unit).
        #expect(rows[3].kind(at: 3) == .number && rows[3].string(at: 3) == "36.5")
        #expect(rows[4].kind(at: 4) == .empty)
        #expect(rows.last?.string(at: 0) == "* знаменатель меньше 10: процент неустойчив")
        let plans = try Self.rows(path, sheet: "План_ по предметам")
        #expect(plans[2].kind(at: 1) == .number && plans[2].string(at: 1) == "25")

        // Number formats, frozen header rows and widths, in the sheet's XML.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        func part(_ name: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[name]), consumer: { data.append($0) })
            return String(decoding: data, as: UTF8.self)
        }
        let styles = try part("xl/styles.xml")
        #expect(styles.contains("formatCode=\"0.0%\""))
        #expect(styles.contains("п. п."))
        #expect(styles.contains("0.0&quot; ч&quot;") || styles.contains("0.0\" ч\""))
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("ySplit=\"2\"") && sheet.contains("state=\"frozen\""))
        // Column C is as wide as «МАОУ «Гимназия № 1»» (19 characters) and a margin.
        #expect(sheet.contains("<col min=\"3\" max=\"3\" width=\"21\""))
    }

    @Test func anEmptyTableSaysSoInTheSpreadsheet() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.xlsx").path
        var empty = Self.compare
        empty.rows = []
        empty.notes = []
        try SpreadsheetRenderer.write(SpreadsheetRenderer.parts([empty]), to: path, language: .ru)
        let rows = try Self.rows(path, sheet: "Сравнение лет")
        // The title, the header, then (after a blank row) what people read instead of a table.
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows.last?.string(at: 0) == ReportCatalogue.text("table.no_rows", in: .ru))
    }

    // MARK: - DOCX

    static let header = DocumentHeader(organisation: "МКУ «Городской методический центр»", addressee: "Город", period: "2023-2024",
                                       dataAsOf: (batch: 9, loadedAt: "2024-06-01 02:31"), date: "2024-06-03")

    static let chart: LineChart = {
        var chart = LineChart(id: "pd_coverage_3y", title: "Охват КПК за три года", unit: "%", isPercent: true,
                              xLabels: ["2021-2022", "2022-2023", "2023-2024"],
                              series: [LineChart.Series(name: "Город", values: [OneDecimal("61.0"), OneDecimal("75.5"), nil], isCity: true)])
        chart.band = [nil, (OneDecimal(60), OneDecimal(80)), (OneDecimal(65), OneDecimal(85))]
        chart.bandName = "половина ОО"
        chart.incomplete = [true, true, false]
        return chart
    }()

    static let heat = HeatTable(
        id: "distance_share", title: "Доля обучений с ДОТ", unit: "%", higherIsBetter: false, years: ["2022-2023", "2023-2024"],
        city: HeatTable.Row(code: nil, name: "Город", values: [OneDecimal(20), OneDecimal(25)]),
        rows: [HeatTable.Row(code: "0042", name: "Гимназия № 1", values: [OneDecimal(10), OneDecimal(50)]),
               HeatTable.Row(code: "0043", name: "СОШ № 2", values: [OneDecimal(30), nil], small: [true, false])],
        incompleteYears: [])

    static let document = HTMLDocument(
        title: "Аналитическая справка, 2023-2024", language: .ru,
        blocks: [.heading("1. Курсы повышения квалификации", level: 2), .paragraph("Текст & <разметка>"),
                 .table(compare), .bullets(["Лучше всех — 0042"]), .charts([chart]), .pageBreak, .heatTable(heat),
                 .note("Примечание")],
        header: header)

    @Test func theDOCXHasHeadingsTablesAChartAndTheHeaderBlock() throws {
        let package = DOCXRenderer.package(Self.document)
        #expect(package.parts.first?.name == "[Content_Types].xml")
        for (name, data) in package.parts {
            #expect(XMLParser(data: data).parse(), "\(name) is not well-formed XML")
        }
        let xml = String(decoding: try #require(package.part("word/document.xml")), as: UTF8.self)
        #expect(xml.contains("<w:pStyle w:val=\"Title\"/>"))
        #expect(xml.contains("<w:pStyle w:val=\"Heading1\"/>") && xml.contains("1. Курсы повышения квалификации"))
        #expect(xml.contains("Текст &amp; &lt;разметка&gt;"))
        #expect(xml.contains("<w:tblHeader/>"))
        // The header block: organisation, period, data as of, date.
        for text in ["МКУ «Городской методический центр»", "2023-2024 учебный год", "01.06.2024 02:31 (пакет загрузки № 9)", "03.06.2024"] {
            #expect(xml.contains(text), "\(text)")
        }
        // Decimal comma in the tables; the heat table's cells are shaded, the small one is not.
        #expect(xml.contains(">67,6<") && xml.contains(">−10,8<"))
        #expect(xml.contains("w:fill=\"\(HeatTable.palette[4])\""))
        #expect(xml.contains(">—<") && xml.contains(">30,0*<"))
        // The chart: a DrawingML part with the years (incomplete ones marked) and the quartile band as two series.
        #expect(xml.contains("<c:chart r:id=\"rIdChart1\"/>"))
        let chart = String(decoding: try #require(package.part("word/charts/chart1.xml")), as: UTF8.self)
        #expect(chart.contains("<c:lineChart>") && chart.contains("2021-2022 †") && chart.contains("<c:v>75.5</c:v>"))
        #expect(chart.contains("нижний квартиль ОО") && chart.contains("верхний квартиль ОО"))
        let relationships = String(decoding: try #require(package.part("word/_rels/document.xml.rels")), as: UTF8.self)
        #expect(relationships.contains("Target=\"charts/chart1.xml\""))
        let styles = String(decoding: try #require(package.part("word/styles.xml")), as: UTF8.self)
        #expect(styles.contains("w:styleId=\"Heading1\"") && styles.contains("<w:outlineLvl w:val=\"0\"/>"))
        try expectSnapshot(xml.replacingOccurrences(of: "</w:p>", with: "</w:p>\n").replacingOccurrences(of: "</w:tr>", with: "</w:tr>\n"),
                           named: "brief_document.xml")
    }

    @Test func theSameDocumentMakesTheSameBytes() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.docx").path, second = folder.appendingPathComponent("b.docx").path
        try DOCXRenderer.write(Self.document, to: first)
        try DOCXRenderer.write(Self.document, to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }

    @Test func theHTMLHasTheHeaderBlockAndTheHeatTable() {
        let html = Self.document.render()
        #expect(html.contains("<dl class=\"document-header\">"))
        #expect(html.contains("МКУ «Городской методический центр»"))
        #expect(html.contains("class=\"table-wrap heat\""))
        #expect(html.contains("background:#\(HeatTable.palette[4])"))
        #expect(html.contains("2021-2022 †"))
        #expect(html.contains("<polygon class=\"band\""))
        let markdown = DocumentRenderer.markdown(Self.document)
        #expect(markdown.contains("- **Данные на**: 01.06.2024 02:31 (пакет загрузки № 9)"))
        #expect(markdown.contains("| 0042 — Гимназия № 1"))
    }

    // MARK: - Heat tables and three-year windows

    @Test func heatColoursKnowWhichWayIsBetter() {
        // Lower is better: the lowest value is the best colour, the highest the worst.
        let heat = Self.heat
        #expect(heat.colour(heat.rows[0], 0) == HeatTable.palette[4])
        #expect(heat.colour(heat.rows[0], 1) == HeatTable.palette[0])
        #expect(heat.colour(heat.rows[1], 0) == nil, "a small denominator is not coloured")
        var higher = heat
        higher.higherIsBetter = true
        #expect(higher.colour(higher.rows[0], 1) == HeatTable.palette[4])
    }

    @Test func threeYearWindowsAreIncompleteInTheFirstTwoYears() {
        let years = [(2020, "2020-2021"), (2021, "2021-2022"), (2022, "2022-2023"), (2023, "2023-2024")]
        #expect(ThreeYearWindow.incompleteYears(indicator: "pd_coverage_3y", years: years) == ["2020-2021", "2021-2022"])
        #expect(ThreeYearWindow.incompleteYears(indicator: "pd_coverage", years: years).isEmpty)
    }

    // MARK: - File names

    @Test func transliterationFollowsICAO() {
        #expect(Transliteration.icao("Щукина Юлия Ёжикова") == "Shchukina Iuliia Ezhikova")
        #expect(Transliteration.icao("Хабаровск, Цна, Чита, Объём, Мышь, Эра, Йошкар-Ола") == "Khabarovsk, Tsna, Chita, Obieem, Mysh, Era, Ioshkar-Ola")
        #expect(Transliteration.shortSchoolName("МАОУ «Гимназия № 1»") == "Гимназия № 1")
        #expect(Transliteration.shortSchoolName("МБОУ «Средняя общеобразовательная школа № 2»") == "СОШ № 2")
        #expect(Transliteration.shortSchoolName("МБДОУ Детский сад № 5") == "Детский сад № 5")
        #expect(Transliteration.documentFileName(code: "101002", name: "МБОУ «Средняя общеобразовательная школа № 2»",
                                                 extension: "docx", language: .ru) == "101002_sosh_2.docx")
        #expect(Transliteration.documentFileName(code: "1/7", name: "«Лицей»", extension: "pdf", language: .ru) == "1_7_litsei.pdf")
        #expect(Transliteration.documentFileName(code: nil, name: "Город", extension: "docx", language: .ru) == "gorod.docx")
        #expect(Transliteration.slug(String(repeating: "Школа ", count: 20)).count <= 40)
    }

    // MARK: - PDF (only where a converter is installed)

    static let soffice: String? = PDFConverter.libreOfficeNames.lazy.compactMap { name in
        ["/usr/bin/", "/usr/local/bin/", "/usr/lib/libreoffice/program/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    @Test(.enabled(if: soffice != nil, "skipped: LibreOffice (soffice) is not installed (apt-get install libreoffice-writer-nogui)"))
    func libreOfficeConvertsTheDOCXToPDF() throws {
        let soffice = try #require(Self.soffice)
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document.docx")
        try DOCXRenderer.write(Self.document, to: input.path)
        try PDFConverter.convertWithLibreOffice(soffice, input: input, folder: folder)
        let pdf = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent("document.pdf").path))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(pdf.count > 5_000)
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first(where: FileManager.default.isExecutableFile(atPath:))

    @Test(.enabled(if: chromium != nil, "skipped: Chromium is not installed (apt-get install chromium)"))
    func chromiumPrintsTheHTMLToPDF() throws {
        let pdf = try PDFConverter.pdf(Self.document, tool: .chromium(try #require(Self.chromium)))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(pdf.count > 5_000)
    }

    @Test func noConverterIsAClearUsageError() {
        #expect(PDFConverter.find(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(throws: DocumentError.noPDFConverter(searched: PDFConverter.searched)) {
            try PDFConverter.pdf(Self.document, tool: nil)
        }
    }
}

