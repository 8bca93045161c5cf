import XCTest
import Scenarios
@testable import Simulator

/// The baseline against what is known: CEADs in the base year, sourced facts for 2020-2023.
final class BaseYearTests: XCTestCase {
    func testBaseYearReproducesTheCEADsTotalWithinTwoPercent() throws {
        let r = try Fixtures.baseline().trajectory
        let model = try XCTUnwrap(r.value("co2_gross", year: 2019))
        XCTAssertEqual(model, 794.28, accuracy: 0.02 * 794.28)
        // The fuel groups too: they add up to the same total.
        let fuels = ["coal", "coke", "oil", "gas"].map { r.value("co2_fuel_\($0)", year: 2019)! }.reduce(0, +)
        XCTAssertEqual(fuels + r.value("co2_process", year: 2019)!, model, accuracy: 1e-9)
    }

    func testEveryCEADsSectorGroupWithinFivePercent() throws {
        let dataset = try Fixtures.dataset()
        let p = try dataset.modelParameters()
        let r = try Fixtures.baseline().trajectory
        var lines = ["group          CEADs 2019   model 2019   deviation"]
        for g in SectorGroup.allCases {
            var ceads = p.ceads[g].total
            if g == .nonmetal { ceads += p.ceads.cementProcess }
            let model = try XCTUnwrap(r.value("co2_sector_\(g.key)", year: 2019))
            let deviation = model / ceads - 1
            lines.append("\(g.key.padding(toLength: 14, withPad: " ", startingAt: 0)) \(f(ceads, 10))   \(f(model, 10))   \(f(100 * deviation, 7))%")
            XCTAssertLessThan(abs(deviation), 0.05, "sector group \(g.key): model \(model), CEADs \(ceads)")
        }
        print(lines.joined(separator: "\n"))
    }

    /// Prints the baseline against every fact in the dataset and checks each within its documented tolerance.
    func testBaselineMatchesKnownFactsWithinTheirTolerances() throws {
        let dataset = try Fixtures.dataset()
        let r = try Fixtures.baseline().trajectory
        var lines = ["quantity                 year       fact      model   deviation  tolerance  source"]
        for fact in dataset.facts {
            let model: Double
            switch fact.quantity {
            case "capacity_wind_solar": model = r.value("capacity_wind", year: fact.year)! + r.value("capacity_solar", year: fact.year)!
            case "generation_wind_solar": model = r.value("generation_wind", year: fact.year)! + r.value("generation_solar", year: fact.year)!
            default: model = try XCTUnwrap(r.value(fact.quantity, year: fact.year), "no series \(fact.quantity)")
            }
            let deviation = model / fact.value - 1
            lines.append("\(fact.quantity.padding(toLength: 24, withPad: " ", startingAt: 0)) \(fact.year)  \(f(fact.value, 9))  \(f(model, 9))  \(f(100 * deviation, 8))%  \(f(100 * fact.tolerance, 8))%  \(fact.source)")
            XCTAssertLessThanOrEqual(abs(deviation), fact.tolerance, "\(fact.quantity) \(fact.year): model \(model), fact \(fact.value)")
        }
        print(lines.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(dataset.facts.count, 9)
    }

    func testBaseYearSplitLeavesNoNegativeResiduals() throws {
        let model = try CarbonModel(parameters: Fixtures.dataset().modelParameters())
        XCTAssertGreaterThan(model.baseYearSplit.residualElectricity, 0)
        XCTAssertGreaterThan(model.baseYearSplit.powerGroupResidualCO2, 0)
    }

    func f(_ v: Double, _ width: Int) -> String {
        let s = String(format: "%.1f", v)
        return String(repeating: " ", count: max(0, width - s.count)) + s
    }
}

extension BaseYearTests {
    /// The base-year in-region consumption is an input of the base-year split: the model must reproduce it exactly.
    func testBaseYearElectricityConsumptionIsReproducedExactly() throws {
        let p = try Fixtures.dataset().modelParameters()
        let r = try Fixtures.baseline().trajectory
        XCTAssertEqual(try XCTUnwrap(r.value("electricity_demand_in_region", year: 2019)), p.power.baseInRegionConsumption, accuracy: 1e-9)
    }
}
