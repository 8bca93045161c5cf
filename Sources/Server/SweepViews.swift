import Reports
import Scenarios
import Sweeps

/// The sweep database's summaries (`--db`): fan charts, target probabilities and the sensitivity ranking,
/// drawn by the same code as `carbonsim plot fan|tornado` and `carbonsim summarize --format json`.
extension WhatIfService {
    public func sweepSummary() throws -> String {
        try SweepSummaryRenderer.json(requireSweep())
    }

    public func fan(series: String, language l: Language) throws -> String {
        try ScenarioCharts.fan(requireSweep(), series: series, scenario: nil, language: l)
    }

    public func tornado(output: String, language l: Language) throws -> String {
        let accepted = SweepSummary.sensitivityOutputs
        guard accepted.contains(output) else {
            throw InputError(file: "output", message: "unknown output '\(output)'", accepted: accepted.joined(separator: ", "),
                             suggestion: didYouMean(output, in: accepted))
        }
        return try ScenarioCharts.tornado(requireSweep(), output: output, scenario: nil, language: l)
    }

    func requireSweep() throws -> SweepSummary {
        guard let sweep else {
            throw InputError(file: "--db", message: "the server was started without a sweep database", accepted: "carbonsim serve --db SWEEP.sqlite")
        }
        return sweep
    }
}
