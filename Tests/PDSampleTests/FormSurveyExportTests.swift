import Foundation
import PDCSV
import Testing
@testable import PDContract
@testable import PDSample

/// `pdmon sample --form-survey`: the census as a form service exports it, its mapping file, and
/// `mapping suggest` on it (issue 9 §3).
@Suite("The sample city's form-service survey")
struct FormSurveyExportTests {
    static let options = SampleOptions(schools: 6, teachers: 240, years: [AcademicYear(start: 2022), AcademicYear(start: 2023)],
                                       seed: 7, formSurvey: true)

    /// Validated records of one file, keyed by (year, pseudonym), with the lines reported as
    /// superseded left out.
    static func census(_ city: WrittenCity, _ fileName: String, mapping: ContractMapping = .none)
        throws -> (records: [String: SurveyRecord], rows: Int, superseded: Int) {
        let (_, header, rows) = try city.read(fileName)
        let map = try HeaderMap(kind: .survey, header: header, mapping: mapping)
        let schools = KnownSchools(Set(try city.table(.schools, year: nil).compactMap { $0["school_code"] }))
        var validator = SurveyValidator(header: map, knownSchools: schools, pseudonymizer: .demo,
                                        years: YearSources(fileName: fileName))
        var accepted: [Int: SurveyRecord] = [:]
        for (offset, row) in rows.enumerated() {
            let result = validator.validate(row, line: offset + 2)
            #expect(result.issues.isEmpty, "\(fileName) line \(offset + 2): \(result.issues)")
            if let record = result.record { accepted[record.line] = record }
        }
        let superseded = Set(validator.notices.filter { $0.reason == .supersededSubmission }.map(\.line))
        var records: [String: SurveyRecord] = [:]
        for (line, record) in accepted where !superseded.contains(line) {
            let key = "\(record.academicYear.label) \(record.teacherPseudonym)"
            #expect(records[key] == nil, "\(key) twice")
            records[key] = record
        }
        return (records, rows.count, superseded.count)
    }

    @Test("it loads with its mapping file and gives the same census as survey_<year>.csv")
    func sameCensus() throws {
        let city = try WrittenCity(Self.options)
        defer { city.remove() }
        let mappingText = try String(contentsOfFile: city.path(FormSurveyExport.mappingFileName), encoding: .utf8)
        let mapping = try ContractMapping(toml: mappingText, source: FormSurveyExport.mappingFileName)
        var resubmissions = 0
        for year in Self.options.years {
            let fileName = FormSurveyExport.fileName(year)
            #expect(AcademicYear.inFileName(fileName) == nil, "the year must come from the timestamps")
            let (_, header, _) = try city.read(fileName)
            let map = try HeaderMap(kind: .survey, header: header, mapping: mapping)
            #expect(map.unknownColumns.isEmpty, "\(map.unknownColumns)")
            #expect(map.index(of: .submittedAt) == 0)
            let csv = try Self.census(city, SampleCity.fileName(.survey, year: year))
            let form = try Self.census(city, fileName, mapping: mapping)
            resubmissions += form.superseded
            #expect(form.rows == csv.rows + form.superseded)
            #expect(Set(form.records.keys) == Set(csv.records.keys))
            for (key, expected) in csv.records {
                guard let actual = form.records[key] else { continue }
                #expect(Self.comparable(actual) == Self.comparable(expected), "\(key)")
            }
        }
        #expect(resubmissions > 0, "some teachers submitted twice")
        // Multi-select cells hold an option with a comma inside.
        let rows = try city.read(FormSurveyExport.fileName(Self.options.years[1])).rows
        #expect(rows.contains { $0.contains { $0.contains("(работа с детьми с ОВЗ, инклюзия), ") } })
    }

    /// A record without its line and submission time.
    static func comparable(_ record: SurveyRecord) -> String {
        [record.academicYear.label, record.schoolCode, record.position ?? "", record.staffCategory.rawValue,
         record.subject ?? "", String(record.experienceYears), record.qualificationCategory.rawValue,
         String(record.deficitDiagnostic), record.deficits.map(\.rawValue).sorted().joined(separator: "|"),
         String(record.individualRoute), record.mentoringRole.rawValue,
         record.expertRoles.map(\.rawValue).sorted().joined(separator: "|"), String(record.methodologicalAsset),
         String(record.networkCommunities), String(record.subjectClub), String(record.interregional),
         String(record.conferences), String(record.seminars), String(record.webinars), String(record.internships),
         String(record.publications)].joined(separator: ";")
    }

    @Test("mapping suggest proposes the right field for the form's columns")
    func suggest() throws {
        let city = try WrittenCity(Self.options)
        defer { city.remove() }
        for year in Self.options.years {
            let (_, header, rows) = try city.read(FormSurveyExport.fileName(year))
            let suggestion = MappingSuggestion.suggest(header: header, rows: rows)
            #expect(suggestion.kind == .survey)
            let expected: [ContractField?] = [.submittedAt] + FormSurveyExport.questions.map(\.field)
            let right = zip(suggestion.columns.map(\.field), expected).filter { $0 == $1 }.count
            let misses = zip(suggestion.columns, expected).filter { $0.field != $1 }
                .map { "«\($0.0.header)»: \($0.0.field?.rawValue ?? "—") instead of \($0.1?.rawValue ?? "—")" }
            #expect(Double(right) / Double(expected.count) >= 0.8, "\(right) of \(expected.count) right; \(misses)")
            // The draft is a mapping file that maps the same columns.
            let draft = try ContractMapping(toml: suggestion.toml, source: "draft.toml")
            let map = try HeaderMap(kind: .survey, header: header, mapping: draft)
            for (index, column) in suggestion.columns.enumerated() {
                if let field = column.field { #expect(map.index(of: field) == index, "\(field)") }
            }
            // Coded columns list their options, most with the right code guessed.
            let mentoring = try #require(suggestion.columns.first { $0.field == .mentoringRole })
            #expect(Set(mentoring.values.map(\.text)).isSubset(of: Set(FormSurveyExport.mentoringOptions.values)))
            let deficits = try #require(suggestion.columns.first { $0.field == .deficits })
            for value in deficits.values {
                let area = try #require(FormSurveyExport.deficitOptions.first { $0.value == value.text }?.key, "\(value.text)")
                #expect(value.code == area.rawValue, "\(value.text)")
            }
        }
    }

    @Test("the option is off by default: the usual files only")
    func offByDefault() throws {
        var options = Self.options
        options.formSurvey = false
        let city = try WrittenCity(options)
        defer { city.remove() }
        #expect(!city.summary.files.contains { $0.fileName.hasPrefix("form_survey") })
        #expect(!FileManager.default.fileExists(atPath: city.path(FormSurveyExport.mappingFileName)))
    }
}
