import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator

extension Language: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Options every command that reads scenarios shares.
struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset YAML file (default: the embedded Inner Mongolia dataset).")
    var dataset: String?

    func load() throws -> Dataset {
        guard let path = dataset else { return try Dataset.innerMongolia() }
        return try Dataset.load(url: URL(fileURLWithPath: path), displayName: path)
    }
}

/// Prints a user error cleanly (file, line, key, what is accepted) and exits non-zero; nothing crashes.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as InputError {
        printLine(e.description)
        throw ExitCode(2)
    } catch let e as GSLError {
        printError("numerical failure: \(e)")
        throw ExitCode(3)
    } catch let e as BaseYearError {
        printError(e.description)
        throw ExitCode(3)
    }
}

func printError(_ message: String) {
    printLine("error: " + message)
}

/// One line to standard error.
func printLine(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Loads a scenario file and prints its warnings (a fraction typed for a percentage) on standard error.
func loadScenario(_ loader: ScenarioLoader, _ path: String) throws -> Scenario {
    let s = try loader.load(path: path)
    for w in s.warnings { printLine(w.description) }
    return s
}
