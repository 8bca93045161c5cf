import ArgumentParser
import Reports
import Scenarios
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

    @Option(name: .long, parsing: .upToNextOption, help: "Years of the percentile tables (default: the plan-period ends 2025, 2030, 2035 …).")
    var years: [Int] = []

    @Flag(name: .long, help: "Percentile tables for every year (JSON has every year unless --years is given).")
    var allYears = false

    @OptionGroup var presentation: PresentationOptions

    func validate() throws {
        guard ["markdown", "csv", "json"].contains(format) else {
            throw ValidationError("--format must be markdown, csv or json")
        }
        guard bootstrap >= 10 else { throw ValidationError("--bootstrap must be at least 10") }
        guard years.isEmpty || !allYears else { throw ValidationError("give --years or --all-years, not both") }
    }

    func run() throws {
        try reportingErrors {
            let store = try ResultStore(existing: db)
            let summary = try SweepSummary(store: store, series: series.isEmpty ? nil : series, bootstrap: bootstrap)
            let kept = store.years
            for y in years where !kept.contains(y) {
                throw InputError(file: "--years", keyPath: "years", message: "the sweep has no year \(y)",
                                 accepted: "\(kept.first ?? 0) to \(kept.last ?? 0)")
            }
            let shown: [Int]? = allYears ? kept : years.isEmpty ? nil : years
            let options = SweepSummaryRenderer.Options(language: presentation.lang, units: presentation.unitSystem, years: shown)
            switch format {
            case "csv": print(SweepSummaryRenderer.csv(summary, options: options, bom: presentation.csvBOM), terminator: "")
            case "json": print(try SweepSummaryRenderer.json(summary, years: years.isEmpty ? nil : years), terminator: "")
            default: print(SweepSummaryRenderer.markdown(summary, options: options), terminator: "")
            }
        }
    }
}
