import Foundation
import XCTest
import Scenarios
@testable import Simulator

/// Clinker capacity transferred out of the region (issue 12): the region's cement output, capacity and CO2 fall
/// by the transferred capacity's share; more than the region has is an error naming its capacity.
final class CementTransferTests: XCTestCase {
    private let transfer = "sector_plans.industry.cement_capacity_transfer"

    private func result(_ levers: [String: LeverSetting]) throws -> ScenarioResult {
        var s = Scenario(name: "test", file: "test")
        s.levers = levers
        return try PreparedScenario(s, dataset: Fixtures.dataset()).run()
    }

    /// The hand balance: the capacity stock still serves the region's demand, so the region keeps K - T of it
    /// (year-end, exactly), and its output falls by the transferred capacity's output, T x (Q / K), with the
    /// process CO2 of that clinker (0.507 t CO2/t). Territorial CO2 falls by at least that process CO2.
    func testTransferMovesOutputCapacityAndTerritorialCO2Down() throws {
        let base = try result([:]).trajectory
        let r = try result([transfer: LeverSetting(target: 8, start: 2026, full: 2026, shape: .step)]).trajectory
        let perTonne = try Fixtures.dataset().modelParameters().product(.clinker).processCO2PerTonne
        XCTAssertEqual(perTonne, 0.507)
        for year in [2025] {
            XCTAssertEqual(r.value("output_clinker", year: year)!, base.value("output_clinker", year: year)!, accuracy: 1e-9)
            XCTAssertEqual(r.value("co2_gross", year: year)!, base.value("co2_gross", year: year)!, accuracy: 1e-6)
        }
        for year in [2027, 2030, 2040] {
            let q = base.value("output_clinker", year: year)!, k = base.value("capacity_clinker", year: year)!
            XCTAssertEqual(r.value("cement_capacity_transferred", year: year)!, 8, accuracy: 1e-9)
            XCTAssertEqual(r.value("capacity_clinker", year: year)!, k - 8, accuracy: 1e-4 * k, "\(year)")
            // Output falls by the transferred capacity's output (the stock moves little within a year).
            let lost = q - r.value("output_clinker", year: year)!
            XCTAssertEqual(lost, 8 * q / k, accuracy: 0.01 * 8 * q / k, "\(year)")
            XCTAssertEqual(base.value("co2_process_nonmetal", year: year)! - r.value("co2_process_nonmetal", year: year)!,
                           lost * perTonne, accuracy: 0.01 * lost * perTonne, "\(year)")
            // Kiln fuel and the power for grinding go too.
            XCTAssertLessThan(r.value("energy_sector_nonmetal", year: year)!, base.value("energy_sector_nonmetal", year: year)!)
            XCTAssertLessThan(r.value("co2_gross", year: year)!, base.value("co2_gross", year: year)! - lost * perTonne)
        }
    }

    /// All of the region's capacity transferred: no clinker output, and never a negative one (the stock may
    /// shrink below the transfer later).
    func testTransferringEverythingLeavesNoOutputAndNeverANegativeOne() throws {
        let capacity = try Fixtures.dataset().modelParameters().product(.clinker).baseCapacity
        let r = try result([transfer: LeverSetting(target: capacity, start: 2026, full: 2026, shape: .step),
                            "sector_plans.industry.capacity_cut.clinker": LeverSetting(target: 20, start: 2026, full: 2026, shape: .step)]).trajectory
        let base = try result([:]).trajectory
        for year in 2027...2060 {
            let q = r.value("output_clinker", year: year)!
            XCTAssertGreaterThanOrEqual(q, 0, "\(year)")
            XCTAssertGreaterThanOrEqual(r.value("capacity_clinker", year: year)!, 0, "\(year)")
            XCTAssertLessThan(q, 0.05 * base.value("output_clinker", year: year)!, "\(year)")
        }
    }

    /// A transfer above the region's clinker capacity (19.36 Mt/yr / 0.6 = 32.27 Mt/yr) is an error naming it,
    /// in a scenario file (with its line) and in a prepared scenario.
    func testATransferAboveTheRegionsCapacityIsAnErrorNamingIt() throws {
        let loader = ScenarioLoader(dataset: try Fixtures.dataset())
        let text = "sector_plans:\n  industry:\n    cement_capacity_transfer: {path: {2027: 10, 2030: 40}, start: 2026}\n"
        XCTAssertThrowsError(try loader.parse(text, file: "t.yaml", directory: nil)) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.line, 3)
            XCTAssertEqual(e?.keyPath, self.transfer)
            XCTAssertTrue(e?.message.contains("40 Mt/yr by the end of 2030 exceeds the region's clinker capacity of 32.266667 Mt/yr") == true,
                          e?.message ?? "\(String(describing: error))")
        }
        XCTAssertNoThrow(try loader.parse("sector_plans:\n  industry:\n    cement_capacity_transfer: {target: 32, full: 2030}\n",
                                          file: "t.yaml", directory: nil))
        // A hair above it reads as above it, and the accepted bound is one that loads (an analyst was told
        // "32.266667 exceeds 32.266667", accepted "0 to 32.266667").
        XCTAssertThrowsError(try loader.parse("sector_plans:\n  industry:\n    cement_capacity_transfer: {target: 32.266667, full: 2030}\n",
                                              file: "t.yaml", directory: nil)) { error in
            let e = error as? InputError
            XCTAssertTrue(e?.message.contains("32.266667 Mt/yr by the end of 2030 exceeds the region's clinker capacity of 32.26666666") == true, "\(error)")
            XCTAssertEqual(e?.accepted, "0 to 32.266666 Mt/yr")
        }
        XCTAssertNoThrow(try loader.parse("sector_plans:\n  industry:\n    cement_capacity_transfer: {target: 32.266666, full: 2030}\n",
                                          file: "t.yaml", directory: nil))
        var s = Scenario(name: "test", file: "s.yaml")
        s.levers = [transfer: LeverSetting(target: 33, start: 2026, full: 2028, shape: .linear)]
        XCTAssertThrowsError(try PreparedScenario(s, dataset: Fixtures.dataset())) { error in
            XCTAssertTrue((error as? InputError)?.message.contains("clinker capacity of 32.266667 Mt/yr") == true, "\(error)")
        }
    }
}

/// The cement-materials and hydrogen families have costs: price x quantity, year by year, from the dataset.
final class CementAndHydrogenCostTests: XCTestCase {
    private func result(_ levers: [String: LeverSetting]) throws -> ScenarioResult {
        var s = Scenario(name: "test", file: "test")
        s.levers = levers
        return try PreparedScenario(s, dataset: Fixtures.dataset()).run()
    }

    private func annual(_ r: ScenarioResult, _ family: String, _ year: Int) -> Double {
        r.costs.annual[family]![r.costs.years.firstIndex(of: year)!]
    }

    func testTheDatasetPricesTheNewFamilies() throws {
        let c = try Fixtures.dataset().modelParameters().costs
        XCTAssertEqual([c.clinkerSubstitution, c.carbideSlag, c.cementCapacityTransfer, c.greenHydrogenPremium], [50, 60, 400, 10000])
        XCTAssertTrue(CostModel.families.contains("cement_materials") && CostModel.families.contains("hydrogen"))
        let base = try result([:])
        XCTAssertEqual(base.costs.discounted("cement_materials"), 0)
        XCTAssertEqual(base.costs.discounted("hydrogen"), 0)
    }

    /// 20 % less clinker per t of cement: the clinker not made is output x 0.2 / 0.8, at 50 yuan/t; twice the
    /// substitution costs more.
    func testClinkerSubstitutionCostIsPriceTimesClinkerNotMade() throws {
        let r = try result(["sector_plans.industry.clinker_substitution": LeverSetting(target: 20, start: 2026, full: 2026, shape: .step)])
        let output = r.trajectory.value("output_clinker", year: 2030)!
        XCTAssertEqual(r.trajectory.value("clinker_substituted", year: 2030)!, output * 0.25, accuracy: 1e-9 * output)
        XCTAssertEqual(annual(r, "cement_materials", 2030), output * 0.25 * 50 / 100, accuracy: 1e-9)
        XCTAssertGreaterThan(annual(r, "cement_materials", 2030), 0.5)
        let half = try result(["sector_plans.industry.clinker_substitution": LeverSetting(target: 10, start: 2026, full: 2026, shape: .step)])
        XCTAssertLessThan(annual(half, "cement_materials", 2030), annual(r, "cement_materials", 2030))
        XCTAssertEqual(annual(r, "cement_materials", 2025), 0)
    }

    /// Carbide slag: the process CO2 avoided (40 % of clinker process CO2) at 60 yuan/t CO2.
    func testCarbideSlagCostIsPriceTimesProcessCO2Avoided() throws {
        let r = try result(["sector_plans.industry.carbide_slag": LeverSetting(target: 40, start: 2026, full: 2026, shape: .step)])
        let avoided = r.trajectory.value("output_clinker", year: 2030)! * 0.507 * 0.4
        XCTAssertEqual(r.trajectory.value("carbide_slag_avoided_co2", year: 2030)!, avoided, accuracy: 1e-9 * avoided)
        XCTAssertEqual(annual(r, "cement_materials", 2030), avoided * 60 / 100, accuracy: 1e-9)
        XCTAssertGreaterThan(annual(r, "cement_materials", 2030), 1)
    }

    /// A transfer is paid once, when it happens: 1 Mt/yr a year over 2026-2030 at 400 yuan per t/yr is
    /// 4 x 10^8 yuan in each of those years, nothing after.
    func testTransferCostIsPriceTimesCapacityTransferredThatYear() throws {
        let r = try result(["sector_plans.industry.cement_capacity_transfer": LeverSetting(target: 5, start: 2026, full: 2030, shape: .linear)])
        for year in 2026...2030 { XCTAssertEqual(annual(r, "cement_materials", year), 4, accuracy: 1e-9, "\(year)") }
        XCTAssertEqual(annual(r, "cement_materials", 2025), 0)
        XCTAssertEqual(annual(r, "cement_materials", 2031), 0, accuracy: 1e-9)
    }

    /// Green hydrogen: Mt H2 x 10,000 yuan/t over coal-based hydrogen; 0.3 Mt/yr costs 30 x 10^8 yuan a year.
    func testGreenHydrogenCostIsPremiumTimesHydrogen() throws {
        for h2 in [0.1, 0.3] {
            let r = try result(["sector_plans.industry.green_hydrogen": LeverSetting(target: h2, start: 2026, full: 2026, shape: .step)])
            XCTAssertEqual(annual(r, "hydrogen", 2030), h2 * 10000 / 100, accuracy: 1e-9, "\(h2)")
            XCTAssertEqual(annual(r, "hydrogen", 2025), 0)
            XCTAssertGreaterThan(r.costs.discounted("hydrogen"), 0)
        }
    }
}

extension CementTransferTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Searches stay below the ceiling too: a sweep factor above the region's clinker capacity is refused at
    /// load, and the lever's valid range for the dataset ends at that capacity.
    func testSweepsAndSearchesStopAtTheRegionsCapacity() throws {
        let dataset = try Fixtures.dataset()
        let lever = try XCTUnwrap(LeverRegistry.lever(transfer))
        XCTAssertEqual(lever.validRange(try dataset.modelParameters()).upperBound, 19.36 / 0.6, accuracy: 1e-12)
        XCTAssertEqual(lever.range.upperBound, 300)
        let text = """
            name: transfer
            scenarios: [\(Self.repository)/scenarios/baseline.yaml]
            design: grid
            factors:
              sector_plans.industry.cement_capacity_transfer.target: {levels: [0, 10, 40], start: 2026, full: 2030}
            keep: [co2_gross]
            """
        XCTAssertThrowsError(try SweepSpecLoader(dataset: dataset).parse(text, file: "s.yaml", directory: URL(fileURLWithPath: "/"))) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.line, 5, e?.description ?? "\(error)")
            XCTAssertTrue(e?.description.contains("40 lies outside the lever's range (at most the region's clinker capacity)") == true, e?.description ?? "")
            XCTAssertTrue(e?.description.contains("0 to 32.266667 Mt/yr") == true, e?.description ?? "")
        }
    }
}
