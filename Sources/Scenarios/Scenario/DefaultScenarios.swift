import Foundation

/// The scenarios `carbonsim run` uses when given no file: baseline and announced, embedded in the package.
public enum DefaultScenarios {
    public static let names = ["baseline", "announced"]

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
