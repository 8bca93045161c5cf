import XCTest
import Scenarios
@testable import Simulator

/// Issue 12's industry levers move emissions the right way, with known answers where the equations give one.
final class IndustryLeverTests: XCTestCase {
    private func simulate(_ levers: [String: LeverSetting]) throws -> Trajectory {
        var s = Scenario(name: "test", file: "test")
        s.levers = levers
        return try PreparedScenario(s, dataset: Fixtures.dataset()).run().trajectory
    }

    /// Carbide slag replacing limestone cuts clinker process CO2 by exactly its share, and nothing else.
    func testCarbideSlagCutsClinkerProcessCO2ByItsShare() throws {
        let base = try simulate([:])
        let r = try simulate(["sector_plans.industry.carbide_slag": LeverSetting(target: 40, start: 2024, full: 2024, shape: .step)])
        for year in [2023, 2030, 2050] {
            let share = year >= 2024 ? 0.4 : 0
            XCTAssertEqual(r.value("co2_process_nonmetal", year: year)!, (1 - share) * base.value("co2_process_nonmetal", year: year)!,
                           accuracy: 1e-6 * base.value("co2_process_nonmetal", year: year)!, "\(year)")
            XCTAssertEqual(r.value("output_clinker", year: year)!, base.value("output_clinker", year: year)!, accuracy: 1e-9)
        }
    }

    /// Blending solid waste into cement cuts clinker output, its fuel and its process CO2, and costs no value added.
    func testClinkerSubstitutionCutsClinkerAndItsEmissions() throws {
        let base = try simulate([:])
        let r = try simulate(["sector_plans.industry.clinker_substitution": LeverSetting(target: 20, start: 2024, full: 2024, shape: .step)])
        // Demand falls by 20 %; output follows it once capacity has adjusted (overcapacity: at once).
        XCTAssertEqual(r.value("output_clinker", year: 2030)! / base.value("output_clinker", year: 2030)!, 0.8, accuracy: 0.01)
        XCTAssertEqual(r.value("co2_process_nonmetal", year: 2030)! / base.value("co2_process_nonmetal", year: 2030)!, 0.8, accuracy: 0.01)
        XCTAssertLessThan(r.value("energy_sector_nonmetal", year: 2030)!, base.value("energy_sector_nonmetal", year: 2030)!)
        XCTAssertLessThan(r.value("co2_gross", year: 2030)!, base.value("co2_gross", year: 2030)! - 2)
        // Less clinker for the same cement: GDP as in the baseline (up to the replacement industry's rounding).
        XCTAssertEqual(r.value("gdp", year: 2030)!, base.value("gdp", year: 2030)!, accuracy: 1e-4 * base.value("gdp", year: 2030)!)
    }

    /// A replacement ratio limits new capacity to retirements / ratio: capacity shrinks by the ratio's share of
    /// what retires each year, and a higher ratio shrinks it faster. Steel: demand grows to 2030, so it binds.
    func testCapacityReplacementRatioShrinksCapacityAndEmissions() throws {
        let base = try simulate([:])
        var capacity: [Double] = [], co2: [Double] = []
        for ratio in [1.0, 1.25, 1.5, 2.0] {
            let r = try simulate(["sector_plans.industry.capacity_replacement.steel": LeverSetting(target: ratio, start: 2021, full: 2021, shape: .step)])
            capacity.append(r.value("capacity_steel", year: 2030)!)
            co2.append(r.value("co2_sector_ferrous", year: 2030)!)
            XCTAssertEqual(r.value("capacity_steel", year: 2020)!, base.value("capacity_steel", year: 2020)!, accuracy: 1e-9)
        }
        XCTAssertLessThan(capacity[0], base.value("capacity_steel", year: 2030)!, "even 1:1 stops net growth")
        for k in 1..<capacity.count {
            XCTAssertLessThan(capacity[k], capacity[k - 1])
            XCTAssertLessThanOrEqual(co2[k], co2[k - 1] + 1e-9)
        }
        // Known answer at 1:1 with no cut: new capacity replaces what retires, so total capacity stays at its
        // 2020 level (the smooth minimum leaves it a little below).
        let oneToOne = try simulate(["sector_plans.industry.capacity_replacement.steel": LeverSetting(target: 1, start: 2021, full: 2021, shape: .step)])
        XCTAssertEqual(oneToOne.value("capacity_steel", year: 2030)!, oneToOne.value("capacity_steel", year: 2020)!,
                       accuracy: 0.02 * oneToOne.value("capacity_steel", year: 2020)!)
    }
}

extension IndustryLeverTests {
    /// Green hydrogen displaces coal chemicals' fuel at the dataset's rate (up to 90 % of it) and gasified
    /// feedstock; with the dataset's self-supplied electrolysers it adds no grid demand.
    func testGreenHydrogenDisplacesCoalChemicalsFuel() throws {
        let p = try Fixtures.dataset().modelParameters()
        let base = try simulate([:])
        var co2: [Double] = []
        for h2 in [0.0, 0.1, 0.3] {
            let r = try simulate(["sector_plans.industry.green_hydrogen": LeverSetting(target: h2, start: 2024, full: 2024, shape: .step)])
            co2.append(r.value("co2_sector_chemicals", year: 2030)!)
            XCTAssertEqual(r.value("hydrogen_displaced_fuel", year: 2030)!, h2 * p.hydrogen.fuelTcePerTonne, accuracy: 1e-3 + 0.01 * h2)
            XCTAssertEqual(r.value("energy_feedstock", year: 2030)!,
                           base.value("energy_feedstock", year: 2030)! - h2 * p.hydrogen.feedstockTcePerTonne, accuracy: 1e-6)
            XCTAssertEqual(r.value("generation_coal", year: 2030)!, base.value("generation_coal", year: 2030)!, accuracy: 1e-6)
        }
        XCTAssertLessThan(co2[1], co2[0] - 0.3)
        XCTAssertLessThan(co2[2], co2[1] - 0.3)
        // More hydrogen than the fuel it could displace: 90 % of coal chemicals' fuel at most.
        let all = try simulate(["sector_plans.industry.green_hydrogen": LeverSetting(target: 5, start: 2024, full: 2024, shape: .step)])
        XCTAssertLessThan(all.value("co2_sector_chemicals", year: 2030)!, co2[2])
        XCTAssertGreaterThan(all.value("co2_sector_chemicals", year: 2030)!, 0)
    }
}

extension IndustryLeverTests {
    /// Upgrading restricted steel equipment closes its energy gap on its share: steel fuel per tonne falls by
    /// gap x share x upgraded share, exactly.
    func testSteelEquipmentUpgradeClosesTheRestrictedEnergyGap() throws {
        let p = try Fixtures.dataset().modelParameters().product(.steel)
        let base = try simulate([:])
        let r = try simulate(["sector_plans.industry.equipment_upgrade.steel": LeverSetting(target: 50, start: 2024, full: 2024, shape: .step)])
        let expected = 1 - p.restrictedEnergyGap * p.restrictedShare * 0.5
        XCTAssertEqual(expected, 0.988, accuracy: 1e-12)
        for year in [2025, 2030] {
            let perTonne = r.value("energy_sector_ferrous", year: year)! / r.value("output_steel", year: year)!
            let basePerTonne = base.value("energy_sector_ferrous", year: year)! / base.value("output_steel", year: year)!
            // Ferrous energy is steel's and ferroalloy's: compare steel's part through the difference.
            XCTAssertLessThan(perTonne, basePerTonne)
            XCTAssertLessThan(r.value("co2_sector_ferrous", year: year)!, base.value("co2_sector_ferrous", year: year)!)
            XCTAssertEqual(r.value("output_steel", year: year)!, base.value("output_steel", year: year)!, accuracy: 1e-9)
        }
        // Known answer: the saving is linear in the upgraded share (no state moves), so half the upgrade saves half.
        let full = try simulate(["sector_plans.industry.equipment_upgrade.steel": LeverSetting(target: 100, start: 2024, full: 2024, shape: .step)])
        let half = base.value("energy_sector_ferrous", year: 2030)! - r.value("energy_sector_ferrous", year: 2030)!
        let whole = base.value("energy_sector_ferrous", year: 2030)! - full.value("energy_sector_ferrous", year: 2030)!
        XCTAssertEqual(half / whole, 0.5, accuracy: 1e-6)
        XCTAssertGreaterThan(whole, 0.1)
    }
}
