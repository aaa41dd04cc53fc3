import Foundation
import PDCSV
import Testing
@testable import PDContract
import PDSample

/// The value parsers and the validators never crash on any text (issue 10): random values
/// built from what exports really hold (digits, separators, Cyrillic and Latin look-alikes,
/// every whitespace of `UnicodeSpace`, combining marks, emoji, NUL, very long runs) go through
/// every parser and through whole rows of each kind; each must answer (a value or a reason).
/// A fixed seed in the suite (`PDMON_FUZZ_ITERATIONS`, default 3 000 values); `scripts/fuzz`
/// runs more with other seeds.
@Suite struct ValueParserFuzzTests {
    static var iterations: Int { ProcessInfo.processInfo.environment["PDMON_FUZZ_ITERATIONS"].flatMap(Int.init).map { $0 * 20 } ?? 3_000 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["PDMON_FUZZ_SEED"].flatMap(UInt64.init) ?? 2026 }

    static let pieces: [String] = [
        "0", "1", "9", "12", "31", "2023", "-", "–", ".", ",", ";", "/", ":", " ", "\u{00A0}", "\u{202F}", "\t", "\n",
        "\u{FEFF}", "\u{0}", "а", "о", "О", "O", "o", "Р", "P", "Ё", "ё", "Итого", "да", "нет", "true", "01.09.2023",
        "2023-2024", "2023/24", "123-456-789 01", "e", "E", "+", "%", "\"", "'", "\u{301}", "🙂", "ǅ", "ß", "İ",
        "0:00:00", "AM", "PM", "GMT+3", "Z", "T", String(repeating: "9", count: 40), String(repeating: "я", count: 700),
    ]

    static func value(_ random: inout SampleRandom) -> String {
        (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test func everyParserAnswersEveryValue() {
        var random = SampleRandom(seed: Self.seed)
        for _ in 0..<Self.iterations {
            let text = Self.value(&random)
            _ = CivilDate.parse(text)
            _ = AcademicYear.parse(text)
            _ = AcademicYear.parseExplained(text)
            _ = SubmissionTime.parse(text)
            _ = ValueParsers.integer(text)
            _ = ValueParsers.listItems(text)
            _ = ValueParsers.listItems(text, keepingWhole: ["а, б", text])
            _ = TeacherIdentifier.read(text, snilsColumn: true)
            _ = TeacherIdentifier.read(text, snilsColumn: false)
            _ = Pseudonymizer.normalise(text)
            _ = LookalikeLetters.repair(text)
            _ = TextFold.fold(text)
            _ = TextFold.clean(text)
            _ = TextFold.trimmed(text)
        }
    }

    @Test(arguments: ExportKind.allCases)
    func everyValidatorAnswersEveryRow(kind: ExportKind) throws {
        var random = SampleRandom(seed: Self.seed ^ UInt64(kind.rawValue.utf8.count))
        let header = try HeaderMap(kind: kind, header: kind.fields.map { $0.aliases.first ?? $0.field.rawValue })
        let schools = KnownSchools(check: { _ in true })
        let rows = (2..<(2 + Self.iterations / 10)).map { line in
            (line, (0..<Int.random(in: 0...(header.columnCount + 2), using: &random)).map { _ in Self.value(&random) })
        }
        switch kind {
        case .schools:
            var validator = SchoolValidator(header: header)
            for (line, fields) in rows { _ = validator.validate(fields, line: line) }
        case .enrolments:
            var validator = EnrolmentValidator(header: header, knownSchools: schools, pseudonymizer: .demo, years: YearSources())
            for (line, fields) in rows { _ = validator.validate(fields, line: line) }
        case .survey:
            var validator = SurveyValidator(header: header, knownSchools: schools, pseudonymizer: .demo, years: YearSources())
            for (line, fields) in rows { _ = validator.validate(fields, line: line) }
        case .frdo:
            var validator = FRDOValidator(header: header, pseudonymizer: .demo)
            for (line, fields) in rows { _ = validator.validate(fields, line: line) }
        case .requests:
            var validator = RequestValidator(header: header, knownSchools: schools, pseudonymizer: .demo, years: YearSources())
            for (line, fields) in rows { _ = validator.validate(fields, line: line) }
        case .measures:
            let aims = MeasureAims(indicators: ["pd_coverage_3y"], rules: ["R10": "pd_coverage_3y", "R11": nil])
            var validator = MeasureValidator(header: header, knownSchools: schools, aims: aims, years: YearSources())
            for (line, fields) in rows { _ = validator.validate(fields, line: line) }
        }
    }
}

