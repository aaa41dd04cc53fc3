import Foundation
import PDContract

/// The deterministic generator of a sample city's exports (`pdmon sample`): a directory of
/// schools and, for every academic year, the course enrolments and the monitoring census.
///
/// The same options (seed included) always give byte-identical files. A clean and a messy
/// city with the same options describe the same facts; the messy one spells them as real
/// exports do and adds a few bad rows (see `BadRowKind`).
///
/// Files, named so that the loader can take the academic year from the name:
/// `schools.csv`, `enrolments_2021-2022.csv`, `survey_2021-2022.csv`.
public struct SampleCity: Sendable {
    public let options: SampleOptions

    /// Checks the options; throws `SampleError.invalidOption` when they cannot be generated.
    public init(options: SampleOptions) throws(SampleError) {
        try options.validate()
        self.options = options
    }

    /// The file name for a kind of file and academic year (`schools.csv`, `survey_2021-2022.csv`,
    /// `frdo_2021-2022.xlsx`).
    public static func fileName(_ kind: SampleFileKind, year: AcademicYear?, format: SampleFormat = .csv) -> String {
        guard kind != .schools, let year else { return "schools.\(format.fileExtension)" }
        return "\(kind.rawValue)_\(year).\(format.fileExtension)"
    }

    /// Writes every file into `directory` (created when missing), streaming each file in chunks,
    /// and returns what was written. Existing files of the same names are replaced.
    public func write(to directory: String) throws(SampleError) -> SampleSummary {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .outputFailed(path: directory, reason: "\(error)")
        }
        var city = CityModel(options: options)
        var files: [SampleFileSummary] = [try writeSchools(city, to: directory)]
        var addressed: [DeficitSet] = []
        for (yearIndex, year) in options.years.enumerated() {
            if yearIndex > 0 { city.advance(toYearIndex: yearIndex, addressed: addressed) }
            var form = options.formSurvey ? FormSurveyExport(seed: options.seed, year: year) : nil
            let (survey, shown) = try writeSurvey(city, year: year, yearIndex: yearIndex, to: directory, form: &form)
            files.append(survey)
            if let form { files.append(try form.write(to: directory)) }
            let (enrolments, completedFocus, register, requests) = try writeEnrolments(
                city, shown: shown, year: year, yearIndex: yearIndex,
                isLastYear: yearIndex == options.years.count - 1, to: directory)
            files.append(enrolments)
            if let register { files.append(register) }
            if let requests { files.append(requests) }
            if options.measures && yearIndex < options.years.count - 1 {
                files.append(try writeMeasures(city, year: year, yearIndex: yearIndex, to: directory))
            }
            addressed = completedFocus
        }
        if options.formSurvey { try FormSurveyExport.writeMapping(to: directory) }
        return SampleSummary(directory: directory, files: files)
    }

    // MARK: Files

    private func style(fileNumber: Int) -> ValueStyle {
        ValueStyle(messy: options.messy,
                   random: SampleRandom(seed: options.seed, stream: CityModel.Stream.style.rawValue, UInt64(fileNumber)))
    }

    private func badRowRandom(fileNumber: Int) -> SampleRandom {
        SampleRandom(seed: options.seed, stream: CityModel.Stream.badRows.rawValue, UInt64(fileNumber))
    }

    private func open(_ kind: SampleFileKind, year: AcademicYear?, in directory: String) throws(SampleError) -> any SampleRowOutput {
        let textColumns = SampleHeaders.columns(for: kind).map(\.isText)
        let fileName = SampleCity.fileName(kind, year: year, format: options.format)
        let output: any SampleRowOutput
        switch options.format {
        case .csv:
            output = try SampleFileOutput(directory: directory, fileName: fileName, messy: options.messy,
                                          textColumns: textColumns)
        case .xlsx:
            output = try SampleWorkbookOutput(directory: directory, fileName: fileName,
                                              sheetName: kind == .frdo ? FRDORegister.sheetName : kind.rawValue,
                                              textColumns: textColumns)
        }
        try output.writeHeader(kind == .frdo ? FRDORegister.header : SampleHeaders.header(for: kind, messy: options.messy))
        return output
    }

    private func summary(_ output: any SampleRowOutput, kind: SampleFileKind, year: AcademicYear?,
                         bad: [BadRowKind: Int]) -> SampleFileSummary {
        let counts = BadRowKind.allCases.compactMap { kind in bad[kind].map { BadRowCount(kind: kind, count: $0) } }
        return SampleFileSummary(fileName: SampleCity.fileName(kind, year: year, format: options.format), kind: kind,
                                 academicYear: year, rows: output.rows, badRows: counts, bytes: output.bytesWritten)
    }

    private func writeSchools(_ city: CityModel, to directory: String) throws(SampleError) -> SampleFileSummary {
        let output = try open(.schools, year: nil, in: directory)
        var style = style(fileNumber: 0)
        for school in city.schools {
            try output.writeRow([
                school.code, school.name, style.value(school.type), style.flag(school.isBase), school.municipality,
            ])
        }
        try output.finish()
        return summary(output, kind: .schools, year: nil, bad: [:])
    }

    /// Writes the census of `year`; returns the deficits each staff member's row shows.
    private func writeSurvey(_ city: CityModel, year: AcademicYear, yearIndex: Int, to directory: String,
                             form: inout FormSurveyExport?) throws(SampleError) -> (SampleFileSummary, [DeficitSet]) {
        let fileNumber = 1 + 2 * yearIndex
        let output = try open(.survey, year: year, in: directory)
        var style = style(fileNumber: fileNumber)
        var badRandom = badRowRandom(fileNumber: fileNumber)
        var plan = BadRowPlan(kinds: options.messy ? BadRowKind.kinds(for: .survey) : [],
                              expectedRows: city.staff.count, random: &badRandom)
        var injector = BadRowInjector(kind: .survey, year: year, schools: city.schools)
        let trend = CensusRow.trend(year)
        var shown: [DeficitSet] = []
        shown.reserveCapacity(city.staff.count)
        for (index, teacher) in city.staff.enumerated() {
            var random = SampleRandom(seed: options.seed, stream: CityModel.Stream.census.rawValue,
                                      UInt64(teacher.serial), UInt64(yearIndex))
            let school = city.schools[teacher.schoolIndex]
            let post = city.post(of: teacher)
            let row = CensusRow(teacher: teacher, post: post, school: school, trend: trend, random: &random)
            shown.append(row.deficits)
            form?.add(row, teacher: teacher, post: post, school: school)
            let fields = row.fields(year: year, teacher: teacher, post: post, school: school, style: &style)
            try output.writeRow(fields)
            for kind in plan.due(afterRow: index) {
                try output.writeRow(injector.damage(fields, as: kind, schoolIndex: teacher.schoolIndex))
            }
            injector.remember(fields, schoolIndex: teacher.schoolIndex)
        }
        for kind in plan.remaining() {
            if let (fields, schoolIndex) = injector.last {
                try output.writeRow(injector.damage(fields, as: kind, schoolIndex: schoolIndex))
            }
        }
        try output.finish()
        return (summary(output, kind: .survey, year: year, bad: injector.injected), shown)
    }

    /// Writes the enrolments of `year`; returns, per staff member, the focus areas of the courses
    /// completed (they close deficits before the next census), and with `frdo` the year's
    /// ФИС ФРДО upload of the completed courses (`FRDORegister`).
    private func writeEnrolments(_ city: CityModel, shown: [DeficitSet], year: AcademicYear, yearIndex: Int, isLastYear: Bool,
                                 to directory: String) throws(SampleError)
        -> (SampleFileSummary, [DeficitSet], SampleFileSummary?, SampleFileSummary?) {
        let fileNumber = 2 + 2 * yearIndex
        let output = try open(.enrolments, year: year, in: directory)
        let register = options.frdo ? try open(.frdo, year: year, in: directory) : nil
        let requests = options.requests ? try open(.requests, year: year, in: directory) : nil
        // The requests' own style stream, so that the other files are the same with or without them.
        var requestStyle = style(fileNumber: 1_000 + yearIndex)
        var style = style(fileNumber: fileNumber)
        var badRandom = badRowRandom(fileNumber: fileNumber)
        let expected = Int(Double(city.staff.count) * options.enrolmentsPerTeacher)
        var plan = BadRowPlan(kinds: options.messy ? BadRowKind.kinds(for: .enrolments) : [],
                              expectedRows: expected, random: &badRandom)
        var injector = BadRowInjector(kind: .enrolments, year: year, schools: city.schools)
        var planner = EnrolmentPlanner(schools: city.schools)

        // Teachers with deficits on the census take more courses; normalise so the mean stays as asked.
        var weights: [Double] = []
        weights.reserveCapacity(city.staff.count)
        for (index, teacher) in city.staff.enumerated() {
            weights.append(EnrolmentPlanner.weight(deficits: shown[index], post: city.post(of: teacher)))
        }
        let meanWeight = weights.isEmpty ? 1 : weights.reduce(0, +) / Double(weights.count)

        var completedFocus = Array(repeating: DeficitSet(), count: city.staff.count)
        var row = 0
        for (index, teacher) in city.staff.enumerated() {
            var random = SampleRandom(seed: options.seed, stream: CityModel.Stream.enrolments.rawValue,
                                      UInt64(teacher.serial), UInt64(yearIndex))
            let count = random.poisson(mean: options.enrolmentsPerTeacher * weights[index] / meanWeight)
            if let requests, count == 0, CycleFiles.requestsUnenrolled(serial: teacher.serial, yearIndex: yearIndex) {
                try requests.writeRow(CycleFiles.unenrolledRequest(
                    year: year, teacher: teacher, post: city.post(of: teacher), school: city.schools[teacher.schoolIndex],
                    deficits: shown[index], style: &requestStyle))
            }
            guard count > 0 else { continue }
            let school = city.schools[teacher.schoolIndex]
            let post = city.post(of: teacher)
            let enrolments = planner.enrolments(count: count, teacher: teacher, post: post, deficits: shown[index],
                                                year: year, isLastYear: isLastYear, random: &random)
            for enrolment in enrolments {
                if enrolment.status == .completed, let focus = enrolment.course.focus { completedFocus[index].insert(focus) }
                if enrolment.status == .completed, let register {
                    // Registration numbers run per year: «23-000001» is the first document of 2023-2024's file.
                    let registration = SNILS.padded(year.start % 100, width: 2) + "-" + SNILS.padded(register.rows + 1, width: 6)
                    try register.writeCells(FRDORegister.row(enrolment, teacher: teacher, registration: registration))
                }
                let fields = enrolment.fields(year: year, teacher: teacher, post: post, school: school, style: &style)
                try output.writeRow(fields)
                if let requests, enrolment.requestedBySchool { try requests.writeRow(CycleFiles.namedRequest(fields)) }
                for kind in plan.due(afterRow: row) {
                    try output.writeRow(injector.damage(fields, as: kind, schoolIndex: teacher.schoolIndex))
                }
                injector.remember(fields, schoolIndex: teacher.schoolIndex)
                row += 1
            }
        }
        for kind in plan.remaining() {
            if let (fields, schoolIndex) = injector.last {
                try output.writeRow(injector.damage(fields, as: kind, schoolIndex: schoolIndex))
            }
        }
        if let requests {
            for (schoolIndex, school) in city.schools.enumerated() {
                try requests.writeRow(CycleFiles.countedRequest(year: year, yearIndex: yearIndex, schoolIndex: schoolIndex,
                                                                school: school, style: &requestStyle))
            }
        }
        try output.finish()
        try register?.finish()
        try requests?.finish()
        return (summary(output, kind: .enrolments, year: year, bad: injector.injected), completedFocus,
                register.map { summary($0, kind: .frdo, year: year, bad: [:]) },
                requests.map { summary($0, kind: .requests, year: year, bad: [:]) })
    }

    /// Writes the measures taken on the recommendations of `year` (`CycleFiles.measures`).
    private func writeMeasures(_ city: CityModel, year: AcademicYear, yearIndex: Int, to directory: String) throws(SampleError)
        -> SampleFileSummary {
        let output = try open(.measures, year: year, in: directory)
        var measureStyle = style(fileNumber: 2_000 + yearIndex)
        for row in CycleFiles.measures(year: year, yearIndex: yearIndex, schools: city.schools, style: &measureStyle) {
            try output.writeRow(row)
        }
        try output.finish()
        return summary(output, kind: .measures, year: year, bad: [:])
    }
}
