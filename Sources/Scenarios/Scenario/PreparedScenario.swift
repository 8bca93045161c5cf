import Simulator

/// A scenario turned into the core's inputs: parameters with levers applied, and targets to check.
public struct PreparedScenario: Sendable {
    public let scenario: Scenario
    public let parameters: ModelParameters
    public var name: String { scenario.name }
    public var targets: Targets { scenario.targets }

    public init(_ scenario: Scenario, dataset: Dataset) throws {
        self.scenario = scenario
        if scenario.enforceDualControl && scenario.targets.energyCap.isEmpty {
            throw InputError(file: scenario.file, keyPath: "measures.dual_control.enforce",
                             message: "enforcing dual control needs an energy cap to enforce",
                             accepted: "targets.energy_cap with at least one year, for example {2025: 250}")
        }
        let data = try dataset.applying(scenario.assumptions.sorted { $0.key < $1.key }.map { ($0.key, $0.value, nil) })
        var p = try data.modelParameters()
        var levers = LeverSettings(baselineFor: p)
        for (path, s) in scenario.levers.sorted(by: { $0.key < $1.key }) {
            guard let lever = LeverCatalog.lever(path) else { continue }
            PreparedScenario.set(lever, s, on: &levers, baseline: p)
        }
        p.levers = levers
        p.accounting = scenario.accounting
        p.dualControl.enforce = scenario.enforceDualControl
        p.dualControl.cap = PiecewiseLinear(points: scenario.targets.energyCap.map { (Double($0.key) + 0.5, $0.value) })
        parameters = p
    }

    /// Sets one lever's schedule from its setting in file units.
    public static func set(_ lever: LeverDefinition, _ s: LeverSetting, on levers: inout LeverSettings, baseline p: ModelParameters) {
        let from = (lever.baselineLevel(p) ?? 0) * lever.scale
        lever.apply(&levers, Schedule(start: s.start, full: s.full, shape: s.shape, from: from, to: s.target * lever.scale))
    }

    /// Runs the scenario: trajectory and indicators.
    public func run() throws -> ScenarioResult {
        let model = try CarbonModel(parameters: parameters)
        let trajectory = try Simulation(model: model).run()
        return ScenarioResult(name: name, description: scenario.description, trajectory: trajectory,
                              indicators: try Indicators(trajectory: trajectory, targets: targets),
                              costs: CostModel(trajectory: trajectory, parameters: parameters))
    }
}

/// What one scenario run produced.
public struct ScenarioResult: Sendable {
    public let name: String
    public let description: String
    public let trajectory: Trajectory
    public let indicators: Indicators
    /// What the scenario's measures cost.
    public let costs: CostModel
}
