import XCTest
@testable import Simulator
@preconcurrency import CGSL

final class SamplingTests: XCTestCase {
    func points(_ design: Design) throws -> [[Double]] {
        let cursor = try design.cursor()
        var x = [Double](repeating: 0, count: design.factors.count)
        return try (0..<design.pointCount).map { j in
            try cursor.point(j, into: &x)
            return x
        }
    }

    func testLatinHypercubeHitsEveryStratumOnceInEveryDimension() throws {
        let n = 97
        let design = Design(kind: .lhs, factors: [.uniform(min: 0, max: 1), .uniform(min: 10, max: 20), .uniform(min: -1, max: 1)], n: n, seed: 7)
        let p = try points(design)
        for k in 0..<3 {
            let (lo, hi) = k == 0 ? (0.0, 1.0) : k == 1 ? (10.0, 20.0) : (-1.0, 1.0)
            let strata = p.map { Int(($0[k] - lo) / (hi - lo) * Double(n)) }
            XCTAssertEqual(Set(strata), Set(0..<n), "dimension \(k)")
        }
    }

    func testKeyedPermutationIsABijection() {
        for n in [1, 2, 7, 100, 1000, 4097] {
            let perm = KeyedPermutation(n: n, key: 42)
            XCTAssertEqual(Set((0..<n).map { perm($0) }), Set(0..<n), "n = \(n)")
        }
    }

    func testSobolPointsAreGSLsSequence() throws {
        let design = Design(kind: .sobol, factors: [.uniform(min: 0, max: 1), .uniform(min: 0, max: 1)], n: 64, seed: 0)
        let p = try points(design)
        let q = gsl_qrng_alloc(gsl_qrng_sobol, 2)!
        defer { gsl_qrng_free(q) }
        var x = [0.0, 0.0]
        gsl_qrng_get(q, &x)  // the design skips GSL's first point
        for j in 0..<64 {
            gsl_qrng_get(q, &x)
            XCTAssertEqual(p[j][0], x[0], accuracy: 1e-15)
            XCTAssertEqual(p[j][1], x[1], accuracy: 1e-15)
        }
        // Random access gives the same as sequential.
        let cursor = try design.cursor()
        var y = [0.0, 0.0]
        try cursor.point(40, into: &y)
        try cursor.point(3, into: &y)
        XCTAssertEqual(y, p[3])
    }

    func testGridEnumeratesTheProductOfLevels() throws {
        let design = Design(kind: .grid, factors: [.levels([1, 2, 3]), .levels([10, 20])], n: 0, seed: 0)
        XCTAssertEqual(design.pointCount, 6)
        let p = try points(design)
        XCTAssertEqual(Set(p.map { "\($0[0]),\($0[1])" }).count, 6)
        XCTAssertEqual(p[0], [1, 10])
        XCTAssertEqual(p[1], [1, 20])
        XCTAssertEqual(p[5], [3, 20])
    }

    func testRandomDesignIsReproducibleAndHasTheRequestedMoments() throws {
        let design = Design(kind: .random, factors: [.normal(mean: 5, sd: 2), .triangular(min: 0, mode: 1, max: 4),
                                                     .lognormal(mu: 0, sigma: 0.5), .discrete(values: [1, 2], weights: [3, 1])],
                            n: 20000, seed: 3)
        let p = try points(design), again = try points(design)
        XCTAssertEqual(p[123], again[123])
        func mean(_ k: Int) -> Double { p.map { $0[k] }.reduce(0, +) / Double(p.count) }
        XCTAssertEqual(mean(0), 5, accuracy: 0.05)
        XCTAssertEqual(mean(1), (0 + 1 + 4) / 3.0, accuracy: 0.03)
        XCTAssertEqual(mean(2), exp(0.125), accuracy: 0.02)
        XCTAssertEqual(mean(3), 1.25, accuracy: 0.02)
    }

    func testQuantilesInvertTheDistributions() {
        XCTAssertEqual(Distribution.normal(mean: 1, sd: 2).quantile(0.5), 1, accuracy: 1e-12)
        XCTAssertEqual(Distribution.normal(mean: 0, sd: 1).quantile(0.975), 1.959963984540054, accuracy: 1e-9)
        XCTAssertEqual(Distribution.triangular(min: 0, mode: 0, max: 1).quantile(0.75), 0.5, accuracy: 1e-12)
        XCTAssertEqual(Distribution.lognormal(mu: 0, sigma: 1).quantile(0.5), 1, accuracy: 1e-12)
        XCTAssertEqual(Distribution.discrete(values: [1, 2, 3], weights: [1, 1, 2]).quantile(0.6), 3)
    }

    /// Ishigami function, a = 7, b = 0.1, on [-pi, pi]^3: known first-order indices (0.3139, 0.4424, 0)
    /// and total-order indices (0.5576, 0.4424, 0.2437).
    func testSobolIndicesOfTheIshigamiFunction() throws {
        let n = 8192
        let u = Distribution.uniform(min: -Double.pi, max: Double.pi)
        let design = Design(kind: .saltelli, factors: [u, u, u], n: n, seed: 0)
        let p = try points(design)
        let f = p.map { x in sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0]) }
        let a = Array(f[0..<n]), b = Array(f[n..<(2 * n)])
        let ab = (0..<3).map { i in Array(f[((2 + i) * n)..<((3 + i) * n)]) }
        let s = SobolIndices(a: a, b: b, ab: ab, bootstrap: 200)
        let first = [0.3139, 0.4424, 0.0], total = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            XCTAssertEqual(s.first[i].estimate, first[i], accuracy: 0.03, "S\(i + 1)")
            XCTAssertEqual(s.total[i].estimate, total[i], accuracy: 0.03, "ST\(i + 1)")
            XCTAssertLessThanOrEqual(s.first[i].lower, s.first[i].upper)
            XCTAssertTrue((s.total[i].lower - 0.02)...(s.total[i].upper + 0.02) ~= total[i], "ST\(i + 1) interval")
        }
    }

    func testWilsonIntervalKnownValue() {
        let p = Proportion(successes: 8, trials: 10)
        XCTAssertEqual(p.estimate, 0.8)
        XCTAssertEqual(p.lower, 0.4902, accuracy: 1e-4)
        XCTAssertEqual(p.upper, 0.9433, accuracy: 1e-4)
        // All or none: the interval ends exactly at 100 % or 0 % (Wilson: 10/10 gives [0.7225, 1]).
        for n in [1, 10, 60, 1000] {
            let all = Proportion(successes: n, trials: n), none = Proportion(successes: 0, trials: n)
            XCTAssertEqual(all.upper, 1)
            XCTAssertEqual(none.lower, 0)
            XCTAssertEqual(all.lower, 1 - none.upper, accuracy: 1e-12)
        }
        XCTAssertEqual(Proportion(successes: 10, trials: 10).lower, 0.7225, accuracy: 1e-4)
    }

    func testStandardizedRegressionRecoversALinearModel() throws {
        // y = 3 x0 - x1 with x0 ~ U(0,1), x1 ~ U(0,3): SRC = b sd(x) / sd(y).
        let design = Design(kind: .sobol, factors: [.uniform(min: 0, max: 1), .uniform(min: 0, max: 3)], n: 4096, seed: 0)
        let x = try points(design)
        let y = x.map { 3 * $0[0] - $0[1] }
        let src = try RegressionSensitivity(x: x, y: y)
        let sd0 = 1 / 12.0.squareRoot(), sd1 = 3 / 12.0.squareRoot()
        let sdy = (9 * sd0 * sd0 + sd1 * sd1).squareRoot()
        XCTAssertEqual(src.coefficients[0], 3 * sd0 / sdy, accuracy: 0.01)
        XCTAssertEqual(src.coefficients[1], -sd1 / sdy, accuracy: 0.01)
        XCTAssertEqual(src.rSquared, 1, accuracy: 1e-9)
    }

    /// Standard errors against the textbook formula: y = c x through the origin, c = Σxy/Σx², se = √(χ²/(n-1) / Σx²).
    func testLeastSquaresStandardErrorsAreTheTextbookOnes() throws {
        let x = [1.0, 2, 3, 4, 5], y = [1.1, 1.9, 3.2, 3.8, 5.1]
        let sxx = x.reduce(0) { $0 + $1 * $1 }, c = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } / sxx
        let chi2 = zip(x, y).reduce(0) { $0 + ($1.1 - c * $1.0) * ($1.1 - c * $1.0) }
        let fit = try LinearLeastSquares.fit(x: x, rows: 5, columns: 1, y: y)
        XCTAssertEqual(fit.coefficients[0], c, accuracy: 1e-12)
        XCTAssertEqual(fit.standardErrors[0], (chi2 / 4 / sxx).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(fit.standardErrors[0], 0.022287, accuracy: 1e-6, "by hand")
    }

    /// An SRC's 95 % interval holds its true value and, for a factor without effect, 0; a strong one's does not hold 0.
    func testSRCIntervalsTellANoiseFactorFromARealOne() throws {
        let design = Design(kind: .random, factors: [.uniform(min: 0, max: 1), .uniform(min: 0, max: 1)], n: 40, seed: 3)
        let x = try points(design)
        // y = x0 plus noise from a third, undrawn variable; x1 has no effect.
        let noise = try points(Design(kind: .random, factors: [.uniform(min: -0.5, max: 0.5)], n: 40, seed: 11)).map { $0[0] }
        let y = x.indices.map { x[$0][0] + noise[$0] }
        let src = try RegressionSensitivity(x: x, y: y)
        XCTAssertGreaterThan(src.intervals[0].lower, 0, "\(src.intervals)")
        XCTAssertLessThan(src.intervals[1].lower, 0, "\(src.intervals)")
        XCTAssertGreaterThan(src.intervals[1].upper, 0, "\(src.intervals)")
        for k in 0..<2 { XCTAssertTrue(src.intervals[k].lower < src.coefficients[k] && src.coefficients[k] < src.intervals[k].upper) }
    }

    func testARegressionWithNothingThatVariesHasNoCoefficientsNotZeros() throws {
        // A constant output (or every run failed): undetermined, not "no influence".
        let constant = try RegressionSensitivity(x: [[1, 2], [2, 3], [3, 5]], y: [7, 7, 7])
        XCTAssertTrue(constant.coefficients.allSatisfy(\.isNaN), "\(constant.coefficients)")
        XCTAssertTrue(constant.rSquared.isNaN)
        XCTAssertTrue(try RegressionSensitivity(x: [[1], [2]], y: [.nan, .nan]).coefficients.allSatisfy(\.isNaN))
        // A constant factor beside a varying one keeps its 0.
        let partly = try RegressionSensitivity(x: [[1, 5], [2, 5], [3, 5], [4, 5]], y: [2, 4, 6, 8])
        XCTAssertEqual(partly.coefficients[0], 1, accuracy: 1e-12)
        XCTAssertEqual(partly.coefficients[1], 0)
    }

    /// Outputs equal but for rounding (every run peaks in the same observed year at 933.6298, whose mean is not
    /// exactly representable) have no sensitivity: NaN, not indices or an R² of -7e27 made of the rounding.
    func testOutputsEqualButForRoundingHaveNoSensitivity() throws {
        let v = 933.6298, w = v.nextUp
        let y = (0..<40).map { $0 % 3 == 0 ? w : v }
        let x = (0..<40).map { [Double($0), Double($0 % 7)] }
        let src = try RegressionSensitivity(x: x, y: y)
        XCTAssertTrue(src.coefficients.allSatisfy(\.isNaN), "\(src.coefficients)")
        XCTAssertTrue(src.rSquared.isNaN)
        let a = (0..<16).map { $0 % 2 == 0 ? v : w }, b = a.reversed() as [Double]
        let sobol = SobolIndices(a: a, b: b, ab: [a, b], bootstrap: 20)
        XCTAssertTrue(sobol.first.allSatisfy { $0.estimate.isNaN } && sobol.total.allSatisfy { $0.estimate.isNaN }, "\(sobol.first)")
    }
}
