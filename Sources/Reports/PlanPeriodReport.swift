import Scenarios
import Simulator

/// The table analysts read first: key indicators at the end of each five-year plan period, the change
/// over the period, each "1" target passed or failed, and the headline indicators.
public struct PlanPeriodReport {
    public struct Row {
        public let series: String
        public let unit: String
        /// Value in the year before the first period (2020).
        public let start: Double
        /// End-of-period values and % change over each period.
        public let ends: [Double]
        public let changes: [Double]
        /// For shares (unit %): the change over each period in percentage points, as plans state share targets.
        public let points: [Double]?
    }

    public let scenario: String
    public let description: String
    /// The Chinese description (`description_zh`), shown under zh where there is one.
    public let descriptionZH: String
    public let periods: [PlanPeriod]
    public let rows: [Row]
    public let targets: [TargetCheck]
    public let indicators: Indicators
    public let costs: CostModel
    public let shortfalls: [Shortfall]
    /// What loaded but is probably not what was meant (a fraction for a percentage, a superseded milestone).
    public let warnings: [InputWarning]
    public let startYear: Int
    /// The region and dataset the scenario ran on, when known.
    public let provenance: Provenance?
    /// History mode: which years follow observations (said under every table); nil when none do.
    public let history: HistoryMode?

    /// Series shown in the table, in order.
    public static let series = [
        "co2_gross", "co2_net", "co2_sector_power", "co2_process", "ccus_capacity", "ccus_captured", "sinks", "energy_total",
        "energy_dual_control", "non_fossil_share", "gdp", "energy_intensity", "energy_intensity_dual_control", "co2_intensity", "capacity_wind",
        "capacity_solar", "generation_coal", "electricity_exports", "heat_rate", "output_steel", "output_aluminium",
        "fly_ash_alumina_output", "fly_ash_stock",
    ]

    /// The year the table starts from by default: the last observed year in history mode, so that the first
    /// period shown is the one being planned (the 15th, from the 2025 data); the first year otherwise.
    public static func defaultStart(_ result: ScenarioResult) -> Int {
        result.history?.lastObservedYear ?? result.trajectory.years.first!
    }

    /// `from`: the table's first column; the periods shown are those starting after it (nil: `defaultStart`).
    /// Targets of the periods shown come first, then those of earlier (observed) periods.
    public init(_ result: ScenarioResult, provenance: Provenance? = nil, from: Int? = nil) {
        self.provenance = provenance
        let r = result.trajectory
        scenario = result.name
        description = result.description
        descriptionZH = result.descriptionZH
        history = result.history
        let first = min(max(from ?? Self.defaultStart(result), r.years.first!), r.years.last!)
        let periods = PlanPeriod.covering(from: first, to: r.years.last!)
        self.periods = periods
        startYear = periods.first?.baseYear ?? first
        rows = Self.series.filter(r.has).map { name in
            let start = r.value(name, year: periods.first?.baseYear ?? first) ?? .nan
            var ends: [Double] = [], changes: [Double] = [], points: [Double] = []
            for p in periods {
                let from = r.value(name, year: p.baseYear) ?? .nan, to = r.value(name, year: p.endYear) ?? .nan
                ends.append(to)
                // A level held flat (a lever at its target) differs between years only by the integrator's rounding:
                // no change, not 5.68e-12 %.
                let flat = abs(to - from) <= 1e-9 * max(abs(from), abs(to))
                changes.append(from != 0 ? (flat ? 0 : PercentChange.of(to, from: from)) : .nan)
                points.append(flat ? 0 : to - from)
            }
            let unit = r.unit(name) ?? ""
            return Row(series: name, unit: unit, start: start, ends: ends, changes: changes, points: unit == "%" ? points : nil)
        }
        let shownFrom = periods.first?.startYear ?? first
        targets = result.indicators.targetChecks.sorted { Self.tableOrder($0, shownFrom: shownFrom) < Self.tableOrder($1, shownFrom: shownFrom) }
        indicators = result.indicators
        costs = result.costs
        shortfalls = result.shortfalls
        warnings = result.warnings
    }

    /// Where a target goes in a table: the shown periods' targets first, then the earlier ones, each by year and kind.
    static func tableOrder(_ c: TargetCheck, shownFrom: Int) -> (Int, Int, String) {
        (c.year >= shownFrom ? 0 : 1, c.year, c.kind.rawValue)
    }
}

/// Number formatting shared by every renderer: enough digits to read, never scientific.
public enum NumberFormat {
    public static func value(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        let a = abs(v)
        // Below the last digit shown it is zero, written as such ("0", not "0.000" for a cost of 1e-13).
        return fixed(v, a < 0.0005 ? 0 : digits(a))
    }

    /// The decimals a value shows with (text tables and workbook formats alike): 0 from 1000, 1 from 100, 2 from 1,
    /// else 3, for the value as it rounds: 999.9999999999961 (a sum of 10 Mt of CCUS in 万吨) is "1000", as 1000 is,
    /// not "1000.0" beside it.
    public static func digits(_ a: Double) -> Int {
        func threshold(_ a: Double) -> Int { a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3 }
        let d = threshold(a), scale = pow10(d)
        return min(d, threshold((a * scale).rounded() / scale))
    }

    /// A % change to one decimal: "+7.5%", "-1.8%"; one that rounds to zero has no sign on either side ("0.0%").
    public static func change(_ v: Double) -> String {
        guard v.isFinite else { return "–" }
        let s = fixed(v, 1)
        return (v > 0 && !isZero(s) ? "+" : "") + s + "%"
    }

    /// A change in percentage points: "+11.2 pp" or "+11.2个百分点".
    public static func points(_ v: Double, _ l: Language) -> String {
        guard v.isFinite else { return "–" }
        // A near miss keeps its sign: -0.04 is "-0.04 pp", not "0.0 pp" next to FAIL.
        var digits = 1
        while digits < 4, v != 0, (abs(v) * pow10(digits)).rounded() == 0 { digits += 1 }
        return (v >= 0 ? "+" : "") + fixed(v, digits) + (l == .zh ? "个百分点" : " pp")
    }

    /// Two values as a table shows them, with more digits where they differ but would print the same (a target
    /// missed by less than the shown precision: required 51.22, achieved 51.2186).
    public static func distinct(_ a: Double, _ b: Double) -> (String, String) {
        var x = value(a), y = value(b)
        var digits = 2
        while x == y, a != b, digits <= 6 {
            digits += 1
            (x, y) = (fixed(a, digits), fixed(b, digits))
        }
        return (x, y)
    }

    /// A signed value: "+3.81", "-12"; a value that rounds to zero has no sign ("0.0", whichever side it is on).
    public static func signed(_ v: Double, digits: Int? = nil) -> String {
        guard v.isFinite else { return "–" }
        let s = digits.map { fixed(v, $0) } ?? value(v)
        if isZero(s) { return s.hasPrefix("-") ? String(s.dropFirst()) : s }
        return v > 0 && !s.hasPrefix("+") ? "+" + s : s
    }

    /// Whether formatted text shows zero ("0", "0.00", "-0.0").
    public static func isZero(_ s: String) -> Bool { s.contains("0") && s.allSatisfy { "0.-+".contains($0) } }

    /// Fixed-point formatting without Foundation's locale dependence.
    public static func fixed(_ v: Double, _ digits: Int) -> String {
        let scale = pow10(digits)
        let rounded = (abs(v) * scale).rounded()
        // Beyond 2^53 there are no fixed-point digits to show, and Int() would trap past 9.2e18.
        guard v.isFinite, rounded < 9e15 else { return v.isFinite ? "\(v)" : "–" }
        let negative = v < 0 && rounded != 0
        let integer = Int(rounded / scale)
        var s = String(integer)
        if digits > 0 {
            let frac = Int(rounded - Double(integer) * scale)
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return negative ? "-" + s : s
    }

    static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { a, _ in a * 10 } }

    /// Full precision for machine-readable output.
    /// A level as a file writes it, to at most three decimals: 35, 27.5, 157.6 (not 35.00).
    public static func trimmed(_ v: Double) -> String {
        var s = fixed(v, 3)
        while s.contains("."), s.hasSuffix("0") || s.hasSuffix(".") { s.removeLast() }
        return s
    }

    public static func exact(_ v: Double) -> String { v.isFinite ? "\(v)" : "" }
}
