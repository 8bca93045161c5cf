import ArgumentParser
import Sweeps

/// `carbonsim merge`: joins shard databases of one sweep.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join shard databases of one sweep (refuses shards of different specs)."
    )

    @Option(name: .shortAndLong, help: "The merged database.")
    var output: String

    @Argument(help: "Shard databases.")
    var shards: [String]

    func run() throws {
        try reportingErrors {
            try checkOutputFile(output, option: "--output")
            try ResultStore.merge(shards, into: output)
            let store = try ResultStore(existing: output)
            printLine("\(output): \(try store.count()) of \(try store.meta("run_count") ?? "?") runs")
        }
    }
}
