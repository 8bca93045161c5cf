import Foundation
import GRDB
import Scenarios
import Simulator

/// What a sweep says, per base scenario: percentile bands of series per year, the probability of meeting
/// each target (with a Wilson 95% interval), and which factors matter (Sobol indices with bootstrap
/// intervals for Saltelli designs, standardized regression coefficients otherwise).
public struct SweepSummary: Sendable {
    public static let percentiles = [0.05, 0.25, 0.5, 0.75, 0.95]
    /// Outputs whose sensitivity to the factors is reported.
    /// Bootstrap resamples for the Sobol intervals: fewer than 10 give no interval worth the name, more than 100,000
    /// take minutes on a small sweep and change the interval in the third digit.
    public static let bootstrapRange = 10...100_000
    /// The resamples every view uses unless told otherwise (summarize, plot tornado, the what-if page), so that
    /// their intervals agree.
    public static let defaultBootstrap = 500

    public static let sensitivityOutputs = ["peak_value", "cumulative_co2", "co2_gross_2030"]

    public struct Band: Sendable {
        public let series: String
        public let years: [Int]
        /// `values[k][y]`: percentile k in year y.
        public let values: [[Double]]

        public init(series: String, years: [Int], values: [[Double]]) {
            self.series = series
            self.years = years
            self.values = values
        }
    }

    public struct TargetProbability: Sendable {
        public let target: String
        /// The target's year; for a peak ceiling, checked in each run at its own peak, the runs' earliest and latest
        /// peak years (one probability over all runs, not one per peak year).
        public let year: Int
        public var lastYear: Int
        public let required: Double
        public let probability: Proportion
        /// How far the runs fall short (0 for a run that meets the target; infinite for one that never peaks
        /// or never reaches net zero), in the target's unit: the median and the 90th percentile over all runs.
        public let shortfallMedian: Double
        public let shortfallP90: Double

        /// "2030", or "2023-2031" for a peak ceiling whose runs peak in different years.
        public var yearText: String { lastYear == year ? "\(year)" : "\(year)-\(lastYear)" }
    }

    public struct Sensitivity: Sendable {
        public enum Method: String, Sendable { case sobol, src }
        public let method: Method
        public let output: String
        public let factors: [String]
        /// Sobol: first-order indices (SRC: the coefficients, with no interval).
        public let first: [SobolIndices.Index]
        /// Sobol: total-order indices; empty for SRC.
        public let total: [SobolIndices.Index]
        /// SRC: R^2 of the linear fit.
        public let rSquared: Double?
        /// Sobol: the base samples with all their runs stored and run (A, B and every AB_i), and the sweep's n. An
        /// interrupted sweep or a single shard has fewer: its indices come from those, or from none.
        public var baseSamples: (complete: Int, planned: Int)? = nil
        /// Runs of the design not stored (an interrupted sweep, a shard): 0 when base samples are incomplete only
        /// because runs failed, which resuming does not rerun.
        public var missingRuns = 0

        public init(method: Method, output: String, factors: [String], first: [SobolIndices.Index], total: [SobolIndices.Index], rSquared: Double?) {
            self.method = method
            self.output = output
            self.factors = factors
            self.first = first
            self.total = total
            self.rSquared = rSquared
        }

        /// Every estimate NaN: the output is the same in every run but for rounding, nothing to attribute.
        public var doesNotVary: Bool { first.allSatisfy { $0.estimate.isNaN } }

        /// How far outside [0, 1] a Sobol estimate may fall before it is told: half the last digit the reports print,
        /// so that every estimate printed below 0.000 or above 1.000 is explained.
        public static let unitIntervalSlack = 0.0005

        /// Sobol estimates that fall outside [0, 1] by more than the slack: a share of variance cannot, so they show
        /// the estimators' sampling error at this sweep's n. Each as (factor, "first" or "total", estimate).
        public var outsideUnitInterval: [(factor: String, order: String, estimate: Double)] {
            guard method == .sobol else { return [] }
            var found: [(String, String, Double)] = []
            for (i, f) in factors.enumerated() {
                for (order, index) in [("first", first[i]), ("total", total[i])]
                where index.estimate < -Self.unitIntervalSlack || index.estimate > 1 + Self.unitIntervalSlack {
                    found.append((f, order, index.estimate))
                }
            }
            return found
        }
    }

    /// The failed runs' errors grouped by kind: the first line with its numbers masked, most frequent first.
    static func failures(_ db: Database, scenario: String) throws -> [(example: String, runs: Int)] {
        var groups: [String: (example: String, runs: Int)] = [:], order: [String] = []
        for error in try String.fetchAll(db, sql: "SELECT error FROM runs WHERE scenario = ? AND status != 'ok' AND error IS NOT NULL ORDER BY run_id",
                                         arguments: [scenario]) {
            let line = String(error.split(separator: "\n").first ?? "")
            let key = line.replacingOccurrences(of: #"-?[0-9][0-9.e+-]*"#, with: "#", options: .regularExpression)
            if groups[key] == nil { order.append(key); groups[key] = (line, 0) }
            groups[key]!.runs += 1
        }
        return order.map { groups[$0]! }.sorted { $0.runs > $1.runs }
    }

    public struct ScenarioSummary: Sendable {
        public let scenario: String
        public let runs: Int
        public let failed: Int
        /// Why runs failed: each kind of error (its first line, numbers aside) with how many runs and one example.
        public var failures: [(example: String, runs: Int)] = []
        public let bands: [Band]
        public let targets: [TargetProbability]
        public let sensitivity: [Sensitivity]
    }

    /// Outputs whose runs differ by less than this (relative to their size) count as the same in every run: sweeps
    /// integrate at a relative tolerance of 1e-6, so a spread below it is the integrator's, not the factors'
    /// (a sensitivity table would rank that noise).
    public static let outputResolution = 1e-6

    public let name: String
    public let design: String
    public let scenarios: [ScenarioSummary]
    /// Runs stored, and the runs the spec makes: fewer stored means an interrupted sweep or missing shards, and
    /// every figure is of the stored runs only.
    public let storedRuns: Int
    public let plannedRuns: Int

    /// A quantile by linear interpolation between order statistics (as gsl_stats_quantile_from_sorted_data),
    /// where infinite values (never reached) count as the largest: a quantile that touches one is infinite.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return .nan }
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        if sorted[lower].isInfinite || (fraction > 0 && sorted[upper].isInfinite) { return .infinity }
        if fraction == 0 { return sorted[lower] }
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    public init(store: ResultStore, series requested: [String]? = nil, bootstrap: Int = SweepSummary.defaultBootstrap) throws {
        let db = store.queue
        name = try store.meta("name") ?? ""
        let design = try store.meta("design") ?? ""
        self.design = design
        let n = Int(try store.meta("n") ?? "0") ?? 0
        let pointCount = Int(try store.meta("point_count") ?? "0") ?? 0
        let scenarioNames = (try store.meta("scenarios") ?? "").split(separator: "\n").map(String.init)
        let kept = try store.keptSeries()
        let series = requested ?? kept
        for s in series where !kept.contains(s) {
            throw InputError(file: store.path, keyPath: s, message: "series '\(s)' was not kept by this sweep",
                             accepted: kept.joined(separator: ", "), suggestion: didYouMean(s, in: kept))
        }
        let factorPaths = try ResultStore.guarded(store.path) { try db.read { try String.fetchAll($0, sql: "SELECT path FROM factors ORDER BY position") } }
        let total = try store.count()
        guard total > 0 else { throw InputError(file: store.path, message: "the sweep database holds no runs yet") }
        storedRuns = total
        plannedRuns = Int(try store.meta("run_count") ?? "") ?? total
        let years = store.years

        scenarios = try scenarioNames.enumerated().map { k, scenario in
            try ResultStore.guarded(store.path) { try db.read { db in
                let runs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE scenario = ?", arguments: [scenario]) ?? 0
                let failed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs WHERE scenario = ? AND status != 'ok'", arguments: [scenario]) ?? 0
                var bands: [Band] = []
                for name in series {
                    var columns = Array(repeating: [Double](), count: years.count)
                    let rows = try Row.fetchCursor(db, sql: """
                        SELECT s.* FROM series s JOIN runs r USING(run_id) WHERE r.scenario = ? AND s.variable = ?
                        """, arguments: [scenario, name])
                    while let row = try rows.next() {
                        for (i, y) in years.enumerated() { columns[i].append((row["y\(y)"] as Double?) ?? .nan) }
                    }
                    let perYear = columns.map { Percentiles.of($0, at: Self.percentiles) }
                    bands.append(Band(series: name, years: years,
                                      values: Self.percentiles.indices.map { p in perYear.map { $0[p] } }))
                }
                let targetRows = try Row.fetchAll(db, sql: """
                    SELECT t.target, t.year, t.required, t.achieved, t.passed
                    FROM run_targets t JOIN runs r USING(run_id) WHERE r.scenario = ?
                    ORDER BY t.year, t.target, t.required
                    """, arguments: [scenario])
                var order: [String] = [], groups: [String: [Row]] = [:]
                for r in targetRows {
                    // A peak ceiling's year is each run's peak year: its runs are one group, whatever year they peak in.
                    let target: String = r["target"]
                    let year = TargetCheck.Kind(rawValue: target)?.yearIsTheRunsOutcome == true ? "any" : "\(r["year"] as Int)"
                    let key = "\(target)|\(year)|\(r["required"] as Double)"
                    if groups[key] == nil { order.append(key) }
                    groups[key, default: []].append(r)
                }
                let targets = order.map { key -> TargetProbability in
                    let rows = groups[key]!, first = rows[0]
                    let required: Double = first["required"]
                    let kind = TargetCheck.Kind(rawValue: first["target"])
                    let shortfalls = rows.map { r -> Double in
                        if (r["passed"] as Int) != 0 { return 0 }
                        guard let kind, let m = kind.margin(required: required, achieved: r["achieved"] as Double?) else { return .infinity }
                        return max(-m, 0)
                    }
                    let years = rows.map { $0["year"] as Int }
                    return TargetProbability(target: first["target"], year: years.min()!, lastYear: years.max()!, required: required,
                                             probability: Proportion(successes: rows.filter { ($0["passed"] as Int) != 0 }.count, trials: rows.count),
                                             shortfallMedian: Self.quantile(shortfalls, 0.5), shortfallP90: Self.quantile(shortfalls, 0.9))
                }
                let sensitivity = try Self.sensitivity(db, scenario: k, design: design, n: n, pointCount: pointCount,
                                                       factors: factorPaths, bootstrap: bootstrap)
                var summary = ScenarioSummary(scenario: scenario, runs: runs, failed: failed, bands: bands, targets: targets,
                                              sensitivity: sensitivity)
                summary.failures = try Self.failures(db, scenario: scenario)
                return summary
            } }
        }
    }

    static func sensitivity(_ db: Database, scenario k: Int, design: String, n: Int, pointCount: Int, factors: [String],
                            bootstrap: Int) throws -> [Sensitivity] {
        let d = factors.count
        let first = k * pointCount
        let columns = (0..<d).map { "f\($0)" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT run_id, \(columns), \(sensitivityOutputs.joined(separator: ", ")) FROM runs
            WHERE run_id >= ? AND run_id < ? ORDER BY run_id
            """, arguments: [first, first + pointCount])
        guard rows.count >= 3 else { return [] }
        var result: [Sensitivity] = []
        for output in sensitivityOutputs {
            if design == DesignKind.saltelli.rawValue {
                // Complete Saltelli blocks only: every A, B and AB_i row of a base sample.
                var a = [Double](repeating: .nan, count: n), b = a
                var ab = Array(repeating: [Double](repeating: .nan, count: n), count: d)
                for row in rows {
                    let j = (row["run_id"] as Int) - first
                    let value = (row[output] as Double?) ?? .nan
                    let block = j / n, r = j % n
                    switch block {
                    case 0: a[r] = value
                    case 1: b[r] = value
                    default: ab[block - 2][r] = value
                    }
                }
                let s = SobolIndices(a: a, b: b, ab: ab, bootstrap: bootstrap, seed: UInt64(k + 1), resolution: outputResolution)
                var sensitivity = Sensitivity(method: .sobol, output: output, factors: factors, first: s.first, total: s.total, rSquared: nil)
                let complete = (0..<n).filter { r in a[r].isFinite && b[r].isFinite && ab.allSatisfy { $0[r].isFinite } }.count
                sensitivity.baseSamples = (complete, n)
                sensitivity.missingRuns = pointCount - rows.count
                result.append(sensitivity)
            } else {
                let x = rows.map { row in (0..<d).map { (row["f\($0)"] as Double?) ?? .nan } }
                let y = rows.map { (($0[output] as Double?) ?? .nan) }
                let src = try RegressionSensitivity(x: x, y: y, resolution: outputResolution)
                result.append(Sensitivity(method: .src, output: output, factors: factors,
                                          first: src.coefficients.indices.map { SobolIndices.Index(estimate: src.coefficients[$0], lower: src.intervals[$0].lower, upper: src.intervals[$0].upper) },
                                          total: [], rSquared: src.rSquared))
            }
        }
        return result
    }
}
