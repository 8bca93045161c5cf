@preconcurrency import CGSL

public enum Percentiles {
    /// Quantiles (p in [0, 1]) of `values`, by `gsl_stats_quantile_from_sorted_data`. NaNs are dropped.
    public static func of(_ values: [Double], at ps: [Double]) -> [Double] {
        var sorted = values.filter { $0.isFinite }
        guard !sorted.isEmpty else { return ps.map { _ in .nan } }
        sorted.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return sorted.withUnsafeBufferPointer { b in
            ps.map { gsl_stats_quantile_from_sorted_data(b.baseAddress, 1, b.count, $0) }
        }
    }
}

/// A share of successes with its Wilson score interval (95% by default).
public struct Proportion: Sendable, Equatable {
    public let successes: Int
    public let trials: Int
    public let estimate: Double
    public let lower: Double
    public let upper: Double

    public init(successes: Int, trials: Int, z: Double = 1.959963984540054) {
        self.successes = successes
        self.trials = trials
        guard trials > 0 else {
            estimate = .nan; lower = .nan; upper = .nan
            return
        }
        let n = Double(trials), p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        estimate = p
        // At p = 0 and p = 1 the bound is exactly 0 and 1; rounding would leave 1e-17 and 0.9999999999999997.
        lower = successes == 0 ? 0 : max(0, centre - half)
        upper = successes == trials ? 1 : min(1, centre + half)
    }
}
