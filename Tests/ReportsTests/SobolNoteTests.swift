import XCTest
@testable import Reports
import Sweeps
import Simulator

/// A Sobol index is a share of variance: an estimate outside [0, 1] is sampling error, and the summary says so.
final class SobolNoteTests: XCTestCase {
    func sobol(first: [Double], total: [Double]) -> SweepSummary.Sensitivity {
        let index = { (v: Double) in SobolIndices.Index(estimate: v, lower: v - 0.2, upper: v + 0.2) }
        return SweepSummary.Sensitivity(method: .sobol, output: "peak_value",
                                        factors: ["sector_plans.power.wind.target", "fly_ash.fuel_tce_per_tonne"],
                                        first: first.map(index), total: total.map(index), rSquared: nil)
    }

    func testEstimatesOutsideTheUnitIntervalAreTold() throws {
        let s = sobol(first: [0.7, -0.12], total: [1.31, 0.2])
        XCTAssertEqual(s.outsideUnitInterval.map(\.factor), ["sector_plans.power.wind.target", "fly_ash.fuel_tce_per_tonne"])
        XCTAssertEqual(s.outsideUnitInterval.map(\.order), ["total", "first"])
        let en = try XCTUnwrap(SweepSummaryRenderer.unitIntervalNote(s, .en))
        XCTAssertTrue(en.contains("total order of sector_plans.power.wind.target: 1.310"), en)
        XCTAssertTrue(en.contains("first order of fly_ash.fuel_tce_per_tonne: -0.120"), en)
        XCTAssertTrue(en.contains("larger `n`"), en)
        let zh = try XCTUnwrap(SweepSummaryRenderer.unitIntervalNote(s, .zh))
        XCTAssertTrue(zh.contains("总效应指数 1.310") && zh.contains("抽样误差"), zh)
        // The tornado chart says it under the bars (a trial saw 1.06 drawn without a word).
        let chart = ScenarioCharts.tornadoNote(s, .en)
        XCTAssertTrue(chart.contains("sampling error") && chart.contains("total 1.310") && chart.contains("first -0.120"), chart)
        XCTAssertTrue(ScenarioCharts.tornadoNote(s, .zh).contains("总效应 1.310"))
        XCTAssertEqual(ScenarioCharts.tornadoNote(sobol(first: [0.7, 0.1], total: [0.8, 0.2]), .en), "")
    }

    /// Every estimate the reports print below 0.000 or above 1.000 is explained (-0.008 is what a factor of no
    /// influence gets at small n); one that prints as 0.000 or 1.000 is not.
    func testEveryEstimatePrintedOutsideIsToldAndNoOther() throws {
        let s = sobol(first: [0.98, -0.008], total: [1.0004, -0.0004])
        XCTAssertEqual(s.outsideUnitInterval.map(\.estimate), [-0.008])
        let note = try XCTUnwrap(SweepSummaryRenderer.unitIntervalNote(s, .en))
        XCTAssertTrue(note.contains("first order of fly_ash.fuel_tce_per_tonne: -0.008"), note)
        XCTAssertNil(SweepSummaryRenderer.unitIntervalNote(sobol(first: [0.98, 0], total: [1.0004, -0.0004]), .en))
    }

    /// Indices from an incomplete Saltelli sweep say how many base samples they come from; with none complete the
    /// table's dashes are said to be missing blocks, not an output that does not vary.
    func testIndicesOfAnIncompleteSweepSayWhatTheyComeFrom() throws {
        var none = sobol(first: [.nan, .nan], total: [.nan, .nan])
        none.baseSamples = (0, 256)
        none.missingRuns = 1024
        let en = try XCTUnwrap(SweepSummaryRenderer.incompleteSobolNote(none, .en))
        XCTAssertTrue(en.contains("0 of the 256 base samples are complete, so none can be estimated") && en.contains("--resume"), en)
        var some = sobol(first: [0.7, 0.1], total: [0.8, 0.2])
        some.baseSamples = (64, 256)
        some.missingRuns = 768
        XCTAssertTrue(try XCTUnwrap(SweepSummaryRenderer.incompleteSobolNote(some, .zh)).contains("仅来自256个基样本中完整的64个"))
        var all = some
        all.baseSamples = (256, 256)
        XCTAssertNil(SweepSummaryRenderer.incompleteSobolNote(all, .en))
        // Every run stored but some failed: resuming reruns nothing, so it is not the advice.
        var failed = some
        failed.missingRuns = 0
        let failedEN = try XCTUnwrap(SweepSummaryRenderer.incompleteSobolNote(failed, .en))
        XCTAssertTrue(failedEN.contains("some runs failed") && failedEN.contains("64 of 256 base samples that ran in full")
                      && failedEN.contains("Resuming does not rerun failed runs"), failedEN)
        XCTAssertFalse(failedEN.contains("Finish it (--resume)"), failedEN)
        let failedZH = try XCTUnwrap(SweepSummaryRenderer.incompleteSobolNote(failed, .zh))
        XCTAssertTrue(failedZH.contains("部分运行失败") && failedZH.contains("续算（--resume）不会重跑失败的运行"), failedZH)
    }

    /// Regression coefficients are not shares: a coefficient above 1 is not told.
    func testRegressionCoefficientsAreNotShares() {
        let src = SweepSummary.Sensitivity(method: .src, output: "peak_value", factors: ["a"],
                                           first: [SobolIndices.Index(estimate: 1.4, lower: .nan, upper: .nan)], total: [], rSquared: 0.9)
        XCTAssertTrue(src.outsideUnitInterval.isEmpty)
    }
}
