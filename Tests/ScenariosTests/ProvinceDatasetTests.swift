import XCTest
import Analysis
@testable import Scenarios
import Simulator

/// Datasets derived from CEADs for provinces without one of their own.
final class ProvinceDatasetTests: XCTestCase {
    /// Every province's derived dataset runs and reproduces its CEADs 2019 inventory, group by group.
    func testEveryProvinceReproducesItsCEADsBaseYear() throws {
        let history = try CEADsHistory.embedded()
        XCTAssertEqual(history.provinces.count, 30)
        for province in history.provinces {
            let dataset = try ProvinceDataset.make(province: province, history: history)
            XCTAssertEqual(dataset.region, province)
            let result = try PreparedScenario(DefaultScenarios.load(dataset: dataset)[0], dataset: dataset).run()
            var total = 0.0
            for g in SectorGroup.allCases {
                let r = try XCTUnwrap(history.record(province, 2019, g))
                total += r.total
                let got = try XCTUnwrap(result.trajectory.value("co2_sector_\(g.key)", year: 2019))
                XCTAssertEqual(got, r.total, accuracy: 1e-6 * max(r.total, 1), "\(province) \(g.key)")
            }
            XCTAssertEqual(try XCTUnwrap(result.trajectory.value("co2_gross", year: 2019)), total, accuracy: 1e-6 * total, province)
            XCTAssertEqual(dataset.facts.first?.value ?? 0, total, accuracy: 1e-3, province)
            // No products and no fly-ash alumina: their outputs stay 0 to the end.
            for key in ["output_steel", "output_aluminium", "output_clinker", "fly_ash_alumina_output"] {
                XCTAssertEqual(result.trajectory.series(key).map { abs($0) }.max() ?? 1, 0, "\(province) \(key)")
            }
        }
    }

    /// A lever with nothing to act on in the derived dataset (it has no products and no fly-ash alumina) is warned
    /// about at its line, by what is missing; on Inner Mongolia, which has them, it is not; wind acts everywhere.
    func testLeversWithNothingToActOnAreWarnedAbout() throws {
        let text = """
            sector_plans:
              industry:
                capacity_cut:
                  coke: {target: 15, start: 2026, full: 2028}
                fly_ash_alumina: {target: 3, full: 2030}
              power:
                wind: {target: 300, start: 2026, full: 2030}
            measures:
              ladder_pricing: 0.3
            """
        let shanxi = try ProvinceDataset.make(province: "Shanxi", history: CEADsHistory.embedded())
        let result = try PreparedScenario(ScenarioLoader(dataset: shanxi).parse(text, file: "sx.yaml"), dataset: shanxi).run()
        let warned = result.warnings.filter { $0.message.contains("for this lever to act on") }
        // In file order, line by line.
        XCTAssertEqual(warned.map(\.keyPath), ["sector_plans.industry.capacity_cut.coke", "sector_plans.industry.fly_ash_alumina", "measures.ladder_pricing"])
        XCTAssertEqual(warned.map(\.line), [4, 5, 9])
        XCTAssertTrue(warned[0].message.hasPrefix("the dataset has no coke capacity"), warned[0].message)
        XCTAssertTrue(warned[1].message.contains("high-alumina fly ash"), warned[1].message)
        let im = try Dataset.innerMongolia()
        let home = try PreparedScenario(ScenarioLoader(dataset: im).parse(text, file: "im.yaml"), dataset: im)
        XCTAssertEqual(home.nothingToActOnWarnings, [])
        // A sweep factor on such a lever: every run the same, told at load.
        let spec = FileManager.default.temporaryDirectory.appendingPathComponent("coke-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: spec) }
        try "name: c\nscenarios: [baseline]\ndesign: lhs\nn: 2\nfactors:\n  sector_plans.industry.capacity_cut.coke.target: {range: [0, 30], start: 2026, full: 2030}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let sweep = try SweepSpecLoader(dataset: shanxi).load(path: spec.path)
        XCTAssertTrue(sweep.warnings.contains { $0.line == 6 && $0.message.hasPrefix("the dataset has no coke capacity") }, "\(sweep.warnings)")
        XCTAssertFalse(try SweepSpecLoader(dataset: im).load(path: spec.path).warnings.contains { $0.message.contains("for this lever to act on") })
    }

    /// The embedded scenarios are Inner Mongolia's: on another region the baseline checks the national goals only
    /// (peak 2030, neutrality 2060), saying so, and announced runs with a warning that it is Inner Mongolia's plan.
    /// A file extending the baseline inherits the national goals; on Inner Mongolia nothing changes.
    func testTheEmbeddedScenariosOnAnotherRegion() throws {
        let shanxi = try ProvinceDataset.make(province: "Shanxi", history: CEADsHistory.embedded())
        let defaults = try DefaultScenarios.load(dataset: shanxi)
        var national = Targets()
        national.peakYear = 2030
        national.neutralityYear = 2060
        XCTAssertEqual(defaults[0].targets, national)
        XCTAssertTrue(defaults[0].warnings.contains { $0.keyPath == "targets" && $0.message.contains("national goals only") }, "\(defaults[0].warnings)")
        XCTAssertTrue(defaults[1].warnings.contains { $0.message.contains("Inner Mongolia's published plan") && $0.message.hasSuffix("run on Shanxi") },
                      "\(defaults[1].warnings)")
        XCTAssertFalse(defaults[1].warnings.contains { $0.message.contains("national goals only") }, "announced's base is not told about")
        XCTAssertFalse(defaults[1].targets.nonFossilShare.isEmpty, "announced keeps its own (Inner Mongolia's) targets")
        let extending = try ScenarioLoader(dataset: shanxi).parse("extends: baseline\nname: mine\n", file: "mine.yaml")
        XCTAssertEqual(extending.targets, national)
        let home = try DefaultScenarios.load(dataset: Dataset.innerMongolia())
        XCTAssertFalse(home[0].targets.nonFossilShare.isEmpty)
        XCTAssertFalse(home.flatMap(\.warnings).contains { $0.message.contains("Inner Mongolia") }, "\(home.flatMap(\.warnings))")
    }

    /// The power balance: coal generation burns the non-heat share of CEADs power coal at the national heat rate.
    func testPowerBalanceFollowsTheDerivation() throws {
        let history = try CEADsHistory.embedded()
        let dataset = try ProvinceDataset.make(province: "Shanxi", history: history)
        let result = try PreparedScenario(DefaultScenarios.load(dataset: dataset)[0], dataset: dataset).run()
        let coalTce = try XCTUnwrap(history.record("Shanxi", 2019, .power)).fuels.coal / 2.616
        let expected = coalTce * (1 - 0.25) / 306.4 * 1000
        let coal = try XCTUnwrap(result.trajectory.value("generation_coal", year: 2019))
        // Dispatch damps renewables slightly at the base share (a smooth kink), so coal is a little above.
        XCTAssertEqual(coal, expected, accuracy: 0.01 * expected)
        let generation = try XCTUnwrap(result.trajectory.value("electricity_generation", year: 2019))
        XCTAssertEqual(generation, try XCTUnwrap(dataset.entry("power.base_in_region_consumption")?.scalar), accuracy: 1e-6 * generation)
    }

    /// Calibrated, each group follows its fitted trend from the CEADs base year: CO2(t) = CO2(2019) T(t) / T(2019).
    func testCalibratedProvinceFollowsItsFittedTrends() throws {
        let history = try CEADsHistory.embedded()
        let dataset = try ProvinceDataset.make(province: "Shanxi", history: history)
        let c = try HistoryCalibration.fit(history: history, province: "Shanxi")
        let calibrated = try c.calibrating(dataset)
        let result = try PreparedScenario(DefaultScenarios.load(dataset: calibrated)[0], dataset: calibrated).run()
        let applied = c.applied(base: 2019, end: 2060)
        XCTAssertTrue(applied.map(\.series.name).contains("transport"), "\(applied.map(\.series.name))")
        // Power is left out: wind and solar built at the frozen pace displace coal generation.
        for f in applied where f.series.name != "power" {
            func co2(_ year: Int) throws -> Double {
                try f.series.groups.reduce(0) { $0 + (try XCTUnwrap(result.trajectory.value("co2_sector_\($1.key)", year: year))) }
            }
            let base = try co2(2019), trend = f.fit.trend
            for year in [2025, 2030, 2040, 2060] {
                // An annual total: the trend's mean over the calendar year (Simpson's rule, as the model reports it).
                let y = Double(year)
                let mean = (trend.value(at: y - 0.5) + 4 * trend.value(at: y) + trend.value(at: y + 0.5)) / 6
                let expected = base * mean / trend.value(at: 2019)
                XCTAssertEqual(try co2(year), expected, accuracy: 2e-3 * expected + 1e-9, "\(f.series.name) \(year)")
            }
        }
        // A group without a carried trend grows with GDP: nonferrous is exponential in Shanxi's history.
        XCTAssertFalse(applied.map(\.series.name).contains("nonferrous"))
        XCTAssertNil(calibrated.entry("activities.nonferrous.trend"))
    }

    /// The 2019 facts: one row per CEADs province; capacities add up to NEA's national totals.
    func testFactsCoverTheProvincesAndAddUpToNationalTotals() throws {
        let facts = try ProvinceDataset.facts()
        let history = try CEADsHistory.embedded()
        XCTAssertEqual(Set(facts.map(\.province)), Set(history.provinces))
        XCTAssertEqual(facts.reduce(0) { $0 + $1.wind2020 }, 281.53, accuracy: 0.01 * 281.53)
        // NEA's 253.43 GW includes Tibet (about 1.2 GW), which CEADs lacks.
        XCTAssertEqual(facts.reduce(0) { $0 + $1.solar2020 }, 253.43 - 1.2, accuracy: 0.01 * 253.43)
        let im = try XCTUnwrap(facts.first { $0.province == "InnerMongolia" })
        XCTAssertEqual(im.gdp, try XCTUnwrap(Dataset.innerMongolia().entry("economy.base_gdp")?.scalar), accuracy: 0.1)
        // Back-cast to 2019, Inner Mongolia's wind and solar land within 10% of the embedded dataset's NEA values.
        let dataset = try ProvinceDataset.make(province: "Inner Mongolia", history: history)
        XCTAssertEqual(try XCTUnwrap(dataset.entry("power.base_wind")?.scalar), 30.07, accuracy: 0.1 * 30.07)
        XCTAssertEqual(try XCTUnwrap(dataset.entry("power.base_solar")?.scalar), 10.81, accuracy: 0.1 * 10.81)
        // Every derived number is an estimate with a range that contains it.
        for e in dataset.entries where e.path.hasPrefix("power.") {
            if let v = e.scalar, let r = e.range { XCTAssertTrue(r.contains(v), e.path) }
        }
    }

    /// A product the dataset does not describe has nothing for a lever to act on; a lever on a present
    /// product still acts.
    func testLeversOnAbsentProductsChangeNothing() throws {
        let dataset = try ProvinceDataset.make(province: "Hebei", history: try CEADsHistory.embedded())
        let loader = ScenarioLoader(dataset: dataset)
        let base = try PreparedScenario(DefaultScenarios.load(dataset: dataset)[0], dataset: dataset).run()
        let cut = try loader.parse("""
            name: cut
            sector_plans:
              industry:
                capacity_cut:
                  steel: {target: 50, start: 2022, full: 2022, shape: step}
            """, file: "cut.yaml")
        let r = try PreparedScenario(cut, dataset: dataset).run()
        // Equal up to the integrator's steps (the lever adds a breakpoint in 2022).
        for (a, b) in zip(r.trajectory.series("co2_gross"), base.trajectory.series("co2_gross")) {
            XCTAssertEqual(a, b, accuracy: 1e-8 * b)
        }
        let wind = try loader.parse("""
            name: wind
            sector_plans:
              power:
                wind: {target: 150, start: 2021, full: 2030, shape: linear}
            """, file: "wind.yaml")
        let w = try PreparedScenario(wind, dataset: dataset).run()
        // The baseline reaches about 81 GW in 2030 (17 GW in 2019 plus 5.8 GW/yr).
        XCTAssertLessThan(try XCTUnwrap(w.trajectory.value("co2_gross", year: 2030)),
                          try XCTUnwrap(base.trajectory.value("co2_gross", year: 2030)))
    }

    func testAluminaWithoutSmeltersIsRefused() throws {
        let dataset = try Dataset.innerMongolia()
        let text = dataset.yaml(header: []).split(separator: "\n", omittingEmptySubsequences: false)
        var kept: [Substring] = [], skipping = false
        for line in text {
            if line == "  aluminium:" { skipping = true; continue }
            if skipping && line.hasPrefix("    ") { continue }
            skipping = false
            kept.append(line)
        }
        XCTAssertThrowsError(try Dataset.parse(kept.joined(separator: "\n"), file: "no-smelters.yaml")) { error in
            XCTAssertTrue("\(error)".contains("products.aluminium"), "\(error)")
        }
    }

    func testUnknownProvince() throws {
        XCTAssertThrowsError(try ProvinceDataset.make(province: "Tibet", history: try CEADsHistory.embedded())) { error in
            XCTAssertTrue("\(error)".contains("Shanxi"), "\(error)")
        }
    }
}
