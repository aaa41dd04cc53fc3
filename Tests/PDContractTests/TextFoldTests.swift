import Testing
@testable import PDContract

@Suite("Text folding")
struct TextFoldTests {
    @Test("trims, lower-cases Latin and Cyrillic, folds ё and whitespace runs")
    func folding() {
        #expect(TextFold.fold("  Код\u{00A0}\u{00A0}ОО ") == "код оо")
        #expect(TextFold.fold("ЁЛКА ёлка") == "елка елка")
        #expect(TextFold.fold("Объём,\tчасов") == "объем, часов")
        #expect(TextFold.fold("School_Code") == "school_code")
        #expect(TextFold.fold("a \u{202F}\u{2009} b\r\n") == "a b")
        #expect(TextFold.fold("\u{FEFF}код ОО") == "код оо")
        #expect(TextFold.fold("   ") == "")
        #expect(TextFold.fold("") == "")
        #expect(TextFold.fold("ДОТ") == "дот")
        #expect(TextFold.fold("ÄÖ") == "äö")
    }

    @Test("fast path returns already folded text unchanged")
    func alreadyFolded() {
        #expect(TextFold.fold("school_code") == "school_code")
        #expect(TextFold.fold("a b") == "a b")
        #expect(TextFold.fold("a  b") == "a b")
        #expect(TextFold.fold(" a") == "a")
        #expect(TextFold.fold("a ") == "a")
    }

    @Test("clean keeps case, trims and folds whitespace, empty is nil")
    func clean() {
        #expect(TextFold.clean("  Учитель\u{00A0} Математики ") == "Учитель Математики")
        #expect(TextFold.clean("Ёж") == "Ёж")
        #expect(TextFold.clean("") == nil)
        #expect(TextFold.clean(" \u{00A0}\t") == nil)
        #expect(TextFold.clean("ok") == "ok")
    }
}
