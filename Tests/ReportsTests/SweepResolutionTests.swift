import XCTest
@testable import Reports
import Sweeps
import Simulator

/// Sweep outputs agree to the integration's accuracy (rkck at 1e-6), whatever the factors: a spread below it is the
/// integrator's, and a sensitivity table must not rank it (a factor of no influence came out on top of a tornado).
final class SweepResolutionTests: XCTestCase {
    /// Outputs around 933.63 that differ by a few 1e-6 Mt, as a peak in an observed year does across runs.
    func noisy(_ n: Int, seed: UInt64) -> [Double] {
        let rng = RandomGenerator(seed: seed)
        return (0..<n).map { _ in 933.629786 + 3e-6 * rng.uniformPositive() }
    }

    func testSobolIndicesOfOutputsEqualToTheIntegrationsAccuracyAreNotEstimated() {
        let n = 64
        let a = noisy(n, seed: 1), b = noisy(n, seed: 2), ab = [noisy(n, seed: 3), noisy(n, seed: 4)]
        let swept = SobolIndices(a: a, b: b, ab: ab, bootstrap: 20, resolution: SweepSummary.outputResolution)
        XCTAssertTrue((swept.first + swept.total).allSatisfy { $0.estimate.isNaN })
        // At rounding's resolution the same numbers are variance, and estimated (the statistics stay generic).
        let exact = SobolIndices(a: a, b: b, ab: ab, bootstrap: 20)
        XCTAssertTrue(exact.first.allSatisfy { $0.estimate.isFinite })
        // A real spread well above the resolution is estimated.
        let moved = a.map { $0 + 0 }, varied = b.indices.map { b[$0] + Double($0 % 7) }
        let real = SobolIndices(a: moved, b: varied, ab: [varied, moved], bootstrap: 20, resolution: SweepSummary.outputResolution)
        XCTAssertTrue(real.first.allSatisfy { $0.estimate.isFinite })
    }

    /// SRCs whose 95 % interval holds 0 are named as not told apart from no effect (a tester read a steel cut's +0.145,
    /// interval [-0.04, 0.33], as a sensitivity of the wrong sign); one whose interval excludes 0 is not named.
    func testSRCsWithinNoiseAreNamed() {
        let sens = SweepSummary.Sensitivity(method: .src, output: "co2_gross_2030", factors: ["wind", "steel"],
                                            first: [.init(estimate: -0.87, lower: -1.05, upper: -0.69), .init(estimate: 0.145, lower: -0.04, upper: 0.33)],
                                            total: [], rSquared: 0.79)
        XCTAssertEqual(SweepSummaryRenderer.noiseNote(sens, .en),
                       "The 95% interval of steel holds 0: at this number of runs it is not told apart from no effect (nor is its sign); more runs narrow the interval.")
        XCTAssertTrue(SweepSummaryRenderer.noiseNote(sens, .zh)?.contains("95%置信区间包含0") ?? false)
        let clear = SweepSummary.Sensitivity(method: .src, output: "co2_gross_2030", factors: ["wind"],
                                             first: [.init(estimate: -0.87, lower: -1.05, upper: -0.69)], total: [], rSquared: 0.79)
        XCTAssertNil(SweepSummaryRenderer.noiseNote(clear, .en))
    }

    func testRegressionOnOutputsEqualToTheIntegrationsAccuracyIsNotEstimated() throws {
        let y = noisy(40, seed: 5), x = (0..<40).map { [Double($0), Double($0 % 3)] }
        XCTAssertTrue(try RegressionSensitivity(x: x, y: y, resolution: SweepSummary.outputResolution).coefficients.allSatisfy(\.isNaN))
        XCTAssertTrue(try RegressionSensitivity(x: x, y: y).coefficients.allSatisfy(\.isFinite))
    }

    func testTheNoteSaysWhyNothingIsAttributed() {
        let none = SweepSummary.Sensitivity(method: .src, output: "peak_value", factors: ["a"],
                                            first: [SobolIndices.Index(estimate: .nan, lower: .nan, upper: .nan)], total: [], rSquared: .nan)
        let same = SweepSummaryRenderer.constantNote(none, succeeded: 20, .en)
        XCTAssertTrue(same.contains("integration's accuracy, 1e-6 relative"), same)
        let failed = SweepSummaryRenderer.constantNote(none, succeeded: 0, .en)
        XCTAssertTrue(failed.contains("no run succeeded") && !failed.contains("same in every run"), failed)
        XCTAssertTrue(SweepSummaryRenderer.constantNote(none, succeeded: 0, .zh).contains("仅有0次运行成功"))
    }
}
