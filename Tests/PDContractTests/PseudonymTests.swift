import Crypto
import Foundation
import Testing
@testable import PDContract

@Suite("Pseudonyms and masking")
struct PseudonymTests {
    static let key = "a-secret-key-of-32-bytes-length!"

    @Test("identifiers are normalised: trim, drop spaces and dashes, upper-case")
    func normalise() {
        #expect(Pseudonymizer.normalise(" 123-456-789 01 ") == "12345678901")
        #expect(Pseudonymizer.normalise("123\u{00A0}456–789—01") == "12345678901")
        #expect(Pseudonymizer.normalise("ab-12") == "AB12")
        #expect(Pseudonymizer.normalise("тн-0042") == "ТН0042")
        #expect(Pseudonymizer.normalise(" - ") == "")
        #expect(Pseudonymizer.normalise("X1") == "X1")
    }

    @Test("pseudonyms are HMAC-SHA256 hex of the normalised identifier, deterministic per key")
    func hmac() throws {
        let pseudonymizer = try Pseudonymizer(key: Self.key)
        let expected = HMAC<SHA256>.authenticationCode(for: Array("12345678901".utf8),
                                                       using: SymmetricKey(data: Array(Self.key.utf8)))
            .map { String(format: "%02x", $0) }.joined()
        #expect(pseudonymizer.pseudonym(forTeacherID: "123-456-789 01") == expected)
        #expect(pseudonymizer.pseudonym(forTeacherID: "12345678901") == expected)
        #expect(try Pseudonymizer(key: Self.key).pseudonym(forTeacherID: "12345678901") == expected)
        let other = try Pseudonymizer(key: "another-secret-key-0123456789")
        #expect(other.pseudonym(forTeacherID: "12345678901") != expected)
        #expect(pseudonymizer.pseudonym(forTeacherID: "---") == nil)
        #expect(!pseudonymizer.isDemo)
        #expect(Pseudonymizer.demo.isDemo)
    }

    @Test("RFC 4231 test case 6: a key longer than the block is hashed first")
    func longKey() throws {
        let key = [UInt8](repeating: 0xAA, count: 131)
        let pseudonymizer = try Pseudonymizer(keyBytes: key)
        #expect(pseudonymizer.pseudonym(ofNormalised: "Test Using Larger Than Block-Size Key - Hash Key First")
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test("the key comes from the key file first, else the environment; errors are clear")
    func keyLoading() throws {
        let env = [Pseudonymizer.environmentVariable: Self.key]
        let fromEnv = try Pseudonymizer.load(keyFile: nil, environment: env)
        let reference = try Pseudonymizer(key: Self.key)
        #expect(fromEnv.pseudonym(forTeacherID: "1") == reference.pseudonym(forTeacherID: "1"))

        let path = NSTemporaryDirectory() + "pdmon-key-\(UInt32.random(in: 0...UInt32.max))"
        try "\(Self.key)\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try Pseudonymizer.load(keyFile: path, environment: [Pseudonymizer.environmentVariable: "other-key-0123456789"])
        #expect(fromFile.pseudonym(forTeacherID: "1") == reference.pseudonym(forTeacherID: "1"))

        #expect(throws: PseudonymKeyError.missing) { try Pseudonymizer.load(keyFile: nil, environment: [:]) }
        #expect(throws: PseudonymKeyError.missing) {
            try Pseudonymizer.load(keyFile: nil, environment: [Pseudonymizer.environmentVariable: ""])
        }
        #expect(throws: PseudonymKeyError.tooShort(source: Pseudonymizer.environmentVariable, length: 5)) {
            try Pseudonymizer.load(keyFile: nil, environment: [Pseudonymizer.environmentVariable: "short"])
        }
        #expect(throws: PseudonymKeyError.self) { try Pseudonymizer.load(keyFile: path + ".missing", environment: env) }
        try "  \n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PseudonymKeyError.emptyKeyFile(path: path)) { try Pseudonymizer.load(keyFile: path, environment: env) }
    }

    @Test("the missing-key message is bilingual, names both sources and never shows a key")
    func keyMessages() {
        let message = PseudonymKeyError.missing.description
        #expect(message.contains("PDMON_PSEUDONYM_KEY"))
        #expect(message.contains("--pseudonym-key-file"))
        #expect(message.contains("ключ"))
        #expect(message.contains("No pseudonymisation key"))
        #expect(!PseudonymKeyError.tooShort(source: "env", length: 5).description.contains("short-key"))
    }

    @Test("masking: names entirely, identifiers to at most the last two characters")
    func masking() {
        #expect(Masking.fullName("Иванова Мария Петровна") == "***")
        #expect(Masking.fullName("  ") == "")
        #expect(Masking.teacherID("123-456-789 01") == "***01")
        #expect(Masking.teacherID("12345") == "***")
        #expect(Masking.teacherID("") == "")
        #expect(Masking.teacherID("--") == "***")
        #expect(Masking.mask(.schoolCode, "S01") == "S01")
        let issue = RowIssue(line: 3, column: "ФИО", field: .fullName, value: "Иванова Мария", reason: .missingRequired)
        #expect(issue.value == "***")
        #expect(!issue.description.contains("Иванова"))
        let id = RowIssue(line: 3, column: "СНИЛС", field: .teacherID, value: "123-456-789 01", reason: .duplicateTeacher)
        #expect(id.value == "***01")
    }
}
