import ArgumentParser
import Foundation
import Reports
import Scenarios
import Server

/// `carbonsim serve`: the what-if page on a local web server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the interactive what-if page (local web server; Ctrl-C stops it).",
        discussion: """
        Open the address it prints in a browser. Every lever and target is a control; each change reruns the \
        scenario. The page and its API only read: no request writes a file or runs a sweep. It listens on \
        127.0.0.1 (this computer only) unless --host says otherwise; --host 0.0.0.0 lets anyone on the network \
        who can reach this computer use the page and read the scenario files in --scenarios. Without \
        --scenarios and with no scenarios folder in the current folder, the page offers the embedded baseline and \
        announced scenarios.
        """
    )

    @OptionGroup var data: DatasetOptions

    @Option(name: .long, help: "Folder of scenario files the page offers (only files under it are read; default: scenarios, else the embedded baseline and announced).")
    var scenarios: String?

    @Option(name: .long, help: "Sweep database whose fan charts, target probabilities and sensitivities the page shows.")
    var db: String?

    @Option(name: .long, help: "Address to listen on (127.0.0.1: this computer only).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .long, help: "Language the page opens in: zh or en.")
    var lang: Language = .zh

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError(lang == .zh ? "--port \(port) 不是端口号；可用：0 到 65535" : "--port \(port) is not a port; accepted: 0 to 65535")
        }
    }

    /// `--scenarios`, else `scenarios` where it exists, else the embedded scenarios (said on standard error), so that the
    /// page works from any folder, as `run` does.
    func scenariosFolder() throws -> String {
        if let scenarios { return scenarios }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "scenarios", isDirectory: &isDirectory), isDirectory.boolValue { return "scenarios" }
        guard let embedded = DefaultScenarios.folder else { return "scenarios" }
        printLine(lang == .zh ? "当前文件夹下没有 scenarios 文件夹：页面提供内置的基准情景和已公布政策情景（--scenarios 可指定文件夹）"
                              : "no scenarios folder here: the page offers the embedded baseline and announced scenarios (--scenarios names a folder)")
        return embedded.path
    }

    func run() async throws {
        let listen = self.host
        let server = try reportingErrors(lang) { () throws -> WhatIfServer in
            // The dataset as every command loads it: history mode unless --no-history, --province.
            var configuration = ServeConfiguration(host: listen, port: port, datasetPath: data.dataset, scenariosFolder: try scenariosFolder(),
                                                   sweepDatabase: db, language: lang.rawValue)
            configuration.dataset = try data.load()
            configuration.runOptions = (data.noHistory ? ["--no-history"] : []) + (data.province.map { ["--province", $0] } ?? [])
            return try WhatIfServer(configuration: configuration)
        }
        let host = self.host, shown = host.contains(":") ? "[\(host)]" : host
        do {
            try await server.run { port in
                // Unbuffered: scripts read the address to know the server is up.
                FileHandle.standardOutput.write(Data("carbonsim serve: http://\(shown):\(port)/  (Ctrl-C stops it)\n".utf8))
            }
        } catch {
            let failure = ListenFailure(host: host, port: port, error: error)
            printError(failure.message(lang), lang)
            printLine("  " + failure.accepted(lang))
            throw ExitCode(1)
        }
    }
}
