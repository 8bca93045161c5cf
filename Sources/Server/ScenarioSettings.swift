import Reports
import Scenarios
import Simulator

/// A served scenario file as the page's controls show it: each lever's level at the end of its last move
/// (file units, whatever form the file gives it), its start, full-effect year and shape; each target by its
/// control path (`targets.non_fossil_share.2030`); dual control. The page sends back only what is moved,
/// in a document that extends the file.
public struct ScenarioSettings: Codable, Sendable {
    public struct LeverState: Codable, Sendable {
        public let level: Double
        public let start: Int
        public let full: Int
        public let shape: String
        /// target, path or delta: how the file writes it (a moved control is sent in the target form).
        public let form: String
    }

    public let file: String
    public let name: String
    public let description: String
    public let levers: [String: LeverState]
    public let targets: [String: Double]
    public let enforceDualControl: Bool

    /// `language`: the description in it (a file's description_zh under zh, when it has one).
    public init(_ s: Scenario, file: String, parameters p: ModelParameters, language: Language = .en) {
        self.file = file
        name = s.name
        description = language == .zh && !s.descriptionZH.isEmpty ? s.descriptionZH : s.description
        var levers: [String: LeverState] = [:]
        for (path, setting) in s.levers {
            guard let lever = LeverRegistry.lever(path) else { continue }
            let level = (lever.finalLevel(setting, p) * 1e9).rounded() / 1e9
            levers[path] = LeverState(level: level, start: setting.start, full: setting.full, shape: setting.shape.rawValue, form: setting.form.rawValue)
        }
        self.levers = levers
        var targets: [String: Double] = [:]
        let t = s.targets
        if let y = t.peakYear { targets["targets.peak_year"] = Double(y) }
        if let c = t.peakCeiling { targets["targets.peak_ceiling"] = c }
        if let y = t.neutralityYear { targets["targets.neutrality_year"] = Double(y) }
        for (n, v) in t.energyIntensityCut { targets["targets.energy_intensity_cut.\(PlanPeriod(number: n).ordinal)"] = v }
        for (n, v) in t.co2IntensityCut { targets["targets.co2_intensity_cut.\(PlanPeriod(number: n).ordinal)"] = v }
        for (y, v) in t.energyCap { targets["targets.energy_cap.\(y)"] = v }
        for (y, v) in t.nonFossilShare { targets["targets.non_fossil_share.\(y)"] = v }
        self.targets = targets
        enforceDualControl = s.enforceDualControl
    }
}
