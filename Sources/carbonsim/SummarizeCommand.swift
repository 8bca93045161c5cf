import ArgumentParser
import Reports
import Sweeps

/// `carbonsim summarize`: percentile bands, target probabilities and sensitivities of a sweep.
struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarize a sweep database: percentile bands, probability of each target, Sobol indices or SRCs."
    )

    @Argument(help: "Sweep database.")
    var db: String

    @Option(name: .long, parsing: .upToNextOption, help: "Series for the percentile bands (default: all kept series).")
    var series: [String] = []

    @Option(name: .long, help: "Output format: markdown, csv or json.")
    var format: String = "markdown"

    @Option(name: .long, help: "Bootstrap resamples for the Sobol index intervals.")
    var bootstrap: Int = 500

    func validate() throws {
        guard ["markdown", "csv", "json"].contains(format) else {
            throw ValidationError("--format must be markdown, csv or json")
        }
        guard bootstrap >= 10 else { throw ValidationError("--bootstrap must be at least 10") }
    }

    func run() throws {
        try reportingErrors {
            let store = try ResultStore(existing: db)
            let summary = try SweepSummary(store: store, series: series.isEmpty ? nil : series, bootstrap: bootstrap)
            switch format {
            case "csv": print(SweepSummaryRenderer.csv(summary), terminator: "")
            case "json": print(try SweepSummaryRenderer.json(summary), terminator: "")
            default: print(SweepSummaryRenderer.markdown(summary), terminator: "")
            }
        }
    }
}
