import Scenarios
import Simulator

/// The "1" targets of a run as margins: positive when met, in the target's own unit (years, %, Mt, Mtce).
/// Peak and neutrality use refined times, so margins move continuously with the levers.
public enum Constraints {
    public struct Margin: Sendable {
        public let name: String
        public let kind: TargetCheck.Kind
        public let year: Int
        public let margin: Double
        /// The margin as `carbonsim run` reports it: whole years for a peak or neutrality year (the year of the
        /// peak, not its refined time); nil where `run` reports none (no peak or net zero in the horizon).
        public let reported: Double?

        public init(name: String, kind: TargetCheck.Kind, year: Int, margin: Double, reported: Double?) {
            self.name = name
            self.kind = kind
            self.year = year
            self.margin = margin
            self.reported = reported
        }
    }

    /// The margins of exactly the targets in `t` (the run may check more: a scenario's other targets).
    public static func margins(_ r: ScenarioResult, _ t: Targets) -> [Margin] {
        var out: [Margin] = []
        let i = r.indicators, trajectory = r.trajectory
        let last = Double(trajectory.years.last! + 1)
        if let year = t.peakYear {
            let m = i.peak.stillRising ? Double(year + 1) - last - 1 : Double(year + 1) - i.peak.time
            out.append(Margin(name: "peak_year", kind: .peakYear, year: year, margin: m,
                              reported: i.peak.stillRising ? nil : Double(year - i.peak.year)))
        }
        if let ceiling = t.peakCeiling {
            out.append(Margin(name: "peak_ceiling", kind: .peakCeiling, year: i.peak.year, margin: ceiling - i.peak.value,
                              reported: ceiling - i.peak.value))
        }
        if let year = t.neutralityYear {
            // Met when the year's annual net CO2 is at or below zero: the crossing at or before its middle.
            let m = i.neutralityTime.map { Double(year) + 0.5 - $0 }
                ?? -(trajectory.value("co2_net", year: trajectory.years.last!) ?? 0) / 100 - (last - Double(year + 1))
            out.append(Margin(name: "neutrality_year", kind: .neutralityYear, year: year, margin: m,
                              reported: i.neutralityYear.map { Double(year - $0) }))
        }
        for c in i.targetChecks where !c.kind.isWholeRun && t.contains(c) {
            guard let achieved = c.achieved else { continue }
            let m = c.kind == .energyCap ? c.required - achieved : achieved - c.required
            out.append(Margin(name: "\(c.kind.rawValue)_\(c.year)", kind: c.kind, year: c.year, margin: m, reported: m))
        }
        return out
    }
}

extension Targets {
    /// These targets with `other`'s laid over them: an entry of `other` replaces the same kind (and year or
    /// plan period); every other target stays. How `solve --target` and an optimisation spec's `targets`
    /// combine with the scenario file's.
    public func merging(_ other: Targets) -> Targets {
        var t = self
        t.peakYear = other.peakYear ?? peakYear
        t.peakCeiling = other.peakCeiling ?? peakCeiling
        t.neutralityYear = other.neutralityYear ?? neutralityYear
        t.energyIntensityCut.merge(other.energyIntensityCut) { $1 }
        t.co2IntensityCut.merge(other.co2IntensityCut) { $1 }
        t.energyCap.merge(other.energyCap) { $1 }
        t.nonFossilShare.merge(other.nonFossilShare) { $1 }
        return t
    }

    /// Whether `check` is of one of these targets (same kind, and the same year or plan period).
    public func contains(_ check: TargetCheck) -> Bool {
        switch check.kind {
        case .peakYear: return peakYear == check.year
        case .peakCeiling: return peakCeiling != nil
        case .neutralityYear: return neutralityYear == check.year
        case .energyIntensityCut: return energyIntensityCut[check.period.number] != nil
        case .co2IntensityCut: return co2IntensityCut[check.period.number] != nil
        case .energyCap: return energyCap[check.year] != nil
        case .nonFossilShare: return nonFossilShare[check.year] != nil
        }
    }
}
