import PDContract

/// One teacher's row of the yearly monitoring census (survey file), generated from the
/// teacher's state, the school and the year's trend.
struct CensusRow {
    var diagnostic = false
    /// Deficits the census reports (empty unless a diagnostic was held).
    var deficits = DeficitSet()
    var individualRoute = false
    var mentoring = MentoringRole.none
    var expertRoles: [ExpertRole] = []
    var methodologicalAsset = false
    var networkCommunities = 0
    var subjectClub = false
    var interregional = false
    var conferences = 0, seminars = 0, webinars = 0, internships = 0, publications = 0

    /// How far the city's practice has developed by `year`: 0 in 2019-2020, 1 in 2023-2024.
    /// Coverage of diagnostics, routes, mentoring and networks grows with it.
    static func trend(_ year: AcademicYear) -> Double {
        min(max(Double(year.start - 2019) / 4, -0.5), 1.5)
    }

    init(teacher: CityModel.Teacher, post: CityModel.Post, school: CityModel.School, trend t: Double,
         random: inout SampleRandom) {
        let s = school.activity
        func p(_ value: Double) -> Double { min(max(value, 0), 0.97) }
        let leadership = post.position.category == .leadership
        let young = teacher.experience <= 3
        let category = teacher.qualification

        diagnostic = random.chance(p((0.55 + 0.3 * t) * s))
        if diagnostic { deficits = teacher.deficits }
        individualRoute = deficits.isEmpty ? random.chance(0.04) : random.chance(p((0.45 + 0.4 * t) * s))

        if young {
            mentoring = random.chance(p((0.45 + 0.45 * t) * s)) ? .mentee : .none
        } else if teacher.experience >= 10 && category >= .first && random.chance(p((0.1 + 0.1 * t) * s)) {
            mentoring = .mentor
        }

        if post.position.audience == .subjectTeacher, let index = post.subjectIndex, Catalogue.subjects[index].hasStateExam,
           teacher.experience >= 5, category >= .first, random.chance(0.22) {
            expertRoles.append(.examCommission)
        }
        if category == .highest && random.chance(leadership ? 0.3 : 0.12) { expertRoles.append(.attestation) }
        if teacher.experience >= 3 && random.chance(p(0.12 + 0.05 * t)) { expertRoles.append(.competitions) }
        if random.chance(0.03) { expertRoles.append(.other) }

        switch (leadership, category) {
        case (true, _): methodologicalAsset = random.chance(0.3)
        case (false, .highest): methodologicalAsset = random.chance(p(0.35 * s))
        case (false, .first): methodologicalAsset = random.chance(p(0.12 * s))
        default: methodologicalAsset = random.chance(0.02)
        }

        networkCommunities = min(random.poisson(mean: (0.4 + 0.6 * t) * s), 10)
        let schoolTeacher = post.position.audience == .subjectTeacher || post.position.audience == .primaryTeacher
        subjectClub = random.chance(schoolTeacher ? p((0.08 + 0.2 * t) * s) : 0.05)
        interregional = random.chance(p((0.03 + 0.06 * t) * s))

        let activity: Double = [0.1, 0.2, 0.4, 0.7][category.level] * s * (1 + 0.3 * t)
        conferences = random.poisson(mean: activity)
        seminars = random.poisson(mean: 2 * activity)
        webinars = random.poisson(mean: 3 * activity)
        internships = random.poisson(mean: (0.05 + 0.15 * t) * (school.isBase ? 2 : 1))
        publications = random.poisson(mean: 0.5 * activity)
    }

    /// The row's fields in `SampleHeaders.survey` order.
    func fields(year: AcademicYear, teacher: CityModel.Teacher, post: CityModel.Post, school: CityModel.School,
                style: inout ValueStyle) -> [String] {
        [
            style.academicYear(year),
            school.code,
            style.teacherID(teacher.snils),
            teacher.fullName,
            style.messy ? style.position(post.position.title) : post.position.title,
            style.staffCategory(post.position.category),
            post.subject,
            style.number(teacher.experience),
            style.value(teacher.qualification),
            style.flag(diagnostic),
            style.list(deficits.areas),
            style.flag(individualRoute),
            style.value(mentoring),
            style.list(expertRoles),
            style.flag(methodologicalAsset),
            style.count(networkCommunities),
            style.flag(subjectClub),
            style.flag(interregional),
            style.count(conferences),
            style.count(seminars),
            style.count(webinars),
            style.count(internships),
            style.count(publications),
        ]
    }
}

extension ValueStyle {
    /// Positions are typed by hand in real exports: sometimes with a capital letter.
    mutating func position(_ title: String) -> String {
        guard messy, random.chance(0.3) else { return title }
        return title.prefix(1).uppercased() + title.dropFirst()
    }
}
