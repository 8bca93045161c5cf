import XCTest
@testable import Simulator

final class IndicatorTests: XCTestCase {
    let years = Array(2019...2060)

    /// An exact parabola sampled at mid-years: peak at t* = 2030.2, value 900.
    func parabola(_ t: Double) -> Double { 900 - 2 * (t - 2030.2) * (t - 2030.2) }

    func testPeakIsRefinedBetweenTheSamples() throws {
        let values = years.map { parabola(Double($0) + 0.5) }
        let peak = try TrajectoryAnalysis.peak(years: years, values: values)
        XCTAssertFalse(peak.stillRising)
        XCTAssertEqual(peak.time, 2030.2, accuracy: 1e-3)
        XCTAssertEqual(peak.year, 2030)
        XCTAssertEqual(peak.value, 900, accuracy: 1e-3)
        // The largest sample is lower than the refined peak.
        XCTAssertLessThan(values.max()!, peak.value)
    }

    func testPeakAtTheHorizonMeansStillRising() throws {
        let peak = try TrajectoryAnalysis.peak(years: years, values: years.map { Double($0) })
        XCTAssertTrue(peak.stillRising)
    }

    /// Falling from the first year: the peak is at or before it, a bound the peak-year target shows as one,
    /// and which still meets a later target (the peak is behind).
    func testPeakAtTheFirstYearIsABoundNotADate() throws {
        let falling = years.map { 1000 - Double($0 - 2019) }
        let peak = try TrajectoryAnalysis.peak(years: years, values: falling)
        XCTAssertTrue(peak.atStart)
        XCTAssertFalse(peak.stillRising)
        XCTAssertEqual(peak.year, 2019)
        var targets = Targets()
        targets.peakYear = 2025
        let catalog = OutputCatalog.shared
        let run = Trajectory(years: years, catalog: catalog, values: [Double](repeating: 1, count: years.count * catalog.names.count),
                             cumulativeNetCO2: 0, cumulativeGrossCO2: 0, cumulativeFrom: 2020, evaluations: 0)
        let check = try XCTUnwrap(Indicators.check(targets, run, peak: peak, neutralityTime: nil).first)
        XCTAssertTrue(check.atOrBefore)
        XCTAssertTrue(check.passed)
        XCTAssertFalse(try TrajectoryAnalysis.peak(years: years, values: years.map { parabola(Double($0) + 0.5) }).atStart)
    }

    func testPlateauEdgesAreWhereTheTrajectoryLeavesTheBand() throws {
        let values = years.map { parabola(Double($0) + 0.5) }
        let peak = try TrajectoryAnalysis.peak(years: years, values: values)
        let plateau = try TrajectoryAnalysis.plateau(years: years, values: values, peak: peak, band: 0.02)
        // 900 - 2 d^2 = 882  ->  d = 3
        XCTAssertEqual(plateau.start, 2027.2, accuracy: 1e-3)
        XCTAssertEqual(plateau.end, 2033.2, accuracy: 1e-3)
    }

    func testNeutralityIsTheZeroCrossing() throws {
        let values = years.map { 800 - 20 * (Double($0) + 0.5 - 2019.5) }  // zero at t = 2059.5
        let t = try XCTUnwrap(TrajectoryAnalysis.firstZeroCrossing(years: years, values: values))
        XCTAssertEqual(t, 2059.5, accuracy: 1e-6)
        XCTAssertNil(try TrajectoryAnalysis.firstZeroCrossing(years: years, values: years.map { _ in 10 }))
    }

    func testPlanPeriods() {
        XCTAssertEqual(PlanPeriod(number: 14).startYear, 2021)
        XCTAssertEqual(PlanPeriod(number: 14).endYear, 2025)
        XCTAssertEqual(PlanPeriod(number: 14).baseYear, 2020)
        XCTAssertEqual(PlanPeriod.containing(2030).number, 15)
        XCTAssertEqual(PlanPeriod.containing(2031).number, 16)
        XCTAssertEqual(PlanPeriod.covering(from: 2019, to: 2060).map(\.number), Array(14...21))
        XCTAssertEqual(PlanPeriod(number: 21).ordinal, "21st")
        XCTAssertEqual(PlanPeriod(number: 22).ordinal, "22nd")
        XCTAssertEqual(PlanPeriod(number: 14).ordinal, "14th")
    }
}
