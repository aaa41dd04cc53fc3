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
