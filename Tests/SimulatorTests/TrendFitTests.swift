import XCTest
@testable import Simulator

final class TrendFitTests: XCTestCase {
    let years = (2005...2019).map(Double.init)
    let truth = LogisticTrend(level: 600, rate: 0.2, saturationShare: 0.5, reference: 2019)

    func testTrendShapeAndDerivatives() {
        let t = truth
        XCTAssertEqual(t.value(at: 2019), 600, accuracy: 1e-12)
        XCTAssertEqual(t.saturation, 1200, accuracy: 1e-9)
        XCTAssertEqual(t.value(at: 2200), 1200, accuracy: 1e-6)
        XCTAssertEqual(t.growthRate(at: 2019), 0.2 * 0.5, accuracy: 1e-12)
        // Analytic gradient against central differences.
        for year in [2005.0, 2012, 2019, 2040] {
            let g = t.gradient(at: year), p = t.parameters
            for j in 0..<3 {
                let h = 1e-6 * max(abs(p[j]), 1)
                var up = p, down = p
                up[j] += h
                down[j] -= h
                let fd = (LogisticTrend(up, reference: 2019).value(at: year) - LogisticTrend(down, reference: 2019).value(at: year)) / (2 * h)
                XCTAssertEqual(g[j], fd, accuracy: 1e-6 * max(abs(fd), 1), "parameter \(j) at \(year)")
            }
        }
        // phi = 0 is exponential growth.
        let e = LogisticTrend(level: 10, rate: 0.1, saturationShare: 0, reference: 2019)
        XCTAssertEqual(e.value(at: 2029), 10 * exp(1), accuracy: 1e-9)
        XCTAssertEqual(e.saturation, .infinity)
    }

    func testRecoversExactTrendWithoutNoise() throws {
        let fit = try TrendFit.fit(years: years, values: years.map(truth.value))
        XCTAssertEqual(fit.trend.level, 600, accuracy: 1e-6)
        XCTAssertEqual(fit.trend.rate, 0.2, accuracy: 1e-8)
        XCTAssertEqual(fit.trend.saturationShare, 0.5, accuracy: 1e-8)
        XCTAssertEqual(fit.rSquared, 1, accuracy: 1e-12)
        XCTAssertFalse(fit.saturationAtBound)
    }

    /// Synthetic histories from known parameters plus Gaussian noise: the two-standard-error intervals cover
    /// the truth about 95% of the time (measured 97%, 94%, 94% for level, rate and share), so the standard
    /// errors are honest. With 200 histories a coverage below 90% is more than three binomial SDs off.
    func testRecoversParametersWithinTwoStandardErrors() throws {
        let rng = RandomGenerator(seed: 2024)
        var covered = [0, 0, 0]
        let trials = 200
        for _ in 0..<trials {
            let values = years.map { truth.value(at: $0) + rng.gaussian(sigma: 10) }
            let fit = try TrendFit.fit(years: years, values: values)
            for j in 0..<3 {
                if abs(fit.trend.parameters[j] - truth.parameters[j]) <= 2 * fit.standardErrors[j] { covered[j] += 1 }
            }
        }
        for j in 0..<3 {
            let coverage = Double(covered[j]) / Double(trials)
            XCTAssertGreaterThan(coverage, 0.9, "\(LogisticTrend.parameterNames[j]) two-SE coverage \(coverage)")
        }
    }

    func testAcceleratingGrowthIsHeldAtTheExponentialBound() throws {
        // Super-exponential growth would need phi < 0 and blow up in finite time: the fit holds phi at 0.
        let values = years.map { 100 * exp(0.1 * ($0 - 2019) + 0.003 * ($0 - 2019) * ($0 - 2019)) }
        let fit = try TrendFit.fit(years: years, values: values)
        XCTAssertTrue(fit.saturationAtBound)
        XCTAssertEqual(fit.trend.saturationShare, 0)
        XCTAssertEqual(fit.standardErrors[2], 0)
        XCTAssertGreaterThan(fit.rSquared, 0.9)

        let exponential = years.map { 50 * exp(0.08 * ($0 - 2019)) }
        let e = try TrendFit.fit(years: years, values: exponential)
        XCTAssertEqual(e.trend.level, 50, accuracy: 1e-6)
        XCTAssertEqual(e.trend.rate, 0.08, accuracy: 1e-8)
        XCTAssertLessThan(e.trend.saturationShare, 1e-6)
    }

    func testDecliningSeries() throws {
        let t = LogisticTrend(level: 40, rate: -0.3, saturationShare: 0.4, reference: 2019)
        let fit = try TrendFit.fit(years: years, values: years.map(t.value))
        XCTAssertEqual(fit.trend.rate, -0.3, accuracy: 1e-6)
        XCTAssertEqual(fit.trend.value(at: 2030), t.value(at: 2030), accuracy: 1e-6)
    }

    func testDeltaMethodStandardErrorOfGrowthMatchesFiniteDifferences() throws {
        let rng = RandomGenerator(seed: 7)
        let fit = try TrendFit.fit(years: years, values: years.map { truth.value(at: $0) + rng.gaussian(sigma: 10) })
        XCTAssertEqual(fit.logRatioStandardError(at: 2019, reference: 2019), 0, accuracy: 1e-12)
        // sqrt(g' Sigma g) with g the central-difference gradient of ln(T(2030)/T(2019)) in (L, k, phi).
        let p = fit.trend.parameters
        let logRatio = { (x: [Double]) -> Double in
            let t = LogisticTrend(x, reference: 2019)
            return log(t.value(at: 2030) / t.value(at: 2019))
        }
        let g = (0..<3).map { j -> Double in
            let h = 1e-6 * max(abs(p[j]), 1)
            var up = p, down = p
            up[j] += h
            down[j] -= h
            return (logRatio(up) - logRatio(down)) / (2 * h)
        }
        var variance = 0.0
        for i in 0..<3 { for j in 0..<3 { variance += g[i] * fit.covariance[i][j] * g[j] } }
        XCTAssertEqual(fit.logRatioStandardError(at: 2030, reference: 2019), variance.squareRoot(), accuracy: 1e-6 * variance.squareRoot())
        XCTAssertGreaterThan(fit.logRatioStandardError(at: 2030, reference: 2019), fit.logRatioStandardError(at: 2025, reference: 2019))
    }

    func testBadInput() {
        XCTAssertThrowsError(try TrendFit.fit(years: [2018, 2019], values: [1, 2])) {
            XCTAssertEqual($0 as? TrendFitError, .tooFewPoints(2))
        }
        XCTAssertThrowsError(try TrendFit.fit(years: years, values: years.map { _ in 0 })) {
            XCTAssertEqual($0 as? TrendFitError, .notPositive)
        }
        XCTAssertThrowsError(try TrendFit.fit(years: years, values: years.map { $0 == 2010 ? -1 : 5 }))
    }

    func testNonConvergenceReportsTheBestPoint() {
        let rng = RandomGenerator(seed: 3)
        let values = years.map { truth.value(at: $0) + rng.gaussian(sigma: 10) }
        XCTAssertThrowsError(try TrendFit.fit(years: years, values: values, maxIterations: 1)) { error in
            guard case .noConvergence(let best, let rmse, _)? = error as? TrendFitError else { return XCTFail("\(error)") }
            XCTAssertTrue(best.level.isFinite && rmse.isFinite)
            XCTAssertTrue("\(error)".contains("best point found"))
        }
    }
}
