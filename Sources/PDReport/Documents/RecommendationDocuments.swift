/// The recommendations as documents: the whole report (the city and every school), one
/// school's part, and the spreadsheet parts (`--format xlsx`).
extension RecommendationResult {
    /// The whole report as a document (HTML, DOCX, PDF): the introduction, the city's section,
    /// each school's section on a new page, the charts of the city and the selected schools
    /// (with the schools' spread), then the year's values.
    public func document(header: DocumentHeader?, language: ReportLanguage) -> HTMLDocument {
        ReportHTML.recommendationDocument(report, charts: charts(language: language), tables: [valuesTable(language: language)],
                                          language: language, header: header)
    }

    /// The part of one school (`code`), or the city's part (`code` nil): its section with the
    /// city's for reference, the charts of the city and that school, the values of both.
    /// Nil for a school the report has no section for.
    public func sectionDocument(_ code: String?, header: DocumentHeader?, language: ReportLanguage) -> HTMLDocument? {
        guard let section = report.sections.first(where: { $0.schoolCode == code }) else { return nil }
        var part = self
        part.report.sections = [section]
        part.selectedSchools = code.map { [$0] } ?? []
        var document = part.document(header: header, language: language)
        document.title = report.title(in: language) + " — " + section.heading
        return document
    }

    /// The spreadsheet of `--format xlsx`: the recommendations (one row each, names not ids)
    /// and the year's values.
    public func spreadsheetParts(language: ReportLanguage) -> [SpreadsheetPart] {
        let ru = language == .ru
        return [
            SpreadsheetPart(sheetName: ru ? "Рекомендации" : "Recommendations",
                            table: RecommendationRenderer.table(report, language: language, names: true)),
            SpreadsheetPart(sheetName: ru ? "Значения" : "Values", table: valuesSheet(language: language)),
        ]
    }

    /// The year's values for a spreadsheet: one row per indicator and subject (the city, then
    /// every school of the report), value, numerator and denominator as numbers.
    public func valuesSheet(language: ReportLanguage) -> ResultTable {
        var rows: [[String?]] = []
        var units: [IndicatorInfo.Unit?] = []
        var small = false
        let city = ReportCatalogue.text("city", in: language)
        for indicator in report.indicators {
            for code in [nil] + schools.map(Optional.some) {
                let figure = code.map { history.schools[$0]?[indicator.id]?[year] } ?? history.city[indicator.id]?[year]
                guard let figure else { continue }
                let isSmall = figure.isSmall && figure.value != nil
                if isSmall { small = true }
                rows.append([indicator.name(in: language), code, code.map { history.schoolNames[$0] ?? $0 } ?? city,
                             figure.value?.description, String(figure.numerator), String(figure.denominator), isSmall ? "*" : nil])
                units.append(indicator.isPercent ? .percent : .hours)
            }
        }
        return ResultTable(
            title: ReportCatalogue.text("title.indicators", in: language) + ", " + report.yearLabel,
            columns: [
                ResultColumn(name: "indicator", caption: ReportCatalogue.text("indicator", in: language)),
                ResultColumn(name: "school_code", caption: ReportCatalogue.text("school_code", in: language)),
                ResultColumn(name: "school_name", caption: ReportCatalogue.text("school_name", in: language)),
                ResultColumn(name: "value", type: .decimal, caption: ReportCatalogue.text("value", in: language), unit: .indicatorValue),
                ResultColumn(name: "numerator", type: .integer, caption: ReportCatalogue.text("numerator", in: language)),
                ResultColumn(name: "denominator", type: .integer, caption: ReportCatalogue.text("denominator", in: language)),
                ResultColumn(name: "caveat", caption: language == .ru ? "Оговорка" : "Caveat"),
            ],
            rows: rows, notes: small ? [ReportCatalogue.text("caveat.small_denominator", in: language)] : [], rowUnits: units)
    }

    /// The section codes in order: nil (the city), then the schools.
    public var sectionCodes: [String?] { report.sections.map(\.schoolCode) }

    /// `101002 — МБОУ «СОШ № 2»` for a school, the city's name for nil.
    public func sectionName(_ code: String?) -> String? {
        report.sections.first { $0.schoolCode == code }?.name
    }
}

extension ReportHTML {
    /// The recommendations as a document (see `recommendations`), with a header block.
    public static func recommendationDocument(
        _ report: RecommendationReport, charts: [LineChart], tables: [ResultTable], language: ReportLanguage, header: DocumentHeader?
    ) -> HTMLDocument {
        var blocks: [HTMLDocument.Block] = []
        blocks.append(.paragraph(report.introduction(in: language)))
        blocks.append(.note(ReportCatalogue.text("caveat.small_denominator", in: language)))
        for (index, section) in report.sections.enumerated() {
            if index > 0 { blocks.append(.pageBreak) }
            blocks.append(.recommendations(section, report: report))
        }
        if !charts.isEmpty {
            blocks.append(.pageBreak)
            blocks.append(.heading(language == .ru ? "Динамика показателей" : "Indicator trends", level: 2))
            blocks.append(.charts(charts))
        }
        for table in tables {
            blocks.append(.pageBreak)
            blocks.append(.table(table))
        }
        return HTMLDocument(title: report.title(in: language), language: language, blocks: blocks, header: header)
    }
}

extension PlanOrderReport {
    /// The plan-order as a document: both tables, the level codes as words.
    public func document(header: DocumentHeader?) -> HTMLDocument {
        let named = withLevelNames()
        return HTMLDocument(title: named.bySubject.title, language: language,
                            blocks: [.table(named.bySubject), .pageBreak, .table(named.byDeficitArea)], header: header)
    }

    /// The spreadsheet of `--format xlsx`: one sheet per table, the levels as words.
    public func spreadsheetParts() -> [SpreadsheetPart] {
        let named = withLevelNames()
        let ru = language == .ru
        return [SpreadsheetPart(sheetName: ru ? "По предметам" : "By subject", table: named.bySubject),
                SpreadsheetPart(sheetName: ru ? "По областям дефицитов" : "By deficit area", table: named.byDeficitArea)]
    }
}
