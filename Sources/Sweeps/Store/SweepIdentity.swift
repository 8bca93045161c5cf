import Foundation
import Scenarios

/// What makes the results of two sweeps comparable: the spec text, the resolved scenario files (every
/// base scenario's text and every file it `extends:`), the dataset and the tool version. Stored in
/// `meta`; a resume or a merge refuses any difference and says which part differs. Paths are not part
/// of it (shards run in other folders are the same sweep); contents are.
public struct SweepIdentity: Equatable, Sendable {
    public var spec: String
    public var scenarios: String
    public var dataset: String
    public var tool: String

    /// The meta keys, in the order differences are told.
    static let keys = ["spec_hash", "scenarios_hash", "dataset_checksum", "tool_version"]

    public init(spec: String, scenarios: String, dataset: String, tool: String) {
        self.spec = spec
        self.scenarios = scenarios
        self.dataset = dataset
        self.tool = tool
    }

    public init(spec: SweepSpec, datasetChecksum: String, tool: String = ResultStore.toolVersion) {
        self.init(spec: fingerprint(Self.portable(spec.text)), scenarios: Self.scenariosHash(spec.scenarios),
                  dataset: datasetChecksum, tool: tool)
    }

    /// One fingerprint over the base scenarios in spec order, each with the texts of its files (bases first).
    /// An embedded default scenario has no file text of its own here: its name and the tool version stand for it.
    static func scenariosHash(_ scenarios: [Scenario]) -> String {
        var text = ""
        for s in scenarios {
            text += "scenario \(s.name)\n"
            for source in s.sources {
                let portable = Self.portable(source.text)
                text += "file \(portable.utf8.count)\n" + portable + "\n"
            }
        }
        return fingerprint(text)
    }

    /// A text as it reads on any system: Windows line endings (CRLF) and a byte-order mark do not make another sweep,
    /// so shards run by colleagues on Windows and Linux merge. LF text is unchanged (existing databases keep their identity).
    static func portable(_ text: String) -> String {
        var t = text.replacingOccurrences(of: "\r\n", with: "\n")
        if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
        return t
    }

    /// Lines listing the resolved scenario files with their fingerprints, for the `meta` table.
    static func scenarioFiles(_ scenarios: [Scenario]) -> String {
        scenarios.flatMap { s in s.sources.map { "\(fingerprint($0.text))  \(s.name)  \($0.path)" } }.joined(separator: "\n")
    }

    var values: [String?] { [spec, scenarios, dataset, tool] }

    init(stored: (String) throws -> String?) rethrows {
        spec = try stored("spec_hash") ?? ""
        scenarios = try stored("scenarios_hash") ?? ""
        dataset = try stored("dataset_checksum") ?? ""
        tool = try stored("tool_version") ?? ""
    }

    /// What differs between `self` (what is asked) and `stored`, told for a user; nil if nothing.
    public func difference(from stored: SweepIdentity) -> String? {
        var parts: [String] = []
        if spec != stored.spec { parts.append("the sweep spec text differs") }
        if scenarios != stored.scenarios {
            parts.append(stored.scenarios.isEmpty
                         ? "it does not record its scenario files (made by an older carbonsim)"
                         : "the base scenario files differ (a scenario or a file it extends was edited, or other files are listed)")
        }
        if dataset != stored.dataset {
            // The checksum, then " history …" in history mode: the same file in the other mode is told as such.
            let file = { (s: String) in s.components(separatedBy: " history ")[0] }
            let history = { (s: String) in s.contains(" history ") }
            if file(dataset) == file(stored.dataset) && history(dataset) != history(stored.dataset) {
                parts.append(history(stored.dataset) ? "the sweep was made in history mode (the default): resume it without --no-history"
                                                     : "the sweep was made with --no-history: resume it with --no-history")
            } else if file(dataset) == file(stored.dataset) {
                parts.append("the observations or what history mode fitted to them differ (the observations file was edited or replaced)")
            } else {
                parts.append("the dataset differs (another --dataset, or the dataset file was edited)")
            }
        }
        if tool != stored.tool { parts.append("the tool version differs (\(stored.tool.isEmpty ? "unknown" : stored.tool) there, \(tool) here)") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
