import Testing
@testable import PDReport

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Latin and Cyrillic letters are one column each")
    func cyrillic() {
        #expect(DisplayWidth.of("school") == 6)
        #expect(DisplayWidth.of("Школа") == 5)
        #expect("Школа".utf8.count == 10)
        #expect(DisplayWidth.of("Ёлочка №1") == 9)
    }

    @Test("Colour escape sequences take no columns")
    func ansi() {
        #expect(DisplayWidth.of("\u{1B}[31mрост\u{1B}[0m") == 4)
        #expect(DisplayWidth.of("\u{1B}[1;38;5;208m▲\u{1B}[m") == 1)
        #expect(DisplayWidth.of("\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{1B}\\") == 4)
    }

    @Test("Combining marks and zero-width characters take none")
    func combining() {
        // "й" written as и + combining breve, and an accented "е́".
        #expect(DisplayWidth.of("и\u{0306}") == 1)
        #expect(DisplayWidth.of("уче\u{0301}ба") == 5)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
    }

    @Test("East Asian wide characters and emoji take two")
    func wide() {
        #expect(DisplayWidth.of("学校") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("📚") == 2)
    }

    @Test("Padding uses display width, on either side")
    func padding() {
        #expect(DisplayWidth.pad("Щи", to: 5, alignment: .left) == "Щи   ")
        #expect(DisplayWidth.pad("12", to: 5, alignment: .right) == "   12")
        #expect(DisplayWidth.pad("\u{1B}[1mЖ\u{1B}[0m", to: 3, alignment: .left) == "\u{1B}[1mЖ\u{1B}[0m  ")
        #expect(DisplayWidth.pad("длинный", to: 3, alignment: .left) == "длинный")
    }

    @Test("The table renderer's meter measures every BMP scalar and mixed text as DisplayWidth does")
    func meterAgreesWithDisplayWidth() {
        var meter = WidthMeter()
        for value in UInt32(0)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            #expect(meter.width(of: text) == DisplayWidth.of(text), "U+\(String(value, radix: 16))")
        }
        for text in ["Школа № 1 «Ёлочка» — 67,5", "a\u{0301}b", "\u{1B}[31mкрасный\u{1B}[0m", "日本 😀 x", "Ѣ҂҃", "\u{00AD}\u{200B}",
                     "\u{1F600}\u{1F3FB}", ""] {
            #expect(meter.width(of: text) == DisplayWidth.of(text), "\(text)")
        }
    }
}
