import XCTest
import Analysis
import Scenarios
import Simulator

/// `solve` against a brute-force scan of the same lever.
final class SolverTests: XCTestCase {
    func solver(_ target: String, lever path: String) throws -> LeverSolver {
        let dataset = try Fixtures.dataset()
        let base = try DefaultScenarios.load(dataset: dataset)[0]
        return LeverSolver(base: base, dataset: dataset, lever: try XCTUnwrap(LeverRegistry.lever(path)),
                           setting: LeverSetting(target: 0, start: 2021, full: 2030, shape: .linear),
                           targets: try TargetParser(dataset: dataset).parse(target))
    }

    func testSolveMatchesABruteForceScan() throws {
        let s = try solver("peak_year=2026", lever: "sector_plans.power.wind")
        let solution = try s.solve()
        let value = try XCTUnwrap(solution.value)
        XCTAssertGreaterThanOrEqual(solution.margin, 0)
        // The scan: the first setting on a 2 GW grid that meets the target.
        var first: Double?
        // From 40 GW: since the power side's new load and the industry side's residual joined, the answer is about
        // 82 GW, below the 100 GW the scan used to start at.
        for v in stride(from: 40.0, through: 200, by: 2) where try s.margin(at: v).margin >= 0 {
            first = v
            break
        }
        let scanned = try XCTUnwrap(first)
        XCTAssertLessThanOrEqual(value, scanned + 1e-9)
        XCTAssertGreaterThan(value, scanned - 2)
        XCTAssertLessThan(try s.margin(at: value - 0.5).margin, 0, "just below the answer the target is missed")
    }

    /// The answer is the smallest setting to the three decimals printed: a thousandth of the lever's unit below it
    /// the target is missed (a full-effect year before the target's year, where the margin moves slowly, included).
    func testTheAnswerIsTheSmallestToItsPrintedDecimals() throws {
        let dataset = try Fixtures.dataset()
        let base = try DefaultScenarios.load(dataset: dataset)[0]
        let s = LeverSolver(base: base, dataset: dataset, lever: try XCTUnwrap(LeverRegistry.lever("sector_plans.power.wind")),
                            setting: LeverSetting(target: 0, start: 2026, full: 2026, shape: .linear),
                            targets: try TargetParser(dataset: dataset).parse("non_fossil_share:2030=30"))
        let value = try XCTUnwrap(try s.solve().value)
        XCTAssertGreaterThanOrEqual(try s.margin(at: value).margin, 0)
        XCTAssertLessThan(try s.margin(at: value - 1e-3).margin, 0, "\(value)")
    }

    func testNoSettingInRangeIsSaidClearly() throws {
        let s = try solver("neutrality_year=2040", lever: "sector_plans.removals.sinks")
        let solution = try s.solve()
        XCTAssertNil(solution.value)
        XCTAssertLessThan(solution.margin, 0)
        XCTAssertEqual(solution.best, 300, "more sinks come closest")
    }

    /// `--target` is laid over the scenario's targets: enforced dual control keeps its energy cap (a
    /// scenario that validates is accepted), the cap still binds in the runs, and only the command's target is solved.
    func testAnEnforcedDualControlScenarioKeepsItsCapAndTheCapBinds() throws {
        let dataset = try Fixtures.dataset()
        let base = try ScenarioLoader(dataset: dataset).load(path: Fixtures.scenarios.appendingPathComponent("levers/dual-control.yaml").path)
        XCTAssertTrue(base.enforceDualControl)
        let goal = try TargetParser(dataset: dataset).parse("peak_year=2028")
        let solver = LeverSolver(base: base, dataset: dataset, lever: try XCTUnwrap(LeverRegistry.lever("sector_plans.power.wind")),
                                 setting: LeverSetting(target: 0, start: 2021, full: 2030, shape: .linear), targets: goal)
        XCTAssertEqual(solver.runTargets.energyCap, [2026: 244, 2030: 218, 2035: 195])
        XCTAssertEqual(solver.runTargets.peakYear, 2028, "the command's target replaces the file's peak year")
        XCTAssertEqual(solver.runTargets.neutralityYear, 2060, "the file's other targets stay")
        let solution = try solver.solve()
        let value = try XCTUnwrap(solution.value)
        XCTAssertGreaterThanOrEqual(solution.margin, 0)
        XCTAssertEqual(solution.check?.kind, .peakYear, "the margin and check are the command's target, not the cap")
        // At the answer the cap binds: output is curtailed, and without enforcement the energy total would be higher.
        let enforced = try PreparedScenario(solver.scenario(at: value), dataset: dataset).run()
        XCTAssertGreaterThan(enforced.trajectory.series("dual_control_curtailment").max() ?? 0, 0)
        var unenforced = solver.scenario(at: value)
        unenforced.enforceDualControl = false
        let free = try PreparedScenario(unenforced, dataset: dataset).run()
        XCTAssertGreaterThan(try XCTUnwrap(free.trajectory.value("energy_dual_control", year: 2030)),
                             try XCTUnwrap(enforced.trajectory.value("energy_dual_control", year: 2030)))
        XCTAssertEqual(enforced.indicators.targetChecks.filter { $0.kind == .energyCap }.count, 3, "run checks the cap too")
    }

    /// In history mode the search starts from what history's schedule has installed when the lever's last move
    /// starts: on announced's wind path (milestones 2026 and 2030) moved to start in 2027, its 2026 milestone (the
    /// observed 2025 capacity is lower); every setting searched runs, none is a teardown.
    func testInHistoryModeTheSearchStartsFromWhatHistorysScheduleHasInstalled() throws {
        let dataset = try Fixtures.dataset().inHistoryMode(datasetPath: nil)
        let announced = try ScenarioLoader(dataset: dataset).load(path: Fixtures.scenarios.appendingPathComponent("announced.yaml").path)
        var setting = try XCTUnwrap(announced.levers["sector_plans.power.wind"])
        setting.start = 2027
        let solver = LeverSolver(base: announced, dataset: dataset, lever: try XCTUnwrap(LeverRegistry.lever("sector_plans.power.wind")),
                                 setting: setting, targets: try TargetParser(dataset: dataset).parse("co2_intensity_cut:15th=40"))
        let run = try PreparedScenario(announced, dataset: dataset).run().trajectory
        XCTAssertEqual(solver.lowest, try XCTUnwrap(run.value("capacity_wind", year: 2026)), accuracy: 1e-6)
        XCTAssertGreaterThan(solver.lowest, try XCTUnwrap(run.value("capacity_wind", year: 2025)))
        let value = try XCTUnwrap(try solver.solve().value)
        XCTAssertGreaterThanOrEqual(value, solver.lowest)
    }

    func testACommandTargetReplacesOnlyTheSameKindAndYear() throws {
        let dataset = try Fixtures.dataset()
        let file = try DefaultScenarios.load(dataset: dataset)[0].targets
        let merged = file.merging(try TargetParser(dataset: dataset).parse("non_fossil_share:2030=30"))
        XCTAssertEqual(merged.nonFossilShare, [2025: 18, 2030: 30])
        XCTAssertEqual(merged.peakYear, file.peakYear)
        XCTAssertEqual(merged.energyIntensityCut, file.energyIntensityCut)
        // Solving for it measures its margin only, though the run checks all the file's targets.
        let s = try solver("non_fossil_share:2030=30", lever: "sector_plans.power.solar")
        let r = try PreparedScenario(s.scenario(at: 100), dataset: dataset).run()
        XCTAssertEqual(r.indicators.targetChecks.count, 6)
        XCTAssertEqual(Constraints.margins(r, s.targets).map(\.name), ["non_fossil_share_2030"])
        XCTAssertEqual(try s.margin(at: 100).check?.year, 2030)
    }

    func testTargetsParseWithTheSameChecksAsFiles() throws {
        let p = TargetParser(dataset: try Fixtures.dataset())
        XCTAssertEqual(try p.parse("non_fossil_share:2030=25").nonFossilShare[2030], 25)
        XCTAssertEqual(try p.parse("energy_intensity_cut:15th=14").energyIntensityCut[15], 14)
        XCTAssertThrowsError(try p.parse("peek_year=2030")) { XCTAssertEqual(($0 as? InputError)?.suggestion, "peak_year") }
        XCTAssertThrowsError(try p.parse("energy_cap:2070=200"))
        XCTAssertThrowsError(try p.parse("peak_year"))
    }
}
