import Analysis
import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator
import Sweeps

/// `carbonsim plot`: SVG charts of scenarios and sweeps.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Write SVG charts: trajectories, stacked emissions, wedges, fan charts, tornadoes.",
        subcommands: [Trajectory.self, Stack.self, Wedges.self, Fan.self, Tornado.self, Gallery.self]
    )

    struct Common: ParsableArguments {
        @Option(name: .shortAndLong, help: "SVG file to write.")
        var output: String

        @Option(name: .long, help: "Label language: en or zh.")
        var lang: Language = .en

        @Option(name: .long, help: "Units: model or cn (the default under --lang zh).")
        var units: UnitSystem?

        @OptionGroup var data: DatasetOptions

        func sweepProvenance(_ store: ResultStore) throws -> Provenance? { try data.provenance(of: store) }
    }

    struct Trajectory: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One series for several scenarios, with peaks and targets marked.")
        @Argument(help: "Scenario files (default: the embedded baseline and announced).") var files: [String] = []
        @Option(name: .long, help: "Series to draw.") var series = "co2_gross"
        @OptionGroup var common: Common

        func run() throws {
            try reportingErrors(common.lang) {
                try checkOutputFile(common.output, option: "--output")
                let dataset = try common.data.load()
                let results = try runScenarios(files, dataset, language: common.lang)
                try write(try ScenarioCharts.trajectories(results, series: series, language: common.lang, units: common.units,
                                                          provenance: Provenance(dataset)), to: common.output)
            }
        }
    }

    struct Stack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Gross emissions stacked by sector group or by fuel.")
        @Argument(help: "Scenario file (default: the embedded announced).") var file: String?
        @Option(name: .long, help: "sector or fuel.") var by = "sector"
        @OptionGroup var common: Common

        func run() throws {
            try reportingErrors(common.lang) {
                try checkOutputFile(common.output, option: "--output")
                let dataset = try common.data.load()
                let result = try runScenarios(file.map { [$0] } ?? [], dataset, language: common.lang).last!
                try write(try ScenarioCharts.stacked(result, by: by, language: common.lang, units: common.units, provenance: Provenance(dataset)),
                          to: common.output)
            }
        }
    }

    struct Wedges: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Abatement from a baseline to a policy scenario, by lever family (Shapley values).")
        @Option(name: .long, help: "Baseline scenario file.") var baseline: String
        @Option(name: .long, help: "Policy scenario file.") var policy: String
        @Option(name: .long, help: "Series to attribute.") var series = "co2_net"
        @Option(name: .long, help: "Also write the wedges as CSV here: one row a year with the baseline, the policy, each family's wedge and their sum (policy minus baseline).") var csv: String?
        @OptionGroup var common: Common

        func run() throws {
            try reportingErrors(common.lang) {
                try checkOutputFile(common.output, option: "--output")
                if let csv { try checkOutputFile(csv, option: "--csv") }
                let dataset = try common.data.load()
                let loader = ScenarioLoader(dataset: dataset)
                let w = try WedgeAnalysis(baseline: loadScenario(loader, baseline, language: common.lang),
                                          policy: loadScenario(loader, policy, language: common.lang), dataset: dataset, series: series)
                // An empty chart says nothing: a policy that differs from its baseline in no lever has no wedges.
                guard w.groups.isEmpty == false else {
                    throw InputError(file: policy, keyPath: "--policy", message: "the policy sets no lever differently from the baseline: there is no abatement to attribute",
                                     accepted: "a policy scenario that differs from --baseline in its levers or measures")
                }
                try write(try ScenarioCharts.wedges(w, language: common.lang, units: common.units, provenance: Provenance(dataset)), to: common.output)
                if let csv {
                    try write(WedgeCSVRenderer.render(w, language: common.lang, units: common.units, bom: CSVRenderer.wantsBOM(common.lang)), to: csv)
                }
            }
        }
    }

    struct Fan: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Percentile bands of a series from a sweep database.")
        @Argument(help: "Sweep database.") var db: String
        @Option(name: .long, help: "Kept series to draw (default: co2_net if the sweep kept it, else the first series it kept).") var series: String?
        @Option(name: .long, help: "Base scenario of the sweep (default: its first).") var scenario: String?
        @OptionGroup var common: Common

        func run() throws {
            try reportingErrors(common.lang) {
                try checkOutputFile(common.output, option: "--output")
                let store = try ResultStore(existing: db, readOnly: true)
                let kept = try store.keptSeries()
                guard let series = series ?? ScenarioCharts.fanSeries(kept: kept) else {
                    throw InputError(file: db, keyPath: "keep", message: "the sweep kept no series: a fan chart draws a kept series",
                                     accepted: "a sweep whose spec keeps series, for example keep: [co2_net]")
                }
                if self.series == nil && series != "co2_net" {
                    printLine(common.lang == .zh ? "注：该参数扫描没有保存 co2_net，改画 \(series)；可用 --series 选择（已保存：\(kept.joined(separator: "、"))）"
                                                 : "note: the sweep did not keep co2_net: drawing \(series); --series chooses (kept: \(kept.joined(separator: ", ")))")
                }
                let summary = try SweepSummary(store: store, series: [series], bootstrap: 10)
                try write(try ScenarioCharts.fan(summary, series: series, scenario: scenario, language: common.lang, units: common.units,
                                                 provenance: common.sweepProvenance(store)), to: common.output)
            }
        }
    }

    struct Tornado: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sensitivities of an output from a sweep database (Sobol indices or SRCs).")
        @Argument(help: "Sweep database.") var db: String
        @Option(name: .long, help: "Output: peak_value, cumulative_co2 or co2_gross_2030 (default: the first of these that varies across the runs; in history mode the peak often falls in the observed years and does not vary).") var of: String?
        @Option(name: .long, help: "Base scenario of the sweep (default: its first).") var scenario: String?
        @Option(name: .long, help: "Bootstrap resamples for Sobol intervals (10 to 100000).") var bootstrap = SweepSummary.defaultBootstrap
        @OptionGroup var common: Common

        func validate() throws { try checkBootstrap(bootstrap, zh: common.lang == .zh) }

        func run() throws {
            try reportingErrors(common.lang) {
                try checkOutputFile(common.output, option: "--output")
                let store = try ResultStore(existing: db, readOnly: true)
                let summary = try SweepSummary(store: store, bootstrap: bootstrap)
                let output = try of ?? defaultOutput(summary)
                try write(try ScenarioCharts.tornado(summary, output: output, scenario: scenario, language: common.lang,
                                                     provenance: common.sweepProvenance(store)), to: common.output)
            }
        }

        /// The first sensitivity output that varies across the scenario's runs, said when it is not the peak.
        func defaultOutput(_ summary: SweepSummary) throws -> String {
            let sensitivity = try ScenarioCharts.pick(summary, scenario).sensitivity
            let varying = SweepSummary.sensitivityOutputs.first { o in sensitivity.contains { $0.output == o && !$0.doesNotVary } }
            guard let output = varying, output != SweepSummary.sensitivityOutputs[0] else { return SweepSummary.sensitivityOutputs[0] }
            printLine(common.lang == .zh ? "注：峰值在各次运行间不变（历史模式下常落在观测年份），改画 \(output) 的敏感性；可用 --of 选择"
                                         : "note: the peak does not vary across the runs (in history mode it often falls in the observed years): drawing \(output) instead; --of chooses")
            return output
        }
    }

    /// Regenerates the README's gallery from the default data.
    struct Gallery: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Regenerate the chart gallery (plots/) from the default data and scenarios/.")
        @Option(name: .long, help: "Directory to write into.") var dir = "plots"
        @Option(name: .long, help: "Directory holding the scenario files.") var scenarios = "scenarios"
        @Option(name: .long, help: "Label language: en or zh.") var lang: Language = .en
        @OptionGroup var data: DatasetOptions

        func run() throws {
            try reportingErrors(lang) {
                try checkOutputFolder(dir, option: "--dir", fileAdvice: "a folder name, for example plots")
                let dataset = try data.load()
                let loader = ScenarioLoader(dataset: dataset)
                let files = ["baseline", "announced", "accelerated"].map { "\(scenarios)/\($0).yaml" }
                // The gallery is the repository's: it needs its scenario files and example sweep, which are not embedded.
                let needed = files + ["\(scenarios)/sweeps/saltelli.yaml"]
                if let missing = needed.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
                    throw InputError(file: "--scenarios", keyPath: "scenarios", message: "\(missing) does not exist: the gallery is drawn from the repository's scenario files",
                                     accepted: "a folder with baseline.yaml, announced.yaml, accelerated.yaml and sweeps/saltelli.yaml: the repository's scenarios/ (run from the repository root, or give --scenarios PATH/scenarios); for charts of your own files: carbonsim plot trajectory FILE ... -o chart.svg")
                }
                let results = try files.map { try PreparedScenario(loader.load(path: $0), dataset: dataset).run() }
                let p = Provenance(dataset)
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                let suffix = lang == .zh ? "-zh" : ""
                func out(_ name: String) -> String { "\(dir)/\(name)\(suffix).svg" }
                try write(try ScenarioCharts.trajectories(results, series: "co2_gross", language: lang, provenance: p), to: out("trajectories"))
                try write(try ScenarioCharts.stacked(results[1], by: "sector", language: lang, provenance: p), to: out("stack-sector"))
                try write(try ScenarioCharts.stacked(results[1], by: "fuel", language: lang, provenance: p), to: out("stack-fuel"))
                let wedges = try WedgeAnalysis(baseline: loader.load(path: files[0]), policy: loader.load(path: files[2]), dataset: dataset)
                try write(try ScenarioCharts.wedges(wedges, language: lang, provenance: p), to: out("wedges"))
                let decomposition = try DecomposeCommand.analyse(results[1].trajectory, from: 2020, to: 2030)
                try write(try Charts.decomposition(decomposition.result, start: ("2020", decomposition.start), end: ("2030", decomposition.end),
                                                   title: lang == .zh ? "\(Labels.scenario("announced", .zh))：2020-2030年CO2排放变化的LMDI分解" : "announced: LMDI decomposition of the CO2 change 2020-2030",
                                                   source: ScenarioCharts.source(lang, p), language: lang, units: .default(for: lang)), to: out("decomposition"))
                // Fan and tornado from the Saltelli example sweep, run into a temporary database.
                let spec = try SweepSpecLoader(dataset: dataset).load(path: "\(scenarios)/sweeps/saltelli.yaml")
                let db = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-gallery-\(UUID().uuidString).sqlite").path
                defer { for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + ext) } }
                let store = try ResultStore(path: db, spec: spec, datasetChecksum: dataset.identityChecksum, years: Array(dataset.baseYear...dataset.endYear))
                try SweepRunner(plan: SweepPlan(spec: spec, dataset: dataset), jobs: ProcessInfo.processInfo.activeProcessorCount).run(into: store)
                let summary = try SweepSummary(store: store)
                try write(try ScenarioCharts.fan(summary, series: "co2_net", scenario: nil, language: lang, provenance: p), to: out("fan"))
                try write(try ScenarioCharts.tornado(summary, output: "peak_value", scenario: nil, language: lang, provenance: p), to: out("tornado"))
                printLine(lang == .zh ? "已写入 7 张图表到 \(dir)/" : "wrote 7 charts to \(dir)/")
            }
        }
    }
}

func runScenarios(_ files: [String], _ dataset: Dataset, language: Language) throws -> [ScenarioResult] {
    let loader = ScenarioLoader(dataset: dataset)
    let scenarios = files.isEmpty ? try DefaultScenarios.load(dataset: dataset) : try files.map { try loadScenario(loader, $0, language: language) }
    return try scenarios.map { try PreparedScenario($0, dataset: dataset).run() }
}

func write(_ text: String, to path: String) throws {
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        // As every command's output that cannot be written: exit 1 (the README's exit status).
        printError("cannot write \(path): \(error.localizedDescription)")
        throw ExitCode(1)
    }
}
