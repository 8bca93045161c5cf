import Simulator

/// The "1" targets of a run as margins: positive when met, in the target's own unit (years, %, Mt, Mtce).
/// Peak and neutrality use refined times, so margins move continuously with the levers.
public enum Constraints {
    public struct Margin: Sendable {
        public let name: String
        public let kind: TargetCheck.Kind
        public let year: Int
        public let margin: Double
    }

    public static func margins(_ r: ScenarioResult, _ t: Targets) -> [Margin] {
        var out: [Margin] = []
        let i = r.indicators, trajectory = r.trajectory
        let last = Double(trajectory.years.last! + 1)
        if let year = t.peakYear {
            let m = i.peak.stillRising ? Double(year + 1) - last - 1 : Double(year + 1) - i.peak.time
            out.append(Margin(name: "peak_year", kind: .peakYear, year: year, margin: m))
        }
        if let ceiling = t.peakCeiling {
            out.append(Margin(name: "peak_ceiling", kind: .peakCeiling, year: i.peak.year, margin: ceiling - i.peak.value))
        }
        if let year = t.neutralityYear {
            let m = i.neutralityTime.map { Double(year + 1) - $0 }
                ?? -(trajectory.value("co2_net", year: trajectory.years.last!) ?? 0) / 100 - (last - Double(year + 1))
            out.append(Margin(name: "neutrality_year", kind: .neutralityYear, year: year, margin: m))
        }
        for c in i.targetChecks where ![.peakYear, .peakCeiling, .neutralityYear].contains(c.kind) {
            guard let achieved = c.achieved else { continue }
            let m = c.kind == .energyCap ? c.required - achieved : achieved - c.required
            out.append(Margin(name: "\(c.kind.rawValue)_\(c.year)", kind: c.kind, year: c.year, margin: m))
        }
        return out
    }
}
