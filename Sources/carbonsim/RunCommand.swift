import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim run`: runs scenarios and prints the plan-period table.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios and print the five-year-plan table.",
        discussion: "With no file, runs the embedded default scenarios: baseline and announced."
    )

    @Argument(help: "Scenario YAML files.")
    var files: [String] = []

    @Option(name: .long, help: "Output format: table, markdown, csv or json.")
    var format: OutputFormat = .table

    @Option(name: .long, help: "Directory to write annual series (CSV per scenario), the table and the JSON results into.")
    var output: String?

    @OptionGroup var presentation: PresentationOptions

    @OptionGroup var data: DatasetOptions

    var lang: Language { presentation.lang }

    func run() throws {
        let (results, provenance) = try reportingErrors { () -> ([ScenarioResult], Provenance) in
            if let output { try checkOutputFolder(output, option: "--output") }
            let dataset = try data.load()
            let loader = ScenarioLoader(dataset: dataset)
            var scenarios = files.isEmpty ? try DefaultScenarios.load(dataset: dataset) : try files.map { try loadScenario(loader, $0) }
            // The embedded "announced" scenario is Inner Mongolia's published plan: for another region only
            // the baseline is a default.
            if files.isEmpty && !DefaultScenarios.isHomeRegion(dataset) {
                scenarios = Array(scenarios.prefix(1))
                printLine(lang == .zh
                          ? "注：\(Provenance(dataset).regionName(.zh))：只运行基准情景（内置的已公布政策情景是内蒙古的规划）"
                          : "note: \(dataset.region): running the baseline only (the embedded 'announced' scenario is Inner Mongolia's plan)")
            }
            return (try scenarios.map { try PreparedScenario($0, dataset: dataset).run() }, Provenance(dataset))
        }
        print(try render(results, format, provenance), terminator: "")
        if let output { try write(results, provenance, to: output) }
    }

    func render(_ results: [ScenarioResult], _ format: OutputFormat, _ provenance: Provenance) throws -> String {
        let reports = results.map { PlanPeriodReport($0, provenance: provenance) }
        switch format {
        case .json: return try JSONRenderer.render(results, provenance: provenance)
        case .csv: return CSVRenderer.report(reports, language: lang, units: presentation.unitSystem, bom: presentation.csvBOM)
        case .table, .markdown:
            let renderer = TextRenderer(language: lang, markdown: format == .markdown, units: presentation.unitSystem)
            return reports.map { renderer.render($0) }.joined(separator: "\n")
        }
    }

    func write(_ results: [ScenarioResult], _ provenance: Provenance, to path: String) throws {
        let dir = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (r, name) in zip(results, uniqueFileNames(results.map(\.name))) {
                if name != r.name { printLine("note: scenario '\(r.name)' is written as \(name).annual.csv") }
                try CSVRenderer.annual(r.trajectory, costs: r.costs, language: lang, units: presentation.unitSystem, bom: presentation.csvBOM).write(to: dir.appendingPathComponent("\(name).annual.csv"), atomically: true, encoding: .utf8)
            }
            try render(results, format, provenance).write(to: dir.appendingPathComponent("plan-periods.\(format.fileExtension)"), atomically: true, encoding: .utf8)
            if format != .json {
                try JSONRenderer.render(results, provenance: provenance).write(to: dir.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
            }
        } catch {
            printError("cannot write to \(path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
