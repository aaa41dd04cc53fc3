import Testing
@testable import PDReport

/// The change arithmetic and marks, without a database.
struct ChangeMarkTests {
    @Test func differencesAreExactInTenths() {
        #expect(ChangeMark.difference("50.0", "100.0") == "-50.0")
        #expect(ChangeMark.difference("66.7", "50.0") == "16.7")
        #expect(ChangeMark.difference("0.1", "0.3") == "-0.2")
        #expect(ChangeMark.difference("12", "11.5") == "0.5")
        #expect(ChangeMark.difference(nil, "1.0") == nil)
        #expect(ChangeMark.difference("1.0", "abc") == nil)
    }

    @Test func marksKnowWhichWayIsBetter() {
        #expect(ChangeMark.mark(change: "2.5", direction: .higher, language: .ru) == "▲ лучше")
        #expect(ChangeMark.mark(change: "-2.5", direction: .higher, language: .en) == "▼ worse")
        #expect(ChangeMark.mark(change: "-2.5", direction: .lower, language: .ru) == "▼ лучше")
        #expect(ChangeMark.mark(change: "0.0", direction: .lower, language: .en) == "= no change")
        #expect(ChangeMark.mark(change: nil, direction: .higher, language: .en) == nil)
    }
}
