/// Small deterministic PRNG (SplitMix64) for seeded choices in the planner, and for the seeded
/// problems of the benchmark and the tests, so that all of them draw the same way everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A uniform double in [lo, hi).
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double { lo + (hi - lo) * unit() }

    /// An integer in 0..<n (n > 0).
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// A Fisher–Yates shuffle that depends only on the generator (not on the standard library's algorithm).
    public mutating func shuffled<T>(_ values: [T]) -> [T] {
        var result = values
        if result.count < 2 { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            result.swapAt(i, j)
        }
        return result
    }
}
