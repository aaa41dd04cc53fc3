// pdmon-parse-bench: the parser alone, no database. Reads each CSV file given (a pdmon export:
// schools, enrolments or survey) several times and prints, as medians with min and max:
//   1. CSVReader alone (every record read, fields untouched),
//   2. CSVReader + decoding of the fields to Strings (what the loader hands the validators),
//   3. CSVReader + the contract's validator (pseudonyms, codes, dates, duplicates),
// in rows/s and MB/s, so a parser regression shows without PostgreSQL.
//
// A FILE ending in .xlsx is read with the workbook's sheet reader instead (pass 1 and 2 only:
// the loader validates a sheet's rows exactly as a CSV file's).
//
//   swift build -c release --product pdmon-parse-bench
//   .build/release/pdmon-parse-bench [--runs N] FILE...
//   .build/release/pdmon-parse-bench --write-xlsx [--shared-strings] [--rows N] IN.csv OUT.xlsx
//
// --write-xlsx writes an export as a workbook the way a spreadsheet holds it (dates as date
// cells, counts and hours as numbers, codes and ids as text; inline strings unless
// --shared-strings, as Excel writes them), for `scripts/bench-files`.
import Foundation
import PDCSV
import PDContract
import PDXLSX

struct Usage: Error, CustomStringConvertible {
    let description: String
}

/// One pass over a file; returns the rows seen.
typealias Pass = (String, CSVFormat) throws -> Int

func readOnly(_ path: String, _ format: CSVFormat) throws -> Int {
    var reader = try CSVReader(path: path, format: format)
    var rows = 0
    var fields = 0
    while try reader.next() {
        rows += 1
        fields &+= reader.record.count
    }
    precondition(fields >= rows)
    return rows - 1
}

func decodeStrings(_ path: String, _ format: CSVFormat) throws -> Int {
    var reader = try CSVReader(path: path, format: format)
    var rows = 0
    var characters = 0
    while try reader.next() {
        rows += 1
        for field in reader.record.strings() { characters &+= field.utf8.count }
    }
    precondition(characters >= 0)
    return rows - 1
}

func validate(_ path: String, _ format: CSVFormat) throws -> Int {
    var reader = try CSVReader(path: path, format: format)
    guard try reader.next() else { return 0 }
    let header = try ExportKind.detect(header: reader.record.strings())
    let schools = KnownSchools(check: { _ in true })
    let years = YearSources(fileName: path)
    var accepted = 0
    var rows = 0
    switch header.kind {
    case .schools:
        var validator = SchoolValidator(header: header)
        while try reader.next() {
            rows += 1
            if validator.validate(reader.record.strings(), line: reader.record.line).record != nil { accepted += 1 }
        }
    case .enrolments:
        var validator = EnrolmentValidator(header: header, knownSchools: schools, pseudonymizer: .demo, years: years)
        while try reader.next() {
            rows += 1
            if validator.validate(reader.record.strings(), line: reader.record.line).record != nil { accepted += 1 }
        }
    case .survey:
        var validator = SurveyValidator(header: header, knownSchools: schools, pseudonymizer: .demo, years: years)
        while try reader.next() {
            rows += 1
            if validator.validate(reader.record.strings(), line: reader.record.line).record != nil { accepted += 1 }
        }
    case .frdo:
        var validator = FRDOValidator(header: header, pseudonymizer: .demo)
        while try reader.next() {
            rows += 1
            if validator.validate(reader.record.strings(), line: reader.record.line).record != nil { accepted += 1 }
        }
    case .requests:
        var validator = RequestValidator(header: header, knownSchools: schools, pseudonymizer: .demo, years: years)
        while try reader.next() {
            rows += 1
            if validator.validate(reader.record.strings(), line: reader.record.line).record != nil { accepted += 1 }
        }
    case .measures:
        // The benchmark has no warehouse: no rule or indicator is known, so only the shape is timed.
        var validator = MeasureValidator(header: header, knownSchools: schools, aims: MeasureAims(indicators: [], rules: [:]),
                                         years: years)
        while try reader.next() {
            rows += 1
            if validator.validate(reader.record.strings(), line: reader.record.line).record != nil { accepted += 1 }
        }
    }
    if accepted < rows { FileHandle.standardError.write(Data("note: \(rows - accepted) rows rejected in \(path)\n".utf8)) }
    return rows
}

func readSheet(_ path: String, strings: Bool) throws -> Int {
    let workbook = try XLSXWorkbook(path: path)
    guard let sheet = workbook.firstVisibleSheet else { return 0 }
    let reader = try workbook.openSheet(sheet)
    var rows = 0
    var characters = 0
    while try reader.next() {
        rows += 1
        if strings { for field in reader.record.strings() { characters &+= field.utf8.count } }
    }
    precondition(characters >= 0)
    return rows - 1
}

/// Writes the first `limit` data rows of a CSV export as a one-sheet workbook with typed cells.
func writeWorkbook(csv: String, to path: String, sharedStrings: Bool, limit: Int) throws {
    var reader = try CSVReader(path: csv)
    guard try reader.next() else { throw Usage(description: "\(csv) is empty") }
    let header = reader.record.strings()
    let map = try ExportKind.detect(header: header)
    let dates = Set([ContractField.startDate, .endDate].compactMap { map.index(of: $0) })
    let numbers = Set([ContractField.hours, .experienceYears, .conferences, .seminars, .webinars, .internships,
                       .publications].compactMap { map.index(of: $0) })
    let writer = try XLSXWriter(path: path, sharedStrings: sharedStrings)
    let sheet = try writer.addSheet(named: "Лист1", frozenRows: 1)
    try sheet.appendHeader(header)
    var written = 0
    while written < limit, try reader.next() {
        let cells = reader.record.strings()
        try sheet.append(cells.enumerated().map { index, value -> XLSXValue in
            if value.isEmpty { return .empty }
            if dates.contains(index), let date = isoDate(value) { return .date(date) }
            if numbers.contains(index), let number = Int(value) { return .integer(number) }
            return .text(value)
        })
        written += 1
    }
    try writer.close()
}

func isoDate(_ text: String) -> XLSXDate? {
    let parts = text.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3, text.count == 10 else { return nil }
    return XLSXDate(year: parts[0], month: parts[1], day: parts[2])
}

func seconds(_ body: () throws -> Int) rethrows -> (Double, Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let rows = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, rows)
}

func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    var runs = 5
    if let index = arguments.firstIndex(of: "--runs") {
        guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else {
            throw Usage(description: "--runs needs a positive number")
        }
        runs = value
        arguments.removeSubrange(index...index + 1)
    }
    if let index = arguments.firstIndex(of: "--write-xlsx") {
        arguments.remove(at: index)
        let shared = arguments.contains("--shared-strings")
        arguments.removeAll { $0 == "--shared-strings" }
        var limit = Int.max
        if let rowsIndex = arguments.firstIndex(of: "--rows") {
            guard rowsIndex + 1 < arguments.count, let value = Int(arguments[rowsIndex + 1]), value > 0 else {
                throw Usage(description: "--rows needs a positive number")
            }
            limit = value
            arguments.removeSubrange(rowsIndex...rowsIndex + 1)
        }
        guard arguments.count == 2 else { throw Usage(description: "usage: --write-xlsx [--shared-strings] [--rows N] IN.csv OUT.xlsx") }
        try writeWorkbook(csv: arguments[0], to: arguments[1], sharedStrings: shared, limit: limit)
        return
    }
    guard !arguments.isEmpty else {
        throw Usage(description: "usage: pdmon-parse-bench [--runs N] FILE... (pdmon CSV exports, e.g. from `pdmon sample`)")
    }
    let passes: [(String, Pass)] = [("reader", readOnly), ("reader+strings", decodeStrings), ("reader+validator", validate)]
    print("parser micro-benchmark, median of \(runs) (min–max), release build, one core")
    for path in arguments {
        let isWorkbook = path.hasSuffix(".xlsx")
        let format = isWorkbook ? CSVFormat() : try CSVFormat.detect(path: path)
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let filePasses: [(String, Pass)] = isWorkbook
            ? [("sheet reader", { path, _ in try readSheet(path, strings: false) }),
               ("sheet reader+strings", { path, _ in try readSheet(path, strings: true) })]
            : passes
        for (label, pass) in filePasses {
            var times: [Double] = []
            var rows = 0
            for _ in 0..<runs {
                let (time, count) = try seconds { try pass(path, format) }
                times.append(time)
                rows = count
            }
            times.sort()
            let median = times[times.count / 2]
            let line = String(
                format: "%@ %@: %d rows, %.1f MB, %.3f s (%.3f–%.3f): %.0f rows/s, %.1f MB/s",
                name, label, rows, size / 1e6, median, times.first!, times.last!,
                Double(rows) / median, size / 1e6 / median)
            print(line)
        }
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("pdmon-parse-bench: \(error)\n".utf8))
    exit(2)
}
