import XCTest
import Simulator
@testable import Sweeps

/// The shortfall quantiles beside each target's probability: linear interpolation as GSL's, with runs that
/// never reach the target (infinite shortfall) counted as the largest.
final class ShortfallQuantileTests: XCTestCase {
    func testQuantilesInterpolateLikeGSL() {
        let values = [0.0, 0, 0, 1.2, 3.6, 5.0]
        for p in [0.5, 0.9] {
            XCTAssertEqual(SweepSummary.quantile(values, p), Percentiles.of(values, at: [p])[0], accuracy: 1e-12)
        }
        // By hand: position 0.5 * 5 = 2.5, between 0 and 1.2: 0.6; position 0.9 * 5 = 4.5: 3.6 + 0.5 * 1.4 = 4.3.
        XCTAssertEqual(SweepSummary.quantile(values, 0.5), 0.6, accuracy: 1e-12)
        XCTAssertEqual(SweepSummary.quantile(values, 0.9), 4.3, accuracy: 1e-12)
    }

    func testNeverReachedCountsAsTheLargestShortfall() {
        let values = [0.0, 0, 2, .infinity, .infinity]
        XCTAssertEqual(SweepSummary.quantile(values, 0.5), 2)
        XCTAssertEqual(SweepSummary.quantile(values, 0.9), .infinity)
        XCTAssertTrue(SweepSummary.quantile([], 0.5).isNaN)
    }

    func testMarginIsPositiveWhenMet() {
        XCTAssertEqual(TargetCheck.Kind.peakYear.margin(required: 2030, achieved: 2027), 3)
        XCTAssertEqual(TargetCheck.Kind.peakCeiling.margin(required: 900, achieved: 950), -50)
        XCTAssertEqual(TargetCheck.Kind.nonFossilShare.margin(required: 25, achieved: 31), 6)
        XCTAssertEqual(TargetCheck.Kind.co2IntensityCut.margin(required: 18, achieved: 14.5), -3.5)
        XCTAssertNil(TargetCheck.Kind.neutralityYear.margin(required: 2060, achieved: nil))
    }
}
