import Reports
import Scenarios
import Simulator

/// What the page shows for one scenario: the plan-period table, the targets with pass/fail and the gap,
/// the headline indicators, what cannot be honoured, warnings, and the charts asked for (SVG text).
public struct Evaluation: Codable, Sendable {
    public struct Period: Codable, Sendable {
        public let label: String
        public let startYear: Int
        public let endYear: Int
        /// Every year of the column has passed: statistics exist for it, and the model's value is a model
        /// value to compare with them, not an observation.
        public let observed: Bool
    }

    public struct Row: Codable, Sendable {
        public let series: String
        public let label: String
        /// The unit the page shows `start` and `ends` in: a Chinese page uses the statistics' units (万吨, 万千瓦), as
        /// `run --lang zh`, its headline lines and its charts do.
        public let unit: String
        /// Values as the command-line table prints them (start column, then one per period).
        public let start: String
        public let ends: [String]
        public let changes: [String]
        /// The same values at full precision in the model's units, `valuesUnit` (nil: not finite): what a script reads.
        public let values: [Double?]
        public let valuesUnit: String
    }

    public struct Target: Codable, Sendable {
        public let kind: String
        public let label: String
        public let period: String
        public let year: Int
        public let required: Double
        public let achieved: Double?
        public let passed: Bool
        /// How far the run is on the right side of the target (negative: the shortfall), in the target's
        /// unit; nil when the run never gets there (no peak, no net zero).
        public let gap: Double?
        /// Required, achieved and gap as the page shows them, in the label's unit (the numbers above stay in the
        /// model's units); achieved and gap empty when the run never gets there.
        public let requiredText: String
        public let achievedText: String
        public let gapText: String
    }

    public struct Headline: Codable, Sendable {
        public let peakYear: Int?
        public let peakValue: Double
        public let stillRising: Bool
        public let plateauStart: Double
        public let plateauEnd: Double
        public let cumulativeCO2: Double
        public let cumulativeFrom: Int
        public let cumulativeTo: Int
        public let neutralityYear: Int?
        public let totalCost: Double
        public let discountRate: Double
        /// The (label, value) lines `carbonsim run` prints under "Headline indicators", in the page's language.
        public let lines: [[String]]
    }

    public let name: String
    public let startLabel: String
    public let startYear: Int
    public let periods: [Period]
    public let rows: [Row]
    public let targets: [Target]
    public let headline: Headline
    public let shortfalls: [String]
    public let warnings: [String]
    /// Chart name (trajectory, stack, wedges) to SVG text.
    public let charts: [String: String]

    public init(_ result: ScenarioResult, charts: [String: String], language l: Language, currentYear: Int) {
        let report = PlanPeriodReport(result)
        name = result.name
        startYear = report.startYear
        startLabel = String(report.startYear)
        periods = report.periods.map {
            Period(label: Labels.period($0.number, start: $0.startYear, end: $0.endYear, l), startYear: $0.startYear,
                   endYear: $0.endYear, observed: $0.endYear < currentYear)
        }
        let units = UnitSystem.default(for: l)
        rows = report.rows.map { r in
            let shown = units.presented(r.unit)
            return Row(series: r.series, label: Labels.series(r.series, l), unit: Labels.unit(shown.unit, l),
                       start: NumberFormat.value(shown.value(r.start)),
                       // Shares change by percentage points (个百分点), as `run` shows them; everything else by per cent.
                       ends: r.ends.map { NumberFormat.value(shown.value($0)) },
                       changes: r.points.map { $0.map { NumberFormat.points($0, l) } } ?? r.changes.map(NumberFormat.change),
                       values: ([r.start] + r.ends).map { $0.isFinite ? $0 : nil }, valuesUnit: r.unit)
        }
        targets = report.targets.map { c in
            // The texts as `run`'s table writes them (its units, 个百分点 and 年 on the margin).
            let shown = TargetPresentation(c, units: units, language: l)
            return Target(kind: c.kind.rawValue, label: Labels.target(c.kind.rawValue, l, units: units),
                          period: Labels.period(c.period.number, start: c.period.startYear, end: c.period.endYear, l), year: c.year,
                          required: c.required, achieved: c.achieved, passed: c.passed,
                          gap: c.kind.margin(required: c.required, achieved: c.achieved),
                          requiredText: shown.required, achievedText: shown.achieved ?? "", gapText: shown.gap ?? "")
        }
        let i = result.indicators
        headline = Headline(peakYear: i.peakYear, peakValue: i.peak.value, stillRising: i.peak.stillRising,
                            plateauStart: i.plateau.start, plateauEnd: i.plateau.end, cumulativeCO2: i.cumulativeNetCO2,
                            cumulativeFrom: i.cumulativeFrom, cumulativeTo: i.cumulativeTo, neutralityYear: i.neutralityYear,
                            totalCost: result.costs.totalDiscounted, discountRate: result.costs.discountRate,
                            lines: TextRenderer(language: l, markdown: false).headline(report).map { [$0.0, $0.1] })
        shortfalls = result.shortfalls.map { $0.text(l, units: UnitSystem.default(for: l)) }
        warnings = result.warnings.map { l.describe($0) }
        self.charts = charts
    }
}
