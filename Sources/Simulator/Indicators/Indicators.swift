/// Headline results of one run: peak, plateau, cumulative emissions, neutrality, plan-period values,
/// and each "1" target passed or failed.
public struct Indicators: Sendable {
    public let peak: TrajectoryAnalysis.Peak
    public let plateau: TrajectoryAnalysis.Plateau
    /// Cumulative net CO2 over `cumulativeFrom`...end year, Mt.
    public let cumulativeNetCO2: Double
    public let cumulativeFrom: Int
    public let cumulativeTo: Int
    /// The annual net CO2 totals over the same years added up, Mt: what a reader of the tables gets (each year's total
    /// is Simpson's rule over its samples, so sharp changes leave it a little apart from the integral).
    public let annualNetCO2Sum: Double
    /// Model time at which net CO2 reaches zero, nil if not by the end year.
    public let neutralityTime: Double?
    public let targetChecks: [TargetCheck]

    /// The first year whose annual net CO2 is zero or below, as the peak is the year of the largest annual total: the
    /// crossing lies between that year's middle and the previous year's (a crossing late in 2058 still leaves 2058's
    /// total above zero).
    public var neutralityYear: Int? { neutralityTime.map(TrajectoryAnalysis.annualYear(ofCrossing:)) }
    /// Peak year, or nil when emissions still rise at the horizon.
    public var peakYear: Int? { peak.stillRising ? nil : peak.year }

    public init(trajectory r: Trajectory, targets: Targets) throws {
        let gross = r.series("co2_gross"), net = r.series("co2_net")
        let spline = try TrajectoryAnalysis.spline(r.years, gross)
        peak = TrajectoryAnalysis.peak(years: r.years, values: gross)
        plateau = try TrajectoryAnalysis.plateau(years: r.years, values: gross, peak: peak, spline: spline)
        cumulativeNetCO2 = r.cumulativeNetCO2
        cumulativeFrom = r.cumulativeFrom
        cumulativeTo = r.years.last!
        annualNetCO2Sum = zip(r.years, net).reduce(0) { $0 + ($1.0 >= r.cumulativeFrom ? $1.1 : 0) }
        neutralityTime = try TrajectoryAnalysis.firstZeroCrossing(years: r.years, values: net)
        targetChecks = Indicators.check(targets, r, peak: peak, neutralityTime: neutralityTime)
    }

    static func check(_ targets: Targets, _ r: Trajectory, peak: TrajectoryAnalysis.Peak,
                      neutralityTime: Double?) -> [TargetCheck] {
        var checks: [TargetCheck] = []
        if let year = targets.peakYear {
            let achieved: Double? = peak.stillRising ? nil : Double(peak.year)
            checks.append(TargetCheck(kind: .peakYear, year: year, required: Double(year), achieved: achieved,
                                      passed: achieved.map { $0 <= Double(year) } ?? false, atOrBefore: peak.atStart))
        }
        if let ceiling = targets.peakCeiling {
            let year = peak.stillRising ? r.years.last! : peak.year
            checks.append(TargetCheck(kind: .peakCeiling, year: year, required: ceiling, achieved: peak.value,
                                      passed: !peak.stillRising && peak.value <= ceiling))
        }
        if let year = targets.neutralityYear {
            let achieved = neutralityTime.map { Double(TrajectoryAnalysis.annualYear(ofCrossing: $0)) }
            checks.append(TargetCheck(kind: .neutralityYear, year: year, required: Double(year), achieved: achieved,
                                      passed: achieved.map { $0 <= Double(year) } ?? false))
        }
        func cut(_ series: String, _ targets: [Int: Double], _ kind: TargetCheck.Kind) {
            for (number, required) in targets.sorted(by: { $0.key < $1.key }) {
                let period = PlanPeriod(number: number)
                guard let start = r.value(series, year: period.baseYear), let end = r.value(series, year: period.endYear)
                else { continue }
                let achieved = 100 * (1 - end / start)
                checks.append(TargetCheck(kind: kind, year: period.endYear, required: required, achieved: achieved,
                                          passed: achieved >= required))
            }
        }
        // The plan's energy-intensity targets are assessed on the official (dual-control) basis of the 2021-2022 rules.
        cut("energy_intensity_dual_control", targets.energyIntensityCut, .energyIntensityCut)
        cut("co2_intensity", targets.co2IntensityCut, .co2IntensityCut)
        for (year, cap) in targets.energyCap.sorted(by: { $0.key < $1.key }) {
            guard let e = r.value("energy_dual_control", year: year) else { continue }
            checks.append(TargetCheck(kind: .energyCap, year: year, required: cap, achieved: e, passed: e <= cap))
        }
        for (year, share) in targets.nonFossilShare.sorted(by: { $0.key < $1.key }) {
            guard let s = r.value("non_fossil_share", year: year) else { continue }
            checks.append(TargetCheck(kind: .nonFossilShare, year: year, required: share, achieved: s, passed: s >= share))
        }
        return checks.sorted { ($0.year, $0.kind.rawValue) < ($1.year, $1.kind.rawValue) }
    }
}
