import Foundation
import XCTest
import Scenarios
import Simulator
@testable import Sweeps

/// Sweep factors on levers take the forms scenario files take: `.target` is a level whatever the base's form,
/// `.delta` is a change over the base's setting by its full year, and one lever takes one form.
final class SweepLeverFormTests: XCTestCase {
    var fixture: SpecFixture!
    var directory: URL { fixture.directory }
    var dataset: Dataset { fixture.dataset }
    static var scenarios: URL { SpecFixture.scenarios }

    override func setUpWithError() throws { fixture = try SpecFixture() }
    override func tearDownWithError() throws { fixture.remove() }

    func spec(_ text: String, name: String = "spec.yaml") throws -> SweepSpec { try fixture.spec(text, name: name) }
    func specError(_ text: String) throws -> InputError { try fixture.specError(text) }

    /// A sweep of announced with `factors` (YAML lines) in history mode, and announced's own `run` there.
    func announcedInHistoryMode(_ factors: String) throws -> (plan: SweepPlan, run: Trajectory, lastObserved: Int) {
        let history = try dataset.inHistoryMode(datasetPath: nil)
        let url = directory.appendingPathComponent("history-\(UUID().uuidString).yaml")
        try "name: h\nscenarios: [\(Self.scenarios.path)/announced.yaml]\ndesign: grid\nfactors:\n\(factors)".write(to: url, atomically: true, encoding: .utf8)
        let plan = try SweepPlan(spec: try SweepSpecLoader(dataset: history).load(path: url.path), dataset: history)
        let announced = try ScenarioLoader(dataset: history).load(path: Self.scenarios.appendingPathComponent("announced.yaml").path)
        return (plan, try PreparedScenario(announced, dataset: history).run().trajectory, try XCTUnwrap(history.history?.lastObservedYear))
    }

    func wind2030(_ plan: SweepPlan, _ x: [Double]) throws -> Double {
        let r = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: x))).run()
        return try XCTUnwrap(r.value("capacity_wind", year: 2030))
    }

    /// The factors of one lever share one schedule: a `start` written on its `.full` factor is the lever's (it used to be
    /// dropped when the `.target` factor came first, and CCUS ramped from 2021); two factors writing different starts are
    /// an error naming both, and a factor writing the year it draws is one too.
    func testTheFactorsOfOneLeverShareOneSchedule() throws {
        let head = "name: s\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n"
        let shared = try spec(head + "  sector_plans.removals.ccus.target: {levels: [10]}\n  sector_plans.removals.ccus.full: {levels: [2030, 2035], start: 2028}\n")
        let plan = try SweepPlan(spec: shared, dataset: dataset)
        for (x, full) in [([10.0, 2030.0], 2030), ([10, 2035], 2035)] {
            let r = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: x))).run()
            XCTAssertEqual(try XCTUnwrap(r.value("ccus_capacity", year: 2027)), 0, accuracy: 1e-9, "nothing before the written start")
            XCTAssertGreaterThan(try XCTUnwrap(r.value("ccus_capacity", year: 2028)), 0.5)
            XCTAssertEqual(try XCTUnwrap(r.value("ccus_capacity", year: full)), 10, accuracy: 1e-6)
            XCTAssertLessThan(try XCTUnwrap(r.value("ccus_capacity", year: full - 1)), 9.9)
        }
        let conflict = try specError(head + "  sector_plans.removals.ccus.target: {levels: [10], start: 2028, full: 2030}\n  sector_plans.removals.ccus.full: {levels: [2025, 2035], start: 2032}\n")
        XCTAssertEqual(conflict.line, 6)
        XCTAssertEqual(conflict.keyPath, "factors.sector_plans.removals.ccus.full.start")
        XCTAssertTrue(conflict.message.hasPrefix("start 2032 here, start 2028 on sector_plans.removals.ccus.target (line 5)"), conflict.message)
        let drawn = try specError(head + "  sector_plans.removals.ccus.start: {levels: [2026, 2028], start: 2027}\n  sector_plans.removals.ccus.target: {levels: [10], full: 2032}\n")
        XCTAssertEqual(drawn.keyPath, "factors.sector_plans.removals.ccus.start.start")
        XCTAssertTrue(drawn.message.contains("the factor draws the start year"), drawn.message)
    }

    /// A build-out's `.delta` whose lowest level takes a base scenario's capacity down is warned at load, naming the
    /// installed capacity, as a `.target` below it is; a delta that only adds is not.
    func testADeltaThatTearsCapacityDownIsWarnedAboutAtLoad() throws {
        let head = "name: d\nscenarios: [SCENARIOS/announced.yaml]\ndesign: grid\nfactors:\n"
        let down = try spec(head + "  sector_plans.removals.ccus.delta: {levels: [-1, 5], start: 2026, full: 2030}\n")
        let w = try XCTUnwrap(down.warnings.first { $0.keyPath == "factors.sector_plans.removals.ccus.delta" }, "\(down.warnings)")
        XCTAssertEqual(w.line, 5)
        XCTAssertTrue(w.message.hasPrefix("a delta of -1 Mt CO2/yr over 'announced' takes capacity down (a build-out target of"), w.message)
        XCTAssertTrue(w.message.hasSuffix("those runs cannot run and are stored as failed"), w.message)
        // Each base scenario it fails on is told (a tester's second base went unmentioned).
        let two = try spec("name: d\nscenarios: [SCENARIOS/announced.yaml, SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.removals.ccus.delta: {levels: [-1, 5], start: 2026, full: 2030}\n")
        XCTAssertEqual(two.warnings.filter { $0.message.contains("takes capacity down") }.map { $0.message.contains("over 'announced'") }, [true, false], "\(two.warnings)")
        let up = try spec(head + "  sector_plans.removals.ccus.delta: {levels: [0, 5], start: 2026, full: 2030}\n")
        XCTAssertFalse(up.warnings.contains { $0.message.contains("takes capacity down") }, "\(up.warnings)")
    }

    /// A lever that only lowers its quantity (`Lever.onlyLowers`, the coal heat rate) drawn above where it starts: those
    /// runs are the same as at it, and the spec is warned at the factor's line; a range below it is not.
    func testHeatRatesDrawnAboveTheFleetsRateAreWarnedAbout() throws {
        let above = try spec("name: h\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.power.coal_heat_rate.target: {range: [290, 340], start: 2026, full: 2030}\n")
        let w = try XCTUnwrap(above.warnings.first { $0.keyPath == "factors.sector_plans.power.coal_heat_rate.target" }, "\(above.warnings)")
        XCTAssertEqual(w.line, 6)
        XCTAssertTrue(w.message.hasPrefix("levels up to 340 gce/kWh are drawn, above the coal fleet's heat rate in 2019 (320 gce/kWh)"), w.message)
        let below = try spec("name: h\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.power.coal_heat_rate.target: {range: [290, 320], start: 2026, full: 2030}\n")
        XCTAssertEqual(below.warnings, [])
        // A normal draw: how often it lands above (P(x > 320) for N(310, 10) is 15.9 %); one that rarely does is not told.
        let normal = try spec("name: h\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: random\nn: 4\nfactors:\n  sector_plans.power.coal_heat_rate.target: {distribution: normal, mean: 310, sd: 10, start: 2026, full: 2030}\n")
        let n = try XCTUnwrap(normal.warnings.first { $0.keyPath == "factors.sector_plans.power.coal_heat_rate.target" }, "\(normal.warnings)")
        XCTAssertTrue(n.message.hasPrefix("about 15.9 % of the draws are above the coal fleet's heat rate in 2019 (320 gce/kWh)"), n.message)
        let narrow = try spec("name: h\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: random\nn: 4\nfactors:\n  sector_plans.power.coal_heat_rate.target: {distribution: normal, mean: 300, sd: 5, start: 2026, full: 2030}\n")
        XCTAssertFalse(narrow.warnings.contains { $0.message.contains("only lowers") }, "\(narrow.warnings)")
        // A change over a base scenario's target that ends above it: announced's 305 plus up to 20.
        let delta = try spec("name: h\nscenarios: [SCENARIOS/announced.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.power.coal_heat_rate.delta: {range: [0, 20]}\n")
        let d = try XCTUnwrap(delta.warnings.first { $0.message.contains("only lowers") }, "\(delta.warnings)")
        XCTAssertTrue(d.message.hasPrefix("levels up to 325 gce/kWh are drawn (a change over 'announced'), above the coal fleet's heat rate in 2019"), d.message)
        XCTAssertEqual(d.line, 6)
        let down = try spec("name: h\nscenarios: [SCENARIOS/announced.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.power.coal_heat_rate.delta: {range: [-10, 10]}\n")
        XCTAssertFalse(down.warnings.contains { $0.message.contains("only lowers") }, "\(down.warnings)")
    }

    /// A tester's mixed sweep: a `.full` factor of wind over announced (which sets it) and baseline (which does not) froze
    /// baseline's wind at its 2026 level through the drawn year, 70 Mt of CO2 off in 2030, without a word. Where a base
    /// scenario leaves the lever at its baseline and no factor varies its level, the runs are that scenario's own, told
    /// at load; a start every draw of which is after the setting's first milestone is an error (every run the same).
    func testAYearFactorLeavesABaseScenarioThatDoesNotSetTheLeverAlone() throws {
        let mixed = try spec("name: m\nscenarios: [SCENARIOS/announced.yaml, SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.full: {levels: [2028, 2030]}\n")
        let w = try XCTUnwrap(mixed.warnings.first { $0.message.hasPrefix("'baseline' does not set sector_plans.power.wind and no factor varies its level") }, "\(mixed.warnings)")
        XCTAssertEqual(w.line, 5)
        let plan = try SweepPlan(spec: mixed, dataset: dataset)
        let baseline = try ScenarioLoader(dataset: dataset).load(path: SpecFixture.scenarios.appendingPathComponent("baseline.yaml").path)
        let own = try PreparedScenario(baseline, dataset: dataset).run().trajectory
        var announced: [Double] = []
        for year in [2028.0, 2030] {
            let b = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 1, factors: [year]))).run()
            for series in ["capacity_wind", "co2_gross"] {
                XCTAssertEqual(try XCTUnwrap(b.value(series, year: 2030)), try XCTUnwrap(own.value(series, year: 2030)), accuracy: 1e-9, "\(series), full \(year)")
            }
            announced.append(try wind2030(plan, [year]))
        }
        XCTAssertGreaterThan(abs(announced[0] - announced[1]), 1e-6, "the factor still moves announced's wind: \(announced)")
        // With a level factor, baseline takes the factor's setting, so no warning.
        let levels = try spec("name: m\nscenarios: [SCENARIOS/announced.yaml, SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [200, 220], start: 2026}\n  sector_plans.power.wind.full: {levels: [2028, 2030]}\n")
        XCTAssertFalse(levels.warnings.contains { $0.message.hasPrefix("'baseline' does not set") }, "\(levels.warnings)")
        let e = try specError("name: m\nscenarios: [SCENARIOS/announced.yaml, SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.start: {levels: [2026, 2027]}\n")
        XCTAssertEqual(e.line, 5)
        XCTAssertTrue(e.message.hasPrefix("every start year drawn (2026-2027) is after 2023, when the setting reaches its first milestone"), e.message)
    }

    /// Series joined by a Chinese input method's comma in `keep` read as one name: the error says so and suggests the list.
    func testKeepWithAFullWidthCommaIsNamed() throws {
        let e = try specError("name: k\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nkeep: [co2_gross，co2_net]\nfactors:\n  sector_plans.power.wind.target: {levels: [150, 160]}\n")
        XCTAssertEqual(e.line, 4)
        XCTAssertEqual(e.keyPath, "keep.0")
        XCTAssertTrue(e.message.hasPrefix("unknown series 'co2_gross，co2_net': YAML separates a list's items with ',', not with '，'"), e.message)
        XCTAssertEqual(e.suggestion, "keep: [co2_gross, co2_net]")
        let enumeration = try specError("name: k\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nkeep: [energy_total, co2_gross、nope]\nfactors:\n  sector_plans.power.wind.target: {levels: [150, 160]}\n")
        XCTAssertTrue(enumeration.message.contains("not with '、'"), enumeration.message)
        XCTAssertNil(enumeration.suggestion, "'nope' is no series, so no list is suggested")
    }

    /// Issue 11: fractions typed for percents are warned about in sweeps as in scenario files, with the likely values.
    func testLevelsOfAPercentLeverWrittenAsFractionsAreWarnedAbout() throws {
        let fractions = try spec("name: f\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.industry.capacity_cut.steel.target: {levels: [0.2, 0.4], start: 2022, full: 2025}\n")
        XCTAssertEqual(fractions.warnings.count, 1)
        let w = try XCTUnwrap(fractions.warnings.first)
        XCTAssertEqual(w.line, 5)
        XCTAssertEqual(w.keyPath, "factors.sector_plans.industry.capacity_cut.steel.target")
        XCTAssertTrue(w.message.contains("0.2, 0.4 %/yr look like fractions") && w.message.contains("write 20, 40"), w.message)
        let range = try spec("name: r\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.industry.capacity_cut.steel.target: {range: [0, 0.5]}\n")
        XCTAssertEqual(range.warnings.count, 1)
        // Percents as percents, and a lever in GW, are not warned about.
        let percents = try spec("name: p\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.industry.capacity_cut.steel.target: {levels: [20, 40]}\n  sector_plans.power.wind.target: {levels: [0.5, 1]}\n")
        XCTAssertEqual(percents.warnings.filter { $0.message.contains("fraction") }, [])
    }

    func testATargetFactorOnADeltaBaseSetsTheLevel() throws {
        try "name: plus40\nextends: \(Self.scenarios.path)/announced.yaml\nsector_plans: {power: {wind: {delta: 40}}}\n"
            .write(to: directory.appendingPathComponent("plus40.yaml"), atomically: true, encoding: .utf8)
        let s = try spec("name: t\nscenarios: [plus40.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [150, 200]}\n")
        let plan = try SweepPlan(spec: s, dataset: dataset)
        XCTAssertEqual(try wind2030(plan, [150]), 150, accuracy: 1e-6)
        XCTAssertEqual(try wind2030(plan, [200]), 200, accuracy: 1e-6)
    }

    func testADeltaFactorIsReachedByTheBaseSettingsFullYear() throws {
        let s = try spec("name: d\nscenarios: [SCENARIOS/announced.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.delta: {levels: [0, 40]}\n")
        let plan = try SweepPlan(spec: s, dataset: dataset)
        let r = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: [40]))).run()
        // As `{delta: 40}` in a file: announced's 2021-2030 path plus 40 ramped over the same years. Announced's wind
        // at the end of 2021 is a third of the way from 36.07 (end of 2020) to its 2023 milestone of 69.52: 47.22.
        XCTAssertEqual(try XCTUnwrap(r.value("capacity_wind", year: 2030)), 236, accuracy: 1e-6)
        XCTAssertEqual(try XCTUnwrap(r.value("capacity_wind", year: 2021)), 36.07 + (69.52 - 36.07) / 3 + 4, accuracy: 1e-3)
    }

    /// A delta factor without start and full runs as `{delta: x}` in a file: on the schedule of the base's setting
    /// (a CCUS build-out from 2026), in every series and year.
    func testADeltaFactorFollowsTheBaseSettingsScheduleAsAFileDoes() throws {
        try "name: c10\nsector_plans:\n  removals:\n    ccus: {target: 10, start: 2026, full: 2030}\n"
            .write(to: fixture.directory.appendingPathComponent("c10.yaml"), atomically: true, encoding: .utf8)
        try "name: c15\nextends: c10.yaml\nsector_plans:\n  removals:\n    ccus: {delta: 5}\n"
            .write(to: fixture.directory.appendingPathComponent("c15.yaml"), atomically: true, encoding: .utf8)
        let s = try spec("name: d\nscenarios: [c10.yaml]\ndesign: grid\nfactors:\n  sector_plans.removals.ccus.delta: {levels: [5]}\n")
        let plan = try SweepPlan(spec: s, dataset: dataset)
        let swept = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: [5]))).run()
        let file = try PreparedScenario(try ScenarioLoader(dataset: dataset).load(path: fixture.directory.appendingPathComponent("c15.yaml").path),
                                        dataset: dataset).run().trajectory
        XCTAssertEqual(try XCTUnwrap(swept.value("ccus_capacity", year: 2025)), 0)
        XCTAssertEqual(try XCTUnwrap(swept.value("ccus_capacity", year: 2030)), 15, accuracy: 1e-9)
        for name in ["ccus_capacity", "co2_gross", "co2_net"] {
            for year in 2020...2060 {
                // The sweep's rkck at 1e-6 against run's rk8pd at 1e-8.
                let expected = try XCTUnwrap(file.value(name, year: year))
                XCTAssertEqual(try XCTUnwrap(swept.value(name, year: year)), expected, accuracy: 1e-5 * max(abs(expected), 1), "\(name) \(year)")
            }
        }
    }

    /// In history mode a run that varies wind or solar is the scenario file's run with that setting: the observed
    /// capacities come first, as `run` has them. A factor at the scenario's own setting reproduces `run` in every
    /// series and year, and a delta factor moves only the years after history.
    func testARunThatVariesWindOrSolarFollowsHistoryAsRunDoes() throws {
        let (plan, expected, n) = try announcedInHistoryMode("  sector_plans.power.wind.target: {levels: [196, 250]}\n  sector_plans.power.solar.delta: {levels: [0, 40]}\n")
        let same = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: [196, 0]))).run()
        for name in ["capacity_wind", "capacity_solar", "co2_gross", "energy_total"] {
            for (year, v) in zip(expected.years, expected.series(name)) {
                XCTAssertEqual(same.value(name, year: year)!, v, accuracy: 1e-9 * max(abs(v), 1), "\(name) \(year)")
            }
        }
        let more = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: [250, 40]))).run()
        for year in expected.years where year <= n {
            XCTAssertEqual(more.value("co2_gross", year: year)!, expected.value("co2_gross", year: year)!, accuracy: 1e-9 * 1000, "\(year) is history")
        }
        XCTAssertEqual(more.value("capacity_wind", year: 2030)!, 250, accuracy: 1e-6)
        XCTAssertEqual(more.value("capacity_solar", year: 2030)!, expected.value("capacity_solar", year: 2030)! + 40, accuracy: 1e-6)
    }

    /// In history mode a dataset factor that moves the wind trend (its build rate) leaves the observed years and the
    /// scenario's own later milestones where `run` has them: wind and solar are merged again in that run.
    func testADatasetFactorUnderTheObservedCapacitiesKeepsThemInHistoryMode() throws {
        let (plan, expected, _) = try announcedInHistoryMode("  power.wind_build_rate: {levels: [9]}\n")
        let r = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: [9]))).run()
        for year in [2020, 2025, 2026, 2030] {
            XCTAssertEqual(r.value("capacity_wind", year: year)!, expected.value("capacity_wind", year: year)!, accuracy: 1e-6, "\(year)")
        }
    }

    /// In history mode a level below the observed capacity is not a teardown: it is raised to it, and said so.
    func testLevelsBelowTheObservedCapacityAreSaidToBeRaisedInHistoryMode() throws {
        let history = try dataset.inHistoryMode(datasetPath: nil)
        let url = directory.appendingPathComponent("low.yaml")
        try "name: l\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [80, 140], start: 2021, full: 2030}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let spec = try SweepSpecLoader(dataset: history).load(path: url.path)
        XCTAssertEqual(spec.warnings.map(\.message), ["levels below 127.6283 GW, the capacity observed at the end of 2025 (history mode), are raised to it: those runs all run at 127.6283 GW, and store it as their level"])
        let plan = try SweepPlan(spec: spec, dataset: history)
        let r = try Simulation(model: CarbonModel(parameters: plan.parameters(scenario: 0, factors: [80]))).run()
        XCTAssertEqual(r.value("capacity_wind", year: 2030)!, 127.6283, accuracy: 1e-4)
    }

    /// Levels of a build-out lever below what the base has installed when its move starts are told at load: those
    /// runs take capacity down and are stored as failed.
    func testLevelsBelowInstalledCapacityAreWarnedAboutAtLoad() throws {
        let s = try spec("name: b\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [20, 100], start: 2021, full: 2030}\n")
        let w = try XCTUnwrap(s.warnings.first)
        XCTAssertEqual(w.line, 5)
        XCTAssertTrue(w.message.hasPrefix("levels below 36.07 GW, what 'baseline' has installed"), w.message)
        XCTAssertTrue(try spec("name: a\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [40, 100], start: 2021, full: 2030}\n").warnings.isEmpty)
    }

    /// A wind level reached by the end of the last observed year in history mode changes nothing (the observed
    /// capacity replaces it): told at load, as `run` tells the milestones it replaces.
    func testAWindLevelReachedInTheObservedYearsIsToldInHistoryMode() throws {
        let history = try dataset.inHistoryMode(datasetPath: nil)
        func warnings(_ full: Int) throws -> [String] {
            let url = directory.appendingPathComponent("h\(full).yaml")
            try "name: h\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [150, 300], start: 2021, full: \(full)}\n"
                .write(to: url, atomically: true, encoding: .utf8)
            return try SweepSpecLoader(dataset: history).load(path: url.path).warnings.map(\.message)
        }
        let early = try warnings(2024)
        XCTAssertTrue(early.contains { $0.contains("reached at the end of 2024") && $0.contains("follows the observed capacity through 2025")
                                       && $0.contains("every run is the same") }, "\(early)")
        XCTAssertFalse(try warnings(2030).contains { $0.contains("follows the observed capacity") })
        // A delta factor on a lever the base leaves at its trend is reached by the trend setting's year: told too.
        let url = directory.appendingPathComponent("delta.yaml")
        try "name: d\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.power.wind.delta: {range: [-20, 60]}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let delta = try SweepSpecLoader(dataset: history).load(path: url.path).warnings.map(\.message)
        XCTAssertTrue(delta.contains { $0.hasPrefix("the drawn change is reached at the end of") && $0.contains("every run is the same") }, "\(delta)")
        try "name: d\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: lhs\nn: 4\nfactors:\n  sector_plans.power.wind.delta: {range: [-20, 60], start: 2026, full: 2030}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        XCTAssertFalse(try SweepSpecLoader(dataset: history).load(path: url.path).warnings.contains { $0.message.contains("every run is the same") })
    }

    /// A normal distribution on a build-out lever: how often a draw falls below what is installed is told at load,
    /// as for a range that reaches below it.
    func testNormalDrawsBelowInstalledCapacityAreWarnedAboutAtLoad() throws {
        let s = try spec("name: n\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: random\nn: 10\nfactors:\n  sector_plans.power.wind.target: {distribution: normal, mean: 40, sd: 5, start: 2021, full: 2030}\n")
        let w = try XCTUnwrap(s.warnings.first { $0.message.contains("of the draws fall below 36.07 GW") }, "\(s.warnings.map(\.message))")
        // P(N(40, 5) < 36.07) = 21.6 %.
        XCTAssertTrue(w.message.hasPrefix("about 21.6 % of the draws"), w.message)
        XCTAssertFalse(try spec("name: m\nscenarios: [SCENARIOS/baseline.yaml]\ndesign: random\nn: 10\nfactors:\n  sector_plans.power.wind.target: {distribution: normal, mean: 100, sd: 5, start: 2021, full: 2030}\n")
            .warnings.contains { $0.message.contains("of the draws fall below") })
    }

    /// In history mode a wind or solar draw below the observed capacity, on a setting that began in the observed years,
    /// is raised to it: the load warning says so (not that those runs fail), and a run stores the level it ran, not the
    /// one drawn. On a setting that starts after them it is a teardown: those runs fail, said at load.
    func testDrawsBelowTheObservedCapacityRunAndAreStoredRaised() throws {
        let history = try dataset.inHistoryMode(datasetPath: nil)
        let last = try XCTUnwrap(history.history?.lastObservedYear)
        let gridURL = directory.appendingPathComponent("grid.yaml")
        try "name: g\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.solar.target: {levels: [10, 300], start: 2021, full: 2030}\n"
            .write(to: gridURL, atomically: true, encoding: .utf8)
        let plan = try SweepPlan(spec: try SweepSpecLoader(dataset: history).load(path: gridURL.path), dataset: history)
        let p = try PreparedScenario(ScenarioLoader(dataset: history).load(path: Self.scenarios.appendingPathComponent("baseline.yaml").path), dataset: history).parameters
        let floor = try XCTUnwrap(history.history?.floor(for: Levers.solar, parameters: p))
        /// The warnings of a spec over `scenarios` read in history mode.
        func historyWarnings(_ name: String, over scenarios: [String] = ["baseline"], _ body: String) throws -> [String] {
            let url = directory.appendingPathComponent(name)
            try "name: w\nscenarios: [\(scenarios.map { "\(Self.scenarios.path)/\($0).yaml" }.joined(separator: ", "))]\n\(body)"
                .write(to: url, atomically: true, encoding: .utf8)
            return try SweepSpecLoader(dataset: history).load(path: url.path).warnings.map(\.message)
        }
        var low = [10.0], high = [300.0]
        _ = try plan.parameters(scenario: 0, effective: &low)
        _ = try plan.parameters(scenario: 0, effective: &high)
        XCTAssertEqual(low[0], floor, "stored as run: the capacity observed at the end of \(last)")
        XCTAssertEqual(high[0], 300)
        let url = directory.appendingPathComponent("normal.yaml")
        try "name: n\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: random\nn: 10\nfactors:\n  sector_plans.power.solar.target: {distribution: normal, mean: 60, sd: 30, start: 2021, full: 2030}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let warnings = try SweepSpecLoader(dataset: history).load(path: url.path).warnings.map(\.message)
        XCTAssertTrue(warnings.contains { $0.contains("below the capacity observed at the end of \(last) (history mode): those runs run at") && $0.contains("store it as their level") }, "\(warnings)")
        XCTAssertFalse(warnings.contains { $0.contains("cannot run") }, "\(warnings)")
        // From 2026: those runs take capacity down and fail, said at load; the failure does not claim a raise.
        let later = directory.appendingPathComponent("later.yaml")
        try "name: l\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.solar.target: {levels: [10, 300], start: \(last + 1), full: 2030}\n"
            .write(to: later, atomically: true, encoding: .utf8)
        let laterSpec = try SweepSpecLoader(dataset: history).load(path: later.path)
        XCTAssertTrue(laterSpec.warnings.contains { $0.message.contains("take capacity down and cannot run") }, "\(laterSpec.warnings)")
        var ten = [10.0]
        XCTAssertThrowsError(try SweepPlan(spec: laterSpec, dataset: history).parameters(scenario: 0, effective: &ten)) {
            let message = ($0 as? InputError)?.message ?? "\($0)"
            XCTAssertTrue(message.hasPrefix("a build-out target of 10 GW by the end of 2030 is below the"), message)
        }
        // A start factor drawing after N: the raised warning says those runs fail instead (a second trial's sw7), and
        // with a drawn full year the superseded-level warning no longer says every run is the same (its sw8).
        let startsWarnings = try historyWarnings("starts.yaml", "design: grid\nfactors:\n  sector_plans.power.solar.target: {levels: [10, 300], start: 2021, full: 2030}\n  sector_plans.power.solar.start: {levels: [2024, \(last + 1)]}\n")
        XCTAssertTrue(startsWarnings.contains { $0.contains("are raised to it") && $0.hasSuffix("where the drawn start is after \(last), they take capacity down instead, and those runs are stored as failed") }, "\(startsWarnings)")
        let threeWarnings = try historyWarnings("three.yaml", "design: grid\nfactors:\n  sector_plans.power.solar.target: {levels: [10, 300]}\n  sector_plans.power.solar.start: {levels: [2024, \(last + 1)]}\n  sector_plans.power.solar.full: {levels: [2029, 2030]}\n")
        XCTAssertFalse(threeWarnings.contains { $0.contains("every run is the same") }, "\(threeWarnings)")
        XCTAssertTrue(threeWarnings.contains { $0.contains("take capacity down where the drawn start is after \(last): those runs are stored as failed") }, "\(threeWarnings)")
        // Over two base scenarios, each one's floor is told (a second trial heard of announced's only).
        let floors = try historyWarnings("two.yaml", over: ["announced", "baseline"], "design: grid\nfactors:\n  sector_plans.power.wind.target: {levels: [100, 200], start: \(last + 1), full: 2030}\n")
            .filter { $0.contains("take capacity down and cannot run") }
        XCTAssertEqual(floors.map { $0.contains("what 'announced' has installed") }, [true, false], "\(floors)")
        XCTAssertTrue(floors.last?.contains("what 'baseline' has installed") ?? false, "\(floors)")
        let laterWarnings = try historyWarnings("later-normal.yaml", "design: random\nn: 10\nfactors:\n  sector_plans.power.solar.target: {distribution: normal, mean: 60, sd: 30, start: \(last + 1), full: 2030}\n")
        XCTAssertTrue(laterWarnings.contains { $0.contains("of the draws fall below") && $0.contains("cannot run") }, "\(laterWarnings)")
        // On announced, whose path has 69.33 GW at the end of 2026, the drawn level takes capacity down: the run fails,
        // and its error names the level drawn.
        // The error of a run of announced at one drawn level of `lever`.
        func runError(_ lever: String, _ level: Double) throws -> String {
            let url = directory.appendingPathComponent("path-\(lever).yaml")
            try "name: a\nscenarios: [\(Self.scenarios.path)/announced.yaml]\ndesign: grid\nfactors:\n  sector_plans.power.\(lever).target: {levels: [\(level)]}\n"
                .write(to: url, atomically: true, encoding: .utf8)
            var x = [level]
            do { _ = try SweepPlan(spec: try SweepSpecLoader(dataset: history).load(path: url.path), dataset: history).parameters(scenario: 0, effective: &x) } catch {
                return (error as? InputError)?.message ?? "\(error)"
            }
            XCTFail("no error for \(lever) at \(level)")
            return ""
        }
        let five = try runError("solar", 5)
        XCTAssertTrue(five.hasPrefix("a build-out target of 5 GW by the end of 2030 is below the 69.33 GW installed at the start of 2027"), five)
        // The error quotes the drawn level itself, so no "raised to" comes before it (a second trial read "raised to
        // 127.63", then "100 GW is below").
        let hundred = try runError("wind", 100)
        XCTAssertTrue(hundred.hasPrefix("a build-out target of 100 GW by the end of 2030 is below the 130.67 GW installed at the start of 2027"), hundred)
    }

    func testOneLeverTakesOneForm() throws {
        let e = try specError("""
            name: two
            scenarios: [SCENARIOS/baseline.yaml]
            design: grid
            factors:
              sector_plans.power.wind.target: {levels: [60, 150], start: 2021, full: 2030}
              sector_plans.power.wind.delta: {levels: [10]}
            """)
        XCTAssertEqual(e.line, 6)
        XCTAssertTrue(e.message.contains("one form"), e.message)
    }

    /// A factor varies in one way: a second form beside it (range and a normal's mean, levels and a range, a uniform's
    /// min and max with a normal's sd) would be ignored, so it is refused, every such factor at once.
    func testAFactorWithKeysOfTwoFormsIsRefused() throws {
        let e = try specError("""
            name: forms
            scenarios: [SCENARIOS/baseline.yaml]
            design: sobol
            n: 8
            factors:
              sector_plans.power.wind.target: {range: [200, 300], distribution: normal, mean: 250, sd: 10}
              economy.growth: {levels: [1, 2], range: [1, 2]}
              sector_plans.power.solar.target: {distribution: uniform, min: 100, max: 200, sd: 3}
            """)
        let all = [e] + e.others
        XCTAssertEqual(all.map(\.line), [6, 7, 8], "\(e)")
        XCTAssertTrue(all[0].message.contains("'distribution', 'mean', 'sd' do not go with range"), all[0].message)
        XCTAssertTrue(all[1].message.contains("'range' does not go with levels"), all[1].message)
        XCTAssertEqual(all[2].keyPath, "factors.sector_plans.power.solar.target.sd")
        XCTAssertEqual(all[2].accepted, "distribution: uniform with min, max (and start, full, shape for a lever)")
        // Schedule keys go with any form.
        XCTAssertNoThrow(try spec("""
            name: ok
            scenarios: [SCENARIOS/baseline.yaml]
            design: sobol
            n: 8
            factors:
              sector_plans.removals.ccus.target: {distribution: normal, mean: 20, sd: 2, start: 2026, full: 2035}
            """))
    }

    /// A start or full-effect year varied on a lever no base scenario sets, with no factor moving its level: the lever stays
    /// at its baseline and every run would be the same. Refused; with a level factor it runs.
    func testVaryingOnlyTheYearsOfALeverNothingSetsIsRefused() throws {
        let e = try specError("""
            name: years
            scenarios: [SCENARIOS/baseline.yaml]
            design: sobol
            n: 8
            factors:
              sector_plans.removals.ccus.start: {range: [2026, 2030]}
            """)
        XCTAssertEqual(e.line, 6)
        XCTAssertTrue(e.message.contains("no base scenario ('baseline') sets sector_plans.removals.ccus and no factor varies its level"), e.message)
        XCTAssertEqual(e.accepted, "also vary sector_plans.removals.ccus.target (or .delta), or sweep a base scenario that sets the lever")
        XCTAssertNoThrow(try spec("""
            name: years
            scenarios: [SCENARIOS/baseline.yaml]
            design: sobol
            n: 8
            factors:
              sector_plans.removals.ccus.start: {range: [2026, 2030]}
              sector_plans.removals.ccus.target: {range: [10, 30], full: 2035}
            """))
    }

    /// In history mode a level factor without a start, on a lever a base scenario leaves alone, moves from 2021 and so
    /// changes the observed years: warned as a scenario file warns, with the start to give; with a start, no warning.
    func testAFactorWithoutAStartIsToldItChangesTheObservedYears() throws {
        let history = try dataset.inHistoryMode(datasetPath: nil)
        let n = try XCTUnwrap(history.history?.lastObservedYear)
        func load(_ factor: String) throws -> SweepSpec {
            let url = directory.appendingPathComponent("start-\(UUID().uuidString).yaml")
            try "name: s\nscenarios: [\(Self.scenarios.path)/baseline.yaml]\ndesign: sobol\nn: 8\nfactors:\n  \(factor)\n"
                .write(to: url, atomically: true, encoding: .utf8)
            return try SweepSpecLoader(dataset: history).load(path: url.path)
        }
        let told = try load("sector_plans.power.coal_retirement.target: {range: [1, 5]}").warnings.map(\.message)
        XCTAssertTrue(told.contains { $0.hasPrefix("no start year given: where 'baseline' leaves the lever alone, it moves from 2021, inside the observed years 2020-\(n)")
                                      && $0.hasSuffix("give start: \(n + 1), full: \(n + 5)") }, "\(told)")
        let given = try load("sector_plans.power.coal_retirement.target: {range: [1, 5], start: \(n + 1), full: \(n + 5)}").warnings
        XCTAssertFalse(given.contains { $0.message.hasPrefix("no start year given") }, "\(given)")
    }
}
