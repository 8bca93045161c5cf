@preconcurrency import CGSL

/// What a sweep factor can vary as. `quantile` maps a uniform number to the factor's value (used by
/// Latin hypercube, Sobol and Saltelli designs); `sample` draws with `gsl_ran_*` (random designs).
public enum Distribution: Sendable, Equatable {
    case uniform(min: Double, max: Double)
    case normal(mean: Double, sd: Double)
    case triangular(min: Double, mode: Double, max: Double)
    /// Parameters of the underlying normal: log-mean and log-sd.
    case lognormal(mu: Double, sigma: Double)
    case discrete(values: [Double], weights: [Double])
    /// Grid levels, visited in order by a full-grid design.
    case levels([Double])

    /// The values that bound what the distribution can take (its ends, or every value it lists); empty for an
    /// unbounded one (normal, lognormal).
    public var bounds: [Double] {
        switch self {
        case .uniform(let a, let b), .triangular(let a, _, let b): return [a, b]
        case .discrete(let v, _), .levels(let v): return v
        case .normal, .lognormal: return []
        }
    }

    /// Probability that a draw falls outside `range` (unbounded distributions; 0 for the others, whose bounds are
    /// checked one by one).
    public func probabilityOutside(_ range: ClosedRange<Double>) -> Double {
        switch self {
        case .normal(let m, let s): return gsl_cdf_gaussian_P(range.lowerBound - m, s) + gsl_cdf_gaussian_Q(range.upperBound - m, s)
        case .lognormal(let mu, let sigma):
            return (range.lowerBound > 0 ? gsl_cdf_lognormal_P(range.lowerBound, mu, sigma) : 0) + gsl_cdf_lognormal_Q(range.upperBound, mu, sigma)
        default: return 0
        }
    }

    /// Value at cumulative probability `p` in (0, 1).
    public func quantile(_ p: Double) -> Double {
        let p = min(max(p, 1e-12), 1 - 1e-12)
        switch self {
        case .uniform(let a, let b): return a + p * (b - a)
        case .normal(let m, let s): return m + gsl_cdf_gaussian_Pinv(p, s)
        case .triangular(let a, let c, let b):
            let f = (c - a) / (b - a)
            return p < f ? a + ((b - a) * (c - a) * p).squareRoot() : b - ((b - a) * (b - c) * (1 - p)).squareRoot()
        case .lognormal(let mu, let sigma): return gsl_cdf_lognormal_Pinv(p, mu, sigma)
        case .discrete(let values, let weights):
            let total = weights.reduce(0, +)
            var cumulative = 0.0
            for (v, w) in zip(values, weights) {
                cumulative += w / total
                if p <= cumulative { return v }
            }
            return values[values.count - 1]
        case .levels(let values):
            return values[min(Int(p * Double(values.count)), values.count - 1)]
        }
    }

    public func sample(_ rng: RandomGenerator) -> Double {
        switch self {
        case .uniform(let a, let b): return rng.flat(a, b)
        case .normal(let m, let s): return m + rng.gaussian(sigma: s)
        case .lognormal(let mu, let sigma): return rng.lognormal(zeta: mu, sigma: sigma)
        case .triangular, .discrete, .levels: return quantile(rng.uniformPositive())
        }
    }
}
