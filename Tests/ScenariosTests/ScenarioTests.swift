import XCTest
@testable import Scenarios
import Simulator

final class ScenarioTests: XCTestCase {
    /// An extended file is named from where the command runs: beside the extending file's name, `.` and `name/..`
    /// taken out, a leading `..` kept.
    func testAnExtendedFileIsNamedBesideTheExtendingOne() {
        XCTAssertEqual(ScenarioLoader.joined("scenarios/forms", "../announced.yaml"), "scenarios/announced.yaml")
        XCTAssertEqual(ScenarioLoader.joined("t", "./c10.yaml"), "t/c10.yaml")
        XCTAssertEqual(ScenarioLoader.joined("../t", "c10.yaml"), "../t/c10.yaml")
        XCTAssertEqual(ScenarioLoader.joined("/tmp/s", "../x.yaml"), "/tmp/x.yaml")
        XCTAssertEqual(ScenarioLoader.joined("a", "../../x.yaml"), "../x.yaml")
    }

    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    func testEveryShippedScenarioFileValidatesAndRuns() throws {
        let dataset = try Dataset.innerMongolia()
        let loader = ScenarioLoader(dataset: dataset)
        let files = FileManager.default.enumerator(at: Self.scenarios, includingPropertiesForKeys: nil)!
            .compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".yaml") && !$0.contains("/sweeps/") && !$0.contains("/optimize/") }
        XCTAssertGreaterThanOrEqual(files.count, 13)
        for file in files {
            let s = try loader.load(path: file)
            let result = try PreparedScenario(s, dataset: dataset).run()
            XCTAssertEqual(result.trajectory.years.first, 2019)
            XCTAssertEqual(result.trajectory.years.last, 2060)
        }
    }

    func testExtendsInheritsAndOverrides() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        let accelerated = try loader.load(path: Self.scenarios.appendingPathComponent("accelerated.yaml").path)
        // From announced (its parent): the steel cap; from baseline (grandparent): the non-fossil targets.
        XCTAssertEqual(accelerated.levers["sector_plans.industry.capacity_cap.steel"]?.target, 36)
        XCTAssertEqual(accelerated.targets.nonFossilShare[2030], 25)
        // Overridden here.
        XCTAssertEqual(accelerated.targets.peakYear, 2028)
        XCTAssertEqual(accelerated.levers["sector_plans.power.wind"]?.target, 350)
        XCTAssertEqual(accelerated.name, "accelerated")
    }

    func testLeverFamilyFilesEachSetOneFamily() throws {
        let loader = ScenarioLoader(dataset: try Dataset.innerMongolia())
        let dir = Self.scenarios.appendingPathComponent("levers")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        var families = Set<String>()
        for file in files where file != "dual-control.yaml" {
            let s = try loader.load(path: dir.appendingPathComponent(file).path)
            XCTAssertEqual(s.families.count, 1, "\(file) sets \(s.families)")
            families.formUnion(s.families)
        }
        XCTAssertEqual(families, Set(LeverRegistry.all.map(\.family)), "every lever family has an attribution file")
    }

    func testDefaultScenariosAreEmbedded() throws {
        let defaults = try DefaultScenarios.load(dataset: Dataset.innerMongolia())
        XCTAssertEqual(defaults.map(\.name), ["baseline", "announced"])
        XCTAssertFalse(defaults[1].levers.isEmpty)
    }

    func testAssumptionsOverrideDatasetValues() throws {
        let dataset = try Dataset.innerMongolia()
        var s = Scenario(name: "x", file: "x")
        s.assumptions["products.steel.base_output"] = 30
        s.assumptions["products.steel.demand_index"] = 1.1  // a number on a series scales it
        let p = try PreparedScenario(s, dataset: dataset).parameters
        XCTAssertEqual(p.product(.steel).baseOutput, 30)
        XCTAssertEqual(p.demand[Product.steel.rawValue].index[1], 1.15 * 1.1, accuracy: 1e-12)
    }

    func testSettingALeverAtItsBaselineChangesNothing() throws {
        let dataset = try Dataset.innerMongolia()
        let base = try PreparedScenario(Scenario(name: "b", file: "b"), dataset: dataset).run().trajectory.series("co2_gross")
        var s = Scenario(name: "x", file: "x")
        s.levers["sector_plans.power.coal_heat_rate"] = LeverSetting(target: 320, start: 2022, full: 2025, shape: .linear)
        s.levers["sector_plans.industry.fly_ash_alumina"] = LeverSetting(target: 0.2, start: 2022, full: 2025, shape: .linear)
        let same = try PreparedScenario(s, dataset: dataset).run().trajectory.series("co2_gross")
        for (a, b) in zip(base, same) { XCTAssertEqual(a, b, accuracy: 1e-6 * a) }
    }
}
