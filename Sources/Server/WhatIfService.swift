import Analysis
import Foundation
import Reports
import Scenarios
import Simulator
import Sweeps

/// Everything the page asks of carbonsim, without HTTP: scenario documents (JSON or YAML, the scenario
/// file schema) in, evaluations, scenario YAML and charts out. A document goes through the same loader as
/// a file (`carbonsim validate`), so a bad value gets the same located message, with the request's own
/// line and column. Nothing here writes a file or runs a sweep.
public struct WhatIfService: Sendable {
    public let dataset: Dataset
    public let scenarios: ServedScenarios
    public let sweep: SweepSummary?
    public let language: Language
    /// The `--dataset` file, said in the YAML download (nil: the embedded dataset).
    let datasetPath: String?
    let runOptions: [String]
    /// The loader of files (cheap to make: the dataset's parameters are already read), keeping the files it
    /// reads while they are unchanged.
    var loader: ScenarioLoader { ScenarioLoader(dataset: dataset, memo: files) }
    let files = ScenarioFileMemo()
    let parameters: ModelParameters
    /// The frozen-policy baseline: the reference line of the trajectory chart and the start of the wedges.
    let baseline: Scenario
    let baselineResult: ScenarioResult
    /// The baseline's parameters with its levers as a run sets them (in history mode wind and solar follow the
    /// observed capacities): the sliders' "baseline 2030" is read from them.
    let baselineParameters: ModelParameters
    /// Runs of the served files, reused while a file says the same.
    let baseRuns = BaseRuns()

    /// The name errors in a request body are reported under.
    public static let requestFile = "request"
    /// The charts an evaluation can return.
    public static let chartNames = ["trajectory", "stack", "wedges"]

    public init(configuration c: ServeConfiguration) throws {
        datasetPath = c.datasetPath
        runOptions = c.runOptions
        if let given = c.dataset {
            dataset = given
        } else {
            let plain = try c.datasetPath.map { try Dataset.load(url: URL(fileURLWithPath: $0), displayName: $0) } ?? Dataset.innerMongolia()
            dataset = try plain.inHistoryMode(datasetPath: c.datasetPath)
        }
        scenarios = try ServedScenarios(folder: c.scenariosFolder)
        guard let lang = Language(rawValue: c.language) else {
            throw ServeError.badOption("--lang", "unknown language '\(c.language)'", accepted: "zh, en")
        }
        language = lang
        parameters = try dataset.modelParameters()
        baseline = try DefaultScenarios.load(dataset: dataset)[0]
        let preparedBaseline = try PreparedScenario(baseline, dataset: dataset)
        baselineParameters = preparedBaseline.parameters
        baselineResult = try preparedBaseline.run()
        sweep = try c.sweepDatabase.map { try SweepSummary(store: ResultStore(existing: $0, readOnly: true)) }
    }

    public func catalog(_ l: Language) -> ControlCatalog { ControlCatalog(parameters: baselineParameters, language: l) }

    /// A scenario document, read as a file is read. `extends:` may name only a served scenario file or an embedded one.
    public func scenario(_ text: String) throws -> Scenario { try read(text).scenario }

    /// The document's scenario and the served file it extends (if any).
    func read(_ text: String) throws -> (scenario: Scenario, extends: String?) {
        let root = try YAMLNode.parse(text, file: Self.requestFile)
        var extends: String?
        if case .mapping = root.node, let ext = try root.entries(allowed: ScenarioLoader.topKeys)["extends"] {
            let name = try ext.string()
            // As in a file: `announced.yaml` or `baseline.yaml` not among the served files is the embedded one (the
            // loader says so), which a folder of one's own files extends as the README's examples do.
            guard scenarios.url(of: name) != nil || DefaultScenarios.embeddedFile(named: name) != nil else {
                throw ext.error("extends '\(name)', which is not a scenario file this server offers",
                                accepted: offeredText, suggestion: didYouMean(name, in: offered))
            }
            extends = name
        }
        return (try loader.parse(text, file: Self.requestFile, directory: scenarios.folder), extends)
    }

    /// What a document may extend: the served files, and the embedded scenarios no served file shadows.
    var offered: [String] { scenarios.names + DefaultScenarios.names.map { $0 + ".yaml" }.filter { scenarios.url(of: $0) == nil } }
    /// The same as an error's accepted values say it, the embedded ones marked.
    var offeredText: String {
        offered.map { scenarios.url(of: $0) == nil ? DefaultScenarios.displayName($0) : $0 }.joined(separator: ", ")
    }

    /// The scenario a served file holds, by its name in the list (or an embedded one no served file shadows).
    public func served(_ name: String) throws -> Scenario {
        guard !name.isEmpty else {
            throw InputError(file: "name", keyPath: "name", message: "the request names no scenario file", accepted: offeredText)
        }
        // An embedded scenario a document extends where the folder has no file of that name.
        guard let url = scenarios.url(of: name) ?? DefaultScenarios.embeddedFile(named: name) else {
            throw InputError(file: name, message: "not a scenario file this server offers", accepted: offeredText,
                             suggestion: didYouMean(name, in: offered))
        }
        return try loader.load(path: url.path).with(file: name)
    }

    public func settings(_ name: String, language: Language = .en) throws -> ScenarioSettings {
        ScenarioSettings(try served(name), file: name, parameters: parameters, language: language)
    }

    /// Runs a document and returns what the page shows, with the charts named in `charts`.
    public func evaluate(_ text: String, charts: [String], language l: Language, currentYear: Int = Calendar.current.component(.year, from: Date())) throws -> Evaluation {
        for name in charts where !Self.chartNames.contains(name) {
            throw InputError(file: "charts", message: "unknown chart '\(name)'", accepted: Self.chartNames.joined(separator: ", "),
                             suggestion: didYouMean(name, in: Self.chartNames))
        }
        let (s, extends) = try read(text)
        let result = try PreparedScenario(s, dataset: dataset).run()
        var svg: [String: String] = [:]
        for name in charts {
            switch name {
            case "trajectory":
                // The frozen-policy baseline, the served file the document extends (if any), and the document.
                // The document's sources are the files its `extends:` chain read: the kept run of the file is
                // reused while they are the same texts.
                var lines = [baselineResult]
                if let extends {
                    let base = try baseRuns.result(name: extends, sources: s.sources) { try PreparedScenario(served(extends), dataset: dataset).run() }
                    if base.name != baseline.name { lines.append(base) }
                }
                svg[name] = try ScenarioCharts.trajectories(lines + [result], series: "co2_gross", language: l)
            case "stack": svg[name] = try ScenarioCharts.stacked(result, by: "sector", language: l)
            default: svg[name] = try ScenarioCharts.wedges(try WedgeAnalysis(baseline: baseline, policy: s, dataset: dataset), language: l)
            }
        }
        return Evaluation(result, charts: svg, language: l, currentYear: currentYear)
    }

    /// Several documents' trajectories in one chart (the comparison tray).
    /// The workbook of the frozen-policy baseline and the document (plan periods, targets, headline, costs,
    /// annual series, metadata), as the page's download.
    public func workbook(_ text: String, language l: Language) throws -> [UInt8] {
        let s = try scenario(text)
        let results = [baselineResult, try PreparedScenario(s, dataset: dataset).run()]
        // Each file says whether it is embedded (a served folder holds the user's own files, whatever the dataset).
        let metadata = WorkbookMetadata(dataset: dataset, scenarios: [baseline, s], command: "carbonsim serve")
        return try WorkbookDownload.bytes(results, metadata: metadata, language: l)
    }

    public func compare(_ texts: [String], series: String, language l: Language) throws -> String {
        guard (1...Self.maximumCompared).contains(texts.count) else {
            throw InputError(file: Self.requestFile, keyPath: "scenarios", message: "\(texts.count) scenarios to compare",
                             accepted: "1 to \(Self.maximumCompared)")
        }
        let results = try texts.enumerated().map { i, text in
            do { return try PreparedScenario(scenario(text), dataset: dataset).run() } catch let e as InputError {
                // The documents are handed on re-serialised: their lines are not the request's, their index and keys are.
                throw e.atDocument(i, of: Self.requestFile)
            }
        }
        return try ScenarioCharts.trajectories(results, series: series, language: l)
    }

    public static let maximumCompared = 5

    /// The document as a standalone scenario file that `carbonsim run` reads back to the same scenario. A
    /// document whose levers are changes over the file it extends (`delta:`) is written extending that file by its
    /// absolute path, so the download runs from any folder of this machine.
    public func yaml(_ text: String) throws -> String {
        let (s, extends) = try read(text)
        // What evaluate and the workbook refuse (dual control without a cap, a build-out below the observed capacity)
        // is refused here too: a download always runs.
        _ = try PreparedScenario(s, dataset: dataset)
        let note = ["Written by carbonsim serve: `carbonsim run FILE" + (datasetPath.map { " --dataset \($0)" } ?? "") + runOptions.map { " " + $0 }.joined() + "` reproduces it"]
        do {
            return try ScenarioWriter.yaml(s, comment: note)
        } catch let e as InputError where s.levers.values.contains(where: { $0.form == .delta }) {
            guard let name = extends else { throw e }
            if let url = scenarios.url(of: name) {
                return try ScenarioWriter.yaml(s, extending: url.path, base: try served(name),
                                               comment: note + ["It changes levers of \(name), which it extends by its path on the server's machine"])
            }
            // The embedded scenario, which `extends: announced.yaml` names on any machine where no such file is beside it.
            guard let embedded = DefaultScenarios.embeddedFile(named: name) else { throw e }
            return try ScenarioWriter.yaml(s, extending: embedded.lastPathComponent, base: try served(name),
                                           comment: note + ["It changes levers of the embedded \(embedded.lastPathComponent), which it extends"])
        }
    }
}

extension InputError {
    /// This error and the others it carries, at document `i` of the comparison request (`request: scenarios[1]`),
    /// without the re-serialised document's lines.
    func atDocument(_ i: Int, of request: String) -> InputError {
        func moved(_ e: InputError) -> InputError {
            guard e.file == request else { return e }  // an extended file's error keeps its lines
            return InputError(file: "\(request): scenarios[\(i)]", keyPath: e.keyPath, message: e.message,
                              accepted: e.accepted, suggestion: e.suggestion)
        }
        var first = moved(self)
        first.others = others.map(moved)
        return first
    }
}
