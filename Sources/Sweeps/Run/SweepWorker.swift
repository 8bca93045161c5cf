import Simulator

/// One worker: its own design cursor and one GSL driver reused for every run it does.
final class SweepWorker {
    let plan: SweepPlan
    let cursor: Design.Cursor
    let slot: ModelSlot
    let integrator: ODEIntegrator
    var x: [Double]

    init(plan: SweepPlan) throws {
        self.plan = plan
        cursor = try plan.spec.sampling.cursor()
        // The driver needs a system of the right dimension: the first base scenario as prepared (checked when
        // the plan was made). Not design point 0: a point the model refuses is that run's failure, not the sweep's.
        let first = try CarbonModel(parameters: plan.bases[0].parameters)
        slot = ModelSlot(first)
        integrator = try ODEIntegrator(system: slot, method: plan.spec.method, absoluteTolerance: plan.spec.tolerance,
                                       relativeTolerance: plan.spec.tolerance)
        x = Array(repeating: 0, count: plan.spec.factors.count)
    }

    static func point(_ cursor: Design.Cursor, _ j: Int, _ plan: SweepPlan) throws -> [Double] {
        var x = [Double](repeating: 0, count: plan.spec.factors.count)
        try cursor.point(j, into: &x)
        return x
    }

    /// Run i: depends only on the plan and i. A numerical failure is recorded, not thrown.
    func run(_ i: Int) -> RunResult {
        let k = plan.scenarioIndex(run: i)
        do {
            try cursor.point(plan.point(run: i), into: &x)
            plan.roundingYears(&x)
        } catch {
            return RunResult(run: i, scenario: plan.scenario(k).name, factors: x, error: "\(error)")
        }
        var result = RunResult(run: i, scenario: plan.scenario(k).name, factors: x)
        do {
            let model = try CarbonModel(parameters: plan.parameters(scenario: k, effective: &x))
            result.factors = x
            slot.model = model
            let trajectory = try Simulation(model: model).run(integrator: integrator)
            let indicators = try Indicators(trajectory: trajectory, targets: plan.scenario(k).targets)
            result.peakYear = indicators.peakYear
            result.peakValue = indicators.peak.value
            result.cumulativeCO2 = indicators.cumulativeNetCO2
            result.neutralityYear = indicators.neutralityYear
            result.co2 = RunResult.headlineYears.map { trajectory.value("co2_gross", year: $0) }
                + [trajectory.value("co2_net", year: trajectory.years.last!)]
            result.targets = indicators.targetChecks
            result.series = plan.spec.keep.map { trajectory.series($0) }
        } catch {
            result.error = "\(error)"
        }
        return result
    }
}

/// The system the worker's driver integrates: whichever model the current run uses. GSL keeps the
/// pointer to the system, so the slot stays while the model inside it changes.
final class ModelSlot: ODESystem {
    var model: CarbonModel { didSet { current = Unmanaged.passUnretained(model) } }
    /// The model `derivatives` calls, borrowed (the right-hand side does no reference counting); `model` keeps it alive.
    private var current: Unmanaged<CarbonModel>
    let dimension: Int

    init(_ model: CarbonModel) {
        self.model = model
        current = Unmanaged.passUnretained(model)
        dimension = model.dimension
    }

    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        current._withUnsafeGuaranteedRef { $0.derivatives(t: t, y: y, dydt: dydt) }
    }
}
