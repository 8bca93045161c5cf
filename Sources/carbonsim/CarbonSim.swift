import ArgumentParser
import Foundation
import Reports
import Sweeps

@main
struct CarbonSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carbonsim",
        abstract: "Carbon peak and neutrality scenarios for provincial analysts (default region: Inner Mongolia).",
        discussion: """
        Scenario files are YAML in the "1+N+X" shape: targets (the "1"), sector_plans (the "N"), \
        measures (the "X"). They say only what differs from the dataset's baseline and may `extends:` another file.
        """,
        version: String(ResultStore.toolVersion.dropFirst("carbonsim ".count)),
        subcommands: [RunCommand.self, CompareCommand.self, SweepCommand.self, SummarizeCommand.self, MergeCommand.self, PlotCommand.self,
                      DecomposeCommand.self, SolveCommand.self, OptimizeCommand.self, CalibrateCommand.self,
                      ValidateCommand.self, LeversCommand.self, HindcastCommand.self, ServeCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// As the argument parser's own entry point, with two changes: its messages are in Chinese under `--lang zh`
    /// (and for `serve`, whose page opens in Chinese), and `help` with a command that does not exist is a usage
    /// error, not the top-level help with exit 0.
    static func main() async {
        var arguments = joiningNegativeValues(Array(CommandLine.arguments.dropFirst()))
        let chineseHelp = asksForChinese(arguments)
        // `help run --lang zh`: the help command takes no options of its own.
        if arguments.first == "help" { arguments = withoutLanguage(arguments) }
        do {
            if let unknown = unknownHelpTopic(arguments) {
                throw ValidationError(chineseHelp || requestedLanguage(arguments) == .zh
                    ? "没有命令 '\(unknown.name)'；可用：\(unknown.known.joined(separator: "、"))"
                    : "no command '\(unknown.name)'; accepted: \(unknown.known.joined(separator: ", "))")
            }
            try await run(parseAsRoot(arguments))
        } catch {
            let code = exitCode(for: error)
            var message = fullMessage(for: error)
            if code != .success && (chineseHelp || requestedLanguage(arguments) == .zh) { message = UsageMessagesZH.translate(message) }
            // The help page only when Chinese is asked for (serve's own default does not make its help Chinese).
            if code == .success && chineseHelp && message.hasPrefix("OVERVIEW: ") { message = HelpPageZH.translate(message) }
            if !message.isEmpty {
                if code == .success { print(message) } else { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    private static func run(_ command: ParsableCommand) async throws {
        if var asyncCommand = command as? AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            var syncCommand = command
            try syncCommand.run()
        }
    }

    /// `--shard -1/3`, `--port -1`: the argument parser reads a value that starts with a minus as an option and
    /// says "missing value". Joined as `--shard=-1/3`, the value reaches its option, whose check names what it accepts.
    static func joiningNegativeValues(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for a in arguments {
            let looksNegative = a.count > 1 && a.hasPrefix("-") && (a.dropFirst().first.map { $0.isNumber || $0 == "." } ?? false)
            if looksNegative, let option = out.last, option.hasPrefix("--"), option.count > 2, !option.contains("=") {
                out[out.count - 1] = option + "=" + a
            } else {
                out.append(a)
            }
        }
        return out
    }

    /// The language `--lang` asks for; without it, Chinese for `serve` (its default) and English otherwise.
    static func requestedLanguage(_ arguments: [String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst(7))) ?? .en }
            if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) ?? .en }
        }
        return arguments.first == "serve" ? .zh : .en
    }

    /// Whether `--lang zh` is on the command line.
    static func asksForChinese(_ arguments: [String]) -> Bool {
        arguments.contains("--lang=zh") || zip(arguments, arguments.dropFirst()).contains { $0 == ("--lang", "zh") }
    }

    static func withoutLanguage(_ arguments: [String]) -> [String] {
        var out: [String] = [], skip = false
        for (i, a) in arguments.enumerated() {
            if skip { skip = false; continue }
            if a.hasPrefix("--lang=") { continue }
            if a == "--lang", i + 1 < arguments.count { skip = true; continue }
            out.append(a)
        }
        return out
    }

    /// In `carbonsim help a b`, the first name that is not a command at its place, with the names that are.
    static func unknownHelpTopic(_ arguments: [String]) -> (name: String, known: [String])? {
        guard arguments.first == "help" else { return nil }
        var commands: [ParsableCommand.Type] = configuration.subcommands
        // The topics come first: `help run --lang zh` asks for run's help, in Chinese.
        for name in arguments.dropFirst().prefix(while: { !$0.hasPrefix("-") }) {
            var names: [String] = []
            var next: [ParsableCommand.Type]?
            for command in commands {
                let commandName: String = command._commandName
                names.append(commandName)
                if commandName == name { next = subcommands(of: command) }
            }
            guard let found = next else { return (name, names) }
            commands = found
        }
        return nil
    }

    private static func subcommands(of command: ParsableCommand.Type) -> [ParsableCommand.Type] {
        let configuration: CommandConfiguration = command.configuration
        return configuration.subcommands
    }
}
