import XCTest
import Scenarios
@testable import Simulator

/// Conservation and accounting identities, in every scenario file.
final class BalanceTests: XCTestCase {
    func testElectricitySupplyEqualsDemandEveryYearInEveryScenario() throws {
        let dataset = try Fixtures.dataset()
        for file in try Fixtures.scenarioFiles() {
            let r = try Fixtures.run(file, dataset: dataset).trajectory
            let supply = r.series("electricity_generation"), inRegion = r.series("electricity_demand_in_region")
            let exports = r.series("electricity_exports"), imports = r.series("electricity_imports")
            for i in r.years.indices {
                XCTAssertEqual(supply[i], inRegion[i] + exports[i] - imports[i], accuracy: 1e-9 * supply[i], "\(file) \(r.years[i])")
            }
            // And generation by source adds up to it (the desert bases' dedicated export is a source of its own).
            let parts = ["coal", "wind", "solar", "other", "dedicated_export"].map { r.series("generation_\($0)") }
            for i in r.years.indices {
                XCTAssertEqual(parts.map { $0[i] }.reduce(0, +), supply[i], accuracy: 1e-9 * supply[i])
            }
        }
    }

    func testGrossEmissionsAreTheSumOfSectorGroupsAndOfFuelsPlusProcess() throws {
        let r = try Fixtures.run(Fixtures.scenarios.appendingPathComponent("accelerated.yaml").path, dataset: Fixtures.dataset()).trajectory
        let gross = r.series("co2_gross")
        let groups = SectorGroup.allCases.map { r.series("co2_sector_\($0.key)") }
        let fuels = Fuel.allCases.map { r.series("co2_fuel_\($0.key)") } + [r.series("co2_process")]
        let net = r.series("co2_net"), ccus = r.series("ccus_captured"), sinks = r.series("sinks")
        for i in r.years.indices {
            XCTAssertEqual(groups.map { $0[i] }.reduce(0, +), gross[i], accuracy: 1e-9 * gross[i])
            XCTAssertEqual(fuels.map { $0[i] }.reduce(0, +), gross[i], accuracy: 1e-9 * gross[i])
            XCTAssertEqual(net[i], gross[i] - ccus[i] - sinks[i], accuracy: 1e-9 * gross[i])
        }
    }

    /// Energy and CO2 by sector group and fuel (the LMDI decomposition's inputs) add up to the group totals
    /// and to the fuel totals; process CO2 by group adds up to the process total. Every scenario file.
    func testSectorGroupByFuelSeriesAddUpToTheTotals() throws {
        let dataset = try Fixtures.dataset()
        for file in try Fixtures.scenarioFiles() {
            let r = try Fixtures.run(file, dataset: dataset).trajectory
            let energy = SectorGroup.allCases.map { g in Fuel.allCases.map { r.series("energy_\(g.key)_\($0.key)") } }
            let co2 = SectorGroup.allCases.map { g in Fuel.allCases.map { r.series("co2_\(g.key)_\($0.key)") } }
            let process = SectorGroup.allCases.map { r.series("co2_process_\($0.key)") }
            let gross = r.series("co2_gross"), total = r.series("energy_total")
            for i in r.years.indices {
                let at = "\(file) \(r.years[i])"
                for g in SectorGroup.allCases {
                    let k = g.rawValue
                    XCTAssertEqual(energy[k].map { $0[i] }.reduce(0, +), r.series("energy_sector_\(g.key)")[i], accuracy: 1e-9 * total[i], "\(at) \(g.key)")
                    XCTAssertEqual(co2[k].map { $0[i] }.reduce(0, +) + process[k][i], r.series("co2_sector_\(g.key)")[i],
                                   accuracy: 1e-9 * gross[i], "\(at) \(g.key)")
                    for f in Fuel.allCases { XCTAssertGreaterThanOrEqual(energy[k][f.rawValue][i], -1e-9 * total[i], "\(at) \(g.key) \(f.key)") }
                }
                for f in Fuel.allCases {
                    XCTAssertEqual(energy.map { $0[f.rawValue][i] }.reduce(0, +), r.series("energy_\(f.key)")[i], accuracy: 1e-9 * total[i], at)
                    XCTAssertEqual(co2.map { $0[f.rawValue][i] }.reduce(0, +), r.series("co2_fuel_\(f.key)")[i], accuracy: 1e-9 * gross[i], at)
                }
                XCTAssertEqual(process.map { $0[i] }.reduce(0, +), r.series("co2_process")[i], accuracy: 1e-9 * gross[i], at)
            }
        }
    }

    /// Stock change over a year = the year's total of (retained high-alumina ash - ash used for alumina): the
    /// stock is integrated by GSL and reported at year-end, the flows are separate outputs reported as annual totals.
    func testFlyAshMassBalance() throws {
        let dataset = try Fixtures.dataset()
        let p = try dataset.modelParameters()
        let r = try Fixtures.run(Fixtures.scenarios.appendingPathComponent("levers/fly-ash-alumina.yaml").path, dataset: dataset).trajectory
        let stock = r.series("fly_ash_stock"), generated = r.series("fly_ash_generated"), alumina = r.series("fly_ash_alumina_output")
        let f = p.flyAsh
        let netInflow = r.years.indices.map { generated[$0] * (1 - f.buildingMaterialUse) * f.highAluminaShare - f.ashPerTonneAlumina * alumina[$0] }
        // 2e-3, not 1e-3: the flows are Simpson's rule on 1 January, mid-year and 31 December, which errs by
        // (slope jump)/24 when the integrand kinks at mid-year. The dataset's new load (power.new_load, Steffen
        // spline through mid-year knots) is held flat after its last knot, mid-2025, so the coal burnt for power
        // and the ash generated kink there: 1.2e-3 of 2025's net inflow, 1.7e-4 with a flat 2026 knot added (no
        // kink). Every other year is within 6e-4.
        for i in 1..<r.years.count {
            XCTAssertEqual(stock[i] - stock[i - 1], netInflow[i], accuracy: 2e-3 * abs(netInflow[i]) + 1e-3, "year \(r.years[i])")
        }
        XCTAssertGreaterThan(alumina.last!, 1, "the lever must have built fly-ash alumina for this test to mean something")
    }

    /// The cumulative indicator is a state integrated by GSL; the annual series are annual totals (Simpson's
    /// rule within each year). Their sum over 2020-2060 is the same integral.
    func testCumulativeEmissionsEqualTheIntegralOfTheAnnualSeries() throws {
        for name in ["baseline.yaml", "accelerated.yaml"] {
            let result = try Fixtures.run(Fixtures.scenarios.appendingPathComponent(name).path, dataset: Fixtures.dataset())
            let r = result.trajectory
            let net = r.series("co2_net")
            let sum = r.years.indices.filter { r.years[$0] >= 2020 }.map { net[$0] }.reduce(0, +)
            // 2e-4, not 1e-4: Simpson's rule errs by (slope jump)/24 where the integrand kinks at mid-year, as the
            // new load does at mid-2025 (flat after its last knot) and its steep 2022-23 knots nearly do;
            // accelerated.yaml sums to 1.04e-4 of its cumulative emissions, the baseline to less.
            XCTAssertEqual(result.indicators.cumulativeNetCO2, sum, accuracy: 2e-4 * abs(sum), name)
            XCTAssertEqual(result.indicators.cumulativeFrom, 2020)
            XCTAssertEqual(result.indicators.cumulativeTo, 2060)
        }
    }

    func testTighterToleranceChangesNothingVisible() throws {
        let p = try PreparedScenario(ScenarioLoader(dataset: Fixtures.dataset())
            .load(path: Fixtures.scenarios.appendingPathComponent("accelerated.yaml").path), dataset: Fixtures.dataset()).parameters
        let model = try CarbonModel(parameters: p)
        let normal = try Simulation(model: model).run()
        let tight = try Simulation(model: model).run(integrator: ODEIntegrator(system: model, absoluteTolerance: 1e-11, relativeTolerance: 1e-11))
        for name in ["co2_gross", "co2_net", "energy_total", "gdp", "fly_ash_stock"] {
            for (a, b) in zip(normal.series(name), tight.series(name)) {
                XCTAssertEqual(a, b, accuracy: 1e-6 * max(abs(b), 1), name)
            }
        }
    }
}
