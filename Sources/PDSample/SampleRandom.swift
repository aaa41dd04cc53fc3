import Foundation

/// A small, seedable pseudo-random generator (SplitMix64) so that the same seed always
/// produces the same sample files, on every platform and every run.
///
/// The standard library's generators and `Hasher` are seeded per process, so they are never
/// used here. Independent streams (one per school, per teacher and year, ...) are derived
/// with `SampleRandom.derive`, so that changing one part of the generator does not shift
/// the random numbers of every other part.
public struct SampleRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose whole output is determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for the stream named by `parts` under `seed` (e.g. seed, purpose, teacher, year).
    public init(seed: UInt64, stream parts: UInt64...) {
        state = SampleRandom.derive(seed, parts)
    }

    /// Mixes a seed and a list of stream labels into one well-spread 64-bit value.
    public static func derive(_ seed: UInt64, _ parts: [UInt64]) -> UInt64 {
        var value = mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        for part in parts {
            value = mix(value ^ mix(part &+ 0x632B_E59B_D9B4_E019))
        }
        return value
    }

    /// The SplitMix64 finaliser: a bijective mix of the 64 bits.
    static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SampleRandom.mix(state)
    }

    /// A uniform double in [0, 1) built from 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability` (clamped to 0...1).
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniform integer in `range` (without modulo bias worth mentioning for our small ranges).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...(elements.count - 1))]
    }

    /// An index drawn in proportion to `weights` (non-negative, not all zero).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// A Poisson-distributed count with the given mean (Knuth's method; for small means,
    /// a normal approximation above 30).
    public mutating func poisson(mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 {
            // Box–Muller normal approximation, rounded and clamped at zero.
            let u1 = max(unit(), 1e-12), u2 = unit()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return max(0, Int((mean + normal * mean.squareRoot()).rounded()))
        }
        let limit = exp(-mean)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }
}
