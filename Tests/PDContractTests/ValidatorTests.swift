import Testing
@testable import PDContract

@Suite("Row validation")
struct ValidatorTests {
    // MARK: enrolments

    @Test("a good enrolment row is normalised into a typed record without personal data")
    func goodEnrolment() throws {
        var validator = try Fixtures.enrolmentValidator()
        let record = try #require(validator.validate(Fixtures.enrolmentRows.row(Fixtures.goodEnrolment), line: 2).record)
        #expect(record.line == 2)
        #expect(record.academicYear.label == "2022-2023")
        #expect(record.schoolCode == "S01")
        #expect(record.teacherPseudonym == Pseudonymizer.demo.pseudonym(forTeacherID: "12345678901"))
        #expect(record.teacherPseudonym.count == 64)
        #expect(record.staffCategory == .teaching)
        #expect(record.programKind == .advancedTraining)
        #expect(record.hours == 72)
        #expect(record.delivery == .distance)
        #expect(record.focusArea == .methodological)
        #expect(record.funding == .stateAssignment)
        #expect(record.requestedBySchool) // empty defaults to true
        #expect(record.startDate.iso == "2022-09-02")
        #expect(record.endDate.iso == "2022-09-30")
        #expect(record.status == .completed)
        #expect(record.certificateNo == "УД-123")
        let text = String(describing: record)
        #expect(!text.contains("Иванова"))
        #expect(!text.contains("12345678901"))
    }

    /// A NUL byte rejects its row before validation (`RowScreen.nulIssue`, tested with the real
    /// file faults): the validators keep no NUL check of their own. A cell that reaches one anyway
    /// fails its own rule, and every issue shows the byte as `␀`.
    @Test("a NUL byte in a coded cell fails its rule; the value shows ␀, masked if personal")
    func nulBytes() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.delivery] = "ДОТ\u{0}"
        let coded = validator.validate(Fixtures.enrolmentRows.row(values), line: 9)
        #expect(coded.issues.map { [$0.column, $0.reason.code, $0.value] } == [["delivery", "unknown_value", "ДОТ\u{2400}"]])
    }

    @Test("optional enrolment fields may be empty")
    func sparseEnrolment() throws {
        var validator = try Fixtures.enrolmentValidator()
        let row = Fixtures.enrolmentRows.row([.schoolCode: "S01", .teacherID: "7", .courseTitle: "Курс",
                                              .startDate: "2023-01-10", .endDate: "2023-01-10",
                                              .position: "Заведующая", .requestedBySchool: "нет"])
        let record = try #require(validator.validate(row, line: 3).record)
        #expect(record.hours == nil)
        #expect(record.programKind == nil)
        #expect(record.status == nil)
        #expect(record.focusArea == nil)
        #expect(record.staffCategory == .leadership)
        #expect(!record.requestedBySchool)
        #expect(record.academicYear.start == 2022)
    }

    @Test("an explicit staff category wins over the position")
    func explicitCategory() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.position] = "директор"
        values[.staffCategory] = "Педагогический"
        #expect(validator.validate(Fixtures.enrolmentRows.row(values), line: 2).record?.staffCategory == .teaching)
    }

    @Test("year chain for enrolments: column, --year, file name, then dates")
    func enrolmentYearChain() throws {
        var values = Fixtures.goodEnrolment
        values[.startDate] = "20.08.2022" // 2021-2022
        values[.endDate] = "05.09.2022"   // 2022-2023
        let explicit = AcademicYear(start: 2019)
        let fromName = YearSources(fileName: "/inbox/kpk_2020-2021.csv")
        #expect(fromName.fileNameYear?.start == 2020)

        values[.academicYear] = "2018-19"
        var withColumn = try Fixtures.enrolmentValidator(years: YearSources(explicitYear: explicit, fileName: "kpk_2020-2021.csv"))
        #expect(withColumn.validate(Fixtures.enrolmentRows.row(values), line: 2).record?.academicYear.start == 2018)

        values[.academicYear] = ""
        var withExplicit = try Fixtures.enrolmentValidator(years: YearSources(explicitYear: explicit, fileName: "kpk_2020-2021.csv"))
        #expect(withExplicit.validate(Fixtures.enrolmentRows.row(values), line: 2).record?.academicYear.start == 2019)

        var withName = try Fixtures.enrolmentValidator(years: fromName)
        #expect(withName.validate(Fixtures.enrolmentRows.row(values), line: 2).record?.academicYear.start == 2020)

        var byDates = try Fixtures.enrolmentValidator()
        values[.status] = "завершено"
        #expect(byDates.validate(Fixtures.enrolmentRows.row(values), line: 2).record?.academicYear.start == 2022)
        for status in ["обучается", "", "отчислен"] {
            values[.status] = status
            values[.certificateNo] = status // keeps the natural key unique: title, teacher, start stay the same
            var fresh = try Fixtures.enrolmentValidator()
            #expect(fresh.validate(Fixtures.enrolmentRows.row(values), line: 2).record?.academicYear.start == 2021,
                    "status \(status)")
        }
    }

    @Test("every failing cell of a row is reported, with its line, column and reason")
    func manyIssues() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.schoolCode] = "S99"
        values[.teacherID] = " - "
        values[.courseTitle] = "  "
        values[.hours] = "0"
        values[.delivery] = "заочная"
        values[.funding] = "грант"
        values[.startDate] = "31.02.2022"
        values[.endDate] = "2022.10.01"
        values[.status] = "?"
        values[.academicYear] = "2022-2024"
        values[.requestedBySchool] = "возможно"
        let result = validator.validate(Fixtures.enrolmentRows.row(values), line: 17)
        #expect(result.reasons == [.badAcademicYear, .unknownSchool, .missingRequired, .missingRequired, .outOfRange,
                                   .unknownValue, .unknownValue, .unknownValue, .impossibleDate, .badDate, .unknownValue])
        #expect(result.issues.allSatisfy { $0.line == 17 })
        #expect(result.issues.map(\.column) == ["academic_year", "school_code", "teacher_id", "course_title", "hours",
                                                "delivery", "funding", "requested_by_school", "start_date", "end_date", "status"])
        #expect(result.issues[1].value == "S99")
        #expect(result.issues[4].detail == "ожидается от 1 до 2000 / expected 1..2000")
        // A Russian value is answered with the Russian spellings first, then the codes.
        #expect(result.issues[10].detail
            == "ожидается одно из: завершено, обучается, отчислен, не приступил / expected one of: completed, in_progress, dropped, not_started")
    }

    @Test("each single-cell rejection has its reason", arguments: [
        (ContractField.schoolCode, "S03", RejectReason.unknownSchool),
        (.schoolCode, "", .missingRequired),
        (.teacherID, "", .missingRequired),
        (.courseTitle, "", .missingRequired),
        (.startDate, "", .missingRequired),
        (.endDate, "", .missingRequired),
        (.startDate, "2 сентября", .badDate),
        (.endDate, "30.09.22", .badDate),
        (.startDate, "30.02.2022", .impossibleDate),
        (.endDate, "01.08.2022", .endBeforeStart),
        (.delivery, "заочно", .unknownValue),
        (.programKind, "курсы", .unknownValue),
        (.focusArea, "все", .unknownValue),
        (.staffCategory, "вспомогательный", .unknownValue),
        (.hours, "2001", .outOfRange),
        (.hours, "-1", .outOfRange),
        (.hours, "72 ч", .badNumber),
        (.hours, "36,5", .badNumber),
        (.academicYear, "2022", .badAcademicYear),
    ])
    func singleReasons(field: ContractField, value: String, reason: RejectReason) throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[field] = value
        let result = validator.validate(Fixtures.enrolmentRows.row(values), line: 5)
        #expect(result.reasons == [reason])
        #expect(result.issues.first?.field == field)
    }

    @Test("boundary values are accepted")
    func boundaries() throws {
        var validator = try Fixtures.enrolmentValidator()
        for (line, hours) in ["1", "2000", "2 000"].enumerated() {
            var values = Fixtures.goodEnrolment
            values[.hours] = hours
            values[.startDate] = "0\(line + 1).10.2022"
            values[.endDate] = "0\(line + 1).10.2022" // end on the start day is allowed
            #expect(validator.validate(Fixtures.enrolmentRows.row(values), line: line + 2).record != nil, "\(hours)")
        }
    }

    @Test("the same natural key twice in one file is a duplicate row; a rejected first row does not count")
    func duplicateEnrolments() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.hours] = "abc"
        #expect(validator.validate(Fixtures.enrolmentRows.row(values), line: 2).reasons == [.badNumber])
        values[.hours] = "72"
        #expect(validator.validate(Fixtures.enrolmentRows.row(values), line: 3).record != nil)
        // Same teacher written differently, same title with other spacing: still the same key.
        values[.teacherID] = "12345678901"
        values[.courseTitle] = " Формирование  функциональной грамотности "
        values[.provider] = "Другая организация"
        let duplicate = validator.validate(Fixtures.enrolmentRows.row(values), line: 4)
        #expect(duplicate.reasons == [.duplicateRow])
        #expect(duplicate.issues.first?.detail?.contains("line 3") == true)
        // Another start date is another enrolment.
        values[.startDate] = "03.09.2022"
        #expect(validator.validate(Fixtures.enrolmentRows.row(values), line: 5).record != nil)
    }

    @Test("a row with the wrong number of fields is rejected as such")
    func wrongFieldCount() throws {
        var validator = try Fixtures.enrolmentValidator()
        let row = Fixtures.enrolmentRows.row(Fixtures.goodEnrolment)
        // Cut before a required column (end_date is the 17th): not a row Excel shortened.
        let short = validator.validate(Array(row.prefix(16)), line: 9)
        #expect(short.reasons == [.wrongFieldCount])
        #expect(short.issues.first?.detail == "полей: 16, в заголовке: 19 (нужно не меньше 17) / 16 fields, expected 19 (at least 17)")
        #expect(validator.validate(row + ["extra"], line: 10).reasons == [.wrongFieldCount])
    }

    @Test("a row that lost its trailing empty optional fields reads them as empty; extra empty fields are fine")
    func shortAndLongRows() throws {
        var validator = try Fixtures.enrolmentValidator()
        var values = Fixtures.goodEnrolment
        values[.certificateNo] = nil
        values[.status] = nil
        let row = Fixtures.enrolmentRows.row(values)
        // Excel dropped the two empty trailing cells (status, certificate_no).
        let shortRecord = try #require(validator.validate(Array(row.dropLast(2)), line: 2).record)
        #expect(shortRecord.certificateNo == nil && shortRecord.status == nil)
        // Certificate number given, the row ends in extra delimiters.
        values[.certificateNo] = "УД-9"
        values[.startDate] = "03.09.2022"
        let long = validator.validate(Fixtures.enrolmentRows.row(values) + ["", " ", "\u{00A0}"], line: 3)
        #expect(long.record?.certificateNo == "УД-9")
        // A short row still needs its required cells: the missing end date is not invented.
        values[.startDate] = "04.09.2022"
        let cut = validator.validate(Array(Fixtures.enrolmentRows.row(values).prefix(16)), line: 4)
        #expect(cut.reasons == [.wrongFieldCount])
    }

    // MARK: survey

    @Test("a good survey row")
    func goodSurvey() throws {
        var validator = try Fixtures.surveyValidator()
        let record = try #require(validator.validate(Fixtures.surveyRows.row(Fixtures.goodSurvey), line: 2).record)
        #expect(record.academicYear.label == "2022-2023")
        #expect(record.schoolCode == "S02")
        #expect(record.staffCategory == .leadership)
        #expect(record.experienceYears == 25)
        #expect(!record.isYoungTeacher)
        #expect(record.qualificationCategory == .highest)
        #expect(record.deficitDiagnostic)
        #expect(record.deficits == [.methodological, .digital])
        #expect(record.individualRoute)
        #expect(record.mentoringRole == .mentor)
        #expect(record.expertRoles == [.examCommission, .competitions])
        #expect(record.methodologicalAsset)
        #expect(record.networkCommunities == 2)
        #expect(!record.subjectClub)
        #expect(!record.interregional)
        #expect(record.conferences == 1)
        #expect(record.seminars == 0)
        #expect(record.webinars == 3)
        #expect(record.internships == 0)
        #expect(record.publications == 1000)
    }

    @Test("empty survey values: none categories, empty lists, zero counts; young teacher at 3 years")
    func emptySurveyValues() throws {
        var validator = try Fixtures.surveyValidator()
        let row = Fixtures.surveyRows.row([.academicYear: "2021-2022", .schoolCode: "S01", .teacherID: "abc-1",
                                           .experienceYears: "3"])
        let record = try #require(validator.validate(row, line: 2).record)
        #expect(record.qualificationCategory == .none)
        #expect(record.mentoringRole == .none)
        #expect(record.deficits.isEmpty)
        #expect(record.expertRoles.isEmpty)
        #expect(record.networkCommunities == 0)
        #expect(record.publications == 0)
        #expect(!record.deficitDiagnostic)
        #expect(record.staffCategory == .teaching)
        #expect(record.isYoungTeacher)
        #expect(record.teacherPseudonym == Pseudonymizer.demo.pseudonym(forTeacherID: "ABC1"))
    }

    @Test("survey rejections", arguments: [
        (ContractField.experienceYears, "", RejectReason.missingRequired),
        (.experienceYears, "61", .outOfRange),
        (.experienceYears, "-1", .outOfRange),
        (.experienceYears, "десять", .badNumber),
        (.qualificationCategory, "вторая", .unknownValue),
        (.mentoringRole, "куратор", .unknownValue),
        (.deficits, "методические, финансовые", .unknownValue),
        (.expertRoles, "ВПР", .unknownValue),
        (.networkCommunities, "много", .badNumber),
        (.webinars, "-2", .outOfRange),
        (.subjectClub, "иногда", .unknownValue),
        (.schoolCode, "S09", .unknownSchool),
        (.academicYear, "2022-2024", .badAcademicYear),
    ])
    func surveyReasons(field: ContractField, value: String, reason: RejectReason) throws {
        var validator = try Fixtures.surveyValidator()
        var values = Fixtures.goodSurvey
        values[field] = value
        let result = validator.validate(Fixtures.surveyRows.row(values), line: 4)
        #expect(result.reasons == [reason])
    }

    @Test("an unknown item of a list is reported by itself")
    func listItemIssue() throws {
        var validator = try Fixtures.surveyValidator()
        var values = Fixtures.goodSurvey
        values[.deficits] = "методические, Финансовые"
        let issue = try #require(validator.validate(Fixtures.surveyRows.row(values), line: 4).issues.first)
        // The value as the file writes it; the detail names the item.
        #expect(issue.value == "методические, Финансовые")
        #expect(issue.detail?.hasPrefix("item «финансовые»") == true)
        #expect(issue.column == "deficits")
    }

    @Test("year chain for the survey: column, --year, file name, else the row is rejected")
    func surveyYearChain() throws {
        var values = Fixtures.goodSurvey
        values[.academicYear] = ""
        var explicit = try Fixtures.surveyValidator(years: YearSources(explicitYear: AcademicYear(start: 2020),
                                                                       fileName: "monitoring_2021-2022.csv"))
        #expect(explicit.validate(Fixtures.surveyRows.row(values), line: 2).record?.academicYear.start == 2020)
        var named = try Fixtures.surveyValidator(years: YearSources(fileName: "monitoring_2021-2022.csv"))
        #expect(named.validate(Fixtures.surveyRows.row(values), line: 2).record?.academicYear.start == 2021)
        var none = try Fixtures.surveyValidator(years: YearSources(fileName: "monitoring.csv"))
        #expect(none.validate(Fixtures.surveyRows.row(values), line: 2).reasons == [.missingAcademicYear])
    }

    @Test("a teacher twice in one year's census is a duplicate teacher, in another year is fine")
    func duplicateTeacher() throws {
        var validator = try Fixtures.surveyValidator()
        var values = Fixtures.goodSurvey
        #expect(validator.validate(Fixtures.surveyRows.row(values), line: 2).record != nil)
        values[.schoolCode] = "S01"
        values[.teacherID] = "123 456 789 01"
        let duplicate = validator.validate(Fixtures.surveyRows.row(values), line: 3)
        #expect(duplicate.reasons == [.duplicateTeacher])
        let issue = try #require(duplicate.issues.first)
        #expect(issue.value == "***01")
        #expect(!issue.description.contains("12345678901"))
        values[.academicYear] = "2023-2024"
        #expect(validator.validate(Fixtures.surveyRows.row(values), line: 4).record != nil)
    }

    // MARK: schools

    @Test("school directory rows, duplicate codes, unknown types")
    func schools() throws {
        let map = try ExportKind.detect(header: ["Код ОО", "Наименование", "Тип ОО", "Опорная школа", "Муниципалитет"])
        var validator = SchoolValidator(header: map)
        let record = try #require(validator.validate(["S01", " МБОУ  СОШ № 1 ", "Общеобразовательная", "да", "Энск"],
                                                     line: 2).record)
        #expect(record.schoolCode == "S01")
        #expect(record.name == "МБОУ СОШ № 1")
        #expect(record.schoolType == .general)
        #expect(record.isBaseSchool)
        #expect(record.municipality == "Энск")
        let sparse = try #require(validator.validate(["S02", "Детский сад", "", "", ""], line: 3).record)
        #expect(sparse.schoolType == nil)
        #expect(!sparse.isBaseSchool)
        #expect(sparse.municipality == nil)
        #expect(validator.validate(["S01", "Другая", "иная", "", ""], line: 4).reasons == [.duplicateRow])
        #expect(validator.validate(["S03", "", "частная", "", ""], line: 5).reasons == [.missingRequired, .unknownValue])
    }

    // MARK: reasons

    @Test("every reject reason has a stable snake_case code and texts in both languages")
    func reasonTexts() {
        let codes = RejectReason.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        for reason in RejectReason.allCases {
            // As dw.etl_reject's check constraint allows: ^[a-z][a-z0-9_]*$ (`invalid_utf8`).
            #expect(reason.code.first?.isLowercase == true)
            #expect(reason.code.allSatisfy { $0.isLowercase || $0 == "_" || ("0"..."9").contains($0) })
            #expect(reason.russian.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })
            #expect(!reason.english.isEmpty)
            #expect(reason.bilingual.contains(" / "))
        }
        #expect(Set(codes).isSuperset(of: ["unknown_school", "missing_required", "bad_date", "impossible_date",
                                           "end_before_start", "unknown_value", "out_of_range", "bad_number",
                                           "duplicate_row", "duplicate_teacher", "wrong_field_count"]))
    }

    @Test("a fingerprint is 16 bytes and separates its parts")
    func fingerprints() {
        #expect(MemoryLayout<DuplicateTracker.Fingerprint>.size == 16)
        #expect(DuplicateTracker.fingerprint(["ab", "c"]) != DuplicateTracker.fingerprint(["a", "bc"]))
        #expect(DuplicateTracker.fingerprint(["a"]) == DuplicateTracker.fingerprint(["a"]))
        var tracker = DuplicateTracker()
        let key = DuplicateTracker.fingerprint(["x"])
        tracker.insert(key, line: 5)
        tracker.insert(key, line: 9)
        #expect(tracker.firstLine(of: key) == 5)
        #expect(tracker.count == 1)
    }

    @Test("the tracker answers exactly after its keys went to the temporary file as runs")
    func trackerRuns() {
        var tracker = DuplicateTracker(runLength: 100)
        let keys = (0..<1_050).map { DuplicateTracker.fingerprint(["ключ", String($0)]) }
        for (index, key) in keys.enumerated() {
            #expect(tracker.firstLineOrInsert(key, line: index + 2) == nil)
        }
        #expect(tracker.runsWritten == 10)
        #expect(tracker.count == 1_050)
        // Every key, in a run or still in memory, answers with the line it was first seen on.
        for (index, key) in keys.enumerated() {
            #expect(tracker.firstLine(of: key) == index + 2)
        }
        #expect(tracker.firstLineOrInsert(keys[7], line: 5_000) == 9)
        tracker.insert(keys[1_040], line: 6_000)
        #expect(tracker.firstLine(of: keys[1_040]) == 1_042)
        // Keys never inserted are not found (the filters' false hits are settled by the runs).
        let misses = (0..<5_000).filter { tracker.firstLine(of: DuplicateTracker.fingerprint(["другой", String($0)])) != nil }
        #expect(misses.isEmpty)
        #expect(tracker.count == 1_050)
    }

    @Test("the filter of the written-out keys grows with them and stays exact")
    func trackerFilterGrows() {
        // runLength 64: the filter starts sized for 256 keys and grows several times here.
        var tracker = DuplicateTracker(runLength: 64)
        let keys = (0..<10_000).map { DuplicateTracker.fingerprint(["k", String($0)]) }
        for (index, key) in keys.enumerated() { #expect(tracker.firstLineOrInsert(key, line: index + 1) == nil) }
        #expect(tracker.runsWritten == 156)
        #expect(keys.indices.allSatisfy { tracker.firstLine(of: keys[$0]) == $0 + 1 })
        #expect((0..<10_000).allSatisfy { tracker.firstLine(of: DuplicateTracker.fingerprint(["n", String($0)])) == nil })
    }

    @Test("the filter's false hits stay under 1 key in 2 000 (20 bits a key, 8 probes in a block)")
    func spilledKeysFalseHits() {
        var filter = DuplicateTracker.SpilledKeys(capacity: 100_000)
        for index in 0..<100_000 { filter.add(DuplicateTracker.fingerprint(["in", String(index)])) }
        #expect((0..<100_000).allSatisfy { filter.mayHold(DuplicateTracker.fingerprint(["in", String($0)])) })
        let falseHits = (0..<200_000).filter { filter.mayHold(DuplicateTracker.fingerprint(["out", String($0)])) }.count
        #expect(falseHits < 200_000 / 2_000, "false hits: \(falseHits) of 200 000")
    }
}

@Suite("Per-row caches")
struct CacheTests {
    @Test("the byte table finds what it holds, by exact bytes, and stops growing at its limit")
    func byteTable() {
        var table = ByteTable<Int>(limit: 40)
        for index in 0..<100 { table.insert(index, for: "значение \(index)") }
        #expect(table.count == 40)
        for index in 0..<40 { #expect(table.value(for: "значение \(index)") == index) }
        #expect(table.value(for: "значение 40") == nil)
        #expect(table.value(for: "Значение 1") == nil)
        table.insert(99, for: "значение 1")
        #expect(table.value(for: "значение 1") == 1)
        #expect(table.value(for: "") == nil)
    }

    @Test("key builder fingerprints differ by part boundaries and by number versus text")
    func keyBuilder() {
        var builder = DuplicateTracker.KeyBuilder()
        let a = builder.fingerprint { $0.append(2021); $0.append("ab"); $0.append("c") }
        let b = builder.fingerprint { $0.append(2021); $0.append("a"); $0.append("bc") }
        let c = builder.fingerprint { $0.append(2021); $0.append("ab"); $0.append("c") }
        let d = builder.fingerprint { $0.append(2022); $0.append("ab"); $0.append("c") }
        #expect(a != b)
        #expect(a == c)
        #expect(a != d)
    }

    @Test("cached code lookups give the same answers as uncached ones, repeatedly")
    func cachedCodes() {
        var table = CodeTable<Delivery>(field: .delivery, mapping: .none)
        for _ in 0..<3 {
            guard case .value(.distance) = table.resolve(raw: "ДОТ") else { Issue.record("ДОТ"); return }
            guard case .value(.inPerson) = table.resolve(raw: " Очно ") else { Issue.record("очно"); return }
            guard case .empty = table.resolve(raw: "  ") else { Issue.record("blank"); return }
            guard case .unknown = table.resolve(raw: "заочно") else { Issue.record("заочно"); return }
        }
    }
}
