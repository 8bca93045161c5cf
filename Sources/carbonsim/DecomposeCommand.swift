import Analysis
import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

/// `carbonsim decompose`: LMDI decomposition of an emissions change.
struct DecomposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "LMDI decomposition of the CO2 change between two years or two scenarios.",
        discussion: """
        C = sum_ij GDP (E/GDP) (E_i/E) (E_ij/E_i) (C_ij/E_ij) + sum_i GDP (P_i/GDP)

        by CEADs sector group i and carrier j (coal, coke, oil, gas, non-fossil): activity, energy intensity, \
        sector structure, energy mix, emission factor and process-CO2 effects; additive (Mt CO2, summing \
        exactly to the change) and multiplicative (ratios, multiplying exactly to the ratio). E includes \
        non-fossil electricity at the coal heat rate, in the power sector, so renewables replacing coal power \
        show as energy mix, mostly: the heat-supply residual that falls with coal generation shows as energy \
        intensity (about a fifth of a solar-only change in the total: a seventh in the power row, the rest in \
        sectors the change does not touch, where energy intensity and sector structure cancel as total energy per \
        GDP falls). See docs/model.md.
        """
    )

    @Argument(help: "Scenario file for a change between two years (default: the embedded announced; the baseline outside Inner Mongolia).")
    var file: String?

    @Option(name: .long, help: "First year (default 2020; not with --baseline and --policy, which compare in --to's year).") var from: Int?
    @Option(name: .long, help: "Second year.") var to = 2030
    @Option(name: .long, help: "Compare two scenarios in --to's year: the baseline file.") var baseline: String?
    @Option(name: .long, help: "Compare two scenarios in --to's year: the policy file.") var policy: String?
    @Option(name: .long, help: ArgumentHelp(stringLiteral: ReportFormat.help)) var format: ReportFormat = .table
    @Option(name: [.short, .long], help: "Write to this file instead of printing (required for xlsx).") var output: String?
    @Option(name: .long, help: "Also write a waterfall chart (SVG) here.") var chart: String?
    @Option(name: .long, help: "Label language: en or zh.") var lang: Language = .en
    @Option(name: .long, help: "Units of the table, CSV, workbook and chart: model (Mt CO2) or cn (万吨CO2; the default under --lang zh). JSON is always in Mt CO2.") var units: UnitSystem?
    @Flag(name: .long, help: "Start CSV output with the UTF-8 byte-order mark (always under --lang zh).") var bom = false
    @OptionGroup var data: DatasetOptions

    struct Analysis {
        let result: LMDI.Result
        let start: Double
        let end: Double
    }

    static func analyse(_ t: Simulator.Trajectory, from: Int, to: Int) throws -> Analysis {
        try analyse(Decomposition.state(t, year: from), Decomposition.state(t, year: to))
    }

    static func analyse(_ s0: LMDI.State, _ s1: LMDI.State) throws -> Analysis {
        Analysis(result: LMDI.decompose(from: s0, to: s1), start: s0.totalCO2, end: s1.totalCO2)
    }

    func run() throws {
        try reportingErrors(lang) {
            if let chart { try checkOutputFile(chart, option: "--chart") }
            let workbook = try checkWorkbookOutput(format: format, output: output)
            if let output, workbook == nil { try checkOutputFile(output, option: "--output") }
            var scenarios: [Scenario] = []
            let dataset = try data.load()
            let loader = ScenarioLoader(dataset: dataset)
            // Told at the option that names the year, before any run.
            let horizon = dataset.baseYear...dataset.endYear
            for (flag, year) in [("--from", from), ("--to", to)] {
                if let year, !horizon.contains(year) {
                    throw InputError(file: flag, keyPath: String(flag.dropFirst(2)), message: "year \(year) is outside the model horizon",
                                     accepted: "\(horizon.lowerBound) to \(horizon.upperBound)")
                }
            }
            // A change back in time flips every effect's sign; `--to 2019` typed for "from 2019" would print one without a word.
            if baseline == nil && policy == nil {
                let first = from ?? 2020, given = from == nil ? " (the default)" : ""
                if first == to {
                    throw InputError(file: "--to", keyPath: "to", message: "--from\(given) and --to are both \(to): there is no change to decompose",
                                     accepted: "a --to year after --from, for example --from \(min(to, dataset.endYear - 5)) --to \(min(to, dataset.endYear - 5) + 5)")
                }
                if first > to {
                    throw InputError(file: from == nil ? "--to" : "--from", keyPath: from == nil ? "to" : "from",
                                     message: "--from \(first)\(given) is after --to \(to): decompose explains the change from --from to --to, forward in time (back in time every effect's sign flips)",
                                     accepted: "--from \(to) --to \(first)")
                }
            }
            let analysis: Analysis, labels: (String, String)
            if baseline != nil || policy != nil {
                guard let baseline, let policy else {
                    let missing = baseline == nil ? "--baseline" : "--policy"
                    throw InputError(file: missing, keyPath: String(missing.dropFirst(2)), message: "comparing scenarios needs both --baseline and --policy; \(missing) is missing",
                                     accepted: "--baseline FILE --policy FILE, or one scenario file for a change between two years")
                }
                // Options of the other mode would be ignored silently.
                if let file {
                    throw InputError(file: file, message: "a scenario file with --baseline and --policy: decompose compares either two years of one scenario or two scenarios",
                                     accepted: "a scenario file (with --from and --to), or --baseline and --policy (with --to)")
                }
                if let from {
                    throw InputError(file: "--from", keyPath: "from", message: "--from \(from) with --baseline and --policy: two scenarios are compared in --to's year",
                                     accepted: "--to YEAR only, or a scenario file for a change between --from and --to")
                }
                scenarios = [try loadScenario(loader, baseline, language: lang), try loadScenario(loader, policy, language: lang)]
                let b = try PreparedScenario(scenarios[0], dataset: dataset).run()
                let p = try PreparedScenario(scenarios[1], dataset: dataset).run()
                analysis = try Self.analyse(Decomposition.state(b.trajectory, year: to), Decomposition.state(p.trajectory, year: to))
                labels = ("\(Labels.scenario(b.name, lang)) \(to)", "\(Labels.scenario(p.name, lang)) \(to)")
            } else {
                // The embedded announced is Inner Mongolia's plan: elsewhere the default is the region's baseline (as `run`).
                if file == nil && !DefaultScenarios.isHomeRegion(dataset) {
                    printLine(lang == .zh
                              ? "注：\(Provenance(dataset).regionName(.zh))：分解基准情景（内置的已公布政策情景是内蒙古的规划）；可给出情景文件"
                              : "note: \(dataset.region): the baseline is decomposed (the embedded 'announced' scenario is Inner Mongolia's plan); name a scenario file to decompose another")
                }
                let scenario = try file.map { try loadScenario(loader, $0, language: lang) } ?? DefaultScenarios.policy(dataset: dataset)
                scenarios = [scenario]
                let r = try PreparedScenario(scenario, dataset: dataset).run()
                let from = self.from ?? 2020
                analysis = try Self.analyse(r.trajectory, from: from, to: to)
                labels = ("\(from)", "\(to)")
            }
            if let workbook {
                let metadata = WorkbookMetadata(dataset: dataset, scenarios: scenarios, embedded: file == nil && baseline == nil,
                                                command: commandLineForMetadata)
                let sheets = DecompositionWorkbook.build(analysis.result, sectors: Decomposition.sectors, labels: labels,
                                                         start: analysis.start, end: analysis.end, metadata: metadata, language: lang,
                                                         units: units ?? .default(for: lang))
                try writeWorkbook(sheets, to: workbook, title: "carbonsim decompose: \(labels.0) → \(labels.1)", language: lang)
            } else if let output {
                do { try render(analysis, labels, provenance: Provenance(dataset)).write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    printError("cannot write \(output): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            } else {
                print(render(analysis, labels, provenance: Provenance(dataset)), terminator: "")
            }
            if let chart {
                let region = Provenance(dataset).regionName(lang)
                try write(try Charts.decomposition(analysis.result, start: (labels.0, analysis.start), end: (labels.1, analysis.end),
                                                   title: lang == .zh ? "\(region)CO2排放变化的LMDI分解：\(labels.0) → \(labels.1)"
                                                                      : "LMDI of CO2, \(region): \(labels.0) → \(labels.1)",
                                                   source: ScenarioCharts.source(lang, Provenance(dataset)), language: lang, units: units ?? .default(for: lang)),
                          to: chart)
            }
        }
    }

    func render(_ a: Analysis, _ labels: (String, String), provenance: Provenance) -> String {
        DecompositionRenderer.render(a.result, sectors: Decomposition.sectors, carriers: Decomposition.carriers, labels: labels,
                                     // xlsx never reaches here (run() writes the workbook); JSON is the fallback.
                                     start: a.start, end: a.end, format: format.text ?? .json, language: lang, units: units, bom: bom,
                                     provenance: provenance)
    }
}
