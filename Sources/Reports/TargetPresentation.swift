import Simulator

/// A "1" target as a table shows it: required, achieved and by how much it is met or missed, in the
/// table's units. The margin is positive when met: years early for peak and neutrality, room left under a
/// ceiling or cap, percentage points above a required cut or share.
public struct TargetPresentation {
    public let required: String
    public let achieved: String?
    public let gap: String?
    /// The margin in the shown units (positive = met), nil when nothing was achieved (no peak, no net zero).
    public let margin: Double?

    public init(_ c: TargetCheck, units: UnitSystem, language l: Language) {
        switch c.kind {
        case .peakYear, .neutralityYear:
            let achievedYear = c.achieved.map { $0.rounded() }
            required = NumberFormat.fixed(c.required, 0)
            // A peak at the run's first year is at or before it: a bound, shown as one.
            achieved = achievedYear.map { (c.atOrBefore ? "≤" : "") + NumberFormat.fixed($0, 0) }
            margin = c.kind.margin(required: c.required, achieved: achievedYear)
            gap = margin.map { (c.atOrBefore ? "≥" : "") + NumberFormat.signed($0, digits: 0) + (l == .zh ? "年" : " yr") }
        case .peakCeiling, .energyCap:
            let shown = units.presented(c.kind == .peakCeiling ? "Mt CO2" : "Mtce")
            let pair = c.achieved.map { NumberFormat.distinct(shown.value(c.required), shown.value($0)) }
            required = pair?.0 ?? NumberFormat.value(shown.value(c.required))
            achieved = pair?.1
            margin = c.kind.margin(required: c.required, achieved: c.achieved).map(shown.value)
            gap = margin.map { NumberFormat.signed($0) }
        case .energyIntensityCut, .co2IntensityCut, .nonFossilShare:
            let shown = c.achieved.map { NumberFormat.distinct(c.required, $0) }
            required = shown?.0 ?? NumberFormat.value(c.required)
            achieved = shown?.1
            margin = c.kind.margin(required: c.required, achieved: c.achieved)
            gap = margin.map { NumberFormat.points($0, l) }
        }
    }
}
