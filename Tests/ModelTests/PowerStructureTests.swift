import XCTest
import Scenarios
@testable import Simulator

/// The power side's structure since the base year (issue 12): new electricity-intensive load, new-type storage
/// under the allocation rule and beyond it, and the approved coal pipeline.
final class PowerStructureTests: XCTestCase {
    func run(_ path: String, _ setting: LeverSetting?, assumptions: [String: Double] = [:]) throws -> Trajectory {
        var s = Scenario(name: "test", file: "test")
        if let setting { s.levers[path] = setting }
        s.assumptions = assumptions
        return try PreparedScenario(s, dataset: Fixtures.dataset()).run().trajectory
    }

    func value(_ r: Trajectory, _ name: String, _ year: Int) throws -> Double { try XCTUnwrap(r.value(name, year: year)) }

    /// Known answer: nothing in the model feeds back on electricity demand (no cap enforced), so the lever's
    /// TWh add exactly to in-region demand and to generation; the extra coal power raises emissions.
    func testNewLoadAddsItsTWhToDemandAndGenerationAndRaisesEmissions() throws {
        let none = try run(Levers.newLoad.path, nil)
        var previousCO2 = try value(none, "co2_gross", 2030)
        let noneCO2 = previousCO2
        for twh in [20.0, 60.0] {
            let r = try run(Levers.newLoad.path, LeverSetting(target: twh, start: 2026, full: 2028, shape: .linear))
            for year in [2029, 2035] {
                // Up to the integration tolerance of the states industry's electricity depends on (1e-8).
                XCTAssertEqual(try value(r, "electricity_demand_in_region", year) - value(none, "electricity_demand_in_region", year),
                               twh, accuracy: 1e-7 * (try value(none, "electricity_demand_in_region", year)), "\(year)")
                XCTAssertEqual(try value(r, "electricity_generation", year) - value(none, "electricity_generation", year),
                               twh, accuracy: 1e-7 * (try value(none, "electricity_generation", year)), "\(year)")
                XCTAssertEqual(try value(r, "electricity_new_load", year) - value(none, "electricity_new_load", year),
                               twh, accuracy: 1e-9 * twh, "\(year)")
            }
            // Before its start the lever does nothing.
            XCTAssertEqual(try value(r, "co2_gross", 2025), try value(none, "co2_gross", 2025), accuracy: 1e-9 * 900)
            // Mostly coal power at about 0.8 t CO2/MWh: at least half of that.
            let co2 = try value(r, "co2_gross", 2030)
            XCTAssertGreaterThan(co2, previousCO2)
            XCTAssertGreaterThan(co2 - noneCO2, 0.5 * 0.8 * twh, "\(twh) TWh")
            previousCO2 = co2
        }
    }

    /// The dataset's observed new load is in every scenario: year-end levels, linear within each year, so a year's
    /// value is the mean of its two ends (2020: (0 + 36.5) / 2) and from 2026 on the path is flat at the 2025 level.
    func testObservedNewLoadIsThePathInTheDataset() throws {
        let r = try run(Levers.newLoad.path, nil)
        XCTAssertEqual(try value(r, "electricity_new_load", 2019), 0, accuracy: 1e-9, "the base year is untouched")
        XCTAssertEqual(try value(r, "electricity_new_load", 2020), (0 + 36.5) / 2, accuracy: 1e-9)
        XCTAssertEqual(try value(r, "electricity_new_load", 2023), (58.8 + 98) / 2, accuracy: 1e-9)
        XCTAssertEqual(try value(r, "electricity_new_load", 2026), 95.5, accuracy: 1e-9)
        XCTAssertEqual(try value(r, "electricity_new_load", 2040), 95.5, accuracy: 1e-9)
        let y2023 = try value(r, "electricity_new_load", 2023)
        // Without it (scaled to 0), 2023 in-region demand is lower by exactly the annual new load.
        let without = try run(Levers.newLoad.path, nil, assumptions: ["power.new_load": 0])
        XCTAssertEqual(try value(r, "electricity_demand_in_region", 2023) - value(without, "electricity_demand_in_region", 2023),
                       y2023, accuracy: 1e-7 * (try value(without, "electricity_demand_in_region", 2023)))
    }

    /// Imports come off generation TWh for TWh, and off coal power, so CO2 falls with them. The energy total counts
    /// net exports (exports less imports), so the electricity itself counts either way: energy falls only by the
    /// heat-supply residual's part that scales with coal burnt for power (and a little through the fleet's heat
    /// rate). Without them (scaled to 0) the balance is the net one of the base year.
    func testImportsComeOffGenerationAndCO2AndEnergyOnlyThroughTheResidual() throws {
        let with = try run(Levers.newLoad.path, nil)
        let without = try run(Levers.newLoad.path, nil, assumptions: ["power.imports": 0])
        XCTAssertEqual(try value(with, "electricity_imports", 2019), 0, accuracy: 1e-12, "the base year's balance is net")
        XCTAssertEqual(try value(without, "electricity_imports", 2022), 0, accuracy: 1e-12)
        for year in [2021, 2022, 2030] {
            let m = try value(with, "electricity_imports", year)
            XCTAssertGreaterThan(m, 25, "\(year)")
            XCTAssertEqual(try value(without, "electricity_generation", year) - value(with, "electricity_generation", year), m,
                           accuracy: 1e-6 * m, "\(year): generation")
            XCTAssertEqual(try value(without, "generation_coal", year) - value(with, "generation_coal", year), m,
                           accuracy: 0.02 * m, "\(year): coal generation (renewables curtail a little less)")
            // Coal power at about 0.3 kgce/kWh and 2.6-2.8 t CO2/tce: at least 0.6 t CO2 per MWh imported.
            XCTAssertGreaterThan(try value(without, "co2_gross", year) - value(with, "co2_gross", year), 0.6 * m, "\(year): CO2")
            let residual = try value(without, "coal_power_residual", year) - value(with, "coal_power_residual", year)
            XCTAssertGreaterThan(residual, 0, "\(year)")
            XCTAssertEqual(try value(without, "energy_total", year) - value(with, "energy_total", year), residual,
                           accuracy: 0.1 * residual, "\(year): energy")
        }
    }

    /// A dataset that imports more than it exports is refused at the key, with the accepted range: the model nets
    /// imports against exports. A sweep's scale beyond it is held at the exports at every instant.
    func testImportsAboveTheExportsAreRefusedAndHeldAtThem() throws {
        let dataset = try Fixtures.dataset()
        let imports = try XCTUnwrap(dataset.entry("power.imports"))
        XCTAssertThrowsError(try dataset.setting([(DatasetEntry(path: imports.path, value: .series(years: [2019, 2020, 2021], values: [0, 150, 400]),
                                                            unit: imports.unit, source: "test", estimate: false, range: nil, line: imports.line), "power")])) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("power.imports") && message.contains("400") && message.contains("184.2"), message)
        }
        let scaled = try run(Levers.newLoad.path, nil, assumptions: ["power.imports": 10])
        for year in [2021, 2030] {
            XCTAssertLessThanOrEqual(try value(scaled, "electricity_imports", year), try value(scaled, "electricity_exports", year) + 1e-9)
            XCTAssertTrue(try value(scaled, "co2_gross", year).isFinite)
        }
    }

    /// Known answer of the storage balance at year-end: rule share x (wind + solar built since the base year)
    /// plus the lever. More storage never raises emissions and always lowers curtailment.
    func testStorageFollowsTheRuleAndTheLeverAndCutsCurtailment() throws {
        let p = try Fixtures.dataset().modelParameters()
        var previous: Trajectory?
        for gw in [0.0, 10, 50, 200] {
            let r = try run(Levers.storage.path, LeverSetting(target: gw, start: 2026, full: 2030, shape: .linear))
            for year in [2025, 2030, 2040] {
                let built = try value(r, "capacity_wind", year) + value(r, "capacity_solar", year) - p.power.baseWind - p.power.baseSolar
                let lever = year >= 2030 ? gw : 0
                XCTAssertEqual(try value(r, "capacity_storage", year), 0.10 * built + lever, accuracy: 1e-9 * 100, "\(gw) GW, \(year)")
            }
            if let previous {
                for year in 2026...2060 {
                    XCTAssertLessThanOrEqual(try value(r, "co2_gross", year), try value(previous, "co2_gross", year) + 1e-9 * 900, "\(gw) GW, \(year)")
                    XCTAssertLessThan(try value(r, "curtailed_renewables", year), try value(previous, "curtailed_renewables", year), "\(gw) GW, \(year)")
                    XCTAssertGreaterThan(try value(r, "storage_discharged", year), try value(previous, "storage_discharged", year), "\(gw) GW, \(year)")
                }
            }
            previous = r
        }
    }

    /// Storage gives back at most its efficiency times what was curtailed without it: 200 GW x 4 h cannot beat it.
    func testStorageNeverDeliversMoreThanTheCurtailedEnergyAllowed() throws {
        let none = try run(Levers.storage.path, nil, assumptions: ["power.storage_rule_share": 0])
        let big = try run(Levers.storage.path, LeverSetting(target: 200, start: 2026, full: 2030, shape: .linear),
                          assumptions: ["power.storage_rule_share": 0])
        XCTAssertEqual(try value(none, "storage_discharged", 2040), 0, accuracy: 1e-12)
        XCTAssertEqual(try value(none, "capacity_storage", 2040), 0, accuracy: 1e-12)
        let curtailedWithout = try value(none, "curtailed_renewables", 2040)
        let discharged = try value(big, "storage_discharged", 2040)
        XCTAssertGreaterThan(discharged, 0.5 * 0.85 * curtailedWithout, "200 GW x 4 h x 250 cycles = 200 TWh of throughput")
        XCTAssertLessThan(discharged, 0.85 * curtailedWithout)
    }

    /// The approved pipeline adds coal units on top of the need-driven build: a larger fleet with a lower heat
    /// rate (new units at 295 gce/kWh), so a little less CO2 for the same generation.
    func testCoalPipelineEnlargesTheFleetAndLowersItsHeatRate() throws {
        let with = try run(Levers.newLoad.path, nil)
        let without = try run(Levers.newLoad.path, nil, assumptions: ["power.coal_pipeline": 0])
        XCTAssertEqual(try value(with, "capacity_coal", 2019), try value(without, "capacity_coal", 2019), accuracy: 0.5)
        XCTAssertGreaterThan(try value(with, "capacity_coal", 2024), try value(without, "capacity_coal", 2024) + 10)
        XCTAssertLessThan(try value(with, "heat_rate", 2026), try value(without, "heat_rate", 2026))
        XCTAssertEqual(try value(with, "electricity_generation", 2026), try value(without, "electricity_generation", 2026),
                       accuracy: 1e-6 * 900)
        XCTAssertLessThan(try value(with, "co2_gross", 2026), try value(without, "co2_gross", 2026))
    }

    /// Known answers of the exports split: a dedicated export of D adds D to exports and generation; the bases give
    /// s D with capacity s D (w/CF_W + (1-w)/CF_S)/8.76; the bundled coal part raises emissions. With s = 1 the
    /// region's own system, its emissions and its energy balance are exactly as without the line.
    func testDedicatedExportSplitsIntoTheBasesRenewablesAndBundledCoal() throws {
        let setting = LeverSetting(target: 100, start: 2026, full: 2030, shape: .linear)
        let none = try run(Levers.dedicatedExport.path, nil)
        let line = try run(Levers.dedicatedExport.path, setting)
        let year = 2032
        XCTAssertEqual(try value(line, "electricity_exports", year) - value(none, "electricity_exports", year), 100, accuracy: 1e-6)
        // Industry's electricity depends on states integrated to 1e-8: generation differs by that beyond the line.
        XCTAssertEqual(try value(line, "electricity_generation", year) - value(none, "electricity_generation", year), 100,
                       accuracy: 1e-7 * (try value(none, "electricity_generation", year)))
        XCTAssertEqual(try value(line, "generation_dedicated_export", year), 50, accuracy: 1e-9)
        XCTAssertEqual(try value(line, "capacity_dedicated_renewables", year), 50 * (0.5 / 0.27 + 0.5 / 0.18) / 8.76, accuracy: 1e-9)
        XCTAssertEqual(try value(none, "generation_dedicated_export", year), 0, accuracy: 1e-12)
        let extraCoal = try value(line, "generation_coal", year) - value(none, "generation_coal", year)
        XCTAssertTrue((45...50.000001).contains(extraCoal), "bundled coal \(extraCoal) TWh")
        XCTAssertGreaterThan(try value(line, "co2_gross", year), try value(none, "co2_gross", year) + 0.5 * 0.8 * 45)

        let green = ["power.dedicated_export_renewable_share": 1.0]
        let noneGreen = try run(Levers.dedicatedExport.path, nil, assumptions: green)
        let lineGreen = try run(Levers.dedicatedExport.path, setting, assumptions: green)
        for name in ["co2_gross", "generation_coal", "generation_wind", "energy_total", "energy_non_fossil", "non_fossil_share"] {
            XCTAssertEqual(try value(lineGreen, name, year), try value(noneGreen, name, year),
                           accuracy: 1e-9 * max(abs(try value(noneGreen, name, year)), 1), name)
        }
        XCTAssertEqual(try value(lineGreen, "generation_dedicated_export", year), 100, accuracy: 1e-9)
    }

    /// A province derived from CEADs (the template) has none of it: no new load, no storage rule, no pipeline, and
    /// the announced scenario's storage and dedicated export are the only storage and bases there.
    func testTheProvinceTemplateSwitchesTheStructureOff() throws {
        let dataset = try ProvinceDataset.make(province: "Shanxi", history: CEADsHistory.embedded())
        let p = try dataset.modelParameters()
        XCTAssertEqual(p.power.storageRuleShare, 0)
        XCTAssertTrue(p.power.newLoadYears.isEmpty && p.power.coalPipelineYears.isEmpty)
        let r = try PreparedScenario(Scenario(name: "baseline", file: "baseline"), dataset: dataset).run().trajectory
        for name in ["electricity_new_load", "capacity_storage", "storage_discharged", "generation_dedicated_export"] {
            XCTAssertEqual(r.series(name).map(abs).max() ?? 1, 0, name)
        }
    }

    /// Storage beyond the rule costs its capex (renewables family) once, when built; the rule's storage costs
    /// nothing extra: 10 GW by 2030 add 10 x 30 = 300 (10^8 yuan, undiscounted) over the build years.
    func testStorageBeyondTheRuleCostsItsCapex() throws {
        let dataset = try Fixtures.dataset()
        let none = try Fixtures.run(lever: Levers.storage.path, LeverSetting(target: 0, start: 2026, full: 2030, shape: .linear), dataset: dataset)
        let ten = try Fixtures.run(lever: Levers.storage.path, LeverSetting(target: 10, start: 2026, full: 2030, shape: .linear), dataset: dataset)
        let extra = zip(ten.costs.annual["renewables"]!, none.costs.annual["renewables"]!).map { $0 - $1 }
        XCTAssertEqual(extra.reduce(0, +), 10 * 30, accuracy: 1e-6)
        XCTAssertEqual(none.costs.annual["renewables"]!.reduce(0, +), 0, accuracy: 1e-6, "the baseline's rule storage costs nothing")
    }
}
