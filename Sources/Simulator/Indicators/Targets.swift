/// The "1" of a scenario: top-level targets, checked against a run.
public struct Targets: Sendable, Equatable {
    /// Gross CO2 peaks no later than this year.
    public var peakYear: Int?
    /// Gross CO2 never exceeds this level, Mt.
    public var peakCeiling: Double?
    /// Net CO2 reaches zero no later than this year.
    public var neutralityYear: Int?
    /// Cut in energy per GDP over a plan period, % (keyed by period number).
    public var energyIntensityCut: [Int: Double] = [:]
    /// Cut in CO2 per GDP over a plan period, %.
    public var co2IntensityCut: [Int: Double] = [:]
    /// Energy total (dual-control accounting) no higher than this, Mtce, by year.
    public var energyCap: [Int: Double] = [:]
    /// Non-fossil share of energy at least this, %, by year.
    public var nonFossilShare: [Int: Double] = [:]

    public init() {}

    /// Only the national goals of `targets`: the peak year and the neutrality year (2030 and 2060 nationally).
    public static func nationalGoals(of targets: Targets) -> Targets {
        var t = Targets()
        t.peakYear = targets.peakYear
        t.neutralityYear = targets.neutralityYear
        return t
    }

    /// The years the dated targets are judged in (a cap's or share's year, an intensity cut's period end); the peak,
    /// the ceiling and neutrality are judged over the whole run and have none.
    public var judgedYears: [Int] {
        (Array(energyCap.keys) + Array(nonFossilShare.keys)
            + (Array(energyIntensityCut.keys) + Array(co2IntensityCut.keys)).map { PlanPeriod(number: $0).endYear }).sorted()
    }

    public var isEmpty: Bool {
        peakYear == nil && peakCeiling == nil && neutralityYear == nil && energyIntensityCut.isEmpty
            && co2IntensityCut.isEmpty && energyCap.isEmpty && nonFossilShare.isEmpty
    }
}

/// One target against one run.
public struct TargetCheck: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case peakYear = "peak_year", peakCeiling = "peak_ceiling", neutralityYear = "neutrality_year"
        case energyIntensityCut = "energy_intensity_cut", co2IntensityCut = "co2_intensity_cut"
        case energyCap = "energy_cap", nonFossilShare = "non_fossil_share"
    }

    public let kind: Kind
    /// The year the target is judged in (end of its plan period for intensity cuts).
    public let year: Int
    public let required: Double
    /// What the run achieved; nil when it never happens (no peak, no neutrality) before the horizon.
    public let achieved: Double?
    public let passed: Bool
    /// `achieved` is a bound, not a date: the peak is at or before it (emissions fall from the run's first year).
    public var atOrBefore = false

    public init(kind: Kind, year: Int, required: Double, achieved: Double?, passed: Bool, atOrBefore: Bool = false) {
        self.kind = kind
        self.year = year
        self.required = required
        self.achieved = achieved
        self.passed = passed
        self.atOrBefore = atOrBefore
    }

    public var period: PlanPeriod { PlanPeriod.containing(year) }

    /// The earliest year the verdict rests on: the target's year, or the peak's year when a peak-year target is met
    /// by an earlier peak (a peak in the observed years makes the check the model's fit of them).
    public var earliestYearJudged: Int {
        if kind == .peakYear, let peak = achieved, peak < Double(year) { return Int(peak) }
        return year
    }
}
