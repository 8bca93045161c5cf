import Testing
@testable import Simulator

/// Lever schedules and the small helpers of the right-hand side (Swift Testing).
struct ScheduleTests {
    @Test func linearRampStartsOnFirstJanuaryAndEndsAfterTheFullYear() {
        let s = Schedule(start: 2021, full: 2025, shape: .linear, from: 10, to: 20)
        #expect(s.value(at: 2020.9) == 10)
        #expect(s.value(at: 2021) == 10)
        #expect(abs(s.value(at: 2023.5) - 15) < 1e-12)
        #expect(s.value(at: 2026) == 20)
        #expect(s.value(at: 2050) == 20)
        #expect(s.breakpoints == [2021, 2026])
    }

    @Test func stepJumpsAtTheStart() {
        let s = Schedule(start: 2022, full: 2022, shape: .step, from: 0, to: 0.8)
        #expect(s.value(at: 2021.999) == 0)
        #expect(s.value(at: 2022) == 0.8)
    }

    @Test func logisticRampIsContinuousAtBothEndsAndSymmetric() {
        let s = Schedule(start: 2024, full: 2033, shape: .logistic, from: 0, to: 1)
        #expect(abs(s.ramp(at: 2024)) < 1e-12)
        #expect(abs(s.ramp(at: 2034 - 1e-9) - 1) < 1e-6)
        #expect(abs(s.ramp(at: 2029) - 0.5) < 1e-12)
        #expect(abs(s.ramp(at: 2026) + s.ramp(at: 2032) - 1) < 1e-12)
    }

    @Test(arguments: [RampShape.linear, .logistic])
    func rampRateIntegratesToTheRamp(shape: RampShape) {
        let s = Schedule(start: 2021, full: 2030, shape: shape, from: 0, to: 1)
        var integral = 0.0
        let h = 1e-4
        for t in stride(from: 2020.0, to: 2040, by: h) { integral += s.rampRate(at: t + h / 2) * h }
        #expect(abs(integral - 1) < 1e-6)
    }

    @Test func constantScheduleHasNoBreakpoints() {
        #expect(Schedule.constant(3).breakpoints.isEmpty)
        #expect(Schedule.constant(3).value(at: 2050) == 3)
    }

    @Test func piecewiseLinearInterpolatesAndHoldsFlat() {
        let p = PiecewiseLinear(points: [(2030, 250), (2025, 300)])
        #expect(p.value(at: 2020) == 300)
        #expect(abs(p.value(at: 2027.5) - 275) < 1e-12)
        #expect(p.value(at: 2040) == 250)
        #expect(PiecewiseLinear(points: []).value(at: 2030) == .infinity)
    }

    @Test func smoothMinAndMaxApproachTheExactOnesAwayFromTheKink() {
        #expect(abs(Smooth.min(1, 10, width: 0.01) - 1) < 1e-5)
        #expect(abs(Smooth.max(1, 10, width: 0.01) - 10) < 1e-5)
        #expect(abs(Smooth.positive(-5, width: 0.01)) < 1e-5)
        #expect(Smooth.max(3, 3, width: 0.1) >= 3)
    }
}
