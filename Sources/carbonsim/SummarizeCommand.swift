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

    @Option(name: .long, help: "Output format: markdown, csv, json or xlsx (an Excel workbook; needs --output FILE.xlsx).")
    var format: ReportFormat = .markdown

    @Option(name: [.short, .long], help: "Write to this file instead of printing (required for xlsx).")
    var output: String?

    @Option(name: .long, help: "Label language of the workbook: en or zh.")
    var lang: Language = .en

    @Option(name: .long, help: "Bootstrap resamples for the Sobol index intervals.")
    var bootstrap: Int = 500

    func validate() throws {
        guard format != .table else {
            throw ValidationError("--format must be markdown, csv, json or xlsx")
        }
        guard bootstrap >= 10 else { throw ValidationError("--bootstrap must be at least 10") }
    }

    func run() throws {
        try reportingErrors {
            let workbook = try checkWorkbookOutput(format: format, output: output)
            if let output, workbook == nil { try checkOutputFile(output, option: "--output") }
            let store = try ResultStore(existing: db)
            let summary = try SweepSummary(store: store, series: series.isEmpty ? nil : series, bootstrap: bootstrap)
            if let workbook {
                let metadata = try WorkbookMetadata(sweep: store, command: commandLineForMetadata)
                return try writeWorkbook(SummaryWorkbook.build(summary, metadata: metadata, language: lang), to: workbook,
                                         title: "carbonsim summarize: \(summary.name)")
            }
            let text: String
            switch format {
            case .csv: text = SweepSummaryRenderer.csv(summary)
            case .json: text = try SweepSummaryRenderer.json(summary)
            default: text = SweepSummaryRenderer.markdown(summary)
            }
            guard let output else { return print(text, terminator: "") }
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                printError("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
    }
}
