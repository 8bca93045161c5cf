import NIOConcurrencyHelpers
import Scenarios

/// Runs of served scenario files, kept by file name: every slider move draws the picked file's line
/// beside the new one, and reading and running it each time would double the work. A run is reused while
/// the files it was read from (the file and its `extends:` chain) hold the same texts.
final class BaseRuns: Sendable {
    private let runs = NIOLockedValueBox<[String: (sources: [ScenarioSource], result: ScenarioResult)]>([:])

    func result(name: String, sources: [ScenarioSource], run: () throws -> ScenarioResult) throws -> ScenarioResult {
        if let kept = runs.withLockedValue({ $0[name] }), kept.sources == sources { return kept.result }
        let result = try run()
        runs.withLockedValue { $0[name] = (sources, result) }
        return result
    }
}
