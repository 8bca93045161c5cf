import Foundation
import Scenarios
import Sweeps

/// What a workbook was made from, for its metadata sheet: region, dataset and its checksum, scenario files
/// with theirs, tool version, date, the command, and the dataset's sources.
public struct WorkbookMetadata: Sendable {
    public struct ScenarioFile: Sendable {
        public let scenario: String
        /// The file, or "embedded" for a default scenario.
        public let path: String
        /// FNV-1a of the file's text, as the dataset checksum; empty for an embedded scenario.
        public let checksum: String

        /// A file as the metadata names it: an embedded one by its name ("embedded announced.yaml"), not its install path.
        static func shown(_ path: String, embedded: Bool = false) -> String {
            embedded || DefaultScenarios.isEmbedded(path) ? "embedded " + URL(fileURLWithPath: path).lastPathComponent : path
        }
    }

    public var region: String
    public var regionZH: String
    public var datasetFile: String
    public var datasetChecksum: String
    public var scenarioFiles: [ScenarioFile]
    public var toolVersion: String
    /// UTC, ISO 8601 (2026-11-29T08:00:00Z).
    public var date: String
    public var command: String
    /// Every distinct source the dataset cites, in file order.
    public var sources: [String]
    /// History mode's note (which years are observed), English and Chinese; nil without history mode.
    public var observedYears: (en: String, zh: String)? = nil
    /// For a sweep summary: the sweep's stored keys (name, design, spec_file, run_count, the tool that ran it).
    public var sweep: [(String, String)] = []
    /// Further rows a command adds (the observations file of a hindcast), label already in the sheet's language.
    public var extraRows: [(String, String)] = []

    init(region: String, regionZH: String, datasetFile: String, datasetChecksum: String, scenarioFiles: [ScenarioFile],
         toolVersion: String, date: String, command: String, sources: [String]) {
        self.region = region
        self.regionZH = regionZH
        self.datasetFile = datasetFile
        self.datasetChecksum = datasetChecksum
        self.scenarioFiles = scenarioFiles
        self.toolVersion = toolVersion
        self.date = date
        self.command = command
        self.sources = sources
    }

    /// `embedded`: the scenarios are the embedded defaults (their files are named, not their install paths).
    public init(dataset: Dataset, scenarios: [Scenario], embedded: Bool = false, command: String, date: Date = Date()) {
        region = dataset.region
        regionZH = dataset.regionZH
        datasetFile = dataset.file
        datasetChecksum = dataset.checksum
        scenarioFiles = scenarios.flatMap { s in
            s.sources.isEmpty ? [ScenarioFile(scenario: s.name, path: "embedded", checksum: "")]
                : s.sources.map { source in
                    ScenarioFile(scenario: s.name, path: ScenarioFile.shown(source.path, embedded: embedded), checksum: fingerprint(source.text))
                }
        }
        toolVersion = ResultStore.toolVersion
        self.date = Self.iso(date)
        self.command = command
        observedYears = dataset.history.map { ($0.summary, $0.summaryZH) }
        var seen = Set<String>()
        sources = (dataset.entries.map(\.source) + dataset.facts.map(\.source)).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The metadata sheet: one key and value a row (a row per scenario file and per source).
    /// `units`: the units the workbook's numbers are in, named on a row of their own (nil: no such row).
    public func sheet(_ language: Language, units: UnitSystem? = nil) -> Sheet {
        func w(_ key: String) -> String { Labels.workbook(key, language) }
        var sheet = Sheet(name: w("sheet_metadata"), frozenRows: 1, frozenColumns: 1)
        sheet.append([.heading(w("key")), .heading(w("value"))])
        if !region.isEmpty { sheet.append([.text(w("region")), .text(language == .zh && !regionZH.isEmpty ? regionZH : region)]) }
        if !datasetFile.isEmpty { sheet.append([.text(w("dataset")), .text(Provenance.datasetName(datasetFile, language))]) }
        sheet.append([.text(w("dataset_checksum")), .text(datasetChecksum)])
        for f in scenarioFiles {
            // An embedded file as the tables write it: announced.yaml (内置) under zh.
            let path = language != .zh || !f.path.hasPrefix("embedded") ? f.path
                : f.path == "embedded" ? "内置" : String(f.path.dropFirst("embedded ".count)) + "（内置）"
            let checksum = f.checksum.isEmpty ? "" : language == .zh ? "（\(f.checksum)）" : " (\(f.checksum))"
            sheet.append([.text(w("scenario_file")), .text("\(f.scenario)\(language == .zh ? "：" : ": ")\(path)\(checksum)")])
        }
        sheet.append([.text(w("tool_version")), .text(toolVersion)])
        for (key, value) in sweep {
            let label = w("sweep_" + key)
            sheet.append([.text(label == "sweep_" + key ? w("sweep_") + key : label), .text(value)])
        }
        for (key, value) in extraRows { sheet.append([.text(key), .text(value)]) }
        sheet.append([.text(w("date")), .text(date)])
        sheet.append([.text(w("command")), .text(command)])
        sheet.append([.text(w("convention")), .text(Labels.text("convention", language))])
        if let units { sheet.append([.text(w("units")), .text(Labels.workbookUnits(units, language))]) }
        if let o = observedYears { sheet.append([.text(w("observed_years")), .text(language == .zh ? o.zh : o.en)]) }
        for s in sources { sheet.append([.text(w("source")), .text(s)]) }
        return sheet
    }
}
