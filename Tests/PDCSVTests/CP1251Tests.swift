import Testing
@testable import PDCSV

@Suite struct CP1251Tests {
    @Test func roundTripsCyrillic() {
        let text = "Учебный год;Код ОО;ёЁ№"
        let bytes = CP1251.encode(text)
        #expect(bytes.count == text.count)
        #expect(CP1251.decode(bytes) == text)
    }

    @Test func unknownScalarsBecomeQuestionMarks() {
        #expect(CP1251.encode("a€😀") == [0x61, 0x88, 0x3F])
    }
}
