import XCTest
@testable import Simulator

final class IndicatorTests: XCTestCase {
    let years = Array(2019...2060)

    /// An exact parabola sampled at mid-years: peak at t* = 2030.2, value 900.
    func parabola(_ t: Double) -> Double { 900 - 2 * (t - 2030.2) * (t - 2030.2) }

    /// The peak is the year of the largest annual total and that total; its time, for continuous margins, is the
    /// vertex of the parabola through that year and its neighbours (exact for a parabola), kept in the peak year.
    func testPeakIsTheLargestAnnualTotal() throws {
        let values = years.map { parabola(Double($0) + 0.5) }
        let peak = TrajectoryAnalysis.peak(years: years, values: values)
        XCTAssertFalse(peak.stillRising)
        XCTAssertEqual(peak.year, 2030)           // the sample nearest the vertex, 0.3 yr away
        XCTAssertEqual(peak.value, values.max()!)
        XCTAssertEqual(peak.time, 2030.2, accuracy: 1e-9)
        // A vertex outside the peak year is kept at its edge.
        let skewed = years.map { parabola(Double($0) + 0.5) + ($0 == 2030 ? 1 : 0) }
        let p = TrajectoryAnalysis.peak(years: years, values: skewed)
        XCTAssertEqual(p.year, 2030)
        XCTAssertEqual(p.value, skewed.max()!)
        XCTAssertTrue((2030..<2031).contains(p.time), "\(p.time)")
    }

    /// The peak depends on the years around it only: two series equal through the year after the peak, different
    /// later (a lever acting years after the peak), have the same peak time and value.
    func testPeakDoesNotDependOnYearsAfterItsNeighbours() throws {
        let a = years.map { parabola(Double($0) + 0.5) + ($0 == 2030 ? 1 : 0) }
        let b = years.enumerated().map { $1 <= 2031 ? a[$0] : a[$0] - 5 * Double($1 - 2031) }
        let p = TrajectoryAnalysis.peak(years: years, values: a), q = TrajectoryAnalysis.peak(years: years, values: b)
        XCTAssertEqual(p, q)
    }

    /// The time moves continuously as the largest total passes from one year to the next (solve and optimize need it).
    func testPeakTimeIsContinuousAcrossYears() throws {
        func time(_ d: Double) -> Double {
            TrajectoryAnalysis.peak(years: years, values: years.map { y in y == 2030 ? 899 + d : y == 2031 ? 899 : 880 - Double(abs(y - 2030)) }).time
        }
        XCTAssertEqual(time(1e-9), time(-1e-9), accuracy: 1e-6)
        XCTAssertEqual(time(1e-9), 2031, accuracy: 1e-6)
    }

    func testPeakAtTheHorizonMeansStillRising() throws {
        let peak = TrajectoryAnalysis.peak(years: years, values: years.map { Double($0) })
        XCTAssertTrue(peak.stillRising)
    }

    /// Falling from the first year: the peak is at or before it, a bound the peak-year target shows as one,
    /// and which still meets a later target (the peak is behind).
    func testPeakAtTheFirstYearIsABoundNotADate() throws {
        let falling = years.map { 1000 - Double($0 - 2019) }
        let peak = TrajectoryAnalysis.peak(years: years, values: falling)
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
        XCTAssertFalse(TrajectoryAnalysis.peak(years: years, values: years.map { parabola(Double($0) + 0.5) }).atStart)
    }

    func testPlateauEdgesAreWhereTheTrajectoryLeavesTheBand() throws {
        let values = years.map { parabola(Double($0) + 0.5) }
        let peak = TrajectoryAnalysis.peak(years: years, values: values)
        let plateau = try TrajectoryAnalysis.plateau(years: years, values: values, peak: peak, band: 0.02)
        // The peak is the largest annual total, 900 - 2 (0.3)^2 = 899.82; 900 - 2 d^2 = 0.98 x 899.82  ->  d = 3.0147
        let d = ((900 - 0.98 * 899.82) / 2).squareRoot()
        XCTAssertEqual(plateau.start, 2030.2 - d, accuracy: 1e-3)
        XCTAssertEqual(plateau.end, 2030.2 + d, accuracy: 1e-3)
    }

    func testNeutralityIsTheZeroCrossing() throws {
        let values = years.map { 800 - 20 * (Double($0) + 0.5 - 2019.5) }  // zero at t = 2059.5
        let t = try XCTUnwrap(TrajectoryAnalysis.firstZeroCrossing(years: years, values: values))
        XCTAssertEqual(t, 2059.5, accuracy: 1e-6)
        XCTAssertNil(try TrajectoryAnalysis.firstZeroCrossing(years: years, values: years.map { _ in 10 }))
    }

    /// Neutrality is dated like the peak, by annual totals: the first year whose annual net CO2 is at or below zero. A
    /// crossing late in 2058 (t = 2058.87) leaves 2058's total above zero, so the year is 2059, and a 2058 target fails.
    func testNeutralityIsTheFirstYearWithAnnualNetAtOrBelowZero() throws {
        let values = years.map { 20 * (2058.87 - (Double($0) + 0.5)) }  // crossing at t = 2058.87
        let t = try XCTUnwrap(TrajectoryAnalysis.firstZeroCrossing(years: years, values: values))
        XCTAssertEqual(t, 2058.87, accuracy: 1e-6)
        XCTAssertGreaterThan(values[years.firstIndex(of: 2058)!], 0)
        XCTAssertLessThanOrEqual(values[years.firstIndex(of: 2059)!], 0)
        XCTAssertEqual(TrajectoryAnalysis.annualYear(ofCrossing: t), 2059)
        // The edges: a crossing at a year's middle is that year's (its total is zero); just after it, the next year's.
        XCTAssertEqual(TrajectoryAnalysis.annualYear(ofCrossing: 2059.5), 2059)
        XCTAssertEqual(TrajectoryAnalysis.annualYear(ofCrossing: 2059.5.nextUp), 2060)
        XCTAssertEqual(TrajectoryAnalysis.annualYear(ofCrossing: 2019.5), 2019)
        let catalog = OutputCatalog.shared
        let run = Trajectory(years: years, catalog: catalog, values: [Double](repeating: 1, count: years.count * catalog.names.count),
                             cumulativeNetCO2: 0, cumulativeGrossCO2: 0, cumulativeFrom: 2020, evaluations: 0)
        let peak = TrajectoryAnalysis.peak(years: years, values: years.map { parabola(Double($0) + 0.5) })
        for (required, passes) in [(2058, false), (2059, true)] {
            var targets = Targets()
            targets.neutralityYear = required
            let check = try XCTUnwrap(Indicators.check(targets, run, peak: peak, neutralityTime: t).first)
            XCTAssertEqual(check.achieved, 2059)
            XCTAssertEqual(check.passed, passes, "target \(required)")
        }
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
