import ArgumentParser
import Foundation
import Reports
import Scenarios
import Simulator
import Sweeps

/// `carbonsim sweep`: runs a sweep spec on all cores into SQLite.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a parameter sweep into a SQLite database (resumable, shardable).",
        discussion: """
            The same spec gives the same results whatever --jobs is; a killed sweep
            continues with --resume. Then `carbonsim summarize <db>` gives
            percentiles, target probabilities and sensitivities.

            A spec (every key: README, "Parameter sweeps"; one per design in
            scenarios/sweeps/). A factor is a lever field (carbonsim levers) or a
            dataset parameter (carbonsim levers --parameters):

              name: wind-solar
              scenarios: [announced]     # files, or baseline / announced
              design: lhs                # grid | random | lhs | sobol | saltelli
              n: 20                      # runs (saltelli: base samples)
              seed: 1
              factors:
                sector_plans.power.wind.target: {range: [131, 250]}
                sector_plans.power.solar.target: {range: [70, 150]}
              keep: [co2_gross, co2_net] # annual series stored per run
            """
    )

    @Argument(help: "Sweep spec YAML file.")
    var spec: String

    @Option(name: .long, help: "SQLite database to write (default: <spec name>.sqlite).")
    var db: String?

    @Option(name: .long, help: "Worker threads; the default is the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Continue a sweep in an existing database, computing only the missing runs.")
    var resume = false

    @Option(name: .long, help: "Run only shard i of n (0-based): every n-th run starting at i.")
    var shard: String?

    @Option(name: .long, help: "Also write the runs as CSV to this file (and the kept series beside it: runs.csv gives runs.series.csv).")
    var csv: String?

    @Flag(name: .long, help: "No progress output.")
    var quiet = false

    @Option(name: .long, help: "Label language: en or zh.")
    var lang: Language = .en

    @OptionGroup var data: DatasetOptions

    func validate() throws {
        guard (1...SweepRunner.maximumJobs).contains(jobs) else {
            throw ValidationError(lang == .zh ? "--jobs 须为 1 到 \(SweepRunner.maximumJobs)，现为 \(jobs)" : "--jobs must be 1 to \(SweepRunner.maximumJobs), is \(jobs)")
        }
    }

    func parseShard() throws -> (Int, Int) {
        guard let shard else { return (0, 1) }
        let parts = shard.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, (0..<n).contains(i) else {
            throw InputError(file: "--shard", keyPath: "shard", message: "'\(shard)' is not a shard",
                             accepted: "i/n with n >= 1 and 0 <= i < n, for example 0/4")
        }
        return (i, n)
    }

    func run() throws {
        try reportingErrors(lang) {
            if let db { try checkOutputFile(db, option: "--db", replacesDatabase: true) }
            if let csv { try checkOutputFile(csv, option: "--csv") }
            let dataset = try data.load()
            let spec = try SweepSpecLoader(dataset: dataset).load(path: spec)
            // The base scenarios' own warnings first (a fraction typed for a percent in them holds in every run), once each.
            let told = ToldOnce()
            for scenario in spec.scenarios { printWarnings(scenario, dataset: dataset, language: lang, told: told) }
            for w in spec.warnings { told.print(lang.describe(w)) }
            let shard = try parseShard()
            guard shard.1 <= max(spec.runCount, 1) else {
                throw InputError(file: "--shard", keyPath: "shard", message: "\(shard.1) shards for \(spec.runCount) runs",
                                 accepted: "at most as many shards as runs: i/n with 1 <= n <= \(spec.runCount)")
            }
            let path = db ?? safeFileName(spec.name) + ".sqlite"
            try checkOutputFile(path, option: "--db", namedOnCommandLine: db != nil, replacesDatabase: true)
            if FileManager.default.fileExists(atPath: path) && !resume {
                // --resume is offered only where it would be taken: the same sweep, not another one or another file.
                let stored = try? ResultStore(existing: path, readOnly: true).identity()
                let difference = stored.flatMap { SweepIdentity(spec: spec, datasetChecksum: dataset.identityChecksum).difference(from: $0) }
                if let difference {
                    throw InputError(file: path, message: "the database exists already and holds results of a different sweep: \(difference)",
                                     accepted: "another --db (or remove this file to start over)")
                }
                throw InputError(file: path, message: "the database exists already",
                                 accepted: stored == nil ? "another --db (this file is no sweep database of carbonsim)" : "--resume to continue it, or another --db")
            }
            let plan = try SweepPlan(spec: spec, dataset: dataset)
            let years = Array(dataset.baseYear...dataset.endYear)
            // Before the database exists: once it does, a Ctrl-C is a stop that keeps what ran.
            let interruption = SweepInterruption()
            let store = try ResultStore(path: path, spec: spec, datasetChecksum: dataset.identityChecksum, years: years,
                                        region: (dataset.region, dataset.regionZH, Provenance(dataset).dataset))
            let lock = try WriterLock(path: path)
            defer { withExtendedLifetime(lock) {} }
            let reporter = ProgressReporter(quiet: quiet, language: lang)
            var runner = SweepRunner(plan: plan, jobs: jobs)
            runner.shouldStop = { interruption.isRequested }
            let ran = try runner.run(into: store, shard: shard) { reporter.update($0) }
            reporter.finish()
            // A stop that came after the last run (during the final checkpoint) interrupted nothing.
            if let signal = interruption.received,
               case let stored = try store.storedRuns(), !plan.runs(shard: shard.0, of: shard.1).allSatisfy(stored.contains) {
                let stored = try store.count()
                // The same command with --resume, each argument as a shell reads it back.
                let again = (["carbonsim"] + CommandLine.arguments.dropFirst().filter { $0 != "--resume" } + ["--resume"]).map { a in
                    !a.isEmpty && a.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_./:=,+-".contains($0)) }) ? a : "'" + a.replacingOccurrences(of: "'", with: "'\\''") + "'"
                }.joined(separator: " ")
                printError(lang == .zh
                           ? "已中断：本次完成\(ran)次运行，已存\(stored)次，共\(spec.runCount)次；继续运行：\(again)"
                           : "interrupted: \(ran) runs done now, \(stored) of \(spec.runCount) stored; to continue: \(again)", lang)
                throw ExitCode(128 + signal)
            }
            if !quiet {
                let stored = try store.count()
                printLine(lang == .zh
                          ? "\(path)：本次完成\(ran)次运行，已存\(stored)次，共\(spec.runCount)次（\(spec.design.rawValue)，\(spec.scenarios.count)个情景 × \(spec.pointCount)个样本点）"
                          : "\(path): \(ran) runs done now, \(stored) of \(spec.runCount) stored (\(spec.design.rawValue), \(spec.scenarios.count) scenario(s) x \(spec.pointCount) points)")
            }
            if let csv {
                let seriesPath = csv.hasSuffix(".csv") ? String(csv.dropLast(4)) + ".series.csv" : csv + ".series.csv"
                try store.exportCSV(runs: csv, series: seriesPath, bom: lang == .zh)
            }
        }
    }
}

/// Progress on standard error: a bar when it is a terminal, an occasional line otherwise.
final class ProgressReporter {
    let quiet: Bool
    let language: Language
    let terminal = isatty(STDERR_FILENO) == 1
    var lastLine = Date.distantPast
    var lastShown = 0

    init(quiet: Bool, language: Language = .en) {
        self.quiet = quiet
        self.language = language
    }

    func update(_ p: SweepRunner.Progress) {
        guard !quiet, p.total > 0 else { return }
        let rate = Double(p.done) / max(p.elapsed, 1e-9)
        // No estimate before the first run of this session is done (a resumed sweep starts at 0 runs/s).
        let seconds = p.done > 0 ? NumberFormat.fixed(Double(p.total - p.done) / rate, 0) : nil
        let perSecond = NumberFormat.fixed(rate.rounded(.down), 0)
        let text = language == .zh
            ? "已运行 \(p.done)/\(p.total) 次，每秒 \(perSecond) 次，预计还需 \(seconds.map { $0 + " 秒" } ?? "–")" + (p.failed > 0 ? "，失败 \(p.failed) 次" : "")
            : "\(p.done)/\(p.total) runs, \(perSecond) runs/s, ETA \(seconds.map { $0 + " s" } ?? "–")" + (p.failed > 0 ? ", \(p.failed) failed" : "")
        if terminal {
            let width = 30, filled = width * p.done / p.total
            FileHandle.standardError.write(Data(("\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] " + text + "   ").utf8))
        } else if Date().timeIntervalSince(lastLine) >= 10 || (p.done - lastShown) * 10 >= p.total || p.done == p.total {
            printLine(text)
            lastLine = Date()
            lastShown = p.done
        }
    }

    func finish() {
        if !quiet && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
