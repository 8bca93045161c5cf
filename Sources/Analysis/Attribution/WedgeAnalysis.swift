import Scenarios
import Simulator

/// Abatement from a baseline to a policy scenario, attributed to lever families by Shapley values.
///
/// Groups are the lever families whose settings differ between the two scenarios, dual control when its enforcement
/// or enforced cap differs, and one group for differing assumptions or accounting, if any. A subset of groups is the
/// baseline with those groups' settings taken from the policy. The wedges sum exactly, every year, to
/// policy minus baseline.
public struct WedgeAnalysis: Sendable {
    public let baseline: String
    public let policy: String
    public let series: String
    public let groups: [String]
    public let years: [Int]
    public let baselineValues: [Double]
    public let policyValues: [Double]
    /// `wedges[g][year]`: group g's share of policy minus baseline (negative = abatement).
    public let wedges: [[Double]]
    /// True when there were more groups than `Shapley.exactLimit` and orders were sampled.
    public let sampled: Bool

    static let otherGroup = "assumptions and accounting"
    /// The measure `measures.dual_control` with the energy cap it enforces (the cost table's family of the same name).
    static let dualControlGroup = "dual_control"

    public init(baseline b: Scenario, policy p: Scenario, dataset: Dataset, series: String = "co2_net") throws {
        baseline = b.name
        policy = p.name
        self.series = series
        let paths = Set(b.levers.keys).union(p.levers.keys).filter { b.levers[$0] != p.levers[$0] }
        var families = Set(paths.compactMap { LeverRegistry.lever($0)?.family })
        // Dual control is a measure of its own (an enforced cap curtails output): its own wedge when the enforcement or
        // the cap it enforces differs, not part of the assumptions. A cap that neither scenario enforces changes nothing.
        let dualControlDiffers = b.enforceDualControl != p.enforceDualControl
            || ((b.enforceDualControl || p.enforceDualControl) && b.targets.energyCap != p.targets.energyCap)
        let otherDiffers = b.assumptions != p.assumptions || "\(b.accounting)" != "\(p.accounting)"
        var groups = families.sorted()
        if dualControlDiffers { groups.append(Self.dualControlGroup) }
        if otherDiffers { groups.append(Self.otherGroup) }
        families = Set(groups)
        self.groups = groups

        func scenario(_ mask: Int) -> Scenario {
            var s = b
            for (g, family) in groups.enumerated() where mask & (1 << g) != 0 {
                if family == Self.dualControlGroup {
                    s.enforceDualControl = p.enforceDualControl
                    s.targets.energyCap = p.targets.energyCap
                    continue
                }
                if family == Self.otherGroup {
                    s.assumptions = p.assumptions
                    s.accounting = p.accounting
                    continue
                }
                for path in paths where LeverRegistry.lever(path)?.family == family { s.levers[path] = p.levers[path] }
            }
            return s
        }
        func run(_ mask: Int) throws -> Trajectory { try PreparedScenario(scenario(mask), dataset: dataset).run().trajectory }

        let none = try run(0)
        guard none.has(series) else {
            throw InputError(file: "--series", keyPath: "series", message: "no series '\(series)'",
                             accepted: "a series of the annual table, for example co2_net, co2_gross, energy_total (the columns of the annual CSV files carbonsim run --output DIR writes)",
                             suggestion: didYouMean(series, in: none.names))
        }
        years = none.years
        let length = years.count
        var all: [Double] = []
        wedges = try Shapley.values(groups: groups.count, length: length) { mask in
            let values = mask == 0 ? none.series(series) : try run(mask).series(series)
            if mask == (1 << groups.count) - 1 { all = values }
            return values
        }
        if groups.isEmpty { all = none.series(series) }
        baselineValues = none.series(series)
        policyValues = all
        sampled = groups.count > Shapley.exactLimit
    }
}
