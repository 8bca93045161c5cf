import Foundation
import Scenarios
import Simulator

/// Shared inputs of the model tests: the embedded dataset and the repository's scenario files.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenarios = repository.appendingPathComponent("scenarios")

    static func dataset() throws -> Dataset { try Dataset.innerMongolia() }

    static func scenarioFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: scenarios, includingPropertiesForKeys: nil)!
        return enumerator.compactMap { ($0 as? URL)?.path }.filter { $0.hasSuffix(".yaml") && !$0.contains("/sweeps/") && !$0.contains("/optimize/") }.sorted()
    }

    static func run(_ file: String, dataset: Dataset) throws -> ScenarioResult {
        let scenario = try ScenarioLoader(dataset: dataset).load(path: file)
        return try PreparedScenario(scenario, dataset: dataset).run()
    }

    static func baseline() throws -> ScenarioResult {
        try run(scenarios.appendingPathComponent("baseline.yaml").path, dataset: dataset())
    }

    /// Baseline with one lever set (file units), everything else as in the dataset.
    static func run(lever path: String, _ setting: LeverSetting, dataset: Dataset) throws -> ScenarioResult {
        var s = Scenario(name: "test", file: "test")
        s.levers[path] = setting
        return try PreparedScenario(s, dataset: dataset).run()
    }
}
