// carbonsim-bench: the benchmark suite. Measures, on this machine, in one session:
//   1. one run of each default scenario: wall time, GSL right-hand-side evaluations, heap allocations;
//   2. runs per second per core, a 10,000-run Sobol sweep into SQLite on 1 and 2 jobs, the speed-up, peak memory;
//   3. the speed ratio against the Python/SciPy reference, for one run and for a 1,000-run sweep.
//
//   swift run -c release carbonsim-bench [--repetitions N] [--reference-runs N] [--no-reference]
// Run from the repository root (it reads scenarios/, Benchmarks/specs/ and reference/).
import Foundation
import MallocCounter
import Scenarios
import Simulator
import Sweeps

func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = CommandLine.arguments.firstIndex(of: name), i + 1 < CommandLine.arguments.count else { return fallback }
    return Int(CommandLine.arguments[i + 1]) ?? fallback
}

let repetitions = option("--repetitions", 300)
let referenceRuns = option("--reference-runs", 1000)
let withReference = !CommandLine.arguments.contains("--no-reference")

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<n { times.append(try seconds(body)) }
    return times.sorted()[n / 2]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func row(_ cells: [String], _ widths: [Int]) -> String {
    zip(cells, widths).map { c, w in c.count >= w ? c : c + String(repeating: " ", count: w - c.count) }.joined(separator: "  ")
}

let dataset = try Dataset.innerMongolia()
let defaults = try DefaultScenarios.load(dataset: dataset)
print("carbonsim-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.operatingSystemVersionString)\n")

// 1. Single runs.
print("One run of each default scenario (median of \(repetitions); model assembly, base-year split, integration, outputs):")
let w1 = [12, 12, 16, 22]
print(row(["scenario", "time (ms)", "RHS evaluations", "heap allocations/run"], w1))
var oneRun: [String: Double] = [:]
for s in defaults {
    let parameters = try PreparedScenario(s, dataset: dataset).parameters
    var evaluations = 0
    let t = try median(repetitions) { evaluations = try Simulation(model: CarbonModel(parameters: parameters)).run().evaluations }
    let before = malloc_counter_allocations()
    for _ in 0..<50 { _ = try Simulation(model: CarbonModel(parameters: parameters)).run() }
    let allocations = Double(malloc_counter_allocations() - before) / 50
    oneRun[s.name] = t
    print(row([s.name, String(format: "%.3f", t * 1000), String(evaluations), String(format: "%.0f", allocations)], w1))
}

// The right-hand side itself must not allocate (after its first calls, which may instantiate runtime
// metadata once).
func allocations(in model: CarbonModel, evaluations n: Int) -> UInt64 {
    let y = model.initialState()
    var dydt = [Double](repeating: 0, count: model.dimension)
    let before = malloc_counter_allocations()
    y.withUnsafeBufferPointer { yb in
        dydt.withUnsafeMutableBufferPointer { db in
            for k in 0..<n { _ = model.derivatives(t: 2020 + Double(k % 10_000) * 0.004, y: yb.baseAddress!, dydt: db.baseAddress!) }
        }
    }
    return malloc_counter_allocations() - before
}
let rhsModel = try CarbonModel(parameters: PreparedScenario(defaults[1], dataset: dataset).parameters)
let firstCalls = allocations(in: rhsModel, evaluations: 10)
print("heap allocations in 10,000 right-hand-side evaluations: \(allocations(in: rhsModel, evaluations: 10_000)) (in the first 10 calls: \(firstCalls))")

// 2. Sweeps.
func sweep(_ spec: String, jobs: Int) throws -> (seconds: Double, runs: Int) {
    let s = try SweepSpecLoader(dataset: dataset).load(path: spec)
    let db = FileManager.default.temporaryDirectory.appendingPathComponent("carbonsim-bench-\(UUID().uuidString).sqlite").path
    defer { for ext in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + ext) } }
    let store = try ResultStore(path: db, spec: s, datasetChecksum: dataset.checksum, years: Array(dataset.baseYear...dataset.endYear))
    let plan = try SweepPlan(spec: s, dataset: dataset)
    var runs = 0, failed = 0
    let t = try seconds { runs = try SweepRunner(plan: plan, jobs: jobs).run(into: store) { failed = $0.failed } }
    // A failed run (a lever setting refused) costs almost nothing: a sweep with failures measures the refusals,
    // not the model, so it is no benchmark.
    guard failed == 0 else {
        print("\(spec): \(failed) of \(runs) runs failed; a benchmark's runs must all run (see the runs' errors with carbonsim sweep)")
        exit(1)
    }
    return (t, runs)
}
print("\nA 10,000-run Sobol sweep into SQLite (Benchmarks/specs/sobol-10k.yaml, rkck 1e-6, default kept series):")
let one = try sweep("Benchmarks/specs/sobol-10k.yaml", jobs: 1)
let two = try sweep("Benchmarks/specs/sobol-10k.yaml", jobs: 2)
let w2 = [8, 10, 10]
print(row(["jobs", "time (s)", "runs/s"], w2))
print(row(["1", String(format: "%.2f", one.seconds), String(format: "%.0f", Double(one.runs) / one.seconds)], w2))
print(row(["2", String(format: "%.2f", two.seconds), String(format: "%.0f", Double(two.runs) / two.seconds)], w2))
print(String(format: "runs per second per core: %.0f; speed-up 1 -> 2 jobs: %.2fx; peak memory of this process: %.0f MB",
             Double(one.runs) / one.seconds, one.seconds / two.seconds, peakMemoryMB()))

// 3. Against the reference.
if withReference {
    print("\nAgainst the Python/SciPy reference (reference/sweep.py; same machine, same session, one core each):")
    let carbonsimSweep = try sweep("Benchmarks/specs/reference-1000.yaml", jobs: 1)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "reference/sweep.py", String(referenceRuns)]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0, let json = try JSONSerialization.jsonObject(with: data) as? [String: Double] else {
        print("  the reference did not run (pip install -r reference/requirements.txt)")
        exit(1)
    }
    let refOne = json["one_run_seconds"]!, refSweep = json["seconds"]! * 1000 / Double(max(referenceRuns, 1))
    let w3 = [34, 14, 14, 8]
    print(row(["", "carbonsim", "reference", "ratio"], w3))
    let announcedRun = oneRun["announced"] ?? 0
    print(row(["one run of announced (s)", String(format: "%.5f", announcedRun), String(format: "%.3f", refOne),
               String(format: "%.0fx", refOne / announcedRun)], w3))
    for (label, key) in [("  same tolerance, DOP853 1e-8 (s)", "one_run_matched_seconds"), ("  same tolerance, RK45 1e-8 (s)", "one_run_rk45_seconds")] {
        let t = json[key] ?? .nan
        print(row([label, String(format: "%.5f", announcedRun), String(format: "%.3f", t), String(format: "%.0fx", t / announcedRun)], w3))
    }
    print(row(["1,000 runs, wind varied (s)", String(format: "%.2f", carbonsimSweep.seconds), String(format: "%.1f", refSweep),
               String(format: "%.0fx", refSweep / carbonsimSweep.seconds)], w3))
    if referenceRuns != 1000 { print("  (reference time scaled from \(referenceRuns) runs)") }
}
