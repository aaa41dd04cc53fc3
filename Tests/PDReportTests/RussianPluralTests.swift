import Testing
import PDReport

@Suite struct RussianPluralTests {
    @Test(arguments: [
        (1, "1 педагог"), (2, "2 педагога"), (4, "4 педагога"), (5, "5 педагогов"), (11, "11 педагогов"),
        (12, "12 педагогов"), (14, "14 педагогов"), (21, "21 педагог"), (22, "22 педагога"), (25, "25 педагогов"),
        (101, "101 педагог"), (111, "111 педагогов"), (112, "112 педагогов"), (0, "0 педагогов"), (1000, "1000 педагогов"),
    ])
    func teachersAgreeWithEveryNumber(count: Int, text: String) {
        #expect(RussianPlural.teacher.counted(count) == text)
    }

    @Test func adjectivesAgreeToo() {
        #expect(RussianPlural.youngTeacher.counted(1) == "1 молодой педагог")
        #expect(RussianPlural.youngTeacher.counted(4) == "4 молодых педагога")
        #expect(RussianPlural.youngTeacher.counted(11) == "11 молодых педагогов")
        #expect(RussianPlural.school.counted(21) == "21 школа")
        #expect(RussianPlural.hour.counted(72) == "72 часа")
        #expect(EnglishPlural.counted(1, "teacher") == "1 teacher")
        #expect(EnglishPlural.counted(21, "teacher") == "21 teachers")
    }
}

/// Counts inside rule templates agree with their nouns (`RuleTemplate`).
@Suite struct CountedPlaceholderTests {
    @Test(arguments: [
        (1, "без наставника — 1 молодой педагог", "without a mentor: 1 young teacher", "у 1 педагога"),
        (2, "без наставника — 2 молодых педагога", "without a mentor: 2 young teachers", "у 2 педагогов"),
        (5, "без наставника — 5 молодых педагогов", "without a mentor: 5 young teachers", "у 5 педагогов"),
        (11, "без наставника — 11 молодых педагогов", "without a mentor: 11 young teachers", "у 11 педагогов"),
        (21, "без наставника — 21 молодой педагог", "without a mentor: 21 young teachers", "у 21 педагога"),
        (22, "без наставника — 22 молодых педагога", "without a mentor: 22 young teachers", "у 22 педагогов"),
        (25, "без наставника — 25 молодых педагогов", "without a mentor: 25 young teachers", "у 25 педагогов"),
        (101, "без наставника — 101 молодой педагог", "without a mentor: 101 young teachers", "у 101 педагога"),
    ])
    func aCountNamesItsNounInTheRightForm(count: Int, russian: String, english: String, genitive: String) {
        let values = ["missing": String(count)]
        #expect(RuleTemplate.fill("без наставника — {missing|молодой педагог}", values, language: .ru) == russian)
        #expect(RuleTemplate.fill("without a mentor: {missing|young teacher}", values, language: .en) == english)
        #expect(RuleTemplate.fill("у {missing|педагога|педагогов|педагогов}", values, language: .ru) == genitive)
    }

    @Test func fractionsTakeTheGenitiveSingularAndWordsAreLeftAlone() {
        #expect(RuleTemplate.fill("{value|час}", ["value": "2,5"], language: .ru) == "2,5 часа")
        #expect(RuleTemplate.fill("{value|hour}", ["value": "1.0"], language: .en) == "1.0 hour")
        #expect(RuleTemplate.fill("{value|педагог}", ["value": "—"], language: .ru) == "—")
        #expect(RuleTemplate.fill("{value|person|people}", ["value": "3"], language: .en) == "3 people")
        #expect(RuleTemplate.fill("{unknown|педагог} {value}", ["value": "1"], language: .ru) == "{unknown|педагог} 1")
        #expect(RuleTemplate.placeholders(in: "{missing|педагог} из {denominator}") == ["missing", "denominator"])
        #expect(EnglishPlural.plural(of: "young teacher") == "young teachers")
        #expect(EnglishPlural.plural(of: "activity") == "activities")
    }

    @Test func aNounOutsideTheDictionaryNeedsItsThreeForms() {
        #expect(RuleTemplate.nounProblem(in: "{missing|педагог}", language: .ru) == nil)
        #expect(RuleTemplate.nounProblem(in: "{missing|эксперт}", language: .ru)?.contains("три формы") == true)
        #expect(RuleTemplate.nounProblem(in: "{missing|эксперт|эксперта|экспертов}", language: .ru) == nil)
        #expect(RuleTemplate.nounProblem(in: "{missing|a|b}", language: .ru) != nil)
        #expect(RuleTemplate.nounProblem(in: "{missing|expert}", language: .en) == nil)
        #expect(RuleTemplate.nounProblem(in: "{missing|a|b|c}", language: .en) != nil)
    }
}
