import PDContract

/// What `pdmon sample` generates: the size of the city, the academic years, the seed,
/// and whether the files look clean or like real exports.
public struct SampleOptions: Sendable, Equatable {
    /// Number of schools (educational organisations) in the directory.
    public var schools: Int
    /// Number of teachers (staff posts). Teachers leave and are replaced, so every census has this many rows.
    public var teachers: Int
    /// The academic years to write, sorted, at least one.
    public var years: [AcademicYear]
    /// The seed: the same seed and options always give the same bytes.
    public var seed: UInt64
    /// `false`: UTF-8, `,`, canonical English headers and values, ISO dates, no bad rows.
    /// `true`: Windows-1251, `;`, Russian headers and values, dd.mm.yyyy, Excel-style quoting, a few bad rows.
    public var messy: Bool
    /// Mean number of course enrolments per teacher per academic year.
    public var enrolmentsPerTeacher: Double
    /// Also write the census as a form service exports it, with its mapping file
    /// (`FormSurveyExport`: `form_survey_<start year>.csv`, `form_survey.mapping.toml`).
    public var formSurvey: Bool
    /// CSV files, or XLSX workbooks (`--format xlsx`).
    public var format: SampleFormat = .csv
    /// Also write each year's completed courses as a ФИС ФРДО upload (`frdo_<year>`, `--frdo`).
    public var frdo = false
    /// Also write each year's schools' course requests (`requests_<year>`, `--requests`): named
    /// teachers for the courses they were sent on by request, some teachers requested but not
    /// enrolled, and one counted row per school (`CycleFiles`).
    public var requests = false
    /// Also write the measures taken on each year's recommendations but the last
    /// (`measures_<year>`, `--measures`): a quarter of the schools and the city (`CycleFiles`).
    public var measures = false

    public static let defaultYears: [AcademicYear] = (2019...2023).map(AcademicYear.init(start:))

    public init(
        schools: Int = 20,
        teachers: Int = 600,
        years: [AcademicYear] = SampleOptions.defaultYears,
        seed: UInt64 = 1,
        messy: Bool = false,
        enrolmentsPerTeacher: Double = 1.3,
        formSurvey: Bool = false
    ) {
        self.schools = schools
        self.teachers = teachers
        self.years = years
        self.seed = seed
        self.messy = messy
        self.enrolmentsPerTeacher = enrolmentsPerTeacher
        self.formSurvey = formSurvey
    }

    /// Limits that keep the generator meaningful (every school needs a head and some staff).
    public static let schoolRange = 1...20_000
    public static let maximumTeachers = 5_000_000
    public static let minimumTeachersPerSchool = 3
    public static let enrolmentsPerTeacherRange = 0.0...20.0
    public static let maximumYears = 30

    /// Checks that the options describe a city that can be generated.
    public func validate() throws(SampleError) {
        guard SampleOptions.schoolRange.contains(schools) else {
            throw .invalidOption(name: "--schools", value: "\(schools)",
                                 reason: "нужно от 1 до 20 000 / must be between 1 and 20 000")
        }
        let minimumTeachers = schools * SampleOptions.minimumTeachersPerSchool
        guard teachers >= minimumTeachers, teachers <= SampleOptions.maximumTeachers else {
            throw .invalidOption(
                name: "--teachers", value: "\(teachers)",
                reason: "нужно от \(minimumTeachers) (три на школу) до 5 000 000 / must be between \(minimumTeachers) (three per school) and 5 000 000")
        }
        guard !years.isEmpty, years.count <= SampleOptions.maximumYears else {
            throw .invalidOption(name: "--years", value: "\(years.count) years",
                                 reason: "нужно от 1 до 30 учебных лет / must list 1 to 30 academic years")
        }
        guard years == years.sorted(), Set(years).count == years.count else {
            throw .invalidOption(name: "--years", value: years.map(\.description).joined(separator: ","),
                                 reason: "годы должны идти по возрастанию без повторов / years must be ascending without repeats")
        }
        guard enrolmentsPerTeacher.isFinite, SampleOptions.enrolmentsPerTeacherRange.contains(enrolmentsPerTeacher) else {
            throw .invalidOption(name: "--enrolments-per-teacher", value: "\(enrolmentsPerTeacher)",
                                 reason: "нужно от 0 до 20 / must be between 0 and 20")
        }
    }
}
