import PDContract

/// One course enrolment of a teacher in an academic year.
struct Enrolment {
    let course: Catalogue.Course
    let provider: String
    let delivery: Delivery
    let funding: Funding
    let requestedBySchool: Bool
    let start: CivilDate
    let end: CivilDate
    let status: EnrolmentStatus
    let certificate: String

    /// The row's fields in `SampleHeaders.enrolments` order.
    func fields(year: AcademicYear, teacher: CityModel.Teacher, post: CityModel.Post, school: CityModel.School,
                style: inout ValueStyle) -> [String] {
        [
            style.academicYear(year),
            school.code,
            style.teacherID(teacher.snils),
            teacher.fullName,
            style.position(post.position.title),
            style.staffCategory(post.position.category),
            post.subject,
            course.title,
            style.value(course.kind),
            style.number(course.hours),
            style.value(delivery),
            course.focus.map { style.value($0) } ?? "",
            provider,
            style.value(funding),
            style.flag(requestedBySchool, emptyMeansFalse: false),
            style.date(start),
            style.date(end),
            style.value(status),
            certificate,
        ]
    }
}

/// Chooses the courses a teacher takes in a year. Teachers whose census shows deficits
/// take more courses, and mostly courses whose focus area is one of their deficits.
struct EnrolmentPlanner {
    let schools: [CityModel.School]
    let baseSchools: [Int]
    /// Suitable courses by audience and subject (experience is checked per teacher).
    private var candidates: [Int: [Int]] = [:]

    /// Share of a teacher's courses chosen to address one of the census deficits.
    static let deficitFocusShare = 0.75

    init(schools: [CityModel.School]) {
        self.schools = schools
        baseSchools = schools.indices.filter { schools[$0].isBase }
    }

    /// The relative number of courses a teacher takes (normalised over the year by the caller).
    static func weight(deficits: DeficitSet, post: CityModel.Post) -> Double {
        (deficits.isEmpty ? 0.8 : 1.4) * (post.position.category == .leadership ? 0.8 : 1)
    }

    mutating func enrolments(count: Int, teacher: CityModel.Teacher, post: CityModel.Post, deficits: DeficitSet,
                             year: AcademicYear, isLastYear: Bool, random: inout SampleRandom) -> [Enrolment] {
        let pool = suitableCourses(for: post).filter { Catalogue.courses[$0].allows(experience: teacher.experience) }
        guard !pool.isEmpty else { return [] }
        var chosen: [Enrolment] = []
        var taken = Set<Int>()
        for _ in 0..<count {
            // A teacher does not take the same programme twice in a year.
            let open = pool.filter { !taken.contains($0) }
            guard !open.isEmpty else { break }
            var candidates = open
            if !deficits.isEmpty && random.chance(EnrolmentPlanner.deficitFocusShare) {
                let area = random.pick(deficits.areas)
                let matching = open.filter { Catalogue.courses[$0].focus == area }
                if !matching.isEmpty { candidates = matching }
            }
            let index = candidates[random.weightedIndex(candidates.map { Catalogue.courses[$0].weight })]
            taken.insert(index)
            chosen.append(enrol(Catalogue.courses[index], teacher: teacher, year: year, isLastYear: isLastYear, random: &random))
        }
        return chosen.sorted { $0.start != $1.start ? $0.start < $1.start : $0.course.title < $1.course.title }
    }

    private mutating func suitableCourses(for post: CityModel.Post) -> [Int] {
        let audiences: [Catalogue.Audience] = [.subjectTeacher, .primaryTeacher, .preschool, .additional, .leadership, .support]
        let key = (audiences.firstIndex(of: post.position.audience) ?? 0) * 64 + (post.subjectIndex ?? -1) + 1
        if let cached = candidates[key] { return cached }
        let hasBaseSchools = !baseSchools.isEmpty
        let list = Catalogue.courses.indices.filter { index in
            let course = Catalogue.courses[index]
            if course.kind == .internship && !hasBaseSchools { return false }
            return course.suits(audience: post.position.audience, subjectIndex: post.subjectIndex)
        }
        candidates[key] = list
        return list
    }

    private func enrol(_ course: Catalogue.Course, teacher: CityModel.Teacher, year: AcademicYear, isLastYear: Bool,
                       random: inout SampleRandom) -> Enrolment {
        let t = CensusRow.trend(year)
        let provider: String
        var funding: Funding
        if course.kind == .internship {
            provider = schools[internshipHost(for: teacher, random: &random)].name
            funding = random.chance(0.8) ? .stateAssignment : .other
        } else {
            let chosen = random.pick(course.providers)
            provider = chosen.name
            if chosen.isCommercial {
                funding = random.chance(0.8) ? .paid : .other
            } else if course.kind == .retraining {
                funding = random.chance(0.5) ? .paid : .stateAssignment
            } else {
                funding = random.chance(0.9) ? .stateAssignment : .other
            }
        }
        let delivery = course.deliveries[random.weightedIndex(course.deliveries.map { $0 == .distance ? 1 + t : 1 })]
        let requested = random.chance(funding == .paid ? 0.5 : 0.92)
        let start = EnrolmentPlanner.startDate(in: year, random: &random)
        let end = start.adding(days: EnrolmentPlanner.durationDays(course, random: &random) - 1)

        let status: EnrolmentStatus
        let cutoff = CivilDate(year: year.end, month: 5, day: 25)!
        if isLastYear && start > cutoff {
            status = .notStarted
        } else if isLastYear && end > cutoff {
            status = .inProgress
        } else {
            switch random.weightedIndex([0.96, 0.025, 0.015]) {
            case 0: status = .completed
            case 1: status = .dropped
            default: status = .notStarted
            }
        }
        var certificate = ""
        if status == .completed {
            let prefix = course.kind == .retraining ? "ПП" : "ПК"
            certificate = "\(prefix)-\(SNILS.padded(end.year % 100, width: 2))-\(SNILS.padded(random.int(in: 1...999_999), width: 6))"
        }
        return Enrolment(course: course, provider: provider, delivery: delivery, funding: funding, requestedBySchool: requested,
                         start: start, end: end, status: status, certificate: certificate)
    }

    /// A base school of the teacher's municipality (another school than the teacher's own when possible).
    private func internshipHost(for teacher: CityModel.Teacher, random: inout SampleRandom) -> Int {
        let municipality = schools[teacher.schoolIndex].municipalityIndex
        let local = baseSchools.filter { schools[$0].municipalityIndex == municipality }
        let others = local.filter { $0 != teacher.schoolIndex }
        return random.pick(others.isEmpty ? (local.isEmpty ? baseSchools : local) : others)
    }

    /// Courses start between September and June, busiest in autumn and spring, on a weekday.
    static func startDate(in year: AcademicYear, random: inout SampleRandom) -> CivilDate {
        let monthWeights: [Double] = [0.07, 0.13, 0.14, 0.08, 0.07, 0.12, 0.14, 0.12, 0.08, 0.05]
        let offset = random.weightedIndex(monthWeights)
        let month = (8 + offset) % 12 + 1
        let calendarYear = month >= 9 ? year.start : year.end
        var date = CivilDate(year: calendarYear, month: month,
                             day: random.int(in: 1...CivilDate.daysIn(month: month, year: calendarYear)))!
        // Saturday (6) and Sunday (7) move to the Monday after.
        if date.isoWeekday >= 6 { date = date.adding(days: 8 - date.isoWeekday) }
        return date
    }

    /// Calendar days from the first to the last day of a course (at least one).
    static func durationDays(_ course: Catalogue.Course, random: inout SampleRandom) -> Int {
        if course.kind == .internship { return random.int(in: 2...5) }
        if course.kind == .retraining {
            return Int(Double(course.hours) * (0.4 + 0.15 * random.unit()))
        }
        switch course.hours {
        case ...16: return random.int(in: 2...4)
        case ...24: return random.int(in: 3...7)
        case ...36: return random.int(in: 5...14)
        case ...72: return random.int(in: 14...35)
        case ...108: return random.int(in: 25...60)
        default: return random.int(in: 30...80)
        }
    }
}
