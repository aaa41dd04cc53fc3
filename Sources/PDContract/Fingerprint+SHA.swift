import Crypto

extension DuplicateTracker.Fingerprint {
    init(digestOf bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes)
        var high: UInt64 = 0
        var low: UInt64 = 0
        digest.withUnsafeBytes { raw in
            for index in 0..<8 { high = high << 8 | UInt64(raw[index]) }
            for index in 8..<16 { low = low << 8 | UInt64(raw[index]) }
        }
        self.init(high: high, low: low)
    }
}
