/// SplitMix64: a small, fast pseudo-random generator that gives the same numbers on every
/// platform for a seed, so noise models and seeded tests can be replayed exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state (the seed, before the first number).
    public var state: UInt64

    /// A generator whose first number follows `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next number.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
