import Foundation
import PDCSV
import PDContract
import PDSample
import Testing

/// The generated files read through the export contract's own validators: clean files are
/// accepted whole, messy files lose exactly their injected bad rows, for the stated reasons.
@Suite struct ContractAcceptanceTests {
    /// The contract's reject reason for each kind of injected bad row.
    static let expectedReason: [BadRowKind: RejectReason] = [
        .unknownSchoolCode: .unknownSchool, .impossibleDate: .impossibleDate, .endBeforeStart: .endBeforeStart,
        .unknownStatus: .unknownValue, .duplicateRow: .duplicateRow, .teacherListedTwice: .duplicateTeacher,
    ]

    static func records(_ path: String) throws -> [[String]] {
        var reader = try CSVReader(path: path)
        var records: [[String]] = []
        while try reader.next() { records.append(reader.record.strings()) }
        return records
    }

    @Test(arguments: [false, true])
    func theContractAcceptsEveryRowButTheInjectedOnes(messy: Bool) throws {
        var options = SampleOptions(schools: 8, teachers: 240, years: try AcademicYear.parseList("2022-2023..2023-2024"), seed: 5)
        options.messy = messy
        options.frdo = true
        options.requests = true
        options.measures = true
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pdsample-contract-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let summary = try SampleCity(options: options).write(to: directory)
        let pseudonymizer = try Pseudonymizer(key: "sample-tests-key-0123456789")

        var codes = Set<String>()
        for file in summary.files {
            let path = directory + "/" + file.fileName
            let records = try ContractAcceptanceTests.records(path)
            let header = try ExportKind.detect(header: records[0])
            #expect(header.kind.rawValue == file.kind.rawValue, "\(file.fileName) is detected as its own kind")
            var rejected: [RejectReason: Int] = [:]
            var accepted = 0
            let years = YearSources(fileName: file.fileName)
            switch file.kind {
            case .schools:
                var validator = SchoolValidator(header: header)
                for (offset, fields) in records.dropFirst().enumerated() {
                    switch validator.validate(fields, line: offset + 2) {
                    case let .accepted(record): accepted += 1; codes.insert(record.schoolCode)
                    case let .rejected(issues): rejected[issues[0].reason, default: 0] += 1
                    }
                }
            case .enrolments:
                var validator = EnrolmentValidator(header: header, knownSchools: KnownSchools(codes),
                                                   pseudonymizer: pseudonymizer, years: years)
                for (offset, fields) in records.dropFirst().enumerated() {
                    switch validator.validate(fields, line: offset + 2) {
                    case .accepted: accepted += 1
                    case let .rejected(issues): rejected[issues[0].reason, default: 0] += 1
                    }
                }
            case .survey:
                var validator = SurveyValidator(header: header, knownSchools: KnownSchools(codes),
                                                pseudonymizer: pseudonymizer, years: years)
                for (offset, fields) in records.dropFirst().enumerated() {
                    switch validator.validate(fields, line: offset + 2) {
                    case .accepted: accepted += 1
                    case let .rejected(issues): rejected[issues[0].reason, default: 0] += 1
                    }
                }
            case .frdo:
                var validator = FRDOValidator(header: header, pseudonymizer: pseudonymizer)
                for (offset, fields) in records.dropFirst().enumerated() {
                    switch validator.validate(fields, line: offset + 2) {
                    case .accepted: accepted += 1
                    case let .rejected(issues): rejected[issues[0].reason, default: 0] += 1
                    }
                }
            case .requests:
                var validator = RequestValidator(header: header, knownSchools: KnownSchools(codes),
                                                 pseudonymizer: pseudonymizer, years: years)
                for (offset, fields) in records.dropFirst().enumerated() {
                    switch validator.validate(fields, line: offset + 2) {
                    case .accepted: accepted += 1
                    case let .rejected(issues): rejected[issues[0].reason, default: 0] += 1
                    }
                }
            case .measures:
                // The rules and indicators the sample's measures answer, as the warehouse seeds them.
                let aims = MeasureAims(
                    indicators: ["diagnostic_share", "pd_coverage_3y", "individual_route_share", "distance_share"],
                    rules: ["R01": "diagnostic_share", "R10": "pd_coverage_3y", "R02": "individual_route_share",
                            "R04": "distance_share"])
                var validator = MeasureValidator(header: header, knownSchools: KnownSchools(codes), aims: aims, years: years)
                for (offset, fields) in records.dropFirst().enumerated() {
                    switch validator.validate(fields, line: offset + 2) {
                    case .accepted: accepted += 1
                    case let .rejected(issues): rejected[issues[0].reason, default: 0] += 1
                    }
                }
            }
            var expected: [RejectReason: Int] = [:]
            for bad in file.badRows { expected[ContractAcceptanceTests.expectedReason[bad.kind]!, default: 0] += bad.count }
            #expect(rejected == expected, "\(file.fileName): rejected \(rejected), injected \(file.badRows)")
            #expect(accepted == file.rows - file.badRowTotal)
        }
    }
}
