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

        The model is the scenario (default: the embedded announced for Inner Mongolia, the baseline for other \
        regions) in history mode: it follows the observed GDP growth, exports and wind and solar capacity \
        through N, the last observed year, and is calibrated to the observed electricity consumption, total \
        generation (through the imports), product outputs, wind and solar generation and energy totals \
        (docs/model.md, "History mode"). A row whose basis says '; held back' is shown, never compared. "In-sample" rows compare every observation with that fit; \
        "held-out" rows are the leave-last-years-out check: history mode through N - 2 only, compared in N - 1 \
        and N. With --no-history the model is a projection from the base year, and years through N - 2 are \
        in-sample. A dataset without observations still runs, and says there is nothing to compare.

        Examples: carbonsim hindcast
                  carbonsim hindcast --format markdown --chart hindcast.svg
                  carbonsim hindcast --observations my-bulletin.csv --scenario scenarios/baseline.yaml --lang zh
                  carbonsim hindcast --lang zh --format xlsx --output hindcast.xlsx

        --format xlsx --output FILE.xlsx writes an Excel workbook: a row per quantity and year (observed, model, \
        error, error %, unit, basis, use, confidence, window), the summary per quantity, and a metadata sheet \
        naming the observations file. The workbook and the chart are in --units (万吨标准煤, 亿千瓦时, 万千瓦 by default under \
        --lang zh); the text, CSV and JSON reports stay in the model's units.
        """
    )

    @Option(name: .long, help: "Observations CSV file (default: the one the dataset names).") var observations: String?
    @Option(name: .long, help: "Scenario file run as the model (default: the embedded announced; baseline outside Inner Mongolia).")
    var scenario: String?
    @Option(name: .long, help: ArgumentHelp(stringLiteral: ReportFormat.help)) var format: ReportFormat = .table
    @Option(name: [.short, .long], help: "Write the report to this file instead of printing (required for xlsx).") var output: String?
    @Option(name: .long, help: "Also write a chart of observed points and model lines to this SVG file.") var chart: String?
    @OptionGroup var presentation: PresentationOptions
    var lang: Language { presentation.lang }
    @OptionGroup var data: DatasetOptions

    func run() throws {
        try reportingErrors(lang) {
            if let chart { try checkOutputFile(chart, option: "--chart") }
            let workbook = try checkWorkbookOutput(format: format, output: output)
            if let output, workbook == nil { try checkOutputFile(output, option: "--output") }
            let plain = try data.loadWithoutHistory()
            let observed = try ObservationSet.forDataset(plain, datasetPath: data.dataset, override: observations,
                                                         years: ObservationSet.years(for: plain))
            // A file with a header and no figures has nothing to compare: said, not an empty table.
            if let file = observations, observed?.observations.isEmpty ?? true {
                throw InputError(file: file, message: "the observations file holds no figures (only its header)",
                                 accepted: "rows of quantity,year,value,unit,basis,source,confidence,notes (docs/data.md)")
            }
            // A figure far from the model's own value for its year is probably in another unit: told before history follows it.
            if let observed {
                let unfitted = try PreparedScenario(DefaultScenarios.load(dataset: plain)[0], dataset: plain).run().trajectory
                for w in observed.unitWarnings(modelValue: { unfitted.value($0, year: $1) }) { printLine(lang.describe(w)) }
            }
            let dataset = data.noHistory || observed == nil ? plain : try plain.inHistoryMode(observed!)
            let chosen: Scenario
            if let scenario {
                chosen = try loadScenario(ScenarioLoader(dataset: dataset), scenario, language: lang)
            } else {
                chosen = try DefaultScenarios.policy(dataset: dataset)
            }
            let result = try PreparedScenario(chosen, dataset: dataset).run()
            let hindcast: Hindcast
            if let history = dataset.history, let observed {
                // The leave-last-years-out check: history mode through N - 2, projecting N - 1 and N.
                let through = (observed.observations.map(\.year).max() ?? history.lastObservedYear) - 2
                let held = try plain.inHistoryMode(observed, through: through)
                let check = try PreparedScenario(chosen, dataset: held).run()
                hindcast = Hindcast(observations: observed, fit: result.trajectory, history: history, check: check.trajectory,
                                    checkThrough: through, scenario: result.name, baseYear: dataset.baseYear)
            } else {
                hindcast = Hindcast(observations: observed, trajectory: result.trajectory, scenario: result.name, baseYear: dataset.baseYear)
            }
            if let workbook {
                let metadata = WorkbookMetadata(dataset: dataset, scenarios: [chosen], embedded: scenario == nil, command: commandLineForMetadata)
                let sheets = HindcastWorkbook.build(hindcast, metadata: metadata, language: lang, units: presentation.unitSystem)
                try writeWorkbook(sheets, to: workbook, title: "carbonsim hindcast: \(result.name)", language: lang)
            } else {
                var text = try HindcastRenderer.render(hindcast, format: format.text!, language: lang)
                if format == .csv && presentation.csvBOM { text = CSVRenderer.bom + text }
                if let output {
                    do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                        printError((lang == .zh ? "无法写入 \(output)：" : "cannot write \(output): ") + error.localizedDescription, lang)
                        throw ExitCode(1)
                    }
                } else {
                    print(text, terminator: "")
                }
            }
            if observed == nil {
                printLine(lang == .zh
                          ? "注：\(dataset.file) 未指定观测数据文件（observations: 键）；无可比较的数据。请用 --observations FILE 给出。"
                          : "note: \(dataset.file) names no observations file (observations: KEY); nothing to compare. Give --observations FILE.")
            }
            if let chart {
                do {
                    try write(try HindcastChart.svg(hindcast, trajectory: result.trajectory, language: lang, units: presentation.unitSystem), to: chart)
                } catch let e as ChartError {
                    printLine((lang == .zh ? "注：未写图表：" : "note: no chart written: ") + e.message)
                }
            }
        }
    }
}
