@preconcurrency import CGSL

/// A `gsl_rng` (Mersenne Twister, mt19937) with the `gsl_ran_*` distributions carbonsim uses.
/// One generator per worker; reseed it per run so that run i depends only on (seed, i).
public final class RandomGenerator {
    private let rng: UnsafeMutablePointer<gsl_rng>

    public init(seed: UInt64 = 0) {
        GSLErrorHandler.ensureDisabled()
        rng = gsl_rng_alloc(gsl_rng_mt19937)
        reseed(seed)
    }

    deinit { gsl_rng_free(rng) }

    public func reseed(_ seed: UInt64) { gsl_rng_set(rng, UInt(truncatingIfNeeded: seed)) }

    /// A seed for stream `stream` of run `run`, well mixed (SplitMix64) so nearby runs are unrelated.
    public static func seed(_ base: UInt64, run: Int, stream: Int = 0) -> UInt64 {
        splitmix(base ^ splitmix(UInt64(truncatingIfNeeded: run) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: stream)))
    }

    @inline(__always)
    public static func splitmix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on the open interval (0, 1).
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }
    public func gaussian(sigma: Double) -> Double { gsl_ran_gaussian(rng, sigma) }
    public func lognormal(zeta: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, zeta, sigma) }
    public func flat(_ a: Double, _ b: Double) -> Double { gsl_ran_flat(rng, a, b) }
    /// An index in 0..<n, uniformly.
    public func index(below n: Int) -> Int { Int(gsl_rng_uniform_int(rng, UInt(n))) }
}
