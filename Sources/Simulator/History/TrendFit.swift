#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A logistic trend fitted to an annual series by nonlinear least squares (gsl_multifit_nlinear, trust
/// region), with standard errors from the covariance at the optimum scaled by the residual variance.
public struct TrendFit: Sendable {
    public let years: [Double]
    public let observed: [Double]
    public let trend: LogisticTrend
    /// Standard errors of (level, rate, saturation share); the share's is 0 when it sits on its bound.
    public let standardErrors: [Double]
    public let covariance: [[Double]]
    /// The fit wanted a negative saturation share (accelerating growth, which would blow up in finite time),
    /// so the share was held at its bound 0: exponential growth.
    public let saturationAtBound: Bool
    public let rSquared: Double
    /// Root-mean-square residual, Mt CO2/yr.
    public let rmse: Double
    public let iterations: Int

    public var fitted: [Double] { years.map(trend.value) }

    /// Standard error of ln(T(year) / T(reference)) by the delta method: the uncertainty of the trend's
    /// growth between two years, which is what a calibrated dataset carries forward.
    public func logRatioStandardError(at year: Double, reference: Double) -> Double {
        let a = trend.gradient(at: year), b = trend.gradient(at: reference)
        let ta = trend.value(at: year), tb = trend.value(at: reference)
        let g = (0..<3).map { a[$0] / ta - b[$0] / tb }
        var v = 0.0
        for i in 0..<3 { for j in 0..<3 { v += g[i] * covariance[i][j] * g[j] } }
        return v.squareRoot()
    }

    /// Fits around `reference` (default: the last year) from several starting saturation shares and keeps the
    /// converged fit with the smallest residual. Throws `TrendFitError` with the best point when none converges.
    public static func fit(years: [Double], values: [Double], reference: Double? = nil,
                           maxIterations: Int = 500) throws -> TrendFit {
        guard years.count == values.count, years.count >= 5 else { throw TrendFitError.tooFewPoints(years.count) }
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }), let peak = values.max(), peak > 0 else {
            throw TrendFitError.notPositive
        }
        let r = reference ?? years.last!
        // Log-linear slope and level at the reference year: the start of the rate and the level.
        let positive = values.indices.filter { values[$0] > 0 }
        let tMean = positive.map { years[$0] }.reduce(0, +) / Double(positive.count)
        let lMean = positive.map { log(values[$0]) }.reduce(0, +) / Double(positive.count)
        var sxy = 0.0, sxx = 0.0
        for i in positive {
            sxy += (years[i] - tMean) * (log(values[i]) - lMean)
            sxx += (years[i] - tMean) * (years[i] - tMean)
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        let level0 = exp(lMean + slope * (r - tMean))

        var best: NonlinearLeastSquares.Result?, bestFailed: NonlinearLeastSquares.Result?
        for share in [0.0, 0.3, 0.6] {
            let k0 = (slope >= 0 ? max(slope, 0.02) : min(slope, -0.02)) / (1 - share)
            let result = try solve(years, values, r, start: [level0, k0, share], fixShare: false, maxIterations)
            if result.converged {
                if best == nil || result.chiSquared < best!.chiSquared { best = result }
            } else if bestFailed == nil || result.chiSquared < bestFailed!.chiSquared {
                bestFailed = result
            }
        }
        // A negative share is accelerating growth that blows up in finite time; hold it at its bound 0
        // (exponential growth) when the best free fit wants one, or when no free fit converged.
        var result: NonlinearLeastSquares.Result
        var atBound = false
        if let free = best, free.x[2] >= 0 {
            result = free
        } else {
            let bounded = try solve(years, values, r, start: [best?.x[0] ?? level0, max(slope, 0.02), 0], fixShare: true, maxIterations)
            if bounded.converged {
                result = bounded
                atBound = true
            } else {
                let b = [bestFailed, bounded].compactMap { $0 }.min { $0.chiSquared < $1.chiSquared }!
                throw TrendFitError.noConvergence(best: LogisticTrend(b.x.count == 3 ? b.x : b.x + [0], reference: r),
                                                  rmse: (b.chiSquared / Double(years.count)).squareRoot(),
                                                  reason: b.failure ?? "no convergence")
            }
        }
        let x = atBound ? result.x + [0] : result.x
        var covariance = result.covariance
        if atBound { covariance = covariance.map { $0 + [0] } + [[0, 0, 0]] }
        let n = Double(years.count)
        let mean = values.reduce(0, +) / n
        let total = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return TrendFit(years: years, observed: values, trend: LogisticTrend(x, reference: r),
                        standardErrors: (0..<3).map { covariance[$0][$0] >= 0 ? covariance[$0][$0].squareRoot() : .nan },
                        covariance: covariance, saturationAtBound: atBound,
                        rSquared: total > 0 ? 1 - result.chiSquared / total : .nan,
                        rmse: (result.chiSquared / n).squareRoot(), iterations: result.iterations)
    }

    /// One trust-region fit of (L, k, phi), or of (L, k) with phi = 0.
    private static func solve(_ years: [Double], _ values: [Double], _ r: Double, start: [Double], fixShare: Bool,
                              _ maxIterations: Int) throws -> NonlinearLeastSquares.Result {
        let n = years.count
        let full = { (x: [Double]) in LogisticTrend(fixShare ? [x[0], x[1], 0] : x, reference: r) }
        return try NonlinearLeastSquares.fit(
            n: n, start: fixShare ? Array(start.prefix(2)) : start, maxIterations: maxIterations,
            residuals: { x, res in
                let t = full(x)
                for i in 0..<n { res[i] = t.value(at: years[i]) - values[i] }
            },
            jacobian: { x, j in
                let t = full(x)
                for i in 0..<n { j[i] = Array(t.gradient(at: years[i]).prefix(fixShare ? 2 : 3)) }
            })
    }
}

public enum TrendFitError: Error, CustomStringConvertible, Equatable {
    case tooFewPoints(Int)
    case notPositive
    case noConvergence(best: LogisticTrend, rmse: Double, reason: String)

    public var description: String {
        switch self {
        case .tooFewPoints(let n): return "a trend needs at least 5 years of history, got \(n)"
        case .notPositive: return "the series has no positive emissions (or has negative or missing values) to fit a trend to"
        case .noConvergence(let b, let rmse, let reason):
            return "the trend fit did not converge (\(reason)); best point found: level \(b.level) Mt in \(Int(b.reference)), "
                + "rate \(b.rate) /yr, saturation share \(b.saturationShare), RMSE \(rmse) Mt"
        }
    }
}
