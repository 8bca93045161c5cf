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
        discussion: """
        With no file, runs the embedded default scenarios: baseline and announced.

        --format xlsx --output FILE.xlsx writes an Excel workbook instead: the plan-period table with the \
        scenarios side by side, the targets (required, achieved, gap, result), the headline indicators, the \
        costs, the annual series of each scenario and a metadata sheet (region, dataset and checksum, \
        scenario files, tool version, date, conventions, sources).
        """
    )

    @Argument(help: "Scenario YAML files.")
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp(stringLiteral: ReportFormat.help))
    var format: ReportFormat = .table

    @Option(name: .shortAndLong, help: "Directory to write annual series (CSV per scenario), the table and the JSON results into; with --format xlsx, the workbook file (.xlsx).")
    var output: String?

    @OptionGroup var table: PlanTableOptions

    @OptionGroup var presentation: PresentationOptions

    @OptionGroup var data: DatasetOptions

    var lang: Language { presentation.lang }

    func run() throws {
        // `run` is the default command, so a misspelt command (`sumarize`) arrives here as a file name: a usage error
        // (status 64, as an unknown command), not bad input.
        if let first = files.first, !FileManager.default.fileExists(atPath: first), !first.contains("."), !first.contains("/"),
           DefaultScenarios.embeddedFile(named: first) == nil,
           let command = Self.commandMeant(by: first) {
            printInputError(InputError(file: first, message: "no such command or scenario file",
                                       accepted: "a command (\(CarbonSim.configuration.subcommands.compactMap { $0.configuration.commandName }.joined(separator: ", "))) or a scenario file",
                                       suggestion: command), lang)
            throw ExitCode(64)
        }
        let (results, provenance, workbook, from) = try reportingErrors(lang) { () -> ([ScenarioResult], Provenance, Spreadsheet?, Int?) in
            let workbookPath = try checkWorkbookOutput(format: format, output: output)
            if let output, workbookPath == nil {
                let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
                try checkOutputFolder(output, option: "--output", fileAdvice: "a folder for the annual CSV, the plan-period CSV and the JSON, for example results; one workbook: --format xlsx --output FILE.xlsx; the table alone: carbonsim run ... > table.\(ext.hasPrefix("xls") ? "csv" : ext)")
            }
            let dataset = try data.load()
            let from = try table.start(for: dataset, language: lang)
            let scenarios = try scenariosToRun(files, dataset: dataset, language: lang)
            let results = try scenarios.map { try PreparedScenario($0, dataset: dataset).run() }
            guard workbookPath != nil else { return (results, Provenance(dataset), nil, from) }
            let metadata = WorkbookMetadata(dataset: dataset, scenarios: scenarios, embedded: files.isEmpty, command: commandLineForMetadata)
            return (results, Provenance(dataset), ScenarioWorkbook.build(results, metadata: metadata, language: lang,
                                                                                   units: presentation.unitSystem, differences: false, from: from), from)
        }
        if let workbook, let output {
            return try writeWorkbook(workbook, to: output, title: "carbonsim run: \(results.map(\.name).joined(separator: ", "))", language: lang)
        }
        guard let text = format.text else { return }
        print(try render(results, text, provenance, from: from), terminator: "")
        if let output { try write(results, text, provenance, from: from, to: output) }
    }

    /// The command a first argument that is no file probably means: a command (`sumarize`), or one under another
    /// (`wedges` is `plot wedges`).
    static func commandMeant(by word: String) -> String? {
        let commands = CarbonSim.configuration.subcommands
        if let command = didYouMean(word, in: commands.map { $0.configuration.commandName ?? "" }) { return command }
        var nested: [String: String] = [:]
        for parent in commands {
            for child in parent.configuration.subcommands { nested[child._commandName] = "\(parent._commandName) \(child._commandName)" }
        }
        return didYouMean(word, in: nested.keys.sorted()).flatMap { nested[$0] }
    }

    func render(_ results: [ScenarioResult], _ format: OutputFormat, _ provenance: Provenance, from: Int?) throws -> String {
        let reports = results.map { PlanPeriodReport($0, provenance: provenance, from: from) }
        switch format {
        case .json: return try JSONRenderer.render(results, provenance: provenance, from: from)
        case .csv: return CSVRenderer.report(reports, language: lang, units: presentation.unitSystem, bom: presentation.csvBOM)
        case .table, .markdown:
            let renderer = TextRenderer(language: lang, markdown: format == .markdown, units: presentation.unitSystem)
            return reports.map { renderer.render($0) }.joined(separator: "\n")
        }
    }

    func write(_ results: [ScenarioResult], _ format: OutputFormat, _ provenance: Provenance, from: Int?, to path: String) throws {
        let dir = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (r, name) in zip(results, uniqueFileNames(results.map(\.name))) {
                if name != r.name {
                    printLine(lang == .zh ? "注：情景 '\(r.name)' 写为 \(name).annual.csv" : "note: scenario '\(r.name)' is written as \(name).annual.csv")
                }
                try CSVRenderer.annual(r.trajectory, costs: r.costs, observed: r.history?.observedYears, language: lang, units: presentation.unitSystem, bom: presentation.csvBOM).write(to: dir.appendingPathComponent("\(name).annual.csv"), atomically: true, encoding: .utf8)
            }
            try render(results, format, provenance, from: from).write(to: dir.appendingPathComponent("plan-periods.\(format.fileExtension)"), atomically: true, encoding: .utf8)
            if format != .json {
                try JSONRenderer.render(results, provenance: provenance, from: from).write(to: dir.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
            }
        } catch {
            printError("cannot write to \(path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
