import ArgumentParser
import Scenarios

/// `carbonsim validate`: checks scenario files without running them.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: syntax, keys, types, ranges, years and extends targets."
    )

    @Argument(help: "Scenario YAML files.")
    var files: [String]

    @OptionGroup var data: DatasetOptions

    func run() throws {
        let dataset = try reportingErrors { try data.load() }
        let loader = ScenarioLoader(dataset: dataset)
        var failed = false
        for file in files {
            do {
                let s = try loadScenario(loader, file)
                _ = try PreparedScenario(s, dataset: dataset)
                print("\(file): ok (\(s.name): \(s.levers.count) lever\(s.levers.count == 1 ? "" : "s"), \(s.targets.isEmpty ? "no" : "with") targets)")
            } catch let e as InputError {
                printLine(e.description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
