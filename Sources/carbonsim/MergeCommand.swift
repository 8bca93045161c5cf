import ArgumentParser
import Reports
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

    @Option(name: .long, help: "Label language: en or zh.")
    var lang: Language = .en

    func run() throws {
        try reportingErrors(lang) {
            try checkOutputFile(output, option: "--output", replacesDatabase: true)
            try ResultStore.merge(shards, into: output)
            let store = try ResultStore(existing: output)
            let count = try store.count(), total = try store.meta("run_count") ?? "?"
            printLine(lang == .zh ? "\(output)：已合并\(count)次运行，共\(total)次" : "\(output): \(count) of \(total) runs")
        }
    }
}
