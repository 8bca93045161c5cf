import XCTest
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

    func spec(_ text: String) throws -> OptimizeSpec {
        let url = directory.appendingPathComponent("spec.yaml")
        try text.replacingOccurrences(of: "BASE", with: Fixtures.scenarios.appendingPathComponent("baseline.yaml").path)
            .write(to: url, atomically: true, encoding: .utf8)
        return try OptimizeSpecLoader(dataset: Fixtures.dataset()).load(path: url.path)
    }

    /// Cost rises with wind, so the least-cost wind meeting the peak target is the smallest that meets it:
    /// what `solve` finds by bracketing.
    func testOptimumOfAOneLeverProblemIsTheSmallestFeasibleSetting() throws {
        let s = try spec("""
            scenario: BASE
            variables:
              sector_plans.power.wind: {range: [60, 300], start: 2021, full: 2030}
            targets:
              peak_year: 2026
            starts: 2
            """)
        var optimizer = LeastCostOptimizer(spec: s, dataset: try Fixtures.dataset())
        optimizer.maxIterations = 200
        let r = try optimizer.optimize()
        let dataset = try Fixtures.dataset()
        let solved = try LeverSolver(base: s.base, dataset: dataset, lever: LeverRegistry.lever("sector_plans.power.wind")!,
                                     setting: LeverSetting(target: 0, start: 2021, full: 2030, shape: .linear), targets: s.targets).solve()
        XCTAssertEqual(r.best.x[0], try XCTUnwrap(solved.value), accuracy: 1.0)
        XCTAssertEqual(r.binding, ["peak_year"])
        XCTAssertGreaterThan(r.marginalCosts["peak_year"] ?? 0, 0, "an earlier peak costs more")
    }

    func testTheWrittenOptimumReproducesItsObjectiveAndTargetsUnderRun() throws {
        let s = try spec("""
            scenario: BASE
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
        let file = directory.appendingPathComponent("optimum.yaml")
        try optimizer.scenarioFile(r.best.x, name: "optimum").write(to: file, atomically: true, encoding: .utf8)
        let dataset = try Fixtures.dataset()
        let rerun = try PreparedScenario(ScenarioLoader(dataset: dataset).load(path: file.path), dataset: dataset).run()
        XCTAssertEqual(rerun.costs.totalDiscounted, r.best.objective, accuracy: 1e-9 * max(r.best.objective, 1))
        XCTAssertEqual(rerun.indicators.targetChecks.count, 1)
        XCTAssertTrue(rerun.indicators.targetChecks.allSatisfy(\.passed))
    }

    func testInfeasibleTargetsAndBadBoundsAreClearErrors() throws {
        let s = try spec("""
            scenario: BASE
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
