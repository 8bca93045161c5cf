import XCTest
import Scenarios
@testable import Simulator

/// Issue 12's balances: fly-ash alumina against imports, the official energy basis, the heat-supply residual.
final class IndustryAccountingTests: XCTestCase {
    private func simulate(_ levers: [String: LeverSetting] = [:], assumptions: [String: Double] = [:],
                     accounting: AccountingSwitches = AccountingSwitches()) throws -> Trajectory {
        var s = Scenario(name: "test", file: "test")
        s.levers = levers
        s.assumptions = assumptions
        s.accounting = accounting
        return try PreparedScenario(s, dataset: Fixtures.dataset()).run().trajectory
    }

    private let flyAsh = "sector_plans.industry.fly_ash_alumina"

    /// Every year, the smelters' need = Bayer + fly ash + imports - exports (1.93 t alumina per t aluminium).
    func testAluminaBalanceHoldsEveryYear() throws {
        for target in [0.2, 3, 20] {
            let r = try simulate([flyAsh: LeverSetting(target: target, start: 2024, full: 2027, shape: .linear)])
            for year in 2019...2060 {
                let need = 1.93 * r.value("output_aluminium", year: year)!
                let supply = r.value("output_alumina", year: year)! + r.value("fly_ash_alumina_output", year: year)!
                    + r.value("alumina_imports", year: year)! - r.value("alumina_exports", year: year)!
                XCTAssertEqual(supply, need, accuracy: 1e-9 * need, "target \(target) Mt, \(year)")
            }
        }
    }

    /// With import displacement m, extra fly-ash alumina displaces imports at m and Bayer at 1 - m (while both last).
    func testFlyAshAluminaDisplacesImportsAtTheDatasetShare() throws {
        let base = try simulate()
        for m in [0.0, 0.5, 0.8, 1.0] {
            let r = try simulate([flyAsh: LeverSetting(target: 3, start: 2024, full: 2027, shape: .linear)],
                            assumptions: ["fly_ash.import_displacement": m])
            let reference = m == 0.8 ? base : try simulate(assumptions: ["fly_ash.import_displacement": m])
            let extra = r.value("fly_ash_alumina_output", year: 2030)! - reference.value("fly_ash_alumina_output", year: 2030)!
            let imports = r.value("alumina_imports", year: 2030)! - reference.value("alumina_imports", year: 2030)!
            let bayer = r.value("output_alumina", year: 2030)! - reference.value("output_alumina", year: 2030)!
            XCTAssertGreaterThan(extra, 1.5)
            XCTAssertEqual(imports / extra, -m, accuracy: 0.01, "m = \(m)")
            XCTAssertEqual(bayer / extra, -(1 - m), accuracy: 0.01, "m = \(m)")
            XCTAssertEqual(r.value("alumina_exports", year: 2030)!, 0, accuracy: 1e-12)
        }
    }

    /// Fly-ash alumina beyond the smelters' whole need is sold out of the region, not lost: Bayer and imports go
    /// to zero, exports take the rest, and its CO2 stays territorial.
    func testFlyAshAluminaBeyondTheNeedIsExported() throws {
        let base = try simulate()
        let r = try simulate([flyAsh: LeverSetting(target: 20, start: 2024, full: 2026, shape: .linear)])
        let need = 1.93 * r.value("output_aluminium", year: 2027)!
        let fromFlyAsh = r.value("fly_ash_alumina_output", year: 2027)!
        XCTAssertGreaterThan(fromFlyAsh, need)
        XCTAssertEqual(r.value("alumina_imports", year: 2027)!, 0, accuracy: 1e-12)
        XCTAssertLessThan(r.value("output_alumina", year: 2027)!, 0.02 * base.value("output_alumina", year: 2027)!)
        XCTAssertEqual(r.value("alumina_exports", year: 2027)!, fromFlyAsh + r.value("output_alumina", year: 2027)! - need, accuracy: 1e-9)
        XCTAssertGreaterThan(r.value("co2_sector_nonferrous", year: 2027)!, base.value("co2_sector_nonferrous", year: 2027)! + 10)
    }

    /// The official basis: total less raw-material energy less renewable electricity above its 2020 level.
    func testOfficialEnergyBasisExcludesFeedstockAndNewRenewablesOnly() throws {
        let wind = "sector_plans.power.wind"
        let r = try simulate([wind: LeverSetting(target: 135, start: 2021, full: 2030, shape: .linear)])
        for year in 2019...2060 {
            let expected = r.value("energy_total", year: year)! - r.value("energy_feedstock", year: year)!
                - r.value("energy_new_renewables", year: year)!
            XCTAssertEqual(r.value("energy_dual_control", year: year)!, expected, accuracy: 1e-9 * expected, "\(year)")
            XCTAssertEqual(r.value("energy_intensity_dual_control", year: year)!,
                           100 * r.value("energy_dual_control", year: year)! / r.value("gdp", year: year)!, accuracy: 1e-12)
        }
        // Nothing is new before 2020; in 2020 itself only the within-year growth of the fleet (mid-2020 is the base).
        XCTAssertEqual(r.value("energy_new_renewables", year: 2019)!, 0)
        XCTAssertLessThan(r.value("energy_new_renewables", year: 2020)!, 0.02 * r.value("energy_non_fossil", year: 2020)!)
        // By 2030: wind above 2020's, at the fleet heat rate, and much less than all non-fossil energy.
        let new2030 = r.value("renewable_consumption", year: 2030)! - r.value("renewable_consumption", year: 2020)!
        XCTAssertEqual(r.value("energy_new_renewables", year: 2030)!, new2030 * r.value("heat_rate", year: 2030)! / 1000,
                       accuracy: 0.02 * r.value("energy_new_renewables", year: 2030)!)
        XCTAssertLessThan(r.value("energy_new_renewables", year: 2030)!, r.value("energy_non_fossil", year: 2030)! - 20)
        // With the switch off, only feedstock comes off.
        var off = AccountingSwitches()
        off.excludeRenewablesFromDualControl = false
        let all = try simulate([wind: LeverSetting(target: 135, start: 2021, full: 2030, shape: .linear)], accounting: off)
        XCTAssertEqual(all.value("energy_dual_control", year: 2030)!,
                       all.value("energy_total", year: 2030)! - all.value("energy_feedstock", year: 2030)!, accuracy: 1e-9 * 300)
    }

    /// The plan's energy-intensity cut is judged on the official basis.
    func testEnergyIntensityTargetUsesTheOfficialBasis() throws {
        var s = Scenario(name: "test", file: "test")
        s.targets.energyIntensityCut[14] = 15
        let result = try PreparedScenario(s, dataset: Fixtures.dataset()).run()
        let r = result.trajectory
        let check = try XCTUnwrap(result.indicators.targetChecks.first { $0.kind == .energyIntensityCut })
        let official = 100 * (1 - r.value("energy_intensity_dual_control", year: 2025)! / r.value("energy_intensity_dual_control", year: 2020)!)
        let statistical = 100 * (1 - r.value("energy_intensity", year: 2025)! / r.value("energy_intensity", year: 2020)!)
        XCTAssertEqual(try XCTUnwrap(check.achieved), official, accuracy: 1e-9)
        XCTAssertNotEqual(official, statistical, accuracy: 0.1)
    }

    /// The heat-supply split: heat supplied x coal per GJ stays with heat; the rest scales with coal burnt for power.
    func testHeatSupplyResidualScalesWithCoalBurntForPower() throws {
        let p = try Fixtures.dataset().modelParameters()
        let model = try CarbonModel(parameters: p)
        let split = model.baseYearSplit
        let heatCoal = p.heatSupply.heatSupplied * p.heatSupply.coalPerHeat
        XCTAssertEqual(heatCoal, 16, accuracy: 1e-9)
        // Heat supply keeps its 16 Mtce of coal (and the group's few non-coal fuels).
        XCTAssertGreaterThanOrEqual(split.heatSupplyCO2, heatCoal * p.factors.perTce.coal - 1e-9)
        XCTAssertLessThan(split.heatSupplyCO2, heatCoal * p.factors.perTce.coal + 0.05 * split.powerGroupResidualCO2)
        XCTAssertGreaterThan(split.powerCoalResidualRatio, 0.2)

        let wind = "sector_plans.power.wind"
        let base = try simulate(), more = try simulate([wind: LeverSetting(target: 200, start: 2021, full: 2030, shape: .linear)])
        for r in [base, more] {
            for year in [2019, 2025, 2030, 2045] {
                let thermal = r.value("generation_coal", year: year)! * r.value("heat_rate", year: year)! / 1000
                // Annual totals of products of two flows differ from the product of annual totals by the within-year covariance.
                XCTAssertEqual(r.value("coal_power_residual", year: year)! / thermal, split.powerCoalResidualRatio, accuracy: 1e-3, "\(year)")
            }
        }
        // Cutting coal generation moves the residual with it: power-group CO2 falls by (1 + ratio) x the coal-power cut.
        let cut = base.value("generation_coal", year: 2030)! * base.value("heat_rate", year: 2030)! / 1000
            - more.value("generation_coal", year: 2030)! * more.value("heat_rate", year: 2030)! / 1000
        XCTAssertGreaterThan(cut, 10)
        let fall = base.value("co2_sector_power", year: 2030)! - more.value("co2_sector_power", year: 2030)!
        XCTAssertEqual(fall, (1 + split.powerCoalResidualRatio) * cut * p.factors.perTce.coal, accuracy: 0.02 * fall)
    }

    /// Without a heat_supply section (a province derived from CEADs), the whole remainder stays heat supply.
    func testWithoutHeatDataNothingScalesWithCoalPower() throws {
        var p = try Fixtures.dataset().modelParameters()
        p.heatSupply = HeatSupplyParameters()
        let model = try CarbonModel(parameters: p)
        XCTAssertEqual(model.baseYearSplit.powerCoalResidualRatio, 0)
        XCTAssertEqual(model.baseYearSplit.heatSupplyCO2, model.baseYearSplit.powerGroupResidualCO2, accuracy: 1e-9)
    }
}
