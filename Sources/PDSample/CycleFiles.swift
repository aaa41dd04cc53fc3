import PDContract

/// The management cycle's files of the sample city (issue 13 §2, §3): the schools' course
/// requests (`requests_<year>`) and the measures taken on the recommendations
/// (`measures_<year>`). Deterministic: they take no draw from the streams of the other files,
/// so the census and enrolments are byte-identical with or without them.
///
/// Requests of a year: every enrolment sent by the school's request (`requested_by_school`) is a
/// named request for its course (completed, or enrolled and not completed, by its status);
/// about one teacher in seven without any enrolment that year is requested for a focus area
/// (not enrolled); and every school has one counted row — two teachers of any subject for the
/// focus area of the school's turn — which teachers enrolled without a request may fill.
/// Measures of every year but the last: a quarter of the schools in turn (the year decides
/// which) take a measure on one of three recommendations, and the city takes one.
enum CycleFiles {
    /// Whether a teacher with no enrolment in the year is requested anyway.
    static func requestsUnenrolled(serial: Int, yearIndex: Int) -> Bool {
        (serial + 3 * yearIndex) % 7 == 0
    }

    /// The request of an enrolment sent by request, from the enrolment row's own cells (the
    /// columns of `SampleHeaders.enrolments`): the same teacher, subject, course, focus area, hours.
    static func namedRequest(_ enrolment: [String]) -> [String] {
        [enrolment[0], enrolment[1], enrolment[2], "", enrolment[6], enrolment[11], enrolment[7], enrolment[9]]
    }

    /// A teacher requested for a focus area (the census's first deficit, else methodological)
    /// who takes no course that year.
    static func unenrolledRequest(year: AcademicYear, teacher: CityModel.Teacher, post: CityModel.Post, school: CityModel.School,
                                  deficits: DeficitSet, style: inout ValueStyle) -> [String] {
        let area = deficits.areas.first ?? .methodological
        return [style.academicYear(year), school.code, style.teacherID(teacher.snils), "", post.subject, style.value(area), "",
                style.number(36)]
    }

    /// A school's counted row: two teachers for the focus area of its turn, any subject.
    static func countedRequest(year: AcademicYear, yearIndex: Int, schoolIndex: Int, school: CityModel.School,
                               style: inout ValueStyle) -> [String] {
        let areas = DeficitArea.allCases
        let area = areas[(schoolIndex + yearIndex) % areas.count]
        return [style.academicYear(year), school.code, "", style.number(2), "", style.value(area), "", ""]
    }

    /// The recommendations the sample's measures answer: rule, its indicator, the measure taken.
    static let answers: [(rule: String, indicator: String, text: String)] = [
        ("R10", "pd_coverage_3y", "Включить педагогов без КПК за три года в план-заказ и заявку ОО"),
        ("R02", "individual_route_share", "Разработать ИОМ педагогам с выявленными дефицитами"),
        ("R04", "distance_share", "Направлять педагогов на дистанционные КПК"),
    ]

    /// The measures of `year`: the schools whose index is the year's turn modulo 4, and the city.
    static func measures(year: AcademicYear, yearIndex: Int, schools: [CityModel.School], style: inout ValueStyle) -> [[String]] {
        let date = CivilDate(year: year.end, month: 2, day: 15)!
        var rows: [[String]] = [[
            style.academicYear(year), "город", "R01", "diagnostic_share",
            "Провести диагностику профессиональных дефицитов во всех ОО", style.date(date), "муниципальный методический центр",
        ]]
        for (index, school) in schools.enumerated() where index % 4 == yearIndex % 4 {
            let answer = answers[(index / 4) % answers.count]
            rows.append([style.academicYear(year), school.code, answer.rule, answer.indicator, answer.text, style.date(date),
                         "заместитель директора по УВР"])
        }
        return rows
    }
}
