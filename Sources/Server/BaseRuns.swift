import NIOConcurrencyHelpers
import Scenarios

/// Runs of served scenario files, kept by file name: every slider move draws the picked file's line
/// beside the new one, and rerunning it each time would double the work. A file edited while the server
/// runs reads as a different scenario and is run again.
final class BaseRuns: Sendable {
    private let runs = NIOLockedValueBox<[String: (scenario: Scenario, result: ScenarioResult)]>([:])

    func result(of scenario: Scenario, name: String, dataset: Dataset) throws -> ScenarioResult {
        if let kept = runs.withLockedValue({ $0[name] }), kept.scenario == scenario { return kept.result }
        let result = try PreparedScenario(scenario, dataset: dataset).run()
        runs.withLockedValue { $0[name] = (scenario, result) }
        return result
    }
}
