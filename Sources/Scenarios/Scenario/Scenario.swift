import Simulator

/// A scenario in the "1+N+X" shape: targets ("1"), sector action plans ("N") and supporting measures
/// ("X"). It says only what differs from the dataset's baseline (or from the scenario it extends).
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    /// The file it came from (display name).
    public var file: String
    /// "1": top-level targets.
    public var targets = Targets()
    /// "N" and "X": lever settings by catalog path.
    public var levers: [String: LeverSetting] = [:]
    /// Dataset values replaced for this scenario, by dataset path.
    public var assumptions: [String: Double] = [:]
    /// Enforce the energy cap by curtailing energy-intensive output (otherwise it is only checked).
    public var enforceDualControl = false
    public var accounting = AccountingSwitches()
    /// What loaded but is probably not what was meant (a fraction typed for a percentage).
    public var warnings: [InputWarning] = []

    public init(name: String, description: String = "", file: String) {
        self.name = name
        self.description = description
        self.file = file
    }

    /// Lever paths set by this scenario, grouped by family.
    public var families: Set<String> { Set(levers.keys.compactMap { LeverRegistry.lever($0)?.family }) }
}
