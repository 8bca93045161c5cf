import XCTest
@testable import Simulator

final class ScheduleTests: XCTestCase {
    func testLinearRampStartsOnFirstJanuaryAndEndsAfterTheFullYear() {
        let s = Schedule(start: 2021, full: 2025, shape: .linear, from: 10, to: 20)
        XCTAssertEqual(s.value(at: 2020.9), 10)
        XCTAssertEqual(s.value(at: 2021), 10)
        XCTAssertEqual(s.value(at: 2023.5), 15, accuracy: 1e-12)
        XCTAssertEqual(s.value(at: 2026), 20)
        XCTAssertEqual(s.value(at: 2050), 20)
        XCTAssertEqual(s.breakpoints, [2021, 2026])
    }

    func testStepJumpsAtTheStart() {
        let s = Schedule(start: 2022, full: 2022, shape: .step, from: 0, to: 0.8)
        XCTAssertEqual(s.value(at: 2021.999), 0)
        XCTAssertEqual(s.value(at: 2022), 0.8)
    }

    func testLogisticRampIsContinuousAtBothEndsAndSymmetric() {
        let s = Schedule(start: 2024, full: 2033, shape: .logistic, from: 0, to: 1)
        XCTAssertEqual(s.ramp(at: 2024), 0, accuracy: 1e-12)
        XCTAssertEqual(s.ramp(at: 2034 - 1e-9), 1, accuracy: 1e-6)
        XCTAssertEqual(s.ramp(at: 2029), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.ramp(at: 2026) + s.ramp(at: 2032), 1, accuracy: 1e-12)
    }

    func testRampRateIntegratesToTheRamp() {
        for shape in [RampShape.linear, .logistic] {
            let s = Schedule(start: 2021, full: 2030, shape: shape, from: 0, to: 1)
            var integral = 0.0
            let h = 1e-4
            for t in stride(from: 2020.0, to: 2040, by: h) { integral += s.rampRate(at: t + h / 2) * h }
            XCTAssertEqual(integral, 1, accuracy: 1e-6, "\(shape)")
        }
    }

    func testConstantScheduleHasNoBreakpoints() {
        XCTAssertTrue(Schedule.constant(3).breakpoints.isEmpty)
        XCTAssertEqual(Schedule.constant(3).value(at: 2050), 3)
    }

    func testPiecewiseLinearInterpolatesAndHoldsFlat() {
        let p = PiecewiseLinear(points: [(2030, 250), (2025, 300)])
        XCTAssertEqual(p.value(at: 2020), 300)
        XCTAssertEqual(p.value(at: 2027.5), 275, accuracy: 1e-12)
        XCTAssertEqual(p.value(at: 2040), 250)
        XCTAssertEqual(PiecewiseLinear(points: []).value(at: 2030), .infinity)
    }

    func testSmoothMinAndMaxApproachTheExactOnesAwayFromTheKink() {
        XCTAssertEqual(Smooth.min(1, 10, width: 0.01), 1, accuracy: 1e-5)
        XCTAssertEqual(Smooth.max(1, 10, width: 0.01), 10, accuracy: 1e-5)
        XCTAssertEqual(Smooth.positive(-5, width: 0.01), 0, accuracy: 1e-5)
        XCTAssertGreaterThanOrEqual(Smooth.max(3, 3, width: 0.1), 3)
    }
}
