import XCTest
import Analysis
import Scenarios
import Simulator

/// The hindcast against known answers: observations made from a model run give zero error, the error's
/// arithmetic and the windows are as documented, and the embedded Inner Mongolia observations stay within
/// the in-sample bounds docs/data.md states (this is the check CI fails on).
final class HindcastTests: XCTestCase {
    static let announced: ScenarioResult = {
        let dataset = try! Dataset.innerMongolia()
        return try! PreparedScenario(try! DefaultScenarios.load(dataset: dataset).last!, dataset: dataset).run()
    }()

    var trajectory: Trajectory { Self.announced.trajectory }

    func observations(_ rows: [String]) throws -> ObservationSet {
        try ObservationSet.parse((["quantity,year,value,unit,basis,source,confidence"] + rows).joined(separator: "\n"),
                                 file: "synthetic.csv", years: 2019...2030)
    }

    func model(_ q: String, _ year: Int) -> Double {
        ObservedQuantity.named(q)!.modelValue(year: year) { self.trajectory.value($0, year: $1) }!
    }

    func testObservationsMadeFromAModelRunHaveZeroError() throws {
        // Levels and growth rates, in the model's units and in others, annual, year-end and a partial figure
        // taken as annual; full precision, as a model run would write them.
        let rows = [
            "gdp_growth,2021,\(model("gdp_growth", 2021)),%,annual,run,high",
            "energy_total,2020,\(model("energy_total", 2020)),Mtce,annual,run,high",
            "energy_total,2022,\(model("energy_total", 2022) * 100),10^4 tce,annual,run,high",
            "generation,2023,\(model("generation", 2023) * 10),亿千瓦时,annual,run,high",
            "capacity_wind_solar,2022,\(model("capacity_wind_solar", 2022)),GW,year-end,run,high",
            "capacity_wind,2024,\(model("capacity_wind", 2024) * 100),万千瓦,year-end,run,high",
            "electricity_exports,2021,\(model("electricity_exports", 2021)),TWh,annual,run,high",
            "electricity_consumption_growth,2023,\(model("electricity_consumption_growth", 2023)),%,Jan-Oct; taken as annual,run,high",
            "energy_intensity_growth,2020,\(model("energy_intensity_growth", 2020)),%,annual,run,high",
            "output_steel,2021,\(model("output_steel", 2021)),Mt,annual,run,high",
            // Half the year's generation is a lower bound the model meets.
            "generation,2022,\(model("generation", 2022) / 2),TWh,Jan-Jun,run,high",
        ]
        let h = Hindcast(observations: try observations(rows), trajectory: trajectory, scenario: "announced", baseYear: 2019)
        XCTAssertEqual(h.rows.count, rows.count)
        for r in h.rows {
            if let e = r.error {
                XCTAssertEqual(e, 0, accuracy: 1e-9 * max(1, abs(r.observed)), "\(r.observation.quantity.name) \(r.observation.year)")
            } else {
                XCTAssertEqual(r.boundMet, true, r.observation.quantity.name)
            }
        }
        XCTAssertEqual(h.rows.filter(\.isCompared).count, rows.count - 1)
        for s in h.summaries {
            XCTAssertEqual(s.meanAbsoluteError ?? 0, 0, accuracy: 1e-9, s.quantity.name)
            XCTAssertEqual(s.meanAbsolutePercentError ?? 0, 0, accuracy: 1e-9, s.quantity.name)
            XCTAssertEqual(s.boundsMissed, 0)
        }
        XCTAssertTrue(HindcastBounds.violations(h).isEmpty)
    }

    func testErrorsWindowsAndBoundsAreAsDocumented() throws {
        let wind2021 = model("capacity_wind", 2021), exports2023 = model("electricity_exports", 2023)
        let h = Hindcast(observations: try observations([
            "capacity_wind,2021,\(wind2021 - 4),GW,year-end,s,high",
            "capacity_wind,2021,\(wind2021 + 1),GW,year-end; grid-company,s,low",
            "electricity_exports,2023,200,TWh,annual,s,medium",
            "gdp_growth,2022,7.5,%,annual,s,high",
            "generation_growth,2022,9,%,Jan-Jun,s,high",
        ]), trajectory: trajectory, scenario: "announced", baseYear: 2019)
        XCTAssertEqual(h.lastObservedYear, 2023)
        let byKey = Dictionary(h.rows.map { ("\($0.observation.quantity.name) \($0.observation.year) \($0.observation.basis)", $0) },
                               uniquingKeysWith: { a, _ in a })
        let wind = try XCTUnwrap(byKey["capacity_wind 2021 year-end"])
        XCTAssertEqual(wind.error!, 4, accuracy: 1e-9)
        XCTAssertEqual(wind.relativeError!, 400 / (wind2021 - 4), accuracy: 1e-9)
        XCTAssertEqual(wind.window, .inSample)
        // One grid company's capacity above the model's regional capacity: a bound missed, not an error.
        let grid = try XCTUnwrap(byKey["capacity_wind 2021 year-end; grid-company"])
        XCTAssertNil(grid.error)
        XCTAssertEqual(grid.boundMet, false)
        let exports = try XCTUnwrap(byKey["electricity_exports 2023 annual"])
        XCTAssertEqual(exports.error!, exports2023 - 200, accuracy: 1e-9)
        XCTAssertEqual(exports.window, .heldOut)
        let gdp = try XCTUnwrap(byKey["gdp_growth 2022 annual"])
        XCTAssertEqual(gdp.error!, model("gdp_growth", 2022) - 7.5, accuracy: 1e-12)
        XCTAssertNil(gdp.relativeError, "a growth rate's error is in percentage points only")
        XCTAssertEqual(gdp.window, .heldOut)
        let growth = try XCTUnwrap(byKey["generation_growth 2022 Jan-Jun"])
        XCTAssertNil(growth.error)
        XCTAssertNil(growth.boundMet)
        let windSummary = try XCTUnwrap(h.summaries.first { $0.quantity.name == "capacity_wind" && $0.window == .inSample })
        XCTAssertEqual(windSummary.compared, 1)
        XCTAssertEqual(windSummary.boundsMissed, 1)
        XCTAssertEqual(windSummary.meanAbsolutePercentError!, 400 / (wind2021 - 4), accuracy: 1e-9)
        XCTAssertEqual(HindcastBounds.violations(h).count, (400 / (wind2021 - 4) > HindcastBounds.levelPercent ? 1 : 0) + 1)
    }

    func testNoObservationsGiveAnEmptyHindcast() {
        let h = Hindcast(observations: nil, trajectory: trajectory, scenario: "announced", baseYear: 2019)
        XCTAssertTrue(h.rows.isEmpty)
        XCTAssertNil(h.lastObservedYear)
        XCTAssertTrue(h.summaries.isEmpty)
        XCTAssertTrue(h.mode.hasPrefix("projection: scenario 'announced' run from the 2019 base year"))
    }

    /// CI fails here if the embedded observations' in-sample errors exceed the bounds of docs/data.md.
    func testTheEmbeddedObservationsAreWithinTheInSampleBounds() throws {
        let dataset = try Dataset.innerMongolia()
        let set = try ObservationSet.forDataset(dataset, datasetPath: nil, override: nil, years: ObservationSet.years(for: dataset))
        let h = Hindcast(observations: set, trajectory: trajectory, scenario: "announced", baseYear: 2019)
        XCTAssertGreaterThan(h.rows.filter { $0.isCompared && $0.window == .inSample }.count, 5)
        XCTAssertEqual(HindcastBounds.violations(h), [])
    }
}
