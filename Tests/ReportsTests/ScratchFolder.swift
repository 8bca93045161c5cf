import Foundation

/// A temporary folder for command-line tests, and the small sweep spec several of them run.
struct ScratchFolder {
    let directory: URL

    init(_ prefix: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Writes `text` as `name` in the folder; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// An LHS sweep of the baseline over one dataset factor, written as `spec.yaml`; returns its path.
    func sweepSpec(name: String, runs n: Int) throws -> String {
        let scenarios = CLI.repository.appendingPathComponent("scenarios").path
        try """
            name: \(name)
            scenarios: [\(scenarios)/baseline.yaml]
            design: lhs
            n: \(n)
            factors:
              fly_ash.fuel_tce_per_tonne: {range: [1, 4]}
            """.write(toFile: path("spec.yaml"), atomically: true, encoding: .utf8)
        return path("spec.yaml")
    }
}
