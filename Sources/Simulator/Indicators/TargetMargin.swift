extension TargetCheck.Kind {
    /// By how much `achieved` meets the target `required`, in the target's own unit: positive when met,
    /// negative by the shortfall. Years early for peak and neutrality years; room left under a peak ceiling
    /// (Mt CO2) or an energy cap (Mtce); percentage points above a required cut or share. Nil when nothing was
    /// achieved (no peak or no net zero before the horizon).
    public func margin(required: Double, achieved: Double?) -> Double? {
        guard let achieved else { return nil }
        switch self {
        case .peakYear, .neutralityYear, .peakCeiling, .energyCap: return required - achieved
        case .energyIntensityCut, .co2IntensityCut, .nonFossilShare: return achieved - required
        }
    }

    /// The unit of the margin in the model's units: years, the ceiling's and cap's units, percentage points.
    public var marginUnit: String {
        switch self {
        case .peakYear, .neutralityYear: return "yr"
        case .peakCeiling: return "Mt CO2"
        case .energyCap: return "Mtce"
        case .energyIntensityCut, .co2IntensityCut, .nonFossilShare: return "pp"
        }
    }

    /// Set once for the whole run (a peak, a ceiling, net zero), not for a named year or plan period.
    public var isWholeRun: Bool {
        switch self {
        case .peakYear, .peakCeiling, .neutralityYear: return true
        case .energyIntensityCut, .co2IntensityCut, .energyCap, .nonFossilShare: return false
        }
    }

    /// The check's year is an outcome of each run (the year a ceiling is judged in is the run's peak year), so
    /// runs that differ only in it check one and the same target.
    public var yearIsTheRunsOutcome: Bool { self == .peakCeiling }
}
