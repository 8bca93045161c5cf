import ArgumentParser
import Reports
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

    @Option(name: .long, help: "Label language: en or zh.")
    var lang: Language = .en

    func run() throws {
        let dataset = try reportingErrors(lang) { try data.load() }
        let loader = ScenarioLoader(dataset: dataset)
        var failed = false
        for file in files {
            do {
                let s = try loadScenario(loader, file, language: lang)
                _ = try PreparedScenario(s, dataset: dataset)
                print(lang == .zh
                      ? "\(file)：通过（\(s.name)：\(s.levers.count)项政策措施，\(s.targets.isEmpty ? "无" : "含")目标）"
                      : "\(file): ok (\(s.name): \(s.levers.count) lever\(s.levers.count == 1 ? "" : "s"), \(s.targets.isEmpty ? "no" : "with") targets)")
            } catch let e as InputError {
                printInputError(e, lang)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
