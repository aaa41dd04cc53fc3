import PDContract

/// The state of the sample city: its schools with their staff lists, and the teacher
/// in each post. Everything is derived from the seed through named random streams.
struct CityModel {
    /// A school (educational organisation) of the directory.
    struct School {
        let code: String
        let name: String
        let type: SchoolType
        let isBase: Bool
        let municipality: String
        let municipalityIndex: Int
        /// How active the staff is compared with the city (about 0.75…1.4); base schools are livelier.
        let activity: Double
        /// The posts of the school's staff list.
        var posts: [Post]
    }

    /// A post in a school: the position and, for teachers, the subject taught.
    struct Post {
        let position: Catalogue.Position
        let subject: String
        /// Index into `Catalogue.subjects` for subject teachers.
        let subjectIndex: Int?
    }

    /// A teacher holding a post. `serial` is the teacher's stable number within the city.
    struct Teacher {
        let serial: Int
        let snils: Int
        let fullName: String
        let schoolIndex: Int
        let postIndex: Int
        var experience: Int
        var qualification: QualificationCategory
        /// Deficits the teacher has; a census shows them when a diagnostic was held.
        var deficits: DeficitSet
    }

    /// Stream labels, so that each part of the generator draws its own random numbers.
    enum Stream: UInt64 {
        case schools = 1, staffing, hire, census, enrolments, evolution, style, badRows
    }

    let seed: UInt64
    private(set) var schools: [School] = []
    /// One teacher per post, in school order then post order (the order of the census).
    private(set) var staff: [Teacher] = []
    private var usedSNILS = Set<Int>()
    private var nextSerial = 0

    /// Builds the directory and staffs every post for the first academic year.
    init(options: SampleOptions) {
        seed = options.seed
        schools = CityModel.makeSchools(count: options.schools, teachers: options.teachers, seed: seed)
        for schoolIndex in schools.indices {
            for postIndex in schools[schoolIndex].posts.indices {
                var random = SampleRandom(seed: seed, stream: Stream.hire.rawValue, UInt64(schoolIndex), UInt64(postIndex), 0)
                staff.append(hire(schoolIndex: schoolIndex, postIndex: postIndex, initial: true, random: &random))
            }
        }
    }

    /// Indices of the base schools (опорные школы), which host internships.
    var baseSchoolIndices: [Int] { schools.indices.filter { schools[$0].isBase } }

    func post(of teacher: Teacher) -> Post {
        schools[teacher.schoolIndex].posts[teacher.postIndex]
    }

    // MARK: Directory

    static let cityName = "Городской округ Северогорск"
    static let municipalityNames = [
        "Северогорский городской округ", "Заречный муниципальный округ", "Озёрный городской округ",
        "Каменский муниципальный район", "Лесногорский муниципальный округ", "Приречный муниципальный район",
        "Светлогорский городской округ", "Березовский муниципальный округ", "Новоключевский муниципальный район",
        "Красноборский муниципальный округ", "Верхнереченский муниципальный район", "Сосновский городской округ",
        "Полевской муниципальный округ", "Усть-Кедровский муниципальный район", "Белоярский муниципальный округ",
        "Горнозаводский городской округ", "Тихореченский муниципальный район", "Ясногорский муниципальный округ",
        "Песчаный муниципальный район", "Медногорский городской округ",
    ]
    static let schoolsPerMunicipality = 30
    static let kindergartenNames = [
        "Солнышко", "Ромашка", "Берёзка", "Колокольчик", "Радуга", "Сказка", "Теремок", "Ручеёк",
        "Золотой ключик", "Звёздочка", "Улыбка", "Журавушка",
    ]
    static let additionalNames = [
        "МБУ ДО «Центр детского творчества", "МБУ ДО «Дом детского творчества", "МБУ ДО «Детско-юношеская спортивная школа",
        "МАУ ДО «Центр цифрового образования детей «IT-куб»", "МБУ ДО «Станция юных техников",
        "МБУ ДО «Центр детского и юношеского туризма",
    ]
    /// Repeating pattern of school types: six general schools, three kindergartens, one centre of additional education.
    static let typePattern: [SchoolType] = [
        .general, .general, .preschool, .general, .general, .preschool, .general, .additional, .general, .preschool,
    ]

    /// Name of the municipality with the given index.
    static func municipalityName(_ index: Int, single: Bool) -> String {
        if single { return cityName }
        if index < municipalityNames.count { return municipalityNames[index] }
        return "Муниципальный округ № \(index + 1)"
    }

    /// A school's code: three digits of the municipality (from 101) and three of the school.
    static func schoolCode(municipality: Int, number: Int) -> String {
        String(101 + municipality) + SNILS.padded(number, width: 3)
    }

    /// A code that no generated school has (used by the injected bad rows).
    static let unknownSchoolCode = "999999"

    static func makeSchools(count: Int, teachers: Int, seed: UInt64) -> [School] {
        let single = count <= 40
        var schools: [School] = []
        var weights: [Double] = []
        var generalCount = 0
        var perMunicipality: [Int: (general: Int, preschool: Int, additional: Int, total: Int)] = [:]
        for index in 0..<count {
            var random = SampleRandom(seed: seed, stream: Stream.schools.rawValue, UInt64(index))
            let municipality = single ? 0 : index / schoolsPerMunicipality
            let type = typePattern[index % typePattern.count]
            var counters = perMunicipality[municipality] ?? (0, 0, 0, 0)
            counters.total += 1
            let name: String
            var weight: Double
            var isBase = false
            switch type {
            case .general:
                counters.general += 1
                let number = counters.general
                isBase = generalCount % 4 == 0
                generalCount += 1
                switch number % 7 {
                case 1:
                    name = "МАОУ «Гимназия № \(number)»"
                    weight = 3.6
                case 4:
                    name = "МАОУ «Лицей № \(number)»"
                    weight = 3.4
                case 6:
                    name = "МБОУ «Основная общеобразовательная школа № \(number)»"
                    weight = 1.6
                default:
                    name = "МБОУ «Средняя общеобразовательная школа № \(number)»"
                    weight = 3.0
                }
            case .preschool:
                counters.preschool += 1
                let number = counters.preschool * 3 + random.int(in: 0...2)
                name = "МБДОУ «Детский сад № \(number) «\(random.pick(kindergartenNames))»»"
                weight = 1.1
            case .additional:
                let round = counters.additional / additionalNames.count
                let base = additionalNames[counters.additional % additionalNames.count]
                counters.additional += 1
                name = base + (round > 0 ? " № \(round + 1)»" : "»")
                weight = 0.9
            case .other:
                preconditionFailure("the type pattern has no school of type other")
            }
            perMunicipality[municipality] = counters
            weight *= 0.8 + 0.4 * random.unit()
            let activity = 0.75 + 0.5 * random.unit() + (isBase ? 0.15 : 0)
            schools.append(School(
                code: schoolCode(municipality: municipality, number: counters.total), name: name, type: type, isBase: isBase,
                municipality: municipalityName(municipality, single: single), municipalityIndex: municipality,
                activity: activity, posts: []))
            weights.append(weight)
        }
        let headcounts = allocate(total: teachers, weights: weights, minimum: SampleOptions.minimumTeachersPerSchool)
        for index in schools.indices {
            var random = SampleRandom(seed: seed, stream: Stream.staffing.rawValue, UInt64(index))
            schools[index].posts = staffList(type: schools[index].type, headcount: headcounts[index], random: &random)
        }
        return schools
    }

    /// Splits `total` into parts proportional to `weights`, each at least `minimum`
    /// (largest remainder; ties go to the lower index). `total` must be at least `minimum * weights.count`.
    static func allocate(total: Int, weights: [Double], minimum: Int) -> [Int] {
        var parts = Array(repeating: minimum, count: weights.count)
        let rest = total - minimum * weights.count
        guard rest > 0 else { return parts }
        let sum = weights.reduce(0, +)
        var remainders: [(index: Int, remainder: Double)] = []
        var given = 0
        for (index, weight) in weights.enumerated() {
            let exact = Double(rest) * weight / sum
            let whole = Int(exact)
            parts[index] += whole
            given += whole
            remainders.append((index, exact - Double(whole)))
        }
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        for position in 0..<(rest - given) {
            parts[remainders[position % remainders.count].index] += 1
        }
        return parts
    }

    /// The posts of a school of `type` with `headcount` staff.
    static func staffList(type: SchoolType, headcount: Int, random: inout SampleRandom) -> [Post] {
        var posts: [Post] = []
        func add(_ position: Catalogue.Position, _ subject: String = "", _ subjectIndex: Int? = nil) {
            if posts.count < headcount { posts.append(Post(position: position, subject: subject, subjectIndex: subjectIndex)) }
        }
        func subjectTeacher() {
            let index = random.weightedIndex(Catalogue.subjectWeights)
            add(Catalogue.teacher, Catalogue.subjects[index].name, index)
        }
        switch type {
        case .general:
            // The head and deputies often teach a subject too.
            if random.chance(0.4) {
                let index = random.weightedIndex(Catalogue.subjectWeights)
                add(Catalogue.director, Catalogue.subjects[index].name, index)
            } else {
                add(Catalogue.director)
            }
            for _ in 0..<max(1, Int((Double(headcount) / 20).rounded())) {
                let index = random.weightedIndex(Catalogue.subjectWeights)
                if random.chance(0.6) { add(Catalogue.deputyDirector, Catalogue.subjects[index].name, index) } else { add(Catalogue.deputyDirector) }
            }
            if headcount >= 12 { add(Catalogue.psychologist) }
            if headcount >= 25 { add(Catalogue.socialPedagogue) }
            if headcount >= 30 { add(Catalogue.speechTherapist) }
            if headcount >= 35 { add(Catalogue.organiser) }
            if headcount >= 40 { add(Catalogue.educationAdviser) }
            for _ in 0..<(headcount / 30) { add(Catalogue.additionalTeacher, random.pick(Catalogue.additionalDirections)) }
            let primary = Int(Double(headcount - posts.count) * 0.22)
            for _ in 0..<primary { add(Catalogue.primaryTeacher, Catalogue.primarySubject) }
            while posts.count < headcount { subjectTeacher() }
        case .preschool:
            add(Catalogue.headOfKindergarten)
            if headcount >= 8 { add(Catalogue.seniorEducator) }
            if headcount >= 6 { add(Catalogue.musicDirector, "музыка") }
            if headcount >= 10 { add(Catalogue.speechTherapist) }
            if headcount >= 10 { add(Catalogue.physicalInstructor, "физическая культура") }
            if headcount >= 12 { add(Catalogue.psychologist) }
            while posts.count < headcount { add(Catalogue.educator) }
        case .additional:
            add(Catalogue.director)
            if headcount >= 8 { add(Catalogue.deputyDirector) }
            if headcount >= 6 { add(Catalogue.methodologist) }
            if headcount >= 10 { add(Catalogue.organiser) }
            while posts.count < headcount { add(Catalogue.additionalTeacher, random.pick(Catalogue.additionalDirections)) }
        case .other:
            preconditionFailure("the type pattern has no school of type other")
        }
        return posts
    }

    // MARK: Staff

    /// Share of women among holders of a post.
    static func femaleShare(_ post: Post) -> Double {
        switch post.position.audience {
        case .preschool, .primaryTeacher: return 0.96
        case .leadership: return 0.7
        case .support: return 0.9
        case .additional: return 0.7
        case .subjectTeacher:
            switch post.subject {
            case "физическая культура", "ОБЗР": return 0.35
            case "труд (технология)", "информатика", "физика": return 0.55
            default: return 0.88
            }
        }
    }

    /// A new teacher for a post. Initial staff is of all ages; later hires are mostly young.
    mutating func hire(schoolIndex: Int, postIndex: Int, initial: Bool, random: inout SampleRandom) -> Teacher {
        let post = schools[schoolIndex].posts[postIndex]
        var snils = 0
        repeat {
            snils = random.int(in: 100_000_000...999_999_999)
        } while usedSNILS.contains(snils)
        usedSNILS.insert(snils)
        let name = RussianNames.fullName(female: random.chance(CityModel.femaleShare(post)), random: &random)
        let experience: Int
        if post.position.category == .leadership {
            experience = random.int(in: 12...32)
        } else if initial {
            experience = random.chance(0.15) ? random.int(in: 0...3) : (random.int(in: 2...22) + random.int(in: 2...20))
        } else if random.chance(0.65) {
            experience = random.chance(0.7) ? 0 : random.int(in: 1...3)
        } else {
            experience = random.int(in: 4...30)
        }
        let teacher = Teacher(
            serial: nextSerial, snils: snils, fullName: name, schoolIndex: schoolIndex, postIndex: postIndex,
            experience: experience, qualification: CityModel.initialQualification(experience: experience, random: &random),
            deficits: CityModel.initialDeficits(experience: experience, random: &random))
        nextSerial += 1
        return teacher
    }

    static func initialQualification(experience: Int, random: inout SampleRandom) -> QualificationCategory {
        if experience <= 1 { return .none }
        if experience <= 3 { return random.chance(0.5) ? .none : .compliance }
        let weights: [Double] = experience < 10 ? [0.15, 0.45, 0.35, 0.05] : [0.07, 0.25, 0.36, 0.32]
        return QualificationCategory.ascending[random.weightedIndex(weights)]
    }

    static func initialDeficits(experience: Int, random: inout SampleRandom) -> DeficitSet {
        let young = experience <= 3
        let chances: [(DeficitArea, Double)] = young
            ? [(.methodological, 0.6), (.psychological, 0.45), (.regulatory, 0.25), (.subject, 0.25),
               (.communicative, 0.2), (.digital, 0.1)]
            : [(.digital, 0.2 + 0.01 * Double(min(max(experience - 10, 0), 25))), (.subject, 0.12), (.methodological, 0.15),
               (.psychological, 0.15), (.communicative, 0.08), (.regulatory, 0.2)]
        var set = DeficitSet()
        for (area, chance) in chances where random.chance(chance) { set.insert(area) }
        return set
    }

    /// Moves the city to the next academic year: some teachers leave and are replaced (mostly
    /// by young teachers), the rest gain a year of experience, sometimes a new qualification
    /// category, and lose deficits their completed courses addressed (`addressed[i]` for `staff[i]`).
    mutating func advance(toYearIndex yearIndex: Int, addressed: [DeficitSet]) {
        for index in staff.indices {
            var teacher = staff[index]
            var random = SampleRandom(seed: seed, stream: Stream.evolution.rawValue, UInt64(teacher.serial), UInt64(yearIndex))
            let leadership = post(of: teacher).position.category == .leadership
            let leaveChance = teacher.experience >= 38 ? 0.25 : teacher.experience <= 3 ? 0.1 : leadership ? 0.04 : 0.045
            // Everyone retires before the contract's limit of 60 years of experience.
            if random.chance(leaveChance) || teacher.experience >= 50 {
                var hireRandom = SampleRandom(seed: seed, stream: Stream.hire.rawValue, UInt64(teacher.schoolIndex),
                                              UInt64(teacher.postIndex), UInt64(yearIndex))
                staff[index] = hire(schoolIndex: teacher.schoolIndex, postIndex: teacher.postIndex, initial: false,
                                    random: &hireRandom)
                continue
            }
            teacher.experience += 1
            if teacher.experience >= 2 && random.chance(0.1) {
                switch teacher.qualification {
                case .none: teacher.qualification = random.chance(0.5) ? .compliance : .first
                case .compliance: teacher.qualification = .first
                case .first: teacher.qualification = .highest
                case .highest: break
                }
            } else if random.chance(0.015) {
                teacher.qualification = QualificationCategory.ascending[max(teacher.qualification.level - 1, 0)]
            }
            for area in DeficitArea.allCases where teacher.deficits.contains(area) {
                let closeChance = addressed[index].contains(area) ? 0.7 : 0.08
                if random.chance(closeChance) { teacher.deficits.remove(area) }
            }
            for area in DeficitArea.allCases where !teacher.deficits.contains(area) {
                let appearChance = area == .digital || area == .regulatory ? 0.05 : 0.025
                if random.chance(appearChance) { teacher.deficits.insert(area) }
            }
            staff[index] = teacher
        }
    }
}
