import Foundation

/// The scenarios `carbonsim run` uses when given no file: baseline and announced, embedded in the package.
public enum DefaultScenarios {
    public static let names = ["baseline", "announced"]

    /// Whether `dataset` is of the region the embedded scenarios were written for (Inner Mongolia): its
    /// "announced" scenario is that region's published plan.
    public static func isHomeRegion(_ dataset: Dataset) -> Bool {
        CEADsHistory.comparable(dataset.region) == CEADsHistory.comparable("Inner Mongolia")
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

    public static func load(dataset: Dataset) throws -> [Scenario] {
        guard let dir = Bundle.module.url(forResource: "Defaults", withExtension: nil) else {
            throw InputError(file: "Defaults", message: "the embedded default scenarios are missing from the package resources")
        }
        let loader = ScenarioLoader(dataset: dataset)
        return try names.map { name in
            var s = try loader.load(path: dir.appendingPathComponent("\(name).yaml").path)
            s.file = "\(name).yaml (embedded)"
            return s
        }
    }
}
