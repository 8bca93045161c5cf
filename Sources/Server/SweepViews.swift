import Reports
import Scenarios
import Sweeps

/// The sweep database's summaries (`--db`): fan charts, target probabilities and the sensitivity ranking,
/// drawn by the same code as `carbonsim plot fan|tornado` and `carbonsim summarize --format json`.
extension WhatIfService {
    public func sweepSummary() throws -> String {
        try SweepSummaryRenderer.json(requireSweep())
    }

    /// `series` nil: net CO2 if the sweep kept it, else the first series it kept.
    public func fan(series: String?, language l: Language) throws -> String {
        let sweep = try requireSweep()
        let kept = sweep.scenarios.first?.bands.map(\.series) ?? []
        do {
            return try ScenarioCharts.fan(sweep, series: series ?? ScenarioCharts.fanSeries(kept: kept) ?? "co2_net", scenario: nil, language: l)
        } catch let e as InputError where e.file == "--series" {
            // The page's request names the series by its query parameter, not by the command line's option.
            throw InputError(file: "series", keyPath: e.keyPath, message: e.message, accepted: e.accepted, suggestion: e.suggestion)
        }
    }

    /// `output` nil: the first output that varies across the runs (in history mode every run may peak in the same
    /// observed year at the same value, and the peak then has no sensitivity).
    public func tornado(output: String?, language l: Language) throws -> String {
        let sweep = try requireSweep()
        guard let output = output ?? Self.firstVarying(sweep) else {
            return try ScenarioCharts.tornado(sweep, output: SweepSummary.sensitivityOutputs[0], scenario: nil, language: l)
        }
        let accepted = SweepSummary.sensitivityOutputs
        guard accepted.contains(output) else {
            throw InputError(file: "output", message: "unknown output '\(output)'", accepted: accepted.joined(separator: ", "),
                             suggestion: didYouMean(output, in: accepted))
        }
        return try ScenarioCharts.tornado(sweep, output: output, scenario: nil, language: l)
    }

    static func firstVarying(_ s: SweepSummary) -> String? {
        s.scenarios.first?.sensitivity.first { $0.first.contains { $0.estimate.isFinite } }?.output
    }

    func requireSweep() throws -> SweepSummary {
        guard let sweep else {
            throw InputError(file: "--db", message: "the server was started without a sweep database", accepted: "carbonsim serve --db SWEEP.sqlite")
        }
        return sweep
    }
}
