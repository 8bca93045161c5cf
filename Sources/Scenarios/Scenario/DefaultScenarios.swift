import Foundation
import Simulator

/// The scenarios `carbonsim run` uses when given no file: baseline and announced, embedded in the package.
public enum DefaultScenarios {
    public static let names = ["baseline", "announced"]

    /// Whether `dataset` is of the region the embedded scenarios were written for (Inner Mongolia): its
    /// "announced" scenario is that region's published plan.
    public static func isHomeRegion(_ dataset: Dataset) -> Bool {
        CEADsHistory.comparable(dataset.region) == CEADsHistory.comparable("Inner Mongolia")
    }

    /// The scenario a command about one policy uses when given no file: the embedded announced for Inner Mongolia,
    /// whose plan it is, else the region's baseline.
    public static func policy(dataset: Dataset) throws -> Scenario {
        let defaults = try load(dataset: dataset)
        return isHomeRegion(dataset) ? defaults[1] : defaults[0]
    }

    /// The embedded file an `extends:` line names when no such file exists beside the scenario: `announced`,
    /// `announced.yaml`, `baseline` or `baseline.yaml`, without a folder. A file of one's own anywhere can so extend
    /// the shipped plan, as the README's examples do from the repository's `scenarios/`.
    public static func embeddedFile(named target: String) -> URL? {
        guard !target.contains("/") else { return nil }
        let name = target.hasSuffix(".yaml") ? String(target.dropLast(5)) : target
        guard names.contains(name) else { return nil }
        return Bundle.module.url(forResource: "Defaults", withExtension: nil)?.appendingPathComponent("\(name).yaml")
    }

    /// The folder of the embedded scenario files (baseline.yaml, announced.yaml): what `serve` offers where there is no
    /// scenarios folder of one's own.
    public static var folder: URL? { Bundle.module.url(forResource: "Defaults", withExtension: nil) }

    /// The name a file shipped inside the package is shown by ("announced.yaml (embedded)"), and whether a shown
    /// name is one: messages and reports say "embedded" (（内置） in Chinese) instead of an install path.
    public static func displayName(_ fileName: String) -> String { "\(fileName) (embedded)" }
    public static func isDisplayedAsEmbedded(_ name: String) -> Bool { name.hasSuffix(" (embedded)") }

    /// Whether `path` is one of the embedded files (their install path means nothing to a reader of a report).
    public static func isEmbedded(_ path: String) -> Bool {
        guard let dir = Bundle.module.url(forResource: "Defaults", withExtension: nil) else { return false }
        let folder = dir.standardizedFileURL.resolvingSymlinksInPath().path
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent().path == folder
    }

    /// The embedded scenario a missing file's name was likely meant as (`Announced`, `announced.yml`), if any.
    public static func suggestion(for target: String) -> String? {
        guard !target.contains("/") else { return nil }
        var stem = target.lowercased()
        for ext in [".yaml", ".yml"] where stem.hasSuffix(ext) { stem = String(stem.dropLast(ext.count)) }
        return didYouMean(stem, in: names)
    }

    /// A scenario file named on the command line: the file if it exists, else the embedded scenario of that name
    /// (with a warning saying so), else an error naming the embedded ones.
    public static func load(_ path: String, with loader: ScenarioLoader) throws -> Scenario {
        guard !FileManager.default.fileExists(atPath: path) else { return try loader.load(path: path) }
        guard let embedded = embeddedFile(named: path) else {
            throw InputError(file: path, message: noSuchFile(path, what: "scenario file"),
                             accepted: "the path of a scenario file, or \(names.map { "'\($0)'" }.joined(separator: " or ")) for the embedded scenario",
                             suggestion: suggestion(for: path))
        }
        return try load(embedded: embedded, named: path, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                        with: loader, toldAt: path, line: nil, keyPath: "")
    }

    /// The embedded scenario read where a name given for a scenario file (on the command line, in a spec) is no file
    /// there, with a warning at that name: a local copy that went missing is not silently replaced by the shipped file.
    static func load(embedded: URL, named target: String, in directory: URL, with loader: ScenarioLoader,
                     toldAt file: String, line: Int?, keyPath: String) throws -> Scenario {
        var s = try loader.load(url: embedded, displayName: displayName(embedded.lastPathComponent), chain: [])
        s.warnings.insert(InputWarning(file: file, line: line, keyPath: keyPath,
                                       message: "there is no such file here: this is the embedded \(embedded.lastPathComponent), the shipped scenario (scenarios/\(embedded.lastPathComponent) in the repository)"
                                        + namesakeNote(target, in: directory)), at: 0)
        return s
    }

    /// A bare name (announced) means the embedded scenario even where announced.yaml lies in the folder: the warning
    /// names that file and how to run it, rather than saying there is none.
    static func namesakeNote(_ target: String, in directory: URL) -> String {
        guard !target.hasSuffix(".yaml") && !target.hasSuffix(".yml") else { return "" }
        for name in [target + ".yaml", target + ".yml"]
        where FileManager.default.fileExists(atPath: URL(fileURLWithPath: name, relativeTo: directory).path) {
            return " (not the file '\(name)' there: write '\(name)' for that one)"
        }
        return ""
    }

    /// The embedded scenarios were written for Inner Mongolia. On another region the baseline keeps only the national
    /// goals among its targets (peak by 2030, neutrality by 2060), not Inner Mongolia's intensity and non-fossil
    /// targets; and announced, Inner Mongolia's plan, is run as written but with a warning saying whose plan it is.
    /// `name` is the embedded file's (baseline or announced), `file` the name its warnings show.
    static func adapt(_ scenario: inout Scenario, named name: String, file: String, to dataset: Dataset) {
        guard !isHomeRegion(dataset) else { return }
        let region = dataset.region
        if name == "baseline" {
            let national = Targets.nationalGoals(of: scenario.targets)
            if national != scenario.targets {
                scenario.targets = national
                scenario.warnings.append(InputWarning(file: file, line: nil, keyPath: "targets",
                                                      message: "on \(region) the embedded baseline checks the national goals only (peak by 2030, neutrality by 2060); its other targets are Inner Mongolia's. Write \(region)'s own targets in a scenario file that extends it"))
            }
        } else if name == "announced" {
            scenario.warnings.append(InputWarning(file: file, line: nil, keyPath: "",
                                                  message: "the embedded announced.yaml is Inner Mongolia's published plan: its measures and targets are Inner Mongolia's, here run on \(region)"))
        }
    }

    public static func load(dataset: Dataset) throws -> [Scenario] {
        guard let dir = Bundle.module.url(forResource: "Defaults", withExtension: nil) else {
            throw InputError(file: "Defaults", message: "the embedded default scenarios are missing from the package resources")
        }
        let loader = ScenarioLoader(dataset: dataset)
        // Loaded under their display name, so that warnings at their lines name "announced.yaml (embedded)", not the
        // install path of the package's resources.
        return try names.map { name in
            try loader.load(url: dir.appendingPathComponent("\(name).yaml"), displayName: displayName("\(name).yaml"), chain: [])
        }
    }
}
