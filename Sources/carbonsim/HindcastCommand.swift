import Analysis
import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim hindcast`: the model against what has been published since its base year.
struct HindcastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hindcast",
        abstract: "Compare the model with published observations after the base year: per quantity and year, and per quantity.",
        discussion: """
        The observations are the dataset's own file (its `observations:` key; docs/data.md gives the format) \
        or --observations FILE. Each figure is compared with the model's annual regional value or, if it covers \
        part of the year or of the region (Jan-Jun, above designated size, one grid company), kept as a lower \
        bound the model must reach, or shown only: a partial figure is never compared as if annual.

        The model is a projection: the scenario (default: the embedded announced for Inner Mongolia, the \
        baseline for other regions) run from the base year. It is not fitted to the observations yet, and the \
        output says so. With N the last observed year, years through N - 2 are "in-sample" and N - 1, N \
        "held-out". A dataset without observations still runs, and says there is nothing to compare.

        Examples: carbonsim hindcast
                  carbonsim hindcast --format markdown --chart hindcast.svg
                  carbonsim hindcast --observations my-bulletin.csv --scenario scenarios/baseline.yaml --lang zh
        """
    )

    @Option(name: .long, help: "Observations CSV file (default: the one the dataset names).") var observations: String?
    @Option(name: .long, help: "Scenario file run as the model (default: the embedded announced; baseline outside Inner Mongolia).")
    var scenario: String?
    @Option(name: .long, help: "Report format: table, markdown, csv or json.") var format: OutputFormat = .table
    @Option(name: .long, help: "Also write a chart of observed points and model lines to this SVG file.") var chart: String?
    @Option(name: .long, help: "Label language: en or zh.") var lang: Language = .en
    @OptionGroup var data: DatasetOptions

    func run() throws {
        try reportingErrors {
            if let chart { try checkOutputFile(chart, option: "--chart") }
            let dataset = try data.load()
            let observed = try ObservationSet.forDataset(dataset, datasetPath: data.dataset, override: observations,
                                                         years: ObservationSet.years(for: dataset))
            let chosen: Scenario
            if let scenario {
                chosen = try loadScenario(ScenarioLoader(dataset: dataset), scenario)
            } else {
                let defaults = try DefaultScenarios.load(dataset: dataset)
                chosen = DefaultScenarios.isHomeRegion(dataset) ? defaults.last! : defaults.first!
            }
            let result = try PreparedScenario(chosen, dataset: dataset).run()
            let hindcast = Hindcast(observations: observed, trajectory: result.trajectory, scenario: result.name, baseYear: dataset.baseYear)
            print(try HindcastRenderer.render(hindcast, format: format, language: lang), terminator: "")
            if observed == nil {
                printLine("note: \(dataset.file) names no observations file (observations: KEY); nothing to compare. Give --observations FILE.")
            }
            if let chart {
                do {
                    try write(try HindcastChart.svg(hindcast, trajectory: result.trajectory, language: lang), to: chart)
                } catch let e as ChartError {
                    printLine("note: no chart written: \(e.message)")
                }
            }
        }
    }
}
