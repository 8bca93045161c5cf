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
    public let lever: LeverDefinition
    public let setting: LeverSetting
    public let targets: Targets

    public init(base: Scenario, dataset: Dataset, lever: LeverDefinition, setting: LeverSetting, targets: Targets) {
        self.base = base
        self.dataset = dataset
        self.lever = lever
        self.setting = setting
        self.targets = targets
    }

    /// Runs the base scenario with the lever at `value` and returns the target's margin and check.
    public func margin(at value: Double) throws -> (margin: Double, check: TargetCheck?) {
        var s = base
        var setting = self.setting
        setting.target = value
        s.levers[lever.path] = setting
        s.targets = targets
        let r = try PreparedScenario(s, dataset: dataset).run()
        return (Self.margin(r, targets), r.indicators.targetChecks.first)
    }

    /// How far a run is inside (positive) or outside (negative) the single target in `targets`.
    static func margin(_ r: ScenarioResult, _ t: Targets) -> Double {
        Constraints.margins(r, t).first?.margin ?? -.infinity
    }

    public func solve(direction: Direction = .minimum, tolerance: Double = 1e-3) throws -> Solution {
        var runs = 0
        func m(_ v: Double) throws -> Double {
            runs += 1
            return try margin(at: v).margin
        }
        let lo = lever.range.lowerBound, hi = lever.range.upperBound
        let (near, far) = direction == .minimum ? (lo, hi) : (hi, lo)
        let mNear = try m(near), mFar = try m(far)
        if mNear >= 0 {
            return Solution(value: near, margin: mNear, best: near, check: try margin(at: near).check, runs: runs + 1)
        }
        guard mFar >= 0 else {
            let best = mFar > mNear ? far : near
            return Solution(value: nil, margin: max(mFar, mNear), best: best, check: try margin(at: best).check, runs: runs + 1)
        }
        var root = try RootFinder.brent(in: min(near, far), max(near, far), tolerance: tolerance * (hi - lo),
                                        context: "solving \(lever.path) for the target") { v in
            (try? m(v)) ?? -.infinity
        }
        // Step toward the far end until the target is met (the root is where the margin crosses zero).
        var mRoot = try m(root)
        var step = tolerance * (hi - lo)
        while mRoot < 0 && (direction == .minimum ? root < hi : root > lo) {
            root = direction == .minimum ? min(root + step, hi) : max(root - step, lo)
            mRoot = try m(root)
            step *= 2
        }
        return Solution(value: root, margin: mRoot, best: root, check: try margin(at: root).check, runs: runs + 1)
    }
}
