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
}

/// English counts: «1 teacher», «2 teachers».
public enum EnglishPlural {
    public static func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count.magnitude == 1 ? singular : (plural ?? singular + "s"))"
    }
}
