import Foundation
import Scenarios
import Simulator

/// Least-cost lever mixes: minimise an objective (by default the total discounted cost of the measures)
/// subject to the "1" targets, with `gsl_multimin`'s simplex on an augmented Lagrangian.
///
/// Bounds are kept by transformation (x = lo + (hi - lo)(1 + sin u)/2, u free). Constraints are the targets'
/// margins g_j >= 0 (years, %, Mt, Mtce), scaled by s_j. The augmented Lagrangian is
///   L(u) = f(x)/f0 + (1/2rho) sum_j [max(0, lambda_j - rho g_j/s_j)^2 - lambda_j^2],
/// with lambda_j <- max(0, lambda_j - rho g_j/s_j) after each inner minimisation and rho raised while the
/// violation does not halve. Several starts from Sobol points; the best feasible result wins.
public struct LeastCostOptimizer {
    public struct Evaluation: Sendable {
        public let x: [Double]
        public let objective: Double
        /// The constraints' margins.
        public let margins: [Constraints.Margin]
        /// Targets history fixes (`LeastCostOptimizer.fixedByHistory`): reported, not constraints.
        public var fixed: [Constraints.Margin] = []
        public var feasible: Bool { margins.allSatisfy { $0.margin >= -1e-4 } }
    }

    public struct Result: Sendable {
        public let best: Evaluation
        /// Constraints within `bindingTolerance` of their limit.
        public let binding: [String]
        /// Change of the objective per unit of tightening of each binding target: a finite difference over a
        /// tightening of `Result.tighteningStep` of the target's scale (0.1 pp, 1 Mt), not the cost of a whole unit.
        public let marginalCosts: [String: Double]
        /// Binding targets for which re-optimising from the optimum found no feasible point with the target tightened
        /// by that step: usually the optimum is at the edge of what the bounds allow (a local search proves no more).
        public let cannotTighten: [String]
        public let runs: Int
        public let converged: Bool
    }

    public let spec: OptimizeSpec
    public let dataset: Dataset
    public var bindingTolerance = 0.02
    public var maxIterations = 400
    public var outerIterations = 6

    /// The base scenario's parameters: the variables' levels are read against them.
    let baseParameters: ModelParameters

    public init(spec: OptimizeSpec, dataset: Dataset) {
        self.spec = spec
        self.dataset = dataset
        baseParameters = (try? PreparedScenario(spec.base, dataset: dataset).parameters) ?? (try? dataset.modelParameters()) ?? ModelParameters()
    }

    /// The scenario with the variables set to `x`.
    /// A variable is the level its last milestone reaches (for a delta, the level with the delta).
    public func scenario(_ x: [Double]) -> Scenario {
        var s = spec.base
        s.targets = spec.targets
        for (v, value) in zip(spec.variables, x) {
            s.levers[v.lever.path] = v.lever.setting(v.schedule, reaching: value, baseParameters)
        }
        return s
    }

    /// Every target is met with this margin to spare (times its scale), so the optimum passes under `run`.
    public static let safety = 1e-3

    public func evaluate(_ x: [Double], shift: [String: Double] = [:]) throws -> Evaluation {
        let r = try PreparedScenario(scenario(x), dataset: dataset).run()
        let value: Double
        switch spec.objective {
        case "total_cost": value = r.costs.totalDiscounted
        case "cumulative_co2": value = r.indicators.cumulativeNetCO2
        case "peak_value": value = r.indicators.peak.value
        default:
            let parts = spec.objective.split(separator: "@")
            value = r.trajectory.value(String(parts[0]), year: Int(parts[1])!) ?? .nan
        }
        let all = Constraints.margins(r, spec.targets)
        let margins = all.filter { !fixedByHistory($0) }.map { m in
            Constraints.Margin(name: m.name, kind: m.kind, year: m.year,
                               margin: m.margin - (shift[m.name] ?? 0) - Self.safety * Self.scale(m.kind), reported: m.reported)
        }
        return Evaluation(x: x, objective: value, margins: margins, fixed: all.filter(fixedByHistory))
    }

    /// Whether history fixes a target: checked in one year of history mode's observed years, before every variable
    /// acts (wind and solar follow their observed capacities through the last year observed whatever their start). No
    /// mix moves it, met or missed (the base scenario's 14th-plan targets), so it is reported, not a constraint.
    public func fixedByHistory(_ m: Constraints.Margin) -> Bool {
        guard let history = dataset.history, m.year <= history.lastObservedYear, !m.kind.isWholeRun else { return false }
        return spec.variables.allSatisfy { v in
            max(v.schedule.start, (history.lastFollowedYear(v.lever) ?? Int.min) + 1) > m.year
        }
    }

    /// How far a binding target is tightened to measure its marginal cost: a tenth of its scale (0.1 pp, 1 Mt CO2).
    public static func tighteningStep(_ kind: TargetCheck.Kind) -> Double { 0.1 * scale(kind) }

    public static func scale(_ kind: TargetCheck.Kind) -> Double {
        switch kind {
        case .peakCeiling, .energyCap: return 10
        default: return 1
        }
    }

    /// The variables from the unconstrained coordinates. Within a millionth of its range of a bound, a variable is at the
    /// bound: the simplex converges to a bound only to within its tolerance, and an optimum file should say 0, not 1.5e-09.
    func x(_ u: [Double]) -> [Double] {
        zip(u, spec.variables).map { u, v in
            let share = (1 + sin(u)) / 2
            return share < 1e-6 ? v.lower : share > 1 - 1e-6 ? v.upper : v.lower + (v.upper - v.lower) * share
        }
    }

    func u(_ x: [Double]) -> [Double] {
        zip(x, spec.variables).map { x, v in asin(min(max(2 * (x - v.lower) / (v.upper - v.lower) - 1, -1), 1)) }
    }

    /// One augmented-Lagrangian solve from `start` (in x), with targets tightened by `shift`.
    func solve(from start: [Double], shift: [String: Double], runs: inout Int) throws -> (Evaluation, Bool) {
        let sign = spec.maximize ? -1.0 : 1.0
        let first = try evaluate(start, shift: shift)
        runs += 1
        let f0 = max(abs(first.objective), 1)
        var lambda = [Double](repeating: 0, count: first.margins.count)
        var rho = 10.0, u0 = u(start), previousViolation = Double.infinity
        var best = first, converged = false
        var count = 0
        for _ in 0..<outerIterations {
            let l = lambda, r = rho
            let result = try Minimizer.nelderMead(start: u0, steps: u0.map { _ in 0.4 }, tolerance: 1e-4, maxIterations: maxIterations) { u in
                count += 1
                let e = try self.evaluate(self.x(u), shift: shift)
                var value = sign * e.objective / f0
                for (j, m) in e.margins.enumerated() {
                    let g = m.margin / Self.scale(m.kind)
                    value += (pow(max(0, l[j] - r * g), 2) - l[j] * l[j]) / (2 * r)
                }
                return value
            }
            u0 = result.x
            let e = try evaluate(x(u0), shift: shift)
            count += 1
            for (j, m) in e.margins.enumerated() { lambda[j] = max(0, lambda[j] - rho * m.margin / Self.scale(m.kind)) }
            let violation = e.margins.map { max(0, -$0.margin / Self.scale($0.kind)) }.reduce(0, +)
            if e.feasible && (!best.feasible || sign * e.objective < sign * best.objective) || (!best.feasible && !e.feasible && violation < previousViolation) {
                best = e
            }
            converged = result.converged
            if e.feasible && violation == 0 && abs(violation - previousViolation) < 1e-9 { break }
            if violation > 0.5 * previousViolation { rho *= 10 }
            previousViolation = violation
        }
        runs += count
        return (best, converged)
    }

    /// How the error of an infeasible problem begins: the command tells it apart from bad input (exit status 4, as
    /// `solve` when no setting meets its target).
    public static let noMixMeetsTheTargets = "no lever mix within the bounds meets every target"

    public func optimize() throws -> Result {
        let d = spec.variables.count
        var runs = 0
        var candidates: [(Evaluation, Bool)] = []
        let design = Design(kind: .sobol, factors: spec.variables.map { .uniform(min: $0.lower, max: $0.upper) }, n: max(spec.starts, 2), seed: spec.seed)
        let cursor = try design.cursor()
        var x = [Double](repeating: 0, count: d)
        for k in 0..<spec.starts {
            try cursor.point(k, into: &x)
            candidates.append(try solve(from: x, shift: [:], runs: &runs))
        }
        let sign = spec.maximize ? -1.0 : 1.0
        let feasible = candidates.filter { $0.0.feasible }
        guard let (best, converged) = feasible.min(by: { sign * $0.0.objective < sign * $1.0.objective }) else {
            let closest = candidates.min { a, b in
                a.0.margins.map { max(0, -$0.margin) }.reduce(0, +) < b.0.margins.map { max(0, -$0.margin) }.reduce(0, +)
            }!.0
            let missed = closest.margins.filter { $0.margin < -1e-4 }.map { "\($0.name) (short by \(String(format: "%.3g", -$0.margin)) \($0.kind.marginUnit))" }
            throw InputError(file: spec.file, keyPath: "targets",
                             message: "\(Self.noMixMeetsTheTargets); the closest misses \(missed.joined(separator: ", ")) at \(describe(closest.x))",
                             accepted: "wider variable bounds, more variables, or looser targets")
        }
        // Marginal cost: tighten each binding target a little and re-optimise from the optimum.
        let binding = best.margins.filter { $0.margin < bindingTolerance * Self.scale($0.kind) }
        var marginal: [String: Double] = [:], cannotTighten: [String] = []
        for m in binding {
            let delta = Self.tighteningStep(m.kind)
            let (tight, _) = try solve(from: best.x, shift: [m.name: delta], runs: &runs)
            if tight.feasible { marginal[m.name] = (tight.objective - best.objective) / delta } else { cannotTighten.append(m.name) }
        }
        return Result(best: best, binding: binding.map(\.name), marginalCosts: marginal, cannotTighten: cannotTighten, runs: runs, converged: converged)
    }

    public func describe(_ x: [Double]) -> String {
        zip(spec.variables, x).map { "\($0.lever.path) = \(String(format: "%.4g", $1)) \($0.lever.unit)" }.joined(separator: ", ")
    }

    /// The optimum as a standalone scenario file, written by `ScenarioWriter`: every lever of the base with the
    /// variables set, the base's measures (dual control included), assumptions and accounting, and the
    /// optimisation's targets. `carbonsim run` on it reproduces the optimum's objective and margins.
    public func scenarioFile(_ x: [Double], name: String, writtenTo output: String) throws -> String {
        var s = scenario(x)
        s.name = name
        s.description = "Least-cost optimum of \(spec.objective) (\(spec.maximize ? "maximised" : "minimised")) on \(spec.base.name)"
        // Not the base's Chinese description, which would say the optimum is what published documents set.
        s.descriptionZH = "在 \(spec.base.name) 基础上求得的最优解：目标函数 \(spec.objective)\(spec.maximize ? "最大化" : "最小化")（carbonsim optimize）"
        return try ScenarioWriter.yaml(s, writtenTo: output, loader: ScenarioLoader(dataset: dataset)) { extends in [
            "Written by carbonsim optimize from \(spec.file): the optimum of \(spec.objective) on \(spec.base.name).",
            extends.map { "It extends \($0), a file the base scenario extends: the base sets a lever as a delta over that file's setting, which only a file extending it can say. Written here: what differs from it (the base's own settings, the variables at the optimum), and the targets (`none`: a target of that file the spec drops)." }
                ?? "Standalone: the base scenario's levers, measures, assumptions and accounting are written out, and the targets are the base's with the spec's over them.",
            // The file holds the scenario, not how it was run: say what `run` needs to reproduce the optimum.
            "Found on \(dataset.file)" + (dataset.history.map { " in history mode (\($0.observedYears.lowerBound)-\($0.lastObservedYear) observed): `carbonsim run` reproduces it on the same dataset." }
                ?? " without history mode: `carbonsim run --no-history` reproduces it on the same dataset."),
        ] }
    }
}
