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

    @Option(name: .long, help: "Output format: markdown (also for table: the summary's tables are markdown), csv, json or xlsx (an Excel workbook; needs --output FILE.xlsx).")
    var format: ReportFormat = .markdown

    @Option(name: [.short, .long], help: "Write to this file instead of printing (required for xlsx).")
    var output: String?

    @Option(name: .long, help: "Bootstrap resamples for the Sobol index intervals (10 to 100000).")
    var bootstrap: Int = SweepSummary.defaultBootstrap

    @Option(name: .long, parsing: .upToNextOption, help: "Years of the percentile tables (default: the plan-period ends 2025, 2030, 2035 …).")
    var years: [Int] = []

    @Flag(name: .long, help: "Percentile tables for every year (JSON has every year unless --years is given).")
    var allYears = false

    @OptionGroup var presentation: PresentationOptions

    /// Which dataset the sweep ran on, to name its region (the embedded one by default).
    @OptionGroup var data: DatasetOptions

    func validate() throws {
        let zh = presentation.lang == .zh
        try checkBootstrap(bootstrap, zh: zh)
        guard years.isEmpty || !allYears else { throw ValidationError(zh ? "--years 与 --all-years 只能给一个" : "give --years or --all-years, not both") }
    }

    func run() throws {
        try reportingErrors(presentation.lang) {
            let workbook = try checkWorkbookOutput(format: format, output: output)
            if let output, workbook == nil { try checkOutputFile(output, option: "--output") }
            let store = try ResultStore(existing: db, readOnly: true)
            let summary = try SweepSummary(store: store, series: series.isEmpty ? nil : series, bootstrap: bootstrap)
            let provenance = try data.provenance(of: store)
            let kept = store.years
            for y in years where !kept.contains(y) {
                throw InputError(file: "--years", keyPath: "years", message: "the sweep has no year \(y)",
                                 accepted: "\(kept.first ?? 0) to \(kept.last ?? 0)")
            }
            if let workbook {
                var metadata = try WorkbookMetadata(sweep: store, command: commandLineForMetadata)
                if let provenance {
                    metadata.region = provenance.region
                    metadata.regionZH = provenance.regionZH
                    metadata.datasetFile = provenance.dataset
                }
                return try writeWorkbook(SummaryWorkbook.build(summary, metadata: metadata, language: presentation.lang, units: presentation.unitSystem), to: workbook,
                                         title: "carbonsim summarize: \(summary.name)", language: presentation.lang)
            }
            let shown: [Int]? = allYears ? kept : years.isEmpty ? nil : years
            let options = SweepSummaryRenderer.Options(language: presentation.lang, units: presentation.unitSystem, years: shown, provenance: provenance)
            let text: String
            switch format {
            case .csv: text = SweepSummaryRenderer.csv(summary, options: options, bom: presentation.csvBOM)
            case .json: text = try SweepSummaryRenderer.json(summary, years: years.isEmpty ? nil : years, provenance: provenance)
            default: text = SweepSummaryRenderer.markdown(summary, options: options)
            }
            guard let output else { return print(text, terminator: "") }
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
    }
}

/// `--bootstrap` within `SweepSummary.bootstrapRange` (summarize, plot tornado).
func checkBootstrap(_ bootstrap: Int, zh: Bool) throws {
    let r = SweepSummary.bootstrapRange
    guard r.contains(bootstrap) else {
        throw ValidationError(zh ? "--bootstrap 须为 \(r.lowerBound) 到 \(r.upperBound)，现为 \(bootstrap)"
                                 : "--bootstrap must be \(r.lowerBound) to \(r.upperBound), is \(bootstrap)")
    }
}
