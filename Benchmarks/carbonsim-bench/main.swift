// carbonsim-bench: the cost of one model run, measured rather than asserted.
//
//   swift run -c release carbonsim-bench [repetitions]
//
// For each default scenario: median and best wall time of a full run (model assembly + calibration +
// integration + outputs), the integration alone, and GSL right-hand-side evaluations per run.
import Foundation
import Scenarios
import Simulator

let repetitions = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500 : 500

func measure(_ n: Int, _ body: () throws -> Void) rethrows -> (median: Double, best: Double) {
    var times: [Double] = []
    times.reserveCapacity(n)
    for _ in 0..<n {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    times.sort()
    return (times[n / 2], times[0])
}

func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

let dataset = try Dataset.innerMongolia()
let scenarios = try DefaultScenarios.load(dataset: dataset)
print("carbonsim-bench: \(repetitions) repetitions per scenario, release build, one core")
print("scenario     full run (ms, median / best)   integration only (ms, median / best)   RHS evaluations   runs/s")
for scenario in scenarios {
    let prepared = try PreparedScenario(scenario, dataset: dataset)
    let model = try CarbonModel(parameters: prepared.parameters)
    let integrator = try ODEIntegrator(system: model)
    var evaluations = 0
    _ = try Simulation(model: model).run(integrator: integrator)
    let full = try measure(repetitions) {
        let m = try CarbonModel(parameters: prepared.parameters)
        evaluations = try Simulation(model: m).run().evaluations
    }
    let integration = try measure(repetitions) { _ = try Simulation(model: model).run(integrator: integrator) }
    let line = scenario.name.padding(toLength: 12, withPad: " ", startingAt: 0)
        + pad(String(format: "%.3f / %.3f", full.median, full.best), 30)
        + pad(String(format: "%.3f / %.3f", integration.median, integration.best), 39)
        + pad(String(evaluations), 18) + pad(String(format: "%.0f", 1000 / full.median), 9)
    print(line)
}

if CommandLine.arguments.contains("--probe") {
    let s = scenarios[1]
    let a = try measure(2000) { _ = try PreparedScenario(s, dataset: dataset) }
    let b = try measure(2000) { _ = try dataset.modelParameters() }
    print("prepare", a, "modelParameters", b)
}

if CommandLine.arguments.contains("--evals") {
    for method in [ODEMethod.rkck, .rkf45, .rk8pd] {
        for tol in [1e-6, 1e-5] {
            var line = "\(method) \(tol):"
            for scenario in scenarios {
                let model = try CarbonModel(parameters: PreparedScenario(scenario, dataset: dataset).parameters)
                let integrator = try ODEIntegrator(system: model, method: method, absoluteTolerance: tol, relativeTolerance: tol)
                let r = try Simulation(model: model).run(integrator: integrator)
                let reference = try Simulation(model: model).run()
                var err = 0.0
                for (a, b) in zip(r.values, reference.values) where b.isFinite && abs(b) > 1e-3 { err = max(err, abs(a - b) / abs(b)) }
                let t = try measure(200) { _ = try Simulation(model: model).run(integrator: integrator) }
                line += " \(scenario.name) \(r.evaluations) evals \(String(format: "%.3f ms, max rel diff %.1e", t.median, err));"
            }
            print(line)
        }
    }
}
