import Scenarios
import Simulator

/// The smallest (or largest) setting of one lever that meets one "1" target, by Brent bracketing on the
/// target's margin (positive when met). The margin is continuous in the lever where the target is: peak
/// and neutrality use the refined times, not whole years.
public struct LeverSolver {
    public enum Direction: String, Sendable { case minimum, maximum }

    public struct Solution: Sendable {
        /// The lever target found, in the lever's unit; nil when no setting in range meets the target.
        public let value: Double?
        /// The margin at the answer (or the best margin in range when there is none).
        public let margin: Double
        /// The setting with the best margin in range, when none meets the target.
        public let best: Double
        public let check: TargetCheck?
        public let runs: Int
    }

    public let base: Scenario
    public let dataset: Dataset
    public let lever: Lever
    public let setting: LeverSetting
    /// The target to meet (one entry, as `--target` gives it).
    public let targets: Targets
    /// What each run checks: the base scenario's targets with `targets` laid over them (same kind and year
    /// replaced, the rest kept, so that an enforced dual control keeps its energy cap).
    public var runTargets: Targets { base.targets.merging(targets) }

    public init(base: Scenario, dataset: Dataset, lever: Lever, setting: LeverSetting, targets: Targets) {
        self.base = base
        self.dataset = dataset
        self.lever = lever
        self.setting = setting
        self.targets = targets
        baseParameters = (try? PreparedScenario(base, dataset: dataset).parameters) ?? (try? dataset.modelParameters()) ?? ModelParameters()
    }

    /// The base scenario's parameters: levels are read against them.
    public let baseParameters: ModelParameters

    /// The base scenario with the lever at `value` and the merged targets: what `run` would run.
    public func scenario(at value: Double) -> Scenario {
        var s = base
        s.levers[lever.path] = lever.setting(setting, reaching: value, baseParameters)
        s.targets = runTargets
        return s
    }

    /// Runs the scenario with the lever at `value` and returns the target's margin and check.
    public func margin(at value: Double) throws -> (margin: Double, check: TargetCheck?) {
        let r = try PreparedScenario(scenario(at: value), dataset: dataset).run()
        return (Self.margin(r, targets), r.indicators.targetChecks.first(where: targets.contains))
    }


    /// How far a run is inside (positive) or outside (negative) the single target in `targets`.
    static func margin(_ r: ScenarioResult, _ t: Targets) -> Double {
        Constraints.margins(r, t).first?.margin ?? -.infinity
    }

    /// The lowest setting searched: a build-out lever starts from what is installed, below which the setting is
    /// not a build-out; in history mode from what the schedule history runs has installed then (the observed
    /// capacity, then the scenario's later milestones).
    public var lowest: Double {
        max(dataset.minimumTarget(lever, setting, parameters: baseParameters),
            dataset.history?.floor(for: lever, parameters: baseParameters) ?? -.infinity)
    }

    /// `tolerance`: of the lever's range; the answer is printed to three decimals, so the root is found well within one
    /// (1e-4 of a 1000 GW range left answers 0.09 GW above the smallest setting).
    public func solve(direction: Direction = .minimum, tolerance: Double = 1e-7) throws -> Solution {
        // Each setting is run once: the margin and the check come from the same run.
        var seen: [Double: (margin: Double, check: TargetCheck?)] = [:]
        func run(_ v: Double) throws -> (margin: Double, check: TargetCheck?) {
            if let r = seen[v] { return r }
            let r = try margin(at: v)
            seen[v] = r
            return r
        }
        func solution(_ value: Double?, at v: Double) throws -> Solution {
            let r = try run(v)
            return Solution(value: value, margin: r.margin, best: v, check: r.check, runs: seen.count)
        }
        let lo = lowest
        let hi = lever.validRange(baseParameters).upperBound
        let (near, far) = direction == .minimum ? (lo, hi) : (hi, lo)
        let mNear = try run(near).margin, mFar = try run(far).margin
        if mNear >= 0 { return try solution(near, at: near) }
        guard mFar >= 0 else { return try solution(nil, at: mFar > mNear ? far : near) }
        var root = try RootFinder.brent(in: min(near, far), max(near, far), tolerance: tolerance * (hi - lo),
                                        context: "solving \(lever.path) for the target") { v in
            (try? run(v).margin) ?? -.infinity
        }
        // Step toward the far end until the target is met (the root is where the margin crosses zero).
        var step = tolerance * (hi - lo)
        while try run(root).margin < 0 && (direction == .minimum ? root < hi : root > lo) {
            root = direction == .minimum ? min(root + step, hi) : max(root - step, lo)
            step *= 2
        }
        return try solution(root, at: root)
    }
}
