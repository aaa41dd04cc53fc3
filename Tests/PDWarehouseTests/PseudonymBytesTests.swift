import Testing
@testable import PDWarehouse

/// The loader's teacher map keys pseudonyms by their 32 bytes (`PseudonymBytes`): the 64 hex
/// digits read back exactly as written, and anything else is not taken for a pseudonym.
struct PseudonymBytesTests {
    @Test func sixtyFourHexDigitsReadBackAsWritten() throws {
        let hex = "0123456789abcdef" + "fedcba9876543210" + "00000000ffffffff" + "a5a5a5a5a5a5a5a5"
        let bytes = try #require(PseudonymBytes(hex: hex))
        #expect(bytes.hex == hex)
        #expect(PseudonymBytes(hex: hex.uppercased())?.hex == hex)
        #expect(PseudonymBytes(hex: hex) == bytes)
        #expect(PseudonymBytes(hex: String(hex.dropLast()) + "4") != bytes)
    }

    @Test func otherTextIsNoPseudonym() {
        #expect(PseudonymBytes(hex: "") == nil)
        #expect(PseudonymBytes(hex: String(repeating: "a", count: 63)) == nil)
        #expect(PseudonymBytes(hex: String(repeating: "a", count: 65)) == nil)
        #expect(PseudonymBytes(hex: String(repeating: "g", count: 64)) == nil)
        #expect(PseudonymBytes(hex: "tn-0007") == nil)
    }
}

extension PseudonymBytesTests {
    /// The teacher map's key is the first 16 bytes: pseudonyms that differ there differ as keys.
    @Test func theMapKeyIsTheFirstSixteenBytes() throws {
        let first = try #require(PseudonymBytes(hex: String(repeating: "ab", count: 32)))
        let second = try #require(PseudonymBytes(hex: String(repeating: "ab", count: 16) + String(repeating: "cd", count: 16)))
        #expect(first.prefix == second.prefix)
        #expect(first != second)
        let third = try #require(PseudonymBytes(hex: "ac" + String(repeating: "ab", count: 31)))
        #expect(third.prefix != first.prefix)
    }
}
