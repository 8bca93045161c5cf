import XCTest
import Analysis
@testable import Scenarios
import Simulator

/// History mode against known answers: observations made from a run with known drivers are reproduced; levers
/// act only after the last observed year; the total capacity is split as documented; a dataset without
/// observations is unchanged; every figure history mode uses is sourced; the in-sample fit is within the
/// tight bounds of docs/data.md.
final class HistoryModeTests: XCTestCase {
    static let plain = try! Dataset.innerMongolia()

    func observations(_ rows: [String]) throws -> ObservationSet {
        try ObservationSet.parse((["quantity,year,value,unit,basis,source,confidence,notes"] + rows).joined(separator: "\n"),
                                 file: "synthetic.csv", years: 2019...2030)
    }

    func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader(dataset: Self.plain).parse(yaml, file: "test.yaml")
    }

    func run(_ s: Scenario, _ d: Dataset) throws -> Trajectory { try PreparedScenario(s, dataset: d).run().trajectory }

    /// The plain dataset with the power series at `key` (`new_load`, `imports`) replaced, its unit and range kept.
    func plain(power key: String, years: [Double], values: [Double]) throws -> Dataset {
        let e = Self.plain.entry("power." + key)!
        return try Self.plain.setting([(DatasetEntry(path: e.path, value: .series(years: years, values: values), unit: e.unit,
                                                     source: "test estimate", estimate: true, range: e.range, line: nil), "power")])
    }

    /// Truth: the dataset with GDP growth 8, 2 and 6 % in 2020-22, exports 200, 230, 280 TWh in 2020-22 and wind and
    /// solar built along a path to 2022. History mode on the plain dataset and the plain baseline, given those
    /// drivers as observations, reproduces the truth's every series in every year.
    func testSyntheticHistoryIsReproduced() throws {
        let growth = Self.plain.entry("economy.growth")!, exports = Self.plain.entry("power.exports")!
        let truthData = try Self.plain.setting([
            (DatasetEntry(path: growth.path, value: .series(years: [2019, 2020, 2021, 2022, 2026, 2031, 2036, 2041, 2051, 2061],
                                                             values: [0.08, 0.02, 0.06, 0.05, 0.045, 0.04, 0.035, 0.03, 0.025]),
                          unit: growth.unit, source: "test", estimate: false, range: nil, line: nil), "economy"),
            // After 2022 the truth keeps the dataset's own knots (2023: 306, 2025: 350, 2030 and 2060: 360), as history mode does.
            (DatasetEntry(path: exports.path, value: .series(years: [2019, 2020, 2021, 2022, 2023, 2025, 2030, 2060],
                                                              values: [184.2, 200, 230, 280, 306, 350, 360, 360]),
                          unit: exports.unit, source: "test", estimate: false, range: nil, line: nil), "power"),
        ])
        let truth = try run(try scenario("""
            name: truth
            sector_plans:
              power:
                wind: {path: {2020: 36, 2021: 41, 2022: 50}, start: 2020}
                solar: {path: {2020: 12, 2021: 14, 2022: 17.5}, start: 2020}
            """), truthData)
        let set = try observations([
            "gdp_growth,2020,8,%,annual,test bulletin,high", "gdp_growth,2021,2,%,annual,test bulletin,high",
            "gdp_growth,2022,6,%,annual,test bulletin,high",
            "electricity_exports,2020,2000,100 GWh,annual,test bulletin,high", "electricity_exports,2021,230,TWh,annual,test bulletin,high",
            "electricity_exports,2022,280,TWh,annual,test bulletin,high",
            // A partial figure never drives the model.
            "electricity_exports,2022,100,TWh,Jan-Jun,test bulletin,high",
            "capacity_wind,2020,36,GW,year-end,test bulletin,high", "capacity_solar,2020,1200,万千瓦,year-end,test bulletin,high",
            "capacity_wind,2021,41,GW,year-end,test bulletin,high", "capacity_solar,2021,14,GW,year-end,test bulletin,high",
            "capacity_wind_solar,2022,67.5,GW,year-end,test bulletin,high", "capacity_wind,2022,50,GW,year-end,test bulletin,high",
        ])
        let history = try Self.plain.inHistoryMode(set)
        XCTAssertEqual(history.history?.lastObservedYear, 2022)
        XCTAssertNil(history.history?.capacityFactorScale, "no generation observed: nothing fitted")
        let base = try scenario("name: baseline")
        let followed = try run(base, history)
        for name in truth.names {
            for y in truth.years {
                let a = truth.value(name, year: y)!, b = followed.value(name, year: y)!
                if a.isNaN { XCTAssertTrue(b.isNaN, "\(name) \(y)"); continue }
                XCTAssertEqual(b, a, accuracy: 1e-7 * max(abs(a), 1), "\(name) \(y)")
            }
        }
    }

    /// Known answer: consumption made from a run whose new load is 0, 15, 30, 45 TWh/yr at the ends of 2019-22 is
    /// given as a 2020 level, a 2021 growth rate and a 2022 level in 10^8 kWh. With the figures alone (one a year)
    /// the calibration recovers the knots (within 1e-6 TWh) and the consumption in every year; with history mode's
    /// term on the year-on-year change the figures are still met within 0.2 %. The dataset's own knots after the
    /// observed years stay; a partial figure does not enter; consumption alone sets the last observed year.
    func testNewLoadIsFittedToObservedConsumption() throws {
        let load = Self.plain.entry("power.new_load")!
        guard case .series(let years, let values) = load.value else { return XCTFail("new_load is a series") }
        let laterYears = years.filter { $0 > 2022 }, later = zip(years, values).filter { $0.0 > 2022 }.map(\.1)
        let truthData = try plain(power: "new_load", years: [2019, 2020, 2021, 2022] + laterYears, values: [0, 15, 30, 45] + later)
        let base = try scenario("name: baseline")
        let truth = try run(base, truthData)
        let c = { (y: Int) in truth.value("electricity_demand_in_region", year: y)! }
        let set = try observations([
            "electricity_consumption,2020,\(c(2020)),TWh,annual,test bulletin,high",
            "electricity_consumption_growth,2021,\(100 * (c(2021) / c(2020) - 1)),%,annual,test bulletin,high",
            "electricity_consumption,2022,\(10 * c(2022)),100 GWh,annual,test bulletin,high",
            "electricity_consumption,2022,1,TWh,Jan-Feb,test bulletin,high",
        ])
        var exact = PathCalibration.newLoad
        exact.smoothness = 0
        let (alone, fit) = try exact.fitted(Self.plain, observations: set, through: 2022)
        XCTAssertEqual(fit?.years, [2020, 2021, 2022])
        guard case .series(let fy, let fv) = alone.entry("power.new_load")!.value else { return XCTFail("new_load is a series") }
        XCTAssertEqual(fy, [2019, 2020, 2021, 2022] + laterYears)
        for (a, b) in zip(fv, [0, 15, 30, 45] + later) { XCTAssertEqual(a, b, accuracy: 1e-6) }
        let recovered = try run(base, alone)
        for y in 2019...2030 {
            XCTAssertEqual(recovered.value("electricity_demand_in_region", year: y)!, c(y), accuracy: 1e-8 * c(y), "\(y)")
        }

        let history = try Self.plain.inHistoryMode(set)
        XCTAssertEqual(history.history?.lastObservedYear, 2022)
        XCTAssertEqual(history.history?.calibrated["electricity_consumption"], [2020, 2021, 2022])
        XCTAssertTrue(history.entry("power.new_load")!.source.hasPrefix("fitted to observations 2020-2022"))
        let fitted = try run(base, history)
        let f = { (y: Int) in fitted.value("electricity_demand_in_region", year: y)! }
        XCTAssertEqual(f(2020), c(2020), accuracy: 2e-3 * c(2020))
        XCTAssertEqual(f(2021) / f(2020), c(2021) / c(2020), accuracy: 2e-3)
        XCTAssertEqual(f(2022), c(2022), accuracy: 2e-3 * c(2022))
        XCTAssertEqual(f(2019), c(2019), accuracy: 1e-9 * c(2019), "the base year is the base year: the load starts after it")
    }

    /// Known answer: generation from a dataset with known imports (0, 20, 40, 30 TWh/yr at the ends of 2019-2022) is
    /// met by fitting the imports: with the figures alone the knots are recovered, and generation closes the balance
    /// (in-region demand + exports - imports) every year.
    func testImportsAreFittedToObservedGeneration() throws {
        let truthData = try plain(power: "imports", years: [2019, 2020, 2021, 2022], values: [0, 20, 40, 30])
        let base = try scenario("name: baseline")
        let truth = try run(base, truthData)
        let g = { (y: Int) in truth.value("electricity_generation", year: y)! }
        let set = try observations([
            "generation,2020,\(g(2020)),TWh,annual,test bulletin,high",
            "generation_growth,2021,\(100 * (g(2021) / g(2020) - 1)),%,annual,test bulletin,high",
            "generation,2022,\(10 * g(2022)),100 GWh,annual,test bulletin,high",
            "generation,2022,\(g(2022) * 0.9),TWh,annual; held back,test bulletin,high,another basis",
        ])
        var exact = PathCalibration.imports
        exact.smoothness = 0
        let (alone, fit) = try exact.fitted(Self.plain, observations: set, through: 2022)
        XCTAssertEqual(fit?.years, [2020, 2021, 2022])
        XCTAssertEqual(fit?.used.count, 3, "the held-back figure is not fitted")
        for (a, b) in zip(fit?.values ?? [], [20.0, 40, 30]) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        let recovered = try run(base, alone)
        for y in 2019...2030 {
            let r = { (name: String) in recovered.value(name, year: y)! }
            XCTAssertEqual(r("electricity_generation"), g(y), accuracy: 1e-7 * g(y), "\(y)")
            XCTAssertEqual(r("electricity_generation"), r("electricity_demand_in_region") + r("electricity_exports") - r("electricity_imports"),
                           accuracy: 1e-6, "balance \(y)")
        }
        XCTAssertEqual(recovered.value("electricity_imports", year: 2019)!, 0, accuracy: 1e-12, "the base year's balance is net")
        XCTAssertEqual(recovered.value("electricity_imports", year: 2030)!, 30, accuracy: 1e-9, "the last level is held")
    }

    /// Known answer: wind and solar generation from a dataset with known yearly hours (index 0.9, 1.1, 0.8 at the
    /// ends of 2020-2022) is met by fitting the index: with the figures alone the knots are recovered, whether the
    /// differences move one knot at a time or every third knot together (`local`); the dataset's knots after the
    /// observed years stay, and the capacity factors are not touched.
    func testWindAndSolarHoursAreFittedYearByYear() throws {
        let truthData = try plain(power: "renewable_hours_index", years: [2019, 2020, 2021, 2022, 2025, 2030], values: [1, 0.9, 1.1, 0.8, 1, 1])
        let base = try scenario("name: baseline")
        let truth = try run(base, truthData)
        let g = { (y: Int) in truth.value("generation_wind", year: y)! + truth.value("generation_solar", year: y)! }
        let plainRun = try run(base, Self.plain)
        XCTAssertEqual(g(2022) / (plainRun.value("generation_wind", year: 2022)! + plainRun.value("generation_solar", year: 2022)!),
                       (1.1 + 0.8) / 2, accuracy: 0.03, "2022's generation follows the year's mean index (curtailment bends it a little)")
        let set = try observations([
            "generation_wind_solar,2020,\(g(2020)),TWh,annual,test bulletin,high",
            "generation_wind_solar_growth,2021,\(100 * (g(2021) / g(2020) - 1)),%,annual,test bulletin,high",
            "generation_wind_solar,2022,\(10 * g(2022)),100 GWh,annual,test bulletin,high",
        ])
        for local in [true, false] {
            var exact = PathCalibration.renewableHours
            exact.smoothness = 0
            exact.local = local
            let (alone, fit) = try exact.fitted(Self.plain, observations: set, through: 2022)
            XCTAssertEqual(fit?.years, [2020, 2021, 2022])
            for (a, b) in zip(fit?.values ?? [], [0.9, 1.1, 0.8]) { XCTAssertEqual(a, b, accuracy: 1e-6, "local: \(local)") }
            guard case .series(let years, let values) = alone.entry("power.renewable_hours_index")!.value else { return XCTFail("a series") }
            XCTAssertEqual(years, [2019, 2020, 2021, 2022, 2025, 2030], "the dataset's knots after 2022 stay")
            XCTAssertEqual(Array(values.suffix(2)), [1, 1])
            XCTAssertEqual(alone.entry("power.wind_capacity_factor")?.scalar, Self.plain.entry("power.wind_capacity_factor")?.scalar)
            let recovered = try run(base, alone)
            for y in 2019...2030 {
                let r = recovered.value("generation_wind", year: y)! + recovered.value("generation_solar", year: y)!
                XCTAssertEqual(r, g(y), accuracy: 1e-6 * g(y), "\(y)")
            }
        }
    }

    /// The last year history follows each build-out lever: its own figures or the total's, not N.
    func testTheLastFollowedYearIsEachLeversOwn() throws {
        let set = try observations([
            "capacity_wind,2020,36,GW,year-end,test bulletin,high", "capacity_solar,2021,14,GW,year-end,test bulletin,high",
            "capacity_wind_solar,2022,60,GW,year-end,test bulletin,high", "capacity_solar,2023,20,GW,year-end,test bulletin,high",
            "electricity_exports,2024,280,TWh,annual,test bulletin,high",
        ])
        let h = try XCTUnwrap(try Self.plain.inHistoryMode(set).history)
        XCTAssertEqual(h.lastObservedYear, 2024)
        XCTAssertEqual(h.lastFollowedYear(Levers.wind), 2022)
        XCTAssertEqual(h.lastFollowedYear(Levers.solar), 2023)
        XCTAssertNil(h.lastFollowedYear(Levers.coalHeatRate))
    }

    /// One figure in the first year, and a dataset path that ends there: the fitted path (base-year knot, one fitted
    /// knot) is held a year on to the three points a series needs, and the figure is met.
    func testAFitWithOneKnotStillMakesASeries() throws {
        let short = try plain(power: "new_load", years: [2019, 2020, 2021], values: [0, 5, 5])
        let base = try scenario("name: baseline")
        let c2020 = try run(base, short).value("electricity_demand_in_region", year: 2020)!
        // One figure, one knot to fit (a figure of 0, which once stood here as a second row that fits nothing, is now
        // refused when the file is read: no region uses no electricity).
        let set = try observations(["electricity_consumption,2020,\(c2020 + 4),TWh,annual,test bulletin,high"])
        let history = try short.inHistoryMode(set)
        guard case .series(let years, _) = history.entry("power.new_load")!.value else { return XCTFail("series") }
        XCTAssertEqual(years, [2019, 2020, 2021], "the fitted knot, then the dataset's own")
        XCTAssertThrowsError(try observations(["electricity_consumption,2021,0,TWh,annual,test bulletin,high"]))
        XCTAssertEqual(try run(base, history).value("electricity_demand_in_region", year: 2020)!, c2020 + 4, accuracy: 2e-3 * c2020)
    }

    /// Known answer: coke output observed at 0.95 of the model's in 2020 and 2021 (a level, then the same growth
    /// as a rate) is met; the dataset's demand-index knots after the observed years are rescaled by the fitted
    /// over the dataset's index in 2021, so the later path keeps the dataset's growth from the observed level.
    func testProductOutputIsFittedAndTheLaterIndexRescaled() throws {
        let base = try scenario("name: baseline")
        let plainRun = try run(base, Self.plain)
        let o = { (y: Int) in plainRun.value("output_coke", year: y)! }
        let set = try observations([
            "output_coke,2020,\(95 * o(2020)),10 kt,annual,test bulletin,high",
            "output_coke_growth,2021,\(100 * (o(2021) / o(2020) - 1)),%,annual,test bulletin,high",
        ])
        let history = try Self.plain.inHistoryMode(set)
        XCTAssertEqual(history.history?.calibrated["output_coke"], [2020, 2021])
        let fitted = try run(base, history)
        XCTAssertEqual(fitted.value("output_coke", year: 2020)!, 0.95 * o(2020), accuracy: 1e-5 * o(2020))
        XCTAssertEqual(fitted.value("output_coke", year: 2021)! / fitted.value("output_coke", year: 2020)!, o(2021) / o(2020), accuracy: 1e-4, "within the smoothness term's pull")
        guard case .series(let y0, let v0) = Self.plain.entry("products.coke.demand_index")!.value,
              case .series(let y1, let v1) = history.entry("products.coke.demand_index")!.value else { return XCTFail("series") }
        XCTAssertEqual(y1.filter { $0 > 2021 }, y0.filter { $0 > 2021 })
        let scale = v1[y1.firstIndex(of: 2021)!] / PathCalibration.linear(years: y0, values: v0, at: 2021)
        XCTAssertLessThan(scale, 1, "the observed output is below the dataset's path")
        for (y, v) in zip(y0, v0) where y > 2021 {
            XCTAssertEqual(v1[y1.firstIndex(of: y)!], v * scale, accuracy: 1e-12, "\(y)")
        }
        // Other products are not touched.
        XCTAssertEqual(fitted.value("output_steel", year: 2021)!, plainRun.value("output_steel", year: 2021)!, accuracy: 1e-9 * o(2021))
    }

    /// Two scenarios differing only in their wind target agree in every series through the last observed year
    /// (the lever is superseded by history there, and says so) and differ after it.
    /// Known answer: totals observed at 0.8 times the model's CEADs-implied energy in 2019 and 2020 give a basis
    /// ratio of exactly 0.8; every energy quantity then scales by it while CO2, GDP and the non-fossil share do not.
    func testEnergyBasisRatioIsFittedToObservedTotals() throws {
        let base = try scenario("name: baseline")
        let plainRun = try run(base, Self.plain)
        let drivers = try observations(["gdp_growth,2020,5,%,annual,test bulletin,high"])
        let driven = try run(base, try Self.plain.inHistoryMode(drivers))
        let e2019 = try XCTUnwrap(driven.value("energy_total", year: 2019)), e2020 = try XCTUnwrap(driven.value("energy_total", year: 2020))
        let set = try observations(["gdp_growth,2020,5,%,annual,test bulletin,high",
                                    "energy_total,2019,\(0.8 * e2019),Mtce,annual,test bulletin,high",
                                    "energy_total,2020,\(0.8 * e2020 * 100),万吨标准煤,annual,test bulletin,high",
                                    // Partial figures never enter the fit.
                                    "energy_total,2020,10,Mtce,Jan-Jun,test bulletin,high"])
        let history = try Self.plain.inHistoryMode(set)
        XCTAssertEqual(try XCTUnwrap(history.history?.energyBasisRatio), 0.8, accuracy: 1e-9)
        XCTAssertEqual(history.entry("energy_statistics.basis_ratio")?.scalar ?? 0, 0.8, accuracy: 1e-9)
        let fitted = try run(base, history)
        for year in [2019, 2020, 2030, 2060] {
            for name in ["energy_total", "energy_dual_control", "energy_non_fossil", "energy_coal", "energy_sector_power", "energy_power_coal"] {
                XCTAssertEqual(fitted.value(name, year: year)!, 0.8 * driven.value(name, year: year)!, accuracy: 1e-6 * driven.value(name, year: year)!, "\(name) \(year)")
            }
            for name in ["co2_gross", "gdp", "non_fossil_share", "co2_power_coal"] {
                XCTAssertEqual(fitted.value(name, year: year)!, driven.value(name, year: year)!, accuracy: 1e-9 * abs(driven.value(name, year: year)!) + 1e-12, "\(name) \(year)")
            }
        }
        XCTAssertEqual(plainRun.value("energy_total", year: 2019)!, e2019, accuracy: 1e-9 * e2019, "the base year does not depend on history mode")
        XCTAssertEqual(EnergyBasisFit.ratio(model: [110, 90], observed: [100, 100])!, 2.0 / 2.02, accuracy: 1e-12, "sum(m/o) / sum((m/o)^2)")
    }

    func testLeversActOnlyAfterTheLastObservedYear() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let low = try scenario("name: low\nsector_plans:\n  power:\n    wind: {target: 150, start: 2021, full: 2030}\n")
        let high = try scenario("name: high\nsector_plans:\n  power:\n    wind: {target: 250, start: 2021, full: 2030}\n")
        let a = try run(low, d), b = try run(high, d)
        for name in ["capacity_wind", "co2_gross", "generation_coal", "gdp"] {
            for y in 2019...n - 1 {
                XCTAssertEqual(a.value(name, year: y)!, b.value(name, year: y)!, accuracy: 1e-9 * max(abs(a.value(name, year: y)!), 1), "\(name) \(y)")
            }
        }
        XCTAssertGreaterThan(b.value("capacity_wind", year: n + 1)! - a.value("capacity_wind", year: n + 1)!, 1)
        let early = try scenario("name: early\nsector_plans:\n  power:\n    wind: {path: {2022: 60, 2030: 200}, start: 2021}\n")
        let notes = try PreparedScenario(early, dataset: d).historyNotes
        XCTAssertEqual(notes.count, 1)
        XCTAssertTrue(notes[0].message.contains("milestone 2022 at or before"), notes[0].description)
        XCTAssertEqual(notes[0].lever, "sector_plans.power.wind")
    }

    /// In history mode a wind or solar level is checked against the observed capacity, not the unobserved trend (which
    /// had 66 GW installed at the start of 2026): 50 and 80 GW by 2030 from 2026 are refused, naming the observed
    /// capacity; the same from 2021 (a setting begun in the observed years) are raised to it; a delta taking solar
    /// below what is observed is refused at its line, naming 2026 and the observed capacity.
    func testBuildOutLevelsAreCheckedAgainstTheObservedCapacity() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let loader = ScenarioLoader(dataset: d)
        // A setting that starts after the observed years is wholly a projection: below the observed capacity it is the
        // teardown it is without history, refused with the capacity installed (a tester's 100 GW from 2026 used to be
        // raised and held flat, below the baseline's trend, with a warning).
        for level in [50.0, 80] {
            let text = "name: low\nsector_plans:\n  power:\n    wind: {target: \(level), start: \(n + 1), full: 2030}\n"
            XCTAssertThrowsError(try PreparedScenario(try loader.parse(text, file: "low.yaml"), dataset: d)) { error in
                let e = error as? InputError
                XCTAssertEqual(e?.line, 4)
                XCTAssertTrue(e?.message.hasPrefix("a build-out target of \(Int(level)) GW by the end of 2030 is below the 127.628347 GW installed at the start of \(n + 1)") ?? false,
                              e?.message ?? "no message")
            }
        }
        // One that began in the observed years (a plan written before the data came in) is raised to the observed
        // capacity, with a warning at its line.
        for level in [50.0, 80] {
            let s = try loader.parse("name: low\nsector_plans:\n  power:\n    wind: {target: \(level), start: 2021, full: 2030}\n", file: "low.yaml")
            let prepared = try PreparedScenario(s, dataset: d)
            XCTAssertEqual(prepared.historyNotes.map(\.kind), [.raised], "\(level)")
            XCTAssertEqual(prepared.historyWarnings.first?.line, 4)
            let t = try prepared.run().trajectory
            XCTAssertEqual(t.value("capacity_wind", year: 2030)!, t.value("capacity_wind", year: n)!, accuracy: 1e-6)
        }
        let announced = Fixtures.scenarios.appendingPathComponent("announced.yaml").path
        // Refused when the file is read (with the file's other errors), and again by a run that gets past it.
        do {
            let child = try loader.parse("name: less\nextends: \(announced)\nsector_plans:\n  power:\n    solar: {delta: -80}\n", file: "less.yaml")
            _ = try PreparedScenario(child, dataset: d)
            XCTFail("a delta below the observed capacity must be refused")
        } catch let e as InputError {
            XCTAssertEqual(e.line, 5)
            XCTAssertTrue(e.message.contains("installed at the start of \(n + 1)"), e.message)
            XCTAssertTrue(e.message.hasPrefix("with the delta, "), e.message)
        }
    }

    /// A path that goes down is told with the levels the file writes: 120 GW after 135 GW, not the observed capacity
    /// history raised the 120 to (which the user never wrote), and the capacity installed as the run has it.
    func testADecliningPathIsToldWithTheWrittenLevel() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let observed = try XCTUnwrap(d.history?.floor(for: Levers.wind, parameters: try d.modelParameters()))
        XCTAssertGreaterThan(observed, 120)
        let loader = ScenarioLoader(dataset: d)
        let dip = { try PreparedScenario(try loader.parse("name: dip\nsector_plans:\n  power:\n    wind: {path: {\(n + 1): 135, \(n + 3): 120, \(n + 5): 220}}\n", file: "dip.yaml"), dataset: d) }
        XCTAssertThrowsError(try dip()) { error in
            let e = error as? InputError
            XCTAssertEqual(e?.line, 4)
            XCTAssertTrue(e?.message.hasPrefix("a build-out target of 120 GW by the end of \(n + 3) is below the 135 GW installed at the start of \(n + 2)") ?? false,
                          e?.message ?? "no message")
        }
        // A level below the observed capacity that history raised: still the written 60, against what the run has installed.
        let low = { try PreparedScenario(try loader.parse("name: low\nsector_plans:\n  power:\n    wind: {target: 60, start: \(n + 2), full: \(n + 5)}\n", file: "low.yaml"), dataset: d) }
        XCTAssertThrowsError(try low()) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("a build-out target of 60 GW by the end of \(n + 5) is below the "), message)
            let installed = Double(message.components(separatedBy: "is below the ")[1].split(separator: " ")[0]) ?? 0
            XCTAssertGreaterThan(installed, observed, message)
        }
        // A logistic move that dips between its milestones is told with the level the merged path has in the year it
        // dips (at or above what is installed less the dip), not the file's level alone there, which history never runs.
        let logistic = [Levers.wind.path: LeverSetting(target: 135, start: n + 1, full: n + 5, shape: .logistic)]
        let p = try d.modelParameters(), history = try XCTUnwrap(d.history)
        XCTAssertThrowsError(try loader.parse("name: lg\nsector_plans:\n  power:\n    wind: {target: 135, start: \(n + 1), full: \(n + 5), shape: logistic}\n", file: "lg.yaml")) { error in
            let message = (error as? InputError)?.message ?? ""
            let parts = message.components(separatedBy: " GW by the end of ")
            let told = Double(parts[0].components(separatedBy: "target of ").last ?? "") ?? 0
            let year = Int(parts.count > 1 ? String(parts[1].prefix(4)) : "") ?? 0
            var merged = p.resolvedLevers
            merged.set(Levers.wind, logistic[Levers.wind.path]!, parameters: p)
            _ = history.mergingCapacities(into: &merged, scenario: logistic, parameters: p)
            let level = Levers.wind.level(merged[Levers.wind], at: Double(year + 1).nextDown, p)
            XCTAssertEqual(told, level, accuracy: 1e-5, message)
            XCTAssertGreaterThan(told, observed - 20, message)
        }
    }

    /// A file setting anew a lever its extended scenario moves at or before N (announced's 2022 steel cut) changes
    /// those years: told at the lever's line, with the path that keeps them; written so, the years through N are the
    /// extended scenario's exactly, and nothing is told.
    func testReplacingAnExtendedLeverThatActsInHistoryIsTold() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let announced = Fixtures.scenarios.appendingPathComponent("announced.yaml").path
        let loader = ScenarioLoader(dataset: d)
        let anew = try loader.parse("name: anew\nextends: \(announced)\nsector_plans:\n  industry:\n    capacity_cut:\n      steel: {target: 50, start: \(n + 1), full: \(n + 2)}\n", file: "anew.yaml")
        let told = try XCTUnwrap(anew.warnings.first { $0.message.hasPrefix("replaces the setting of") })
        XCTAssertEqual(told.line, 6)
        let from = try XCTUnwrap(told.message.range(of: "keeps its milestones, ")), to = try XCTUnwrap(told.message.range(of: ", or a delta over it"))
        let path = String(told.message[from.upperBound..<to.lowerBound])
        let kept = try loader.parse("name: kept\nextends: \(announced)\nsector_plans:\n  industry:\n    capacity_cut:\n      steel: \(path)\n", file: "kept.yaml")
        XCTAssertFalse(kept.warnings.contains { $0.message.hasPrefix("replaces the setting of") }, "\(kept.warnings)")
        let base = try run(try loader.load(path: announced), d), a = try run(anew, d), k = try run(kept, d)
        XCTAssertNotEqual(a.value("output_steel", year: n)!, base.value("output_steel", year: n)!)
        for y in 2019...n { XCTAssertEqual(k.value("co2_gross", year: y)!, base.value("co2_gross", year: y)!, accuracy: 1e-9, "\(y)") }
        // After N it moves from the extended level (80 %/yr) to 50 by the end of N + 2, not from the baseline's.
        XCTAssertNotEqual(k.value("co2_gross", year: n + 2)!, base.value("co2_gross", year: n + 2)!)
    }

    /// A build-out lever set anew below what the extended setting reaches by N (announced's storage, 4.09 GW at the end
    /// of 2025, replaced by 2 GW from 2026) cannot keep the observed years: the warning says so and offers the path
    /// that keeps them, which loads without the warning.
    func testABuildOutSetBelowTheExtendedLevelSaysWhatKeepsTheObservedYears() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let announced = Fixtures.scenarios.appendingPathComponent("announced.yaml").path
        let loader = ScenarioLoader(dataset: d)
        let low = try loader.parse("extends: \(announced)\nsector_plans:\n  power:\n    storage: {target: 2, start: \(n + 1), full: \(n + 5)}\n", file: "s.yaml")
        let told = try XCTUnwrap(low.warnings.first { $0.message.contains("this file's setting cannot") }, "\(low.warnings)")
        let advice = "below the 4.09 GW they reach; to keep them, write a path that keeps its milestones and does not go below 4.09 GW after them, for example "
        let from = try XCTUnwrap(told.message.range(of: advice), told.message), to = try XCTUnwrap(told.message.range(of: ", or a delta over it"))
        // Building less would change those years whatever start it takes: no start year is offered.
        XCTAssertTrue(told.message.hasSuffix("or a delta over it"), told.message)
        let path = String(told.message[from.upperBound..<to.lowerBound])
        XCTAssertEqual(path, "{path: {2024: 0.91, \(n): 4.09, \(n + 5): 4.09}, start: 2024, shape: linear}")
        let kept = try loader.parse("extends: \(announced)\nsector_plans:\n  power:\n    storage: \(path)\n", file: "k.yaml")
        XCTAssertFalse(kept.warnings.contains { $0.message.hasPrefix("replaces the setting of") }, "\(kept.warnings)")
    }

    /// A delta without a start follows the extended setting's schedule, announced's storage from 2024 (in the observed
    /// years): told, with advice that loads (a start after N needs its own full year, announced's is 2025), and
    /// written so the observed years are announced's.
    func testADeltaFollowingTheExtendedScheduleIntoTheObservedYearsIsToldWithAdviceThatLoads() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let announced = Fixtures.scenarios.appendingPathComponent("announced.yaml").path
        let loader = ScenarioLoader(dataset: d)
        let plus = try loader.parse("extends: \(announced)\nsector_plans:\n  power:\n    storage: {delta: 10}\n", file: "s.yaml")
        XCTAssertEqual(plus.levers["sector_plans.power.storage"]?.start, 2024)
        let told = try XCTUnwrap(plus.warnings.first { $0.message.hasPrefix("no start year given: the delta follows") }, "\(plus.warnings)")
        XCTAssertTrue(told.message.hasSuffix("give start: \(n + 1), full: \(n + 5)"), told.message)
        // start alone is refused, and the error says what to add.
        XCTAssertThrowsError(try loader.parse("extends: \(announced)\nsector_plans:\n  power:\n    storage: {delta: 10, start: \(n + 1)}\n", file: "s.yaml")) {
            XCTAssertTrue(($0 as? InputError)?.message.contains("give a full-effect year too") == true, "\($0)")
        }
        let advised = try loader.parse("extends: \(announced)\nsector_plans:\n  power:\n    storage: {delta: 10, start: \(n + 1), full: \(n + 5)}\n", file: "s.yaml")
        XCTAssertFalse(advised.warnings.contains { $0.message.hasPrefix("no start year given") })
        // A level the lever has anyway (sinks: 0, the heat rate at the fleet's base-year rate) changes nothing: not told.
        for quiet in ["removals:\n    sinks: 0", "power:\n    coal_heat_rate: 320"] {
            XCTAssertFalse(try loader.parse("name: q\nsector_plans:\n  \(quiet)\n", file: "q.yaml").warnings.contains { $0.message.hasPrefix("no start year given") }, quiet)
        }
        XCTAssertTrue(try loader.parse("name: q\nsector_plans:\n  removals:\n    sinks: 5\n", file: "q.yaml").warnings.contains { $0.message.hasPrefix("no start year given") })
        let base = try run(try loader.load(path: announced), d), a = try run(advised, d)
        for y in 2019...n { XCTAssertEqual(a.value("co2_gross", year: y)!, base.value("co2_gross", year: y)!, accuracy: 1e-9, "\(y)") }
        XCTAssertEqual(a.value("capacity_storage", year: n + 5)! - base.value("capacity_storage", year: n + 5)!, 10, accuracy: 1e-9)
    }

    /// An enforced energy cap of an observed year curtails output in the observed years (a tester found 2025's GDP
    /// changed without a word): told at the cap's line. A cap after N, or one only checked, is not.
    func testAnEnforcedCapInTheObservedYearsIsTold() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let loader = ScenarioLoader(dataset: d)
        let early = try loader.parse("targets:\n  energy_cap: {\(n + 5): 300, \(n - 2): 200}\nmeasures:\n  dual_control: {enforce: true}\n", file: "cap.yaml")
        let told = try XCTUnwrap(early.warnings.first { $0.message.hasPrefix("an enforced energy cap in \(n - 2)") }, "\(early.warnings)")
        XCTAssertEqual(told.line, 2)
        XCTAssertEqual(told.keyPath, "targets.energy_cap.\(n - 2)")
        for quiet in ["targets:\n  energy_cap: {\(n + 5): 300}\nmeasures:\n  dual_control: {enforce: true}\n",
                      "targets:\n  energy_cap: {\(n - 2): 200}\n"] {
            XCTAssertFalse(try loader.parse(quiet, file: "cap.yaml").warnings.contains { $0.message.contains("enforced energy cap") }, quiet)
        }
    }

    /// A file that sets a lever anew from a later year than the extended setting moves it (announced's solar from N + 1,
    /// a stronger 2030 target from N + 3) drops those years' moves: the lever falls back to its baseline there. Told at
    /// the lever's line, with a path that keeps them; written so, the years before the new start are the extended
    /// scenario's exactly, nothing is told, and the new target is reached. The same for a lever history does not follow
    /// (dedicated export), and without history.
    func testASettingStartingLaterThanTheOneItReplacesIsTold() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let announced = Fixtures.scenarios.appendingPathComponent("announced.yaml").path
        for dataset in [d, Self.plain] {
            let loader = ScenarioLoader(dataset: dataset)
            let later = try loader.parse("name: later\nextends: \(announced)\nsector_plans:\n  power:\n    solar: {target: 150, start: \(n + 3), full: 2030}\n    dedicated_export: {target: 100, start: \(n + 4), full: 2030}\n", file: "later.yaml")
            let told = later.warnings.filter { $0.message.contains("falls back to its baseline") }
            XCTAssertEqual(told.map(\.line), [5, 6], "\(later.warnings)")
            XCTAssertEqual(told.map(\.keyPath), ["sector_plans.power.solar", "sector_plans.power.dedicated_export"])
            func path(_ w: InputWarning) throws -> String {
                let from = try XCTUnwrap(w.message.range(of: "keeps its milestones, ")), to = try XCTUnwrap(w.message.range(of: ", or a delta over it"))
                return String(w.message[from.upperBound..<to.lowerBound])
            }
            let kept = try loader.parse("name: kept\nextends: \(announced)\nsector_plans:\n  power:\n    solar: \(try path(told[0]))\n    dedicated_export: \(try path(told[1]))\n", file: "kept.yaml")
            XCTAssertFalse(kept.warnings.contains { $0.message.contains("falls back") || $0.message.hasPrefix("replaces the setting of") }, "\(kept.warnings)")
            let base = try run(try loader.load(path: announced), dataset), l = try run(later, dataset), k = try run(kept, dataset)
            XCTAssertLessThan(l.value("capacity_solar", year: n + 1)!, base.value("capacity_solar", year: n + 1)! - 10)
            for y in 2019...n + 2 {
                XCTAssertEqual(k.value("capacity_solar", year: y)!, base.value("capacity_solar", year: y)!, accuracy: 1e-6, "\(y)")
                XCTAssertEqual(k.value("co2_gross", year: y)!, base.value("co2_gross", year: y)!, accuracy: 1e-6 * base.value("co2_gross", year: y)!, "\(y)")
            }
            XCTAssertEqual(k.value("capacity_solar", year: 2030)!, 150, accuracy: 1e-6)
            XCTAssertEqual(l.value("capacity_solar", year: 2030)!, 150, accuracy: 1e-6)
        }
        // Starting no later than the extended setting is a replacement on purpose: not told.
        let same = try ScenarioLoader(dataset: d).parse("name: same\nextends: \(announced)\nsector_plans:\n  power:\n    solar: {target: 150, start: \(n + 1), full: 2030}\n", file: "same.yaml")
        XCTAssertFalse(same.warnings.contains { $0.message.contains("falls back") }, "\(same.warnings)")
    }

    /// Compared as the model runs them: in history mode a wind or solar setting whose milestones are all observed years
    /// runs as the observed capacity and then the trend, as the baseline does, so replacing it from a later year drops
    /// nothing and is not told. A logistic ramp running past the year before the new start is offered only as a delta
    /// (a path cut there would bend otherwise); a delta's own later start does not hide the earlier moves of what it extends.
    func testWhatALaterStartDropsIsComparedAsTheModelRunsIt() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-later-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: a\nsector_plans:\n  power:\n    solar: {target: 60, start: 2021, full: \(n)}\n    wind: {target: 200, start: 2021, full: 2030, shape: logistic}\n"
            .write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "name: b\nextends: a.yaml\nsector_plans:\n  power:\n    wind: {delta: 10, start: 2030}\n"
            .write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let loader = ScenarioLoader(dataset: d)
        let c = try loader.parse("name: c\nextends: a.yaml\nsector_plans:\n  power:\n    solar: {target: 150, start: \(n + 3), full: 2030}\n    wind: {target: 300, start: \(n + 3), full: 2030}\n",
                                 file: "c.yaml", directory: folder)
        let told = c.warnings.filter { $0.message.contains("falls back to its baseline") }
        XCTAssertEqual(told.map(\.keyPath), ["sector_plans.power.wind"], "\(c.warnings)")
        XCTAssertTrue(told[0].message.hasSuffix("To start from it, write a delta over it"), told[0].message)
        let overDelta = try loader.parse("name: e\nextends: b.yaml\nsector_plans:\n  power:\n    wind: {target: 300, start: \(n + 3), full: 2030}\n",
                                         file: "e.yaml", directory: folder)
        XCTAssertTrue(overDelta.warnings.contains { $0.message.contains("falls back to its baseline") && $0.message.contains("\(n + 1)-\(n + 2)") }, "\(overDelta.warnings)")
    }

    /// An assumption scaling a series history follows or fitted moves only the years after N: GDP growth 20 % faster
    /// leaves GDP through N - 1 as observed (year N moves by its second half, the model's growth steps run mid-year
    /// to mid-year); exports 20 % higher leave the observed knots. A demand index (1 in the base year by definition)
    /// scales after the base year, so the base-year split still holds. A sweep factor sets the same.
    func testAssumptionsScaleTheYearsAfterTheObservedOnes() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let base = try run(try scenario("name: base\n"), d)
        let faster = try run(try scenario("name: faster\nassumptions:\n  economy.growth: 1.2\n"), d)
        for y in 2019...n - 1 { XCTAssertEqual(faster.value("gdp", year: y)!, base.value("gdp", year: y)!, accuracy: 1e-9 * base.value("gdp", year: y)!, "\(y)") }
        XCTAssertEqual(faster.value("gdp", year: n)! / base.value("gdp", year: n)!, 1, accuracy: 2e-3)
        let g = base.value("gdp", year: n + 5)! / base.value("gdp", year: n)!, h = faster.value("gdp", year: n + 5)! / faster.value("gdp", year: n)!
        XCTAssertGreaterThan(log(h) / log(g), 1.15)
        let e = try XCTUnwrap(d.entry("power.exports")), scaled = try d.applying([("power.exports", 1.2, nil)]).entry("power.exports")!
        guard case .series(let years, let before) = e.value, case .series(_, let after) = scaled.value else { return XCTFail("series") }
        for (y, (a, b)) in zip(years, zip(before, after)) { XCTAssertEqual(b, Int(y) > n ? 1.2 * a : a, accuracy: 1e-12, "\(y)") }
        // Through the binding a sweep uses: the same parameters as the assumption.
        var p = try d.modelParameters()
        try XCTUnwrap(d.binding("economy.growth")).apply(1.2, to: &p)
        XCTAssertEqual(p.economy.growthRates, try d.applying([("economy.growth", 1.2, nil)]).modelParameters().economy.growthRates)
        // A demand index: the base-year knot stays 1, the split holds, later output falls with the scale.
        let lower = try run(try scenario("name: lower\nassumptions:\n  products.steel.demand_index: 0.9\n"), Self.plain)
        let plainBase = try run(try scenario("name: base\n"), Self.plain)
        XCTAssertEqual(lower.value("output_steel", year: 2019)!, plainBase.value("output_steel", year: 2019)!, accuracy: 1e-9)
        XCTAssertEqual(lower.value("output_steel", year: 2030)! / plainBase.value("output_steel", year: 2030)!, 0.9, accuracy: 0.01)
    }

    /// A delta is added to what it extends as history runs it: a delta of 0 is the extended scenario in every
    /// year, its milestones after N add to the extended scenario's there, and one at or before N is superseded.
    func testADeltaAddsToTheExtendedScenarioAsHistoryRunsIt() throws {
        let d = try Self.plain.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(d.history?.lastObservedYear)
        let base = "name: base\nsector_plans:\n  power:\n    solar: {path: {\(n + 1): 70, \(n + 5): 104}}\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-delta-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try base.write(to: dir.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        func extending(_ delta: String) throws -> Trajectory {
            let file = dir.appendingPathComponent("d.yaml")
            try "name: d\nextends: base.yaml\nsector_plans: {power: {solar: {delta: \(delta)}}}\n".write(to: file, atomically: true, encoding: .utf8)
            return try run(try ScenarioLoader(dataset: Self.plain).load(path: file.path), d)
        }
        let b = try run(try scenario(base), d), zero = try extending("0")
        for y in 2019...2060 {
            XCTAssertEqual(zero.value("capacity_solar", year: y)!, b.value("capacity_solar", year: y)!, accuracy: 1e-9, "\(y)")
        }
        let milestones = try extending("{\(n - 1): 5, \(n + 1): 10, \(n + 5): 40}")
        XCTAssertEqual(milestones.value("capacity_solar", year: n)!, b.value("capacity_solar", year: n)!, accuracy: 1e-9, "history's year")
        XCTAssertEqual(milestones.value("capacity_solar", year: n + 1)!, 80, accuracy: 1e-6)
        XCTAssertEqual(milestones.value("capacity_solar", year: n + 5)!, 144, accuracy: 1e-6)
        let plain = try extending("40")
        XCTAssertEqual(plain.value("capacity_solar", year: n + 5)!, 144, accuracy: 1e-6)
        XCTAssertGreaterThan(plain.value("capacity_solar", year: n + 1)!, 70, "a positive delta never falls below what it extends")
    }

    /// The documented split: the wind share of the last earlier year observing both, else the first later one.
    func testTotalCapacityIsSplitByTheLastObservedShares() {
        let c = CapacityHistory(wind: [2020: 30, 2023: 60], solar: [2020: 10, 2023: 40], total: [2021: 48, 2022: 80, 2024: 120])
        let (w, s) = c.split(baseWind: 1, baseSolar: 1)
        XCTAssertEqual(w[2021]!, 36, accuracy: 1e-12)
        XCTAssertEqual(s[2022]!, 20, accuracy: 1e-12)
        XCTAssertEqual(w[2024]!, 72, accuracy: 1e-12)
        XCTAssertEqual(s[2024]!, 48, accuracy: 1e-12)
        let none = CapacityHistory(wind: [:], solar: [:], total: [2021: 40]).split(baseWind: 3, baseSolar: 1)
        XCTAssertEqual(none.wind[2021]!, 30, accuracy: 1e-12)
    }

    /// Growth knots sit at mid-year: the observed growth of year Y is the knot of Y - 1; the dataset's steps follow.
    func testGrowthStepsFollowTheMidYearKnots() {
        let (y, v) = HistoryMode.growthSteps(years: [2019, 2026, 2031], values: [0.05, 0.04], observed: [2020: 0.002, 2022: 0.044])
        XCTAssertEqual(y, [2019, 2020, 2021, 2022, 2026, 2031])
        XCTAssertEqual(v, [0.002, 0.05, 0.044, 0.05, 0.04])
    }

    /// A region without observations runs as before: no history, the same checksum and the same numbers.
    func testADatasetWithoutObservationsIsUnchanged() throws {
        let text = Self.plain.yaml(header: []).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("observations:") }.joined(separator: "\n")
        let bare = try Dataset.parse(text, file: "bare.yaml")
        let same = try bare.inHistoryMode(datasetPath: "bare.yaml")
        XCTAssertNil(same.history)
        XCTAssertEqual(same.checksum, bare.checksum)
        let base = try scenario("name: baseline")
        let a = try run(base, bare), b = try run(base, same)
        XCTAssertEqual(a.values.map { $0.isNaN ? 0 : $0 }, b.values.map { $0.isNaN ? 0 : $0 })
    }

    /// Every figure history mode follows has a source, and the embedded file's use is as documented.
    func testEveryObservationUsedIsSourced() throws {
        let set = try XCTUnwrap(try ObservationSet.forDataset(Self.plain, datasetPath: nil, override: nil, years: ObservationSet.years(for: Self.plain)))
        let d = try Self.plain.inHistoryMode(set)
        let h = try XCTUnwrap(d.history)
        let byLine = Dictionary(uniqueKeysWithValues: set.observations.map { ($0.line, $0) })
        let used = h.sources.values.flatMap { $0 }
        XCTAssertGreaterThanOrEqual(used.count, 10)
        for line in used {
            let o = try XCTUnwrap(byLine[line])
            XCTAssertGreaterThan(o.source.count, 10, "line \(line)")
            XCTAssertTrue(o.basis.isComplete, "line \(line)")
        }
        XCTAssertEqual(h.sources["gdp_growth"]?.count, 6)
        XCTAssertEqual(h.gdpGrowth[2020]!, 0.002, accuracy: 1e-12)
        XCTAssertEqual(h.exports[2022]!, 264, accuracy: 1e-9)
        XCTAssertEqual(h.capacities.total[2023]!, 92.6, accuracy: 1e-9, "the year-end figure, not the 'at least' 90 GW")
        let scale = try XCTUnwrap(h.capacityFactorScale)
        XCTAssertTrue((0.85...1.2).contains(scale), "\(scale)")
        XCTAssertTrue(d.entry("power.wind_capacity_factor")!.source.hasPrefix("fitted to observations 2022, 2023, 2025"))
        // What the one scale leaves, year by year: 2025's hours below 2022's (additions late in the year).
        XCTAssertEqual(h.calibrated["generation_wind_solar"], [2022, 2023, 2025])
        let hours = try XCTUnwrap(h.calibratedKnots["generation_wind_solar"])
        XCTAssertEqual(hours.count, 6, "knots at the ends of 2020-2025")
        XCTAssertLessThan(hours[5], hours[2] * 0.9)
        XCTAssertTrue(d.entry("power.renewable_hours_index")!.source.hasPrefix("fitted to observations 2022, 2023, 2025"))
        XCTAssertEqual(d.checksum, Self.plain.checksum, "workbooks show the dataset file's checksum")
        XCTAssertNotEqual(d.identityChecksum, Self.plain.identityChecksum, "sweeps are stored with the observations followed")
    }

    /// CI fails here if history mode's in-sample fit leaves the bounds of docs/data.md: what it follows
    /// (capacities, exports, GDP) within 3 % and GDP growth within 1 pp, the rest within the projection bounds.
    func testTheEmbeddedObservationsAreWithinTheHistoryModeBounds() throws {
        let set = try XCTUnwrap(try ObservationSet.forDataset(Self.plain, datasetPath: nil, override: nil, years: ObservationSet.years(for: Self.plain)))
        let d = try Self.plain.inHistoryMode(set)
        let announced = try DefaultScenarios.load(dataset: d).last!
        let fit = try run(announced, d)
        let n = try XCTUnwrap(set.observations.map(\.year).max())
        let check = try run(announced, try Self.plain.inHistoryMode(set, through: n - 2))
        let h = Hindcast(observations: set, fit: fit, history: d.history!, check: check, checkThrough: n - 2, scenario: "announced", baseYear: 2019)
        XCTAssertEqual(HindcastBounds.violations(h), [])
        for s in h.summaries where s.window == .inSample && s.quantity.isStock && HindcastBounds.followed.contains(s.quantity.name) {
            XCTAssertEqual(s.meanAbsolutePercentError ?? 0, 0, accuracy: 1e-6, s.quantity.name)
        }
        XCTAssertTrue(h.rows.contains { $0.window == .heldOut && $0.observation.year == n })
        XCTAssertFalse(h.rows.contains { $0.window == .heldOut && $0.observation.year < n - 1 })
    }
}
