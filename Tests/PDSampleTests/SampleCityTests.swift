import Foundation
import PDCSV
import PDContract
import Testing
@testable import PDSample

@Suite struct DeterminismTests {
    @Test func sameSeedSameBytesDifferentSeedDifferentBytes() throws {
        for messy in [false, true] {
            var options = smallCity
            options.messy = messy
            let first = try WrittenCity(options), second = try WrittenCity(options)
            options.seed = 8
            let other = try WrittenCity(options)
            defer { first.remove(); second.remove(); other.remove() }

            #expect(try first.fileNames() == second.fileNames())
            #expect(first.summary.files == second.summary.files)
            for name in try first.fileNames() {
                #expect(try first.bytes(name) == second.bytes(name), "\(name) differs between two runs with one seed")
            }
            let differing = try first.fileNames().filter { try first.bytes($0) != other.bytes($0) }
            #expect(differing.count == first.summary.files.count, "every file should change with the seed")
        }
    }

    @Test func writesTheExpectedFilesAndCreatesTheFolder() throws {
        var options = smallCity
        options.years = [AcademicYear(start: 2021)]
        let city = try WrittenCity(options)
        defer { city.remove() }
        #expect(try city.fileNames() == ["enrolments_2021-2022.csv", "schools.csv", "survey_2021-2022.csv"])
        #expect(city.summary.files.map(\.fileName) == ["schools.csv", "survey_2021-2022.csv", "enrolments_2021-2022.csv"])
    }

    @Test func refusesInvalidOptions() {
        #expect(throws: SampleError.self) { try SampleCity(options: SampleOptions(schools: 5, teachers: 10)) }
    }
}

@Suite struct CleanFileTests {
    @Test func cleanFilesHaveCanonicalHeadersAndTheSummarisedRowCounts() throws {
        let city = try WrittenCity(smallCity)
        defer { city.remove() }
        for file in city.summary.files {
            let (format, header, rows) = try city.read(file.fileName)
            #expect(format.encoding == .utf8 && format.delimiter == UInt8(ascii: ",") && !format.hadBOM)
            #expect(header == SampleHeaders.header(for: file.kind, messy: false))
            #expect(rows.count == file.rows)
            #expect(rows.allSatisfy { $0.count == header.count })
            #expect(file.badRows.isEmpty)
            let bytes = try city.bytes(file.fileName)
            #expect(file.bytes == bytes.count)
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
        #expect(city.summary.file(named: "schools.csv")?.rows == 6)
        #expect(city.summary.file(named: "survey_2021-2022.csv")?.rows == 150)
    }

    @Test func cleanHeadersAreExact() {
        #expect(SampleHeaders.header(for: .schools, messy: false) ==
            ["school_code", "name", "school_type", "is_base_school", "municipality"])
        #expect(SampleHeaders.header(for: .enrolments, messy: false) == [
            "academic_year", "school_code", "teacher_id", "full_name", "position", "staff_category", "subject",
            "course_title", "program_kind", "hours", "delivery", "focus_area", "provider", "funding",
            "requested_by_school", "start_date", "end_date", "status", "certificate_no",
        ])
        #expect(SampleHeaders.header(for: .survey, messy: false).count == 23)
    }

    @Test func valuesAreCanonical() throws {
        let city = try WrittenCity(smallCity)
        defer { city.remove() }
        let schools = try city.table(.schools, year: nil)
        #expect(Set(schools.compactMap { $0["school_type"] }).isSubset(of: ["general", "preschool", "additional"]))
        #expect(Set(schools.compactMap { $0["is_base_school"] }) == ["true", "false"])
        for year in smallCity.years {
            let enrolments = try city.table(.enrolments, year: year)
            #expect(Set(enrolments.compactMap { $0["program_kind"] }).isSubset(of: ["advanced_training", "retraining", "internship"]))
            #expect(Set(enrolments.compactMap { $0["status"] }).isSubset(of: ["completed", "in_progress", "dropped", "not_started"]))
            #expect(Set(enrolments.compactMap { $0["delivery"] }).isSubset(of: ["in_person", "distance", "blended"]))
            #expect(Set(enrolments.compactMap { $0["funding"] }).isSubset(of: ["state_assignment", "paid", "other"]))
            for row in enrolments {
                #expect(row["academic_year"] == year.description)
                let start = try #require(parseDate(row["start_date"] ?? "")), end = try #require(parseDate(row["end_date"] ?? ""))
                #expect(start <= end)
                #expect(start >= CivilDate(year: year.start, month: 9, day: 1)!)
                #expect(start < CivilDate(year: year.start + 1, month: 7, day: 4)!)
                let hours = try #require(Int(row["hours"] ?? ""))
                #expect((1...2000).contains(hours))
                if row["program_kind"] == "retraining" { #expect((250...520).contains(hours)) }
                #expect((row["certificate_no"] ?? "").isEmpty == (row["status"] != "completed"))
            }
            let survey = try city.table(.survey, year: year)
            let areas: Set<String> = ["subject", "methodological", "psychological", "digital", "communicative", "regulatory"]
            for row in survey {
                let deficits = (row["deficits"] ?? "").split(separator: ";").map(String.init)
                #expect(Set(deficits).isSubset(of: areas))
                if row["deficit_diagnostic"] == "false" { #expect(deficits.isEmpty) }
                #expect(["none", "compliance", "first", "highest"].contains(row["qualification_category"] ?? ""))
                #expect(["none", "mentor", "mentee"].contains(row["mentoring_role"] ?? ""))
                if row["mentoring_role"] == "mentee" { #expect(Int(row["experience_years"] ?? "") ?? 99 <= 3) }
                if row["mentoring_role"] == "mentor" { #expect(Int(row["experience_years"] ?? "") ?? 0 >= 10) }
                let category = row["staff_category"]
                let leadership = (row["position"] ?? "").contains("директор") || (row["position"] ?? "").contains("заведующ")
                #expect(category == (leadership ? "leadership" : "teaching"))
            }
        }
    }
}

@Suite struct ConsistencyTests {
    @Test func everyCensusIdentifierIsAValidSNILSAndUniqueWithinTheYear() throws {
        let city = try WrittenCity(smallCity)
        defer { city.remove() }
        for year in smallCity.years {
            let ids = try city.table(.survey, year: year).map { $0["teacher_id"] ?? "" }
            #expect(ids.allSatisfy(SNILS.isValid))
            #expect(ids.allSatisfy { $0.count == 14 && $0.contains(" ") })
            #expect(Set(ids).count == ids.count)
        }
    }

    @Test func experienceGrowsByOneAndStaffTurnsOver() throws {
        let city = try WrittenCity(smallCity)
        defer { city.remove() }
        var previous: [String: Int] = [:]
        for (index, year) in smallCity.years.enumerated() {
            var current: [String: Int] = [:]
            for row in try city.table(.survey, year: year) {
                current[row["teacher_id"] ?? ""] = Int(row["experience_years"] ?? "")
            }
            if index > 0 {
                let stayed = current.keys.filter { previous[$0] != nil }
                #expect(!stayed.isEmpty)
                for id in stayed { #expect(current[id] == previous[id]! + 1) }
                let left = previous.keys.filter { current[$0] == nil }
                let arrived = current.keys.filter { previous[$0] == nil }
                #expect(left.count == arrived.count && !arrived.isEmpty, "posts are refilled when teachers leave")
                #expect(arrived.contains { current[$0]! <= 1 }, "new young teachers arrive")
            }
            previous = current
        }
    }

    @Test func everyEnrolledTeacherIsInThatYearsCensusAtTheSameSchool() throws {
        for messy in [false, true] {
            var options = smallCity
            options.messy = messy
            let city = try WrittenCity(options)
            defer { city.remove() }
            for year in smallCity.years {
                var censusSchool: [String: String] = [:]
                for row in try city.table(.survey, year: year) where row["school_code"] != CityModel.unknownSchoolCode {
                    // A teacher listed twice keeps the first (real) school.
                    let id = normalisedID(row["teacher_id"])
                    if censusSchool[id] == nil { censusSchool[id] = row["school_code"] ?? "" }
                }
                let enrolments = try city.table(.enrolments, year: year)
                #expect(!enrolments.isEmpty)
                for row in enrolments {
                    let id = normalisedID(row["teacher_id"])
                    #expect(censusSchool[id] != nil, "an enrolled teacher is missing from the census")
                    if row["school_code"] != CityModel.unknownSchoolCode { #expect(censusSchool[id] == row["school_code"]) }
                }
            }
        }
    }

    @Test func cleanAndMessyCitiesDescribeTheSameFacts() throws {
        var options = smallCity
        let clean = try WrittenCity(options)
        options.messy = true
        let messy = try WrittenCity(options)
        defer { clean.remove(); messy.remove() }
        for year in smallCity.years {
            let cleanRows = try clean.table(.enrolments, year: year)
            let messyFile = try #require(messy.summary.file(named: SampleCity.fileName(.enrolments, year: year)))
            #expect(messyFile.rows == cleanRows.count + messyFile.badRowTotal)
            let messyTitles = Set(try messy.table(.enrolments, year: year).map { $0["course_title"] ?? "" })
            #expect(Set(cleanRows.map { $0["course_title"] ?? "" }) == messyTitles)
        }
    }
}

@Suite struct MessyFileTests {
    static let options: SampleOptions = {
        var options = SampleOptions(schools: 8, teachers: 240, years: AcademicYear.parseListOrFail("2021-2022..2022-2023"), seed: 11)
        options.messy = true
        return options
    }()

    @Test func messyFilesAreWindows1251WithSemicolonsAndRussianHeaders() throws {
        let city = try WrittenCity(MessyFileTests.options)
        defer { city.remove() }
        for file in city.summary.files {
            let bytes = try city.bytes(file.fileName)
            #expect(String(validating: bytes, as: UTF8.self) == nil, "\(file.fileName) should not be valid UTF-8")
            #expect(bytes.contains(13), "Windows line endings")
            let (format, header, rows) = try city.read(file.fileName)
            #expect(format.encoding == .windows1251 && format.delimiter == UInt8(ascii: ";"))
            #expect(header == SampleHeaders.header(for: file.kind, messy: true))
            #expect(rows.count == file.rows)
        }
        #expect(SampleHeaders.header(for: .enrolments, messy: true).prefix(4) == ["Учебный год", "Код ОО", "СНИЛС", "ФИО"])
        #expect(SampleHeaders.header(for: .survey, messy: true)[2] == "Идентификатор педагога")
    }

    @Test func textIsQuotedExcelStyleAndDatesAreRussian() throws {
        let city = try WrittenCity(MessyFileTests.options)
        defer { city.remove() }
        let text = CP1251.decode(try city.bytes("enrolments_2021-2022.csv"))
        let lines = text.split(separator: "\r\n").dropFirst()
        #expect(lines.allSatisfy { $0.hasPrefix("\"") }, "the academic year, a text field, is quoted")
        #expect(text.contains("\"Проект \"\"Школа Минпросвещения России\"\": управленческие решения\""))
        let rows = try city.table(.enrolments, year: AcademicYear(start: 2021))
        #expect(rows.allSatisfy { ($0["start_date"] ?? "").contains(".") })
        for row in rows {
            #expect(AcademicYear.parse(row["academic_year"] ?? "") == AcademicYear(start: 2021))
        }
        let statuses = Set(rows.compactMap { $0["status"] })
        #expect(statuses.contains { $0 != $0.lowercased() }, "some values are capitalised")
        #expect(statuses.contains("завершено") || statuses.contains("завершил") || statuses.contains("окончил"))
    }

    @Test func injectedBadRowsAreThereInTheStatedNumber() throws {
        let city = try WrittenCity(MessyFileTests.options)
        defer { city.remove() }
        for year in MessyFileTests.options.years {
            let enrolmentFile = try #require(city.summary.file(named: SampleCity.fileName(.enrolments, year: year)))
            let (_, _, records) = try city.read(enrolmentFile.fileName)
            let columns = SampleHeaders.enrolments.map(\.canonical)
            let rows = records.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
            var found: [BadRowKind: Int] = [:]
            var seen = Set<[String]>()
            for (record, row) in zip(records, rows) {
                if !seen.insert(record).inserted { found[.duplicateRow, default: 0] += 1 }
                if row["school_code"] == CityModel.unknownSchoolCode { found[.unknownSchoolCode, default: 0] += 1 }
                if row["status"] == BadRowInjector.unknownStatus { found[.unknownStatus, default: 0] += 1 }
                let start = parseDate(row["start_date"] ?? "")
                if start == nil { found[.impossibleDate, default: 0] += 1 }
                if let start, let end = parseDate(row["end_date"] ?? ""), end < start { found[.endBeforeStart, default: 0] += 1 }
            }
            #expect(enrolmentFile.badRows == BadRowKind.allCases.compactMap { kind in found[kind].map { BadRowCount(kind: kind, count: $0) } })
            #expect(enrolmentFile.badRowTotal == 5)
            #expect(Double(enrolmentFile.badRowTotal) < 0.05 * Double(enrolmentFile.rows))

            let surveyFile = try #require(city.summary.file(named: SampleCity.fileName(.survey, year: year)))
            let survey = try city.table(.survey, year: year)
            let unknown = survey.filter { $0["school_code"] == CityModel.unknownSchoolCode }.count
            let known = survey.filter { $0["school_code"] != CityModel.unknownSchoolCode }.map { normalisedID($0["teacher_id"]) }
            let twice = known.count - Set(known).count
            #expect(surveyFile.badRows == [BadRowCount(kind: .unknownSchoolCode, count: unknown), BadRowCount(kind: .teacherListedTwice, count: twice)])
            #expect(unknown == 1 && twice == 1)
            #expect(survey.count == 240 + 2)
        }
        #expect(city.summary.file(named: "schools.csv")?.badRows.isEmpty == true)
    }
}

@Suite struct RealismTests {
    /// The default city over five years: indicators must move the way the service expects.
    @Test func defaultCityShowsMeaningfulTrends() throws {
        let options = SampleOptions()
        let city = try WrittenCity(options)
        defer { city.remove() }
        let first = try city.table(.survey, year: options.years.first!)
        let last = try city.table(.survey, year: options.years.last!)
        func share(_ rows: [[String: String]], _ predicate: ([String: String]) -> Bool) -> Double {
            Double(rows.filter(predicate).count) / Double(max(rows.count, 1))
        }
        let diagnosed: ([String: String]) -> Bool = { $0["deficit_diagnostic"] == "true" }
        #expect(share(first, diagnosed) > 0.4)
        #expect(share(last, diagnosed) > share(first, diagnosed) + 0.1)
        let withDeficits: ([[String: String]]) -> [[String: String]] = { $0.filter { !($0["deficits"] ?? "").isEmpty } }
        let routed: ([String: String]) -> Bool = { $0["individual_route"] == "true" }
        #expect(share(withDeficits(last), routed) > share(withDeficits(first), routed))
        let young: ([[String: String]]) -> [[String: String]] = { $0.filter { Int($0["experience_years"] ?? "") ?? 99 <= 3 } }
        let mentee: ([String: String]) -> Bool = { $0["mentoring_role"] == "mentee" }
        #expect(share(young(last), mentee) > share(young(first), mentee))
        #expect(last.contains { $0["mentoring_role"] == "mentor" })
        #expect(last.contains { !($0["expert_roles"] ?? "").isEmpty })
        #expect(Set(first.map { $0["qualification_category"] ?? "" }).count == 4)

        var total = 0, completed = 0, requested = 0, focusedOnOwnDeficit = 0, withDeficitRows = 0
        for (index, year) in options.years.enumerated() {
            let census = try city.table(.survey, year: year)
            var deficitsByTeacher: [String: Set<String>] = [:]
            for row in census {
                deficitsByTeacher[row["teacher_id"] ?? ""] = Set((row["deficits"] ?? "").split(separator: ";").map(String.init))
            }
            let enrolments = try city.table(.enrolments, year: year)
            let mean = Double(enrolments.count) / Double(census.count)
            #expect(abs(mean - 1.3) < 0.2, "about 1.3 enrolments per teacher per year")
            for row in enrolments {
                total += 1
                if row["status"] == "completed" { completed += 1 }
                if row["requested_by_school"] == "true" { requested += 1 }
                if let deficits = deficitsByTeacher[row["teacher_id"] ?? ""], !deficits.isEmpty {
                    withDeficitRows += 1
                    if deficits.contains(row["focus_area"] ?? "") { focusedOnOwnDeficit += 1 }
                }
            }
            let statuses = Set(enrolments.compactMap { $0["status"] })
            if index == options.years.count - 1 { #expect(statuses.contains("in_progress")) }
            let kinds = Set(enrolments.compactMap { $0["program_kind"] })
            #expect(kinds == ["advanced_training", "retraining", "internship"])
        }
        #expect(Double(completed) / Double(total) > 0.85)
        #expect(Double(requested) / Double(total) > 0.75)
        #expect(Double(focusedOnOwnDeficit) / Double(withDeficitRows) > 0.6, "teachers take courses addressing their deficits")

        let schools = try city.table(.schools, year: nil)
        #expect(Set(schools.compactMap { $0["school_type"] }) == ["general", "preschool", "additional"])
        let baseSchools = schools.filter { $0["is_base_school"] == "true" }.count
        #expect((2...5).contains(baseSchools))
        #expect(Set(schools.compactMap { $0["school_code"] }).count == schools.count)
    }

    @Test func enrolmentsPerTeacherScalesTheEnrolmentFiles() throws {
        var options = smallCity
        options.enrolmentsPerTeacher = 5
        let city = try WrittenCity(options)
        defer { city.remove() }
        for year in options.years {
            let rows = try #require(city.summary.file(named: SampleCity.fileName(.enrolments, year: year))).rows
            #expect(abs(Double(rows) / 150 - 5) < 0.6)
        }
    }
}
