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

    /// `embedded`: the scenarios are the embedded defaults (their files are named, not their install paths).
    public init(dataset: Dataset, scenarios: [Scenario], embedded: Bool = false, command: String, date: Date = Date()) {
        region = dataset.region
        regionZH = dataset.regionZH
        datasetFile = dataset.file
        datasetChecksum = dataset.checksum
        scenarioFiles = scenarios.flatMap { s in
            s.sources.isEmpty ? [ScenarioFile(scenario: s.name, path: "embedded", checksum: "")]
                : s.sources.map { source in
                    let path = embedded ? "embedded " + URL(fileURLWithPath: source.path).lastPathComponent : source.path
                    return ScenarioFile(scenario: s.name, path: path, checksum: fingerprint(source.text))
                }
        }
        toolVersion = ResultStore.toolVersion
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.date = formatter.string(from: date)
        self.command = command
        var seen = Set<String>()
        sources = (dataset.entries.map(\.source) + dataset.facts.map(\.source)).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The metadata sheet: one key and value a row (a row per scenario file and per source).
    public func sheet(_ language: Language, extra: [(String, String)] = []) -> Sheet {
        func w(_ key: String) -> String { Labels.workbook(key, language) }
        var sheet = Sheet(name: w("sheet_metadata"), frozenRows: 1, frozenColumns: 1)
        sheet.append([.heading(w("key")), .heading(w("value"))])
        sheet.append([.text(w("region")), .text(language == .zh && !regionZH.isEmpty ? regionZH : region)])
        sheet.append([.text(w("dataset")), .text(datasetFile)])
        sheet.append([.text(w("dataset_checksum")), .text(datasetChecksum)])
        for f in scenarioFiles {
            sheet.append([.text(w("scenario_file")), .text(f.checksum.isEmpty ? "\(f.scenario): \(f.path)" : "\(f.scenario): \(f.path) (\(f.checksum))")])
        }
        sheet.append([.text(w("tool_version")), .text(toolVersion)])
        sheet.append([.text(w("date")), .text(date)])
        sheet.append([.text(w("command")), .text(command)])
        sheet.append([.text(w("convention")), .text(Labels.text("convention", language))])
        for (key, value) in extra { sheet.append([.text(key), .text(value)]) }
        for s in sources { sheet.append([.text(w("source")), .text(s)]) }
        return sheet
    }
}
