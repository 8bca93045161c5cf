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
        let s = Ramp(start: 2024, full: 2033, shape: .logistic, amount: 1)
        #expect(abs(s.progress(at: 2024)) < 1e-12)
        #expect(abs(s.progress(at: 2034 - 1e-9) - 1) < 1e-6)
        #expect(abs(s.progress(at: 2029) - 0.5) < 1e-12)
        #expect(abs(s.progress(at: 2026) + s.progress(at: 2032) - 1) < 1e-12)
    }

    @Test func milestonePathReachesEachLevelAtTheEndOfItsYear() {
        // 150 by 2025, 300 by 2030, from 36 on 1 January 2021; the second segment logistic.
        let s = Schedule(from: 36, ramps: [Ramp(start: 2021, full: 2025, shape: .linear, amount: 114),
                                           Ramp(start: 2026, full: 2030, shape: .logistic, amount: 150)])
        #expect(s.value(at: 2021) == 36)
        #expect(abs(s.value(at: 2026) - 150) < 1e-12)
        #expect(abs(s.value(at: 2031) - 300) < 1e-12)
        #expect(abs(s.value(at: 2028.5) - 225) < 1e-9)
        #expect(s.breakpoints.sorted() == [2021, 2026, 2026, 2031])
        #expect(s.final == 300)
    }

    @Test func aDeltaAddsItsMovesToTheScheduleItExtends() {
        let base = Schedule(start: 2021, full: 2030, shape: .linear, from: 0, to: 100)
        let delta = Schedule(from: 0, ramps: [Ramp(start: 2026, full: 2030, shape: .linear, amount: 40)])
        let s = base.adding(delta)
        #expect(abs(s.value(at: 2026) - 50) < 1e-9)
        #expect(abs(s.value(at: 2031) - 140) < 1e-9)
    }

    @Test func aMoveToTheSameLevelIsStillSet() {
        // Zero is a value: a scenario that sets a lever to its baseline level has set it.
        #expect(Schedule(start: 2021, full: 2025, from: 0, to: 0).isSet)
        #expect(!Schedule.constant(0).isSet)
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
