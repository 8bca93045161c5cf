import Scenarios
import Simulator

/// Several scenarios side by side: the plan-period indicators, each target, the peak, cumulative CO2 and
/// cost, with every scenario after the first told as a difference from the first (absolute, and % of the
/// first's value). Built from plan-period reports; renderers turn it into text, CSV, JSON and workbooks.
public struct ScenarioComparison {
    public let reports: [PlanPeriodReport]
    /// The plan periods every scenario covers.
    public let periods: [PlanPeriod]
    /// The year the first period is measured from (2020).
    public let startYear: Int
    public let rows: [Row]
    public let targets: [TargetRow]
    public let headline: [HeadlineRow]

    public var names: [String] { reports.map(\.scenario) }
    /// The region and dataset, when the caller named them.
    public var provenance: Provenance? { reports.first?.provenance }

    /// One indicator: its value in the start year and at the end of each period, per scenario.
    public struct Row {
        public let series: String
        public let unit: String
        /// The start year first, then each period's end.
        public let points: [Point]
        /// A share (unit "%"): its difference is in the unit's own points, and no % of a % is given.
        public var isShare: Bool { unit == "%" }
    }

    public struct Point {
        /// nil for the start year.
        public let period: PlanPeriod?
        public let year: Int
        /// Per scenario.
        public let values: [Double]
        /// Per scenario: % change over the period (nan for the start year).
        public let changes: [Double]
        /// Per scenario after the first: value minus the first's.
        public let differences: [Double]
        /// Per scenario after the first: the difference as % of the first's value (nan for shares or a zero first).
        public let relative: [Double]
    }

    /// One target, as each scenario sets and meets it; nil where a scenario has no such target. A peak,
    /// ceiling or neutrality target is one row whatever year each scenario requires (see each check's year).
    public struct TargetRow {
        public let kind: TargetCheck.Kind
        /// The year of the first scenario's target of this kind.
        public let year: Int
        public let checks: [TargetCheck?]

        public var period: PlanPeriod { PlanPeriod.containing(year) }
        /// The distinct years the scenarios require, in scenario order (one unless a peak, ceiling or neutrality
        /// target differs between them).
        public var years: [Int] { firstSeen(checks.compactMap { $0?.year }) }
        /// A year target (peak, neutrality) rather than a quantity.
        public var isYear: Bool { kind == .peakYear || kind == .neutralityYear }
    }

    /// A headline indicator per scenario (nil: not reached), with differences from the first.
    public struct HeadlineRow {
        public let key: String
        public let unit: String
        public let values: [Double?]
        public let isYear: Bool
        /// The years a total covers (cumulative CO2: the whole run, whatever periods the table shows); nil for the others.
        public var span: ClosedRange<Int>? = nil

        /// The indicator's label, with the years of a total ("Cumulative net CO2, 2020-2060"): under `--until 2035` a
        /// tester read the 2020-2060 total as the budget of the periods shown.
        public func label(_ l: Language) -> String {
            Labels.comparison(key, l) + (span.map { l == .zh ? "（\($0.lowerBound)-\($0.upperBound)年）" : ", \($0.lowerBound)-\($0.upperBound)" } ?? "")
        }

        public var differences: [Double?] {
            values.dropFirst().map { v in v.flatMap { v in values[0].map { v - $0 } } }
        }
        /// nil for years, and where the first is zero, or rounding noise next to this one (the baseline's cost
        /// of measures it does not take is 1e-13, which would make a % of 10^18).
        public var relative: [Double?] {
            isYear ? values.dropFirst().map { _ in nil } : values.dropFirst().map { v in
                v.flatMap { v in values[0].flatMap { abs($0) > 1e-9 * abs(v) ? PercentChange.of(v, from: $0) : nil } }
            }
        }
    }

    /// `until`: show only the plan periods ending no later than this year.
    /// `provenance`: the region and dataset the scenarios ran on, named in every rendering.
    /// `from`: the first column (nil: the last observed year in history mode, else the first year).
    public init(_ results: [ScenarioResult], until: Int? = nil, from: Int? = nil, provenance: Provenance? = nil) {
        self.init(reports: results.map { PlanPeriodReport($0, provenance: provenance, from: from) }, until: until)
    }

    public init(reports: [PlanPeriodReport], until: Int? = nil) {
        self.reports = reports
        let first = reports.first
        periods = (first?.periods ?? []).filter { p in reports.allSatisfy { $0.periods.contains(p) } && p.endYear <= (until ?? Int.max) }
        startYear = first?.startYear ?? 2020
        let periods = periods
        // Indicators every scenario has, in the report's order.
        let series = (first?.rows ?? []).map(\.series).filter { s in reports.allSatisfy { $0.rows.contains { $0.series == s } } }
        rows = series.map { s in
            let scenarioRows = reports.map { r in r.rows.first { $0.series == s }! }
            let unit = scenarioRows[0].unit
            var points = [Self.point(nil, year: first!.startYear, values: scenarioRows.map(\.start),
                                     changes: scenarioRows.map { _ in .nan }, share: unit == "%")]
            for p in periods {
                let k = reports.map { $0.periods.firstIndex(of: p)! }
                points.append(Self.point(p, year: p.endYear, values: zip(scenarioRows, k).map { $0.ends[$1] },
                                         changes: zip(scenarioRows, k).map { $0.changes[$1] }, share: unit == "%"))
            }
            return Row(series: s, unit: unit, points: points)
        }
        // A target is one row across scenarios by its kind and year; the one-off targets (peak year, ceiling,
        // neutrality) by kind alone, since the year is what each scenario requires.
        func key(_ c: TargetCheck) -> String { c.kind.isWholeRun ? c.kind.rawValue : "\(c.kind.rawValue) \(c.year)" }
        var keys: [String] = [], firsts: [TargetCheck] = []
        for r in reports {
            for c in r.targets where !keys.contains(key(c)) {
                keys.append(key(c))
                firsts.append(c)
            }
        }
        // In the order of each scenario's own table (a target only a later scenario sets goes in its place, not last).
        let shownFrom = reports.first?.periods.first?.startYear ?? Int.min
        func order(_ c: TargetCheck) -> (Int, Int, String) { PlanPeriodReport.tableOrder(c, shownFrom: shownFrom) }
        targets = zip(keys, firsts).sorted { order($0.1) < order($1.1) }.map { k, first in
            TargetRow(kind: first.kind, year: first.year, checks: reports.map { r in r.targets.first { key($0) == k } })
        }
        headline = [
            HeadlineRow(key: "peak_year", unit: "year", values: reports.map { $0.indicators.peakYear.map(Double.init) }, isYear: true),
            HeadlineRow(key: "peak_value", unit: "Mt CO2", values: reports.map { $0.indicators.peak.value }, isYear: false),
            HeadlineRow(key: "cumulative_co2", unit: "Mt CO2", values: reports.map { $0.indicators.cumulativeNetCO2 }, isYear: false,
                        span: first.map { $0.indicators.cumulativeFrom...$0.indicators.cumulativeTo }),
            HeadlineRow(key: "neutrality_year", unit: "year", values: reports.map { $0.indicators.neutralityYear.map(Double.init) }, isYear: true),
            HeadlineRow(key: "total_cost", unit: "10^8 yuan", values: reports.map { $0.costs.totalDiscounted }, isYear: false),
        ]
    }

    static func point(_ period: PlanPeriod?, year: Int, values: [Double], changes: [Double], share: Bool) -> Point {
        let base = values[0]
        let differences = values.dropFirst().map { $0 - base }
        let relative = values.dropFirst().map { v in share || base == 0 ? Double.nan : PercentChange.of(v, from: base) }
        return Point(period: period, year: year, values: values, changes: changes, differences: differences, relative: relative)
    }
}

extension TargetCheck {
    /// By how much the target is met (+) or missed (−), in its unit: years early for peak and net zero, room under a
    /// ceiling or cap, points above a cut or share (`TargetCheck.Kind.margin`), as `run` and the what-if page show it;
    /// nil when never achieved.
    public var margin: Double? { kind.margin(required: required, achieved: achieved) }
}

/// Each item once, in the order first met (the years of a target row, the plan periods they fall in).
func firstSeen<T: Hashable>(_ items: [T]) -> [T] {
    var seen = Set<T>()
    return items.filter { seen.insert($0).inserted }
}
