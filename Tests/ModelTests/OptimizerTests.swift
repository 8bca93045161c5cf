import XCTest
import Analysis
import Scenarios
import Simulator

/// `carbonsim optimize` on the model: known optimum, reproduction under `run`, clear errors.
final class OptimizerTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-opt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A spec; BASE is the baseline (with its targets), PLAIN the same model without targets, DUAL the shipped
    /// enforced-dual-control scenario (energy cap 244/218/195 Mtce in 2026/2030/2035) with ladder pricing, and ANNOUNCED the
    /// announced measures.
    func spec(_ text: String) throws -> OptimizeSpec {
        let url = directory.appendingPathComponent("spec.yaml")
        try "name: plain\n".write(to: directory.appendingPathComponent("plain.yaml"), atomically: true, encoding: .utf8)
        try """
            name: dual
            extends: \(Fixtures.scenarios.appendingPathComponent("levers/dual-control.yaml").path)
            measures:
              ladder_pricing: {target: 0.05, start: 2023, full: 2025}
            """.write(to: directory.appendingPathComponent("dual.yaml"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "BASE", with: Fixtures.scenarios.appendingPathComponent("baseline.yaml").path)
            .replacingOccurrences(of: "PLAIN", with: directory.appendingPathComponent("plain.yaml").path)
            .replacingOccurrences(of: "DUAL", with: directory.appendingPathComponent("dual.yaml").path)
            .replacingOccurrences(of: "ANNOUNCED", with: Fixtures.scenarios.appendingPathComponent("announced.yaml").path)
            .write(to: url, atomically: true, encoding: .utf8)
        return try OptimizeSpecLoader(dataset: Fixtures.dataset()).load(path: url.path)
    }

    /// Writes the optimum with `scenarioFile`, reads it as `run` does, and checks that it is the optimizer's
    /// scenario and reproduces its objective and margins, every target met.
    @discardableResult
    func assertOptimumReproduces(_ optimizer: LeastCostOptimizer, _ r: LeastCostOptimizer.Result,
                                 file: StaticString = #filePath, line: UInt = #line) throws -> Scenario {
        let url = directory.appendingPathComponent("optimum-\(UUID().uuidString).yaml")
        try optimizer.scenarioFile(r.best.x, name: "optimum", writtenTo: url.path).write(to: url, atomically: true, encoding: .utf8)
        let dataset = try Fixtures.dataset()
        let loaded = try ScenarioLoader(dataset: dataset).load(path: url.path)
        var expected = optimizer.scenario(r.best.x)
        expected.name = loaded.name
        expected.description = loaded.description
        expected.descriptionZH = loaded.descriptionZH
        XCTAssertEqual(loaded.with(file: expected.file), expected, "the optimum file is not the optimizer's scenario", file: file, line: line)
        let rerun = try PreparedScenario(loaded, dataset: dataset).run()
        let objective: Double
        switch optimizer.spec.objective {
        case "total_cost": objective = rerun.costs.totalDiscounted
        case "cumulative_co2": objective = rerun.indicators.cumulativeNetCO2
        case "peak_value": objective = rerun.indicators.peak.value
        default:
            let parts = optimizer.spec.objective.split(separator: "@")
            objective = try XCTUnwrap(rerun.trajectory.value(String(parts[0]), year: Int(parts[1])!))
        }
        XCTAssertEqual(objective, r.best.objective, accuracy: 1e-9 * max(abs(r.best.objective), 1), file: file, line: line)
        let margins = Constraints.margins(rerun, loaded.targets)
        XCTAssertEqual(margins.map(\.name), r.best.margins.map(\.name), file: file, line: line)
        for (m, best) in zip(margins, r.best.margins) {
            XCTAssertEqual(m.margin - LeastCostOptimizer.safety * LeastCostOptimizer.scale(m.kind), best.margin, accuracy: 1e-9,
                           m.name, file: file, line: line)
        }
        XCTAssertEqual(loaded.targets, optimizer.spec.targets, file: file, line: line)
        XCTAssertTrue(rerun.indicators.targetChecks.allSatisfy(\.passed), "\(rerun.indicators.targetChecks)", file: file, line: line)
        return loaded
    }

    /// Cost rises with wind above its baseline trend (96 GW at the end of 2030; below it wind costs nothing), so
    /// the least-cost wind meeting a peak ceiling that needs more is the smallest that meets it: what `solve` finds
    /// by bracketing. A ceiling, not a peak year: with the observed new load flat after 2025 the peak year jumps
    /// (from 2027 to 2025 near 100.7 GW), and the years that wind below the trend meets cost nothing.
    /// 1010 Mt (the baseline peaks at 1037.7 Mt without history since the imports): at 1024 the optimum is 107.8 GW and
    /// the re-solve of the target tightened to 1023 from there ended infeasible, so no marginal cost was recorded (a
    /// weakness of the local re-solve, reported); at 1010 (120.5 GW) the re-solve to 1009 succeeds.
    func testOptimumOfAOneLeverProblemIsTheSmallestFeasibleSetting() throws {
        let s = try spec("""
            scenario: PLAIN
            variables:
              sector_plans.power.wind: {range: [60, 300], start: 2021, full: 2030}
            targets:
              peak_ceiling: 1010
            starts: 2
            """)
        var optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        optimizer.maxIterations = 200
        let r = try optimizer.optimize()
        let dataset = try Fixtures.dataset()
        // 2027, not 2026: with the power group's residual following coal power, a 2026 peak needs 115 GW and an
        // earlier one jumps to 145 GW (the peak moves from late 2026 to 2025 at once), so tightening 2026 has no
        // local answer and no marginal cost.
        let solved = try LeverSolver(base: s.base, dataset: dataset, lever: LeverRegistry.lever("sector_plans.power.wind")!,
                                     setting: LeverSetting(target: 0, start: 2021, full: 2030, shape: .linear), targets: s.targets).solve()
        XCTAssertEqual(r.best.x[0], try XCTUnwrap(solved.value), accuracy: 1.0)
        XCTAssertGreaterThan(r.best.x[0], 96, "above the baseline trend, where wind costs")
        XCTAssertEqual(r.binding, ["peak_ceiling"])
        XCTAssertGreaterThan(r.marginalCosts["peak_ceiling"] ?? 0, 0, "a lower peak costs more")
        XCTAssertEqual(r.cannotTighten, [])

        // With the bound just above that setting, the ceiling cannot be tightened by the step that measures its
        // marginal cost: said, and no cost is given for it.
        let edge = try spec("""
            scenario: PLAIN
            variables:
              sector_plans.power.wind: {range: [60, \(try XCTUnwrap(solved.value) + 0.05)], start: 2021, full: 2030}
            targets:
              peak_ceiling: 1010
            starts: 1
            """)
        var tight = LeastCostOptimizer(spec: edge, dataset: dataset)
        tight.maxIterations = 200
        let e = try tight.optimize()
        XCTAssertEqual(e.binding, ["peak_ceiling"])
        XCTAssertEqual(e.cannotTighten, ["peak_ceiling"])
        XCTAssertNil(e.marginalCosts["peak_ceiling"])
    }

    func testTheWrittenOptimumReproducesItsObjectiveAndTargetsUnderRun() throws {
        let s = try spec("""
            scenario: PLAIN
            variables:
              sector_plans.power.solar: {range: [13, 200], start: 2021, full: 2030}
              sector_plans.removals.ccus: {range: [0, 80], start: 2028, full: 2040}
            targets:
              non_fossil_share: {2030: 24}
            starts: 1
            """)
        var optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        optimizer.maxIterations = 150
        let r = try optimizer.optimize()
        let loaded = try assertOptimumReproduces(optimizer, r)
        XCTAssertEqual(loaded.targets.nonFossilShare, [2030: 24])
        XCTAssertEqual(loaded.targets.peakYear, nil, "the plain base has no targets of its own")
        // Described as an optimum in both languages, not with the base's Chinese description.
        XCTAssertTrue(loaded.description.hasPrefix("Least-cost optimum of total_cost"), loaded.description)
        XCTAssertTrue(loaded.descriptionZH.contains("最优解") && loaded.descriptionZH.contains("total_cost最小化"), loaded.descriptionZH)
    }

    /// A base that sets a lever as a delta over the file it extends cannot be written standalone (the delta is a
    /// change over that file): the optimum extends that file, drops the targets the spec drops with `none`, and
    /// reproduces under `run`, the variable on the delta lever staying a delta.
    func testAnOptimumOfABaseWithADeltaExtendsTheFileTheDeltaIsOver() throws {
        let wind = "sector_plans.power.wind"
        try """
            name: plus
            extends: \(Fixtures.scenarios.appendingPathComponent("announced.yaml").path)
            sector_plans:
              power:
                wind: {delta: 40, start: 2026, full: 2030}
            """.write(to: directory.appendingPathComponent("plus.yaml"), atomically: true, encoding: .utf8)
        let s = try spec("""
            scenario: \(directory.appendingPathComponent("plus.yaml").path)
            variables:
              sector_plans.removals.ccus: {range: [0, 60], start: 2028, full: 2040}
            targets:
              neutrality_year: none
              co2_intensity_cut: {14th: none}
              peak_year: 2029
            starts: 1
            """)
        XCTAssertEqual(s.base.levers[wind]?.form, .delta)
        var optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        optimizer.maxIterations = 60
        optimizer.outerIterations = 3
        let r = try optimizer.optimize()
        let url = directory.appendingPathComponent("optimum.yaml")
        let text = try optimizer.scenarioFile(r.best.x, name: "optimum", writtenTo: url.path)
        XCTAssertTrue(text.contains("\nextends: \(Fixtures.scenarios.appendingPathComponent("announced.yaml").standardizedFileURL.resolvingSymlinksInPath().path)\n")
                      || text.contains("\nextends: ../"), text)
        XCTAssertTrue(text.contains("neutrality_year: none"), text)
        XCTAssertTrue(text.contains("wind: {delta: 40, start: 2026, full: 2030"), text)
        XCTAssertTrue(text.contains("# It extends "), text)
        let loaded = try assertOptimumReproduces(optimizer, r)
        XCTAssertEqual(loaded.targets.neutralityYear, nil)
        XCTAssertEqual(loaded.targets.peakYear, 2029)
        XCTAssertEqual(loaded.levers[wind], s.base.levers[wind])

        // A variable on the delta lever (the level its last milestone reaches, the delta included) moves the delta,
        // which stays one.
        let moved = try spec("scenario: \(directory.appendingPathComponent("plus.yaml").path)\nvariables:\n  \(wind): {range: [200, 300]}\ntargets: {neutrality_year: none}\nstarts: 1\n")
        let second = LeastCostOptimizer(spec: moved, dataset: try Fixtures.dataset())
        let written = try second.scenarioFile([250], name: "optimum", writtenTo: url.path)
        try written.write(to: url, atomically: true, encoding: .utf8)
        let again = try ScenarioLoader(dataset: try Fixtures.dataset()).load(path: url.path)
        XCTAssertEqual(again.levers[wind]?.form, .delta, written)
        XCTAssertEqual(again.levers[wind], second.scenario([250]).levers[wind], written)
        XCTAssertNotEqual(again.levers[wind], s.base.levers[wind])
    }

    /// Every spec shipped in scenarios/optimize/ (with one start and a short simplex, to keep it quick): the
    /// optimum file loads, is the optimizer's scenario, and `run` reproduces its objective and margins.
    func testTheOptimumOfEveryShippedSpecLoadsAndReproducesUnderRun() throws {
        let dir = Fixtures.scenarios.appendingPathComponent("optimize")
        let specs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertFalse(specs.isEmpty)
        let dataset = try Fixtures.dataset()
        for name in specs {
            var s = try OptimizeSpecLoader(dataset: dataset).load(path: dir.appendingPathComponent(name).path)
            s.starts = 1
            var optimizer = LeastCostOptimizer(spec: s, dataset: dataset)
            optimizer.maxIterations = 100
            optimizer.outerIterations = 3
            try assertOptimumReproduces(optimizer, optimizer.optimize())
        }
    }

    /// A base that enforces dual control keeps its energy cap (the spec's targets are laid over the base's),
    /// and the optimum file carries `measures.dual_control` where the loader reads it.
    func testABaseThatEnforcesDualControlOptimizesAndItsOptimumReproduces() throws {
        let s = try spec("""
            scenario: DUAL
            variables:
              sector_plans.power.wind: {range: [40, 300], start: 2021, full: 2030}
              sector_plans.industry.efficiency_benchmark: {range: [0, 100], start: 2021, full: 2025}
            targets:
              peak_year: 2028
              neutrality_year: none
              energy_intensity_cut: none
              co2_intensity_cut: none
              non_fossil_share: none
            starts: 1
            """)
        XCTAssertEqual(s.targets.energyCap, [2026: 244, 2030: 218, 2035: 195], "the base's cap stays")
        XCTAssertEqual(s.targets.peakYear, 2028)
        var optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        optimizer.maxIterations = 120
        optimizer.outerIterations = 4
        let r = try optimizer.optimize()
        XCTAssertTrue(r.best.feasible)
        XCTAssertTrue(r.best.margins.contains { $0.name == "energy_cap_2026" })
        let text = try optimizer.scenarioFile(r.best.x, name: "optimum", writtenTo: directory.appendingPathComponent("optimum.yaml").path)
        // Both measures under `measures`: dual control once landed under `sector_plans`.
        XCTAssertTrue(text.contains("\nmeasures:\n  ladder_pricing: {target: 0.05, start: 2023, full: 2025, shape: linear}\n  dual_control: {enforce: true}\n"), text)
        let loaded = try assertOptimumReproduces(optimizer, r)
        XCTAssertTrue(loaded.enforceDualControl)
        // The peak year's margin as `run` reports it: whole years from the peak year, not the refined time.
        let peak = try XCTUnwrap(r.best.margins.first { $0.kind == .peakYear })
        let run = try PreparedScenario(loaded, dataset: try Fixtures.dataset()).run()
        XCTAssertEqual(peak.reported, run.indicators.peakYear.map { Double(2028 - $0) })
        XCTAssertNotEqual(peak.margin, peak.reported, "the search's margin is the refined one")
    }

    /// For the lever a variable declares, the spec's start, full and shape win over the base scenario's; what
    /// the spec leaves out comes from the base's setting, else the defaults of a scenario file.
    func testTheSpecsStartFullAndShapeWinForItsVariables() throws {
        let wind = "sector_plans.power.wind", solar = "sector_plans.power.solar", ccus = "sector_plans.removals.ccus"
        let s = try spec("""
            scenario: ANNOUNCED
            variables:
              \(wind): {range: [100, 300], start: 2024, full: 2035, shape: logistic}
              \(solar): {range: [50, 200], shape: step}
              \(ccus): {range: [0, 50], start: 2030}
            targets: {peak_year: 2028, neutrality_year: none}
            """)
        // announced sets wind and solar as milestones from 2021 to 2030 (announced.yaml), linear.
        XCTAssertEqual(s.base.levers[wind], LeverSetting(form: .path, start: 2021, milestones: [
            Milestone(year: 2023, value: 69.52), Milestone(year: 2024, value: 101.35), Milestone(year: 2025, value: 111.07),
            Milestone(year: 2026, value: 130.67), Milestone(year: 2030, value: 196)]))
        // Replacing a path drops its earlier milestones: said at the variable, with how to keep the path.
        let replaced = s.warnings.filter { $0.message.contains("earlier milestones are dropped") }
        XCTAssertEqual(replaced.map(\.keyPath), ["variables.\(wind)", "variables.\(solar)"], "\(s.warnings)")
        XCTAssertTrue(replaced[0].message.hasPrefix("the variable's start, full, shape replace 'announced''s path (2023: 69.52, 2024: 101.35, 2025: 111.07, 2026: 130.67, 2030: 196) with one move from 2024 to 2035"), replaced[0].message)
        XCTAssertTrue(replaced[1].message.hasPrefix("the variable's shape replaces"), replaced[1].message)
        let optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        let scenario = optimizer.scenario([150, 80, 10])
        XCTAssertEqual(scenario.levers[wind], LeverSetting(target: 150, start: 2024, full: 2035, shape: .logistic))
        XCTAssertEqual(scenario.levers[solar], LeverSetting(target: 80, start: 2021, full: 2030, shape: .step))
        XCTAssertEqual(scenario.levers[ccus], LeverSetting(target: 10, start: 2030, full: 2030, shape: .linear))
        XCTAssertEqual(scenario.levers["sector_plans.power.coal_heat_rate"], s.base.levers["sector_plans.power.coal_heat_rate"])
        // And so in the optimum file.
        let url = directory.appendingPathComponent("optimum.yaml")
        try optimizer.scenarioFile([150, 80, 10], name: "optimum", writtenTo: url.path).write(to: url, atomically: true, encoding: .utf8)
        let loaded = try ScenarioLoader(dataset: try Fixtures.dataset()).load(path: url.path)
        XCTAssertEqual(loaded.levers[wind], scenario.levers[wind])
        // A start after the base's full-effect year needs its own full.
        XCTAssertThrowsError(try spec("scenario: ANNOUNCED\nvariables:\n  \(wind): {range: [100, 300], start: 2032}\ntargets: {peak_year: 2028}\n")) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.line, 3, "\($0)")
            XCTAssertEqual(e?.keyPath, "variables.\(wind).start")
            XCTAssertEqual(e?.accepted, "full: 2032 to 2060")
            XCTAssertTrue(e?.message.contains("the base scenario's") ?? false, "\($0)")
        }
    }

    /// The spec's targets are laid over the base scenario's: an entry replaces the same kind and year or
    /// period, `none` drops one, the rest stays.
    func testTheSpecsTargetsAreLaidOverTheBaseScenarios() throws {
        let s = try spec("""
            scenario: BASE
            variables:
              sector_plans.power.wind: {range: [60, 300]}
            targets:
              peak_year: 2026
              non_fossil_share: {2030: 30}
              energy_intensity_cut: none
              co2_intensity_cut: {14th: none}
            """)
        var expected = Targets()
        expected.peakYear = 2026
        expected.neutralityYear = 2060
        expected.nonFossilShare = [2025: 18, 2030: 30]
        XCTAssertEqual(s.targets, expected)
        XCTAssertThrowsError(try spec("scenario: BASE\nvariables:\n  sector_plans.power.wind: {range: [60, 300]}\ntargets:\n  neutrality_year: never\n")) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.line, 5)
            XCTAssertEqual(e?.keyPath, "targets.neutrality_year")
            XCTAssertTrue(e?.accepted?.contains("none (drops the base scenario's target)") ?? false, "\($0)")
        }
        // Enforced dual control cannot lose its cap.
        XCTAssertThrowsError(try spec("scenario: DUAL\nvariables:\n  sector_plans.power.wind: {range: [60, 300]}\ntargets:\n  energy_cap: none\n")) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.keyPath, "targets")
            XCTAssertTrue(e?.message.contains("enforces dual control") ?? false, "\($0)")
            XCTAssertEqual(e?.accepted, "targets.energy_cap with at least one year, for example {2025: 250}")
        }
    }

    /// A spec on the baseline with one wind variable, `wind` its flow mapping; its path.
    func windSpec(_ wind: String) throws -> String {
        let url = directory.appendingPathComponent("wind-\(UUID().uuidString).yaml")
        try "scenario: \(Fixtures.scenarios.appendingPathComponent("baseline.yaml").path)\nvariables:\n  sector_plans.power.wind: \(wind)\n"
            .write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A target of an observed year that every variable leaves alone is reported, not constrained: wind follows the
    /// observed capacity through 2025 whatever its start, a heat-rate move starting in 2024 acts in 2025, and peak
    /// targets and runs without history are never fixed.
    func testATargetHistoryFixesIsNotAConstraint() throws {
        let history = try Fixtures.dataset().inHistoryMode(datasetPath: nil)
        let windOnly = try OptimizeSpecLoader(dataset: history).load(path: try windSpec("{range: [130, 300], start: 2021, full: 2030}"))
        func margin(_ kind: TargetCheck.Kind, _ year: Int) -> Constraints.Margin {
            Constraints.Margin(name: "\(kind.rawValue)_\(year)", kind: kind, year: year, margin: -1, reported: -1)
        }
        let optimizer = LeastCostOptimizer(spec: windOnly, dataset: history)
        XCTAssertTrue(optimizer.fixedByHistory(margin(.co2IntensityCut, 2025)))
        XCTAssertFalse(optimizer.fixedByHistory(margin(.co2IntensityCut, 2030)))
        XCTAssertFalse(optimizer.fixedByHistory(margin(.peakYear, 2024)), "a peak is a whole-run target")
        XCTAssertFalse(LeastCostOptimizer(spec: windOnly, dataset: try Fixtures.dataset()).fixedByHistory(margin(.co2IntensityCut, 2025)),
                       "without history the wind move acts from 2021")
        let url = directory.appendingPathComponent("heat-\(UUID().uuidString).yaml")
        try "scenario: \(Fixtures.scenarios.appendingPathComponent("baseline.yaml").path)\nvariables:\n  sector_plans.power.wind: {range: [130, 300], start: 2026, full: 2030}\n  sector_plans.power.coal_heat_rate: {range: [280, 320], start: 2024, full: 2025}\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let both = LeastCostOptimizer(spec: try OptimizeSpecLoader(dataset: history).load(path: url.path), dataset: history)
        XCTAssertFalse(both.fixedByHistory(margin(.co2IntensityCut, 2025)), "the heat rate acts in 2024-2025")
        XCTAssertTrue(both.fixedByHistory(margin(.nonFossilShare, 2023)))
    }

    /// In history mode a variable's lower bound is checked against what history's schedule has installed (the
    /// observed capacity first), not against the run without history.
    func testInHistoryModeALowerBoundBelowTheObservedCapacityIsAnError() throws {
        let history = try Fixtures.dataset().inHistoryMode(datasetPath: nil)
        let path = try windSpec("{range: [70, 300], start: 2026, full: 2030}")
        XCTAssertThrowsError(try OptimizeSpecLoader(dataset: history).load(path: path)) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.line, 3)
            XCTAssertTrue(e?.message.contains("below 127.628347 GW, the least the setting's last milestone (2030) may reach without taking capacity down: what is installed when its move starts, or more where a delta or step over a rising path would dip first (history mode") ?? false, "\($0)")
        }
        XCTAssertNoThrow(try OptimizeSpecLoader(dataset: try Fixtures.dataset()).load(path: path), "without history 70 is above what is installed")
    }

    /// A move that starts in the observed years is raised to the observed capacity by `run` (with a warning), so a
    /// lower bound below it is refused for that reason, not for "what is installed when its move starts" (37 GW in 2021).
    func testALowerBoundOnAMoveStartingInTheObservedYearsNamesTheObservedCapacity() throws {
        let history = try Fixtures.dataset().inHistoryMode(datasetPath: nil)
        XCTAssertThrowsError(try OptimizeSpecLoader(dataset: history).load(path: try windSpec("{range: [100, 300], start: 2021, full: 2030}"))) {
            let e = $0 as? InputError
            XCTAssertEqual(e?.line, 3)
            XCTAssertEqual(e?.message, "the lower bound 100 GW is below 127.628347 GW, the capacity observed at the end of 2025: the move starts in 2021, within the observed years (history mode), so a lower level is raised to it and every level from 100 to 127.628347 GW runs alike; give a lower bound of at least 127.628347 GW")
            XCTAssertEqual(e?.accepted, "127.628347 to 1000 GW")
        }
        XCTAssertNoThrow(try OptimizeSpecLoader(dataset: history).load(path: try windSpec("{range: [127.7, 300], start: 2021, full: 2030}")))
    }

    /// In history mode a variable with a schedule of its own replaces the base's setting, history included
    /// (announced's storage moves in 2024-2025): told at load, as `run` tells it; a variable that keeps the base's
    /// setting (no start, full or shape) is not.
    func testAVariableThatReplacesTheBasesObservedYearsIsTold() throws {
        let history = try Fixtures.dataset().inHistoryMode(datasetPath: nil)
        let announced = Fixtures.scenarios.appendingPathComponent("announced.yaml").path
        func warnings(_ variable: String) throws -> [String] {
            let url = directory.appendingPathComponent("storage-\(UUID().uuidString).yaml")
            try "scenario: \(announced)\nvariables:\n  sector_plans.power.storage: \(variable)\n".write(to: url, atomically: true, encoding: .utf8)
            return try OptimizeSpecLoader(dataset: history).load(path: url.path).warnings.map(\.message)
        }
        let own = try warnings("{range: [4.09, 100], start: 2026, full: 2030}")
        XCTAssertTrue(own.contains { $0.contains("replaces the base scenario's setting of this lever, which moves from 2024, at or before 2025")
                                     && $0.contains("Leave out start, full and shape") }, "\(own)")
        XCTAssertFalse(try warnings("{range: [4.09, 100]}").contains { $0.contains("replaces the base scenario's setting") })
    }

    /// Fractions typed for percents in a spec are warned about at their line and key, like a scenario's:
    /// a target, and the bounds of a percent lever; the base scenario's own warnings come first, once.
    func testFractionsInASpecAreWarnedAboutAtTheirLine() throws {
        try """
            name: frac
            sector_plans: {industry: {efficiency_benchmark: 0.5}}
            """.write(to: directory.appendingPathComponent("frac.yaml"), atomically: true, encoding: .utf8)
        let s = try spec("""
            scenario: \(directory.appendingPathComponent("frac.yaml").path)
            variables:
              sector_plans.power.wind: {range: [60, 300]}
              sector_plans.industry.capacity_cut.steel: {range: [0.01, 0.05]}
            targets:
              non_fossil_share: {2030: 0.3}
              co2_intensity_cut: {15th: 17}
            """)
        XCTAssertEqual(s.warnings.map(\.keyPath), ["sector_plans.industry.efficiency_benchmark",
                                                   "variables.sector_plans.industry.capacity_cut.steel.range", "targets.non_fossil_share.2030"])
        XCTAssertEqual(s.warnings.map(\.line), [2, 4, 6])
        XCTAssertTrue(s.warnings[1].message.contains("write 1, 5"), s.warnings[1].message)
        XCTAssertTrue(s.warnings[2].description.hasSuffix("so if you meant 30 %, write 30"), s.warnings[2].description)
        XCTAssertTrue(try spec("scenario: BASE\nvariables:\n  sector_plans.power.wind: {range: [60, 300]}\n").warnings.isEmpty)
    }

    func testInfeasibleTargetsAndBadBoundsAreClearErrors() throws {
        let s = try spec("""
            scenario: PLAIN
            variables:
              sector_plans.power.wind: {range: [40, 60], start: 2021, full: 2030}
            targets:
              peak_year: 2022
            starts: 1
            """)
        var optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        optimizer.maxIterations = 40
        optimizer.outerIterations = 2
        XCTAssertThrowsError(try optimizer.optimize()) { error in
            let e = error as? InputError
            XCTAssertTrue(e?.message.contains("no lever mix within the bounds meets every target") ?? false, "\(error)")
            XCTAssertTrue(e?.message.contains("peak_year") ?? false)
        }
        XCTAssertThrowsError(try spec("scenario: BASE\nvariables:\n  sector_plans.power.wind: {range: [200, 100]}\ntargets: {peak_year: 2026}\n")) {
            XCTAssertEqual(($0 as? InputError)?.accepted, "[low, high] with low < high")
        }
        XCTAssertThrowsError(try spec("scenario: BASE\nvariables:\n  sector_plans.power.wnd: {range: [1, 2]}\ntargets: {peak_year: 2026}\n")) {
            XCTAssertEqual(($0 as? InputError)?.suggestion, "sector_plans.power.wind")
        }
        XCTAssertThrowsError(try spec("scenario: BASE\nobjective: beauty\nvariables:\n  sector_plans.power.wind: {range: [60, 100]}\n"))
    }
}
