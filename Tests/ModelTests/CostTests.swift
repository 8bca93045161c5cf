import XCTest
import Scenarios
@testable import Simulator

final class CostTests: XCTestCase {
    func testTheBaselineCostsNothing() throws {
        let r = try Fixtures.baseline()
        XCTAssertEqual(r.costs.totalDiscounted, 0)
    }

    /// In history mode wind and solar through the last observed year are history, the same in every scenario: the
    /// frozen-policy baseline costs nothing (it was charged 3,489 x 10^8 yuan for 2023-2025's observed build-out), and
    /// a build-out above the trend after it is costed from the year after.
    func testObservedBuildOutIsNotAMeasure() throws {
        let history = try Dataset.innerMongolia().inHistoryMode(datasetPath: nil)
        let last = try XCTUnwrap(history.history?.lastObservedYear)
        let baseline = try PreparedScenario(DefaultScenarios.load(dataset: history)[0], dataset: history).run()
        XCTAssertEqual(baseline.costs.totalDiscounted, 0, "not even rounding: a workbook shows the baseline's cost as 0")
        let more = try PreparedScenario(ScenarioLoader(dataset: history).parse("sector_plans:\n  power:\n    wind: {target: 250, start: 2026, full: 2030}\n", file: "w.yaml"),
                                        dataset: history).run()
        let renewables = try XCTUnwrap(more.costs.annual["renewables"])
        for (i, y) in more.costs.years.enumerated() where y <= last { XCTAssertEqual(renewables[i], 0, "\(y)") }
        XCTAssertGreaterThan(renewables[try XCTUnwrap(more.costs.years.firstIndex(of: 2027))], 0)
    }

    /// CCUS: captured Mt x 400 yuan/t, discounted at 5% to 2020, by hand.
    func testDiscountingByHand() throws {
        let dataset = try Fixtures.dataset()
        let r = try Fixtures.run(lever: "sector_plans.removals.ccus", LeverSetting(target: 40, start: 2030, full: 2040, shape: .linear), dataset: dataset)
        let captured = r.trajectory.series("ccus_captured")
        var expected = 0.0
        for (i, y) in r.trajectory.years.enumerated() where y >= 2020 {
            expected += captured[i] * 400 / 100 / pow(1.05, Double(y - 2020))
        }
        XCTAssertGreaterThan(expected, 100)
        XCTAssertEqual(r.costs.discounted("ccus"), expected, accuracy: 1e-9 * expected)
        XCTAssertEqual(r.costs.totalDiscounted, r.costs.discounted("ccus") + r.costs.discounted("coal_power"), accuracy: 1e-6 * expected)
    }

    /// A retrofit lever at its baseline level (the base heat rate, no benchmark, no ladder pricing) costs nothing, and a
    /// real one nothing before its start: the smooth pull is w/2 at rest, and the baseline has it too (it was charged
    /// 0.65 x 10^8 yuan in 2019 for a heat-rate lever starting in 2030).
    func testARetrofitLeverCostsNothingAtItsBaselineOrBeforeItsStart() throws {
        let dataset = try Fixtures.dataset()
        let base = try dataset.modelParameters().power.baseHeatRate
        for (path, level) in [("sector_plans.power.coal_heat_rate", base), ("sector_plans.industry.efficiency_benchmark", 0),
                              ("measures.ladder_pricing", 0)] {
            let r = try Fixtures.run(lever: path, LeverSetting(target: level, start: 2030, full: 2030, shape: .step), dataset: dataset)
            XCTAssertEqual(r.costs.totalDiscounted, 0, path)
        }
        for (path, level, family) in [("sector_plans.power.coal_heat_rate", base - 10, "coal_power"),
                                      ("sector_plans.industry.efficiency_benchmark", 50, "efficiency")] {
            let r = try Fixtures.run(lever: path, LeverSetting(target: level, start: 2030, full: 2034, shape: .linear), dataset: dataset)
            let annual = try XCTUnwrap(r.costs.annual[family])
            for (i, y) in r.costs.years.enumerated() where y < 2030 { XCTAssertEqual(annual[i], 0, "\(path) \(y)") }
            XCTAssertGreaterThan(annual[try XCTUnwrap(r.costs.years.firstIndex(of: 2032))], 0, path)
        }
    }

    func testMoreOfALeverCostsMore() throws {
        let dataset = try Fixtures.dataset()
        var previous = -1.0
        for target in [100.0, 150, 200, 300] {
            let r = try Fixtures.run(lever: "sector_plans.power.wind", LeverSetting(target: target, start: 2021, full: 2030, shape: .linear), dataset: dataset)
            XCTAssertGreaterThan(r.costs.discounted("renewables"), previous)
            previous = r.costs.discounted("renewables")
        }
    }

    /// Capex falls by the learning rate for each doubling of installed capacity.
    func testLearningCurve() throws {
        let dataset = try Fixtures.dataset()
        let p = try dataset.modelParameters()
        let r = try Fixtures.run(lever: "sector_plans.power.wind", LeverSetting(target: 200, start: 2021, full: 2030, shape: .linear), dataset: dataset)
        let wind = r.trajectory.series("capacity_wind")
        let i = try XCTUnwrap(r.trajectory.years.firstIndex(of: 2025))
        let added = wind[i] - wind[i - 1] - p.power.windBuildRate
        let capex = p.costs.windCapex * pow(wind[i] / p.power.baseWind, log2(1 - p.costs.windLearningRate))
        XCTAssertEqual(r.costs.annual["renewables"]![i], added * capex, accuracy: 1e-9 * added * capex)
        // At twice the base capacity, capex is 90% of the base.
        XCTAssertEqual(p.costs.windCapex * pow(2, log2(1 - p.costs.windLearningRate)), 0.9 * p.costs.windCapex, accuracy: 1e-12)
    }
}
