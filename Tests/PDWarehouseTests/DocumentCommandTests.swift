import Foundation
import PDXLSX
import Testing
import ZIPFoundation

/// Issue 11's documents on the sample city, through the built `pdmon`: `--format xlsx` of the
/// reports, `plan` and `recommend` opens with numbers as numbers and Russian headers; `brief`
/// and `recommend --per-school` write DOCX documents; `--excel` alone means CSV.
@Suite(.enabled(if: TestDatabase.isConfigured && PDMonProcess.isAvailable,
                "needs PDMON_TEST_DATABASE_URL and a built pdmon: run scripts/test"))
struct DocumentCommandTests {
    static func rows(_ path: String) throws -> [String: [XLSXRow]] {
        let workbook = try XLSXWorkbook(path: path)
        var sheets: [String: [XLSXRow]] = [:]
        for sheet in workbook.sheets {
            let reader = try workbook.openSheet(sheet)
            defer { reader.close() }
            while try reader.next() { sheets[sheet.name, default: []].append(reader.row) }
        }
        return sheets
    }

    @Test func documentsOfTheSampleCity() throws {
        let (database, pdmon) = try SampleCitySnapshotTests.city()
        defer { withExtendedLifetime(database) {} }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        // Spreadsheets: the second row holds the Russian captions, the data rows numbers.
        let spreadsheets: [(String, [String], String, [String])] = [
            ("indicators.xlsx", ["report", "indicators", "--year", "2023-2024"], "Показатели мониторинга",
             ["Учебный год", "Код ОО", "Наименование ОО", "Показатель", "Числитель", "Знаменатель", "Значение"]),
            ("compare.xlsx", ["report", "compare", "--base", "2022-2023", "--target", "2023-2024"], "Сравнение лет",
             ["Показатель", "Код ОО", "Наименование ОО", "2022-2023", "2023-2024", "Изменение"]),
            ("plan.xlsx", ["plan", "--for-year", "2024-2025"], "По предметам", ["Уровень", "Код ОО", "ОО", "Предмет", "Педагогов"]),
            ("recommend.xlsx", ["recommend", "--year", "2023-2024"], "Рекомендации", ["Код ОО", "ОО", "Место", "Главная", "Тема"]),
        ]
        for (file, arguments, sheet, headings) in spreadsheets {
            _ = try pdmon(arguments + ["--format", "xlsx", "--out", path(file)])
            let sheets = try Self.rows(path(file))
            let rows = try #require(sheets[sheet], "\(file): sheets \(sheets.keys.sorted())")
            #expect(Array(rows[1].values.prefix(headings.count)) == headings, "\(file)")
            // Every data row has numbers (the notes under the data are text).
            let data = rows.dropFirst(2).filter { $0.count > 1 }
            #expect(!data.isEmpty && data.allSatisfy { $0.kinds.contains(.number) }, "\(file): numbers are numbers")
            #expect(!rows[1].values.joined().contains("_"), "\(file): no machine names in the header")
        }
        // The recommendations' values sheet: one row per indicator and subject, numbers as numbers.
        let values = try #require(try Self.rows(path("recommend.xlsx"))["Значения"])
        #expect(values[1].values == ["Показатель", "Код ОО", "Наименование ОО", "Значение", "Числитель", "Знаменатель", "Оговорка"])
        #expect(values[2].string(at: 2) == "Город" && values[2].kind(at: 4) == .number && values[2].kind(at: 5) == .number)
        // A percentage is a fraction under a percent format: 67.6 % is 0.676.
        let indicators = try #require(try Self.rows(path("indicators.xlsx"))["Показатели мониторинга"])
        let value = try #require(Double(indicators[2].string(at: 6)))
        #expect(value >= 0 && value <= 1)

        // --excel alone is the Excel CSV, with Russian headers.
        let excel = try pdmon(["report", "compare", "--base", "2022-2023", "--target", "2023-2024", "--excel"]).stdout
        #expect(excel.hasPrefix("\u{FEFF}Показатель;Код ОО;Наименование ОО;"))

        // The brief and the per-school recommendations: DOCX packages with headings and the header block.
        _ = try pdmon(["brief", "--year", "2023-2024", "--out", path("brief.docx")])
        let brief = try Archive(url: URL(fileURLWithPath: path("brief.docx")), accessMode: .read)
        var document = Data()
        _ = try brief.extract(try #require(brief["word/document.xml"]), consumer: { document.append($0) })
        let xml = String(decoding: document, as: UTF8.self)
        #expect(xml.contains("Аналитическая справка по итогам мониторинга"))
        #expect(xml.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(xml.contains("Данные на") && xml.contains("пакет загрузки №"))
        #expect(brief["word/charts/chart1.xml"] != nil)

        let perSchool = path("per-school")
        _ = try pdmon(["recommend", "--year", "2023-2024", "--per-school", "--out", perSchool])
        let files = try FileManager.default.contentsOfDirectory(atPath: perSchool).sorted()
        #expect(files.contains("gorod.docx"))
        #expect(files.contains("101001_gimnaziia_1.docx"))
        #expect(files.count == 9, "the city and 8 schools: \(files)")
        #expect(files.allSatisfy { $0.allSatisfy(\.isASCII) })

        _ = try pdmon(["brief", "--year", "2023-2024", "--per-school", "--format", "html", "--out", path("briefs")])
        let html = try String(contentsOfFile: path("briefs/101001_gimnaziia_1.html"), encoding: .utf8)
        #expect(html.contains("<dl class=\"document-header\">") && html.contains("101001"))
    }

    @Test func aYearWithoutDataIsRefusedForDocumentsToo() throws {
        let (database, _) = try SampleCitySnapshotTests.city()
        defer { withExtendedLifetime(database) {} }
        let result = try PDMonProcess.run(["brief", "--year", "2030-2031", "--format", "html"],
                                          environment: ["PDMON_DATABASE_URL": database.url])
        #expect(result.status == 2)
        #expect(result.stderr.contains("2023-2024"))
    }
}
