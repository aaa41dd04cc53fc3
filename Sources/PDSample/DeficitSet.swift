import PDContract

/// A set of deficit areas as a bit mask (bit n = the n-th of `DeficitArea.allCases`).
struct DeficitSet: Hashable, Sendable {
    var bits: UInt8 = 0

    private static func bit(_ area: DeficitArea) -> UInt8 {
        1 << DeficitArea.allCases.firstIndex(of: area)!
    }

    func contains(_ area: DeficitArea) -> Bool { bits & DeficitSet.bit(area) != 0 }
    mutating func insert(_ area: DeficitArea) { bits |= DeficitSet.bit(area) }
    mutating func remove(_ area: DeficitArea) { bits &= ~DeficitSet.bit(area) }
    var isEmpty: Bool { bits == 0 }
    /// The areas in the contract's order.
    var areas: [DeficitArea] { DeficitArea.allCases.filter(contains) }
}
