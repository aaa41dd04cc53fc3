/// Russian numeral agreement: the form of a noun after a number.
///
/// The rule (Розенталь, «Справочник по правописанию и литературной правке», § согласование
/// числительных с существительными): the last two digits 11–14 take the genitive plural
/// («11 педагогов»); otherwise the last digit 1 takes the singular («21 педагог»), 2–4 the
/// genitive singular («22 педагога»), and 0, 5–9 the genitive plural («25 педагогов»).
/// Fractions take the genitive singular («2,5 часа»).
public enum RussianPlural {
    /// Which of the three forms a number takes.
    public enum Form: Sendable, Equatable {
        /// 1, 21, 101: «педагог», «школа».
        case one
        /// 2–4, 22–24: «педагога», «школы».
        case few
        /// 0, 5–20, 25–30, 111: «педагогов», «школ».
        case many
    }

    /// The form an integer count takes.
    public static func form(_ count: Int) -> Form {
        let n = count.magnitude
        let lastTwo = n % 100
        if (11...14).contains(lastTwo) { return .many }
        switch n % 10 {
        case 1: return .one
        case 2, 3, 4: return .few
        default: return .many
        }
    }

    /// A noun's three forms after a number, in the case the phrase needs (nominative «1
    /// педагог»; for a phrase in the genitive, «у 1 педагога / 2 педагогов / 5 педагогов», give
    /// those forms).
    public struct Noun: Sendable, Equatable {
        public var one: String
        public var few: String
        public var many: String

        public init(one: String, few: String, many: String) {
            self.one = one
            self.few = few
            self.many = many
        }

        /// The noun's form after `count`.
        public func form(for count: Int) -> String {
            switch RussianPlural.form(count) {
            case .one: return one
            case .few: return few
            case .many: return many
            }
        }

        /// «21 педагог», «22 педагога», «25 педагогов».
        public func counted(_ count: Int) -> String { "\(count) \(form(for: count))" }
    }

    /// The form a number written as text takes: an integer by `form(_:)`, a fraction (`2,5`,
    /// `2.5`) the genitive singular, like `few` («2,5 часа»). Nil for text that is not a number.
    public static func form(ofNumber text: String) -> Form? {
        var body = Substring(text)
        if body.first == "-" || body.first == "−" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ".", omittingEmptySubsequences: false) }
        guard !parts.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if parts.count == 2 && parts[1].contains(where: { $0 != "0" }) { return .few }
        guard let whole = Int(parts[0]) else { return .many }
        return form(whole)
    }

    /// The nouns texts count, nominative after the number.
    public static let teacher = Noun(one: "педагог", few: "педагога", many: "педагогов")
    public static let youngTeacher = Noun(one: "молодой педагог", few: "молодых педагога", many: "молодых педагогов")
    public static let school = Noun(one: "школа", few: "школы", many: "школ")
    public static let organisation = Noun(one: "образовательная организация", few: "образовательные организации",
                                          many: "образовательных организаций")
    public static let hour = Noun(one: "час", few: "часа", many: "часов")
    public static let course = Noun(one: "курс", few: "курса", many: "курсов")
    public static let row = Noun(one: "строка", few: "строки", many: "строк")
    public static let file = Noun(one: "файл", few: "файла", many: "файлов")
    public static let recommendation = Noun(one: "рекомендация", few: "рекомендации", many: "рекомендаций")
    public static let percentagePoint = Noun(one: "процентный пункт", few: "процентных пункта", many: "процентных пунктов")
    public static let enrolment = Noun(one: "обучение", few: "обучения", many: "обучений")
    public static let leader = Noun(one: "руководитель", few: "руководителя", many: "руководителей")
    public static let column = Noun(one: "столбец", few: "столбца", many: "столбцов")
    public static let batch = Noun(one: "пакет", few: "пакета", many: "пакетов")
    public static let time = Noun(one: "раз", few: "раза", many: "раз")

    /// The same nouns in the genitive, for phrases that govern it: «у 1 педагога», «у 2
    /// педагогов», «касается 21 педагога», «касается 25 педагогов».
    public static let teacherGenitive = Noun(one: "педагога", few: "педагогов", many: "педагогов")
    public static let youngTeacherGenitive = Noun(one: "молодого педагога", few: "молодых педагогов", many: "молодых педагогов")
    public static let enrolmentGenitive = Noun(one: "обучения", few: "обучений", many: "обучений")
    public static let leaderGenitive = Noun(one: "руководителя", few: "руководителей", many: "руководителей")
    /// The prepositional: «в 1 столбце», «в 2 столбцах».
    public static let columnPrepositional = Noun(one: "столбце", few: "столбцах", many: "столбцах")

    /// The nouns a text template may count by naming their nominative singular, as in
    /// `{missing|педагог}` (see `RuleTemplate`). Other nouns are given with their three forms:
    /// `{missing|педагога|педагогов|педагогов}`.
    public static let nouns: [String: Noun] = Dictionary(
        [teacher, youngTeacher, school, organisation, hour, course, row, file, recommendation, percentagePoint,
         enrolment, leader, column, batch].map { ($0.one, $0) },
        uniquingKeysWith: { first, _ in first })

    /// The noun whose nominative singular is `name` (`педагог`, `молодой педагог`, `обучение` …).
    public static func noun(named name: String) -> Noun? { nouns[name] }
}

/// English counts: «1 teacher», «2 teachers».
public enum EnglishPlural {
    public static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count.magnitude == 1 ? singular : (plural ?? Self.plural(of: singular)))"
    }

    /// The plural of a noun phrase: its last word with `s` (`es` after s, x, ch, sh; `ies`
    /// after a consonant and y); `person` → `people`.
    public static func plural(of singular: String) -> String {
        if singular.hasSuffix("person") { return String(singular.dropLast(6)) + "people" }
        if singular.hasSuffix("child") { return singular + "ren" }
        for ending in ["s", "x", "ch", "sh"] where singular.hasSuffix(ending) { return singular + "es" }
        if singular.hasSuffix("y"), let before = singular.dropLast().last, !"aeiou".contains(before) {
            return String(singular.dropLast()) + "ies"
        }
        return singular + "s"
    }

    /// Whether a number written as text takes the singular: exactly 1 (not 1.5, not 21).
    public static func isSingular(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let whole = parts.first, whole == "1" else { return false }
        return parts.dropFirst().allSatisfy { $0.allSatisfy { $0 == "0" } }
    }
}
