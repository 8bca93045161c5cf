import Simulator

/// A scenario in the "1+N+X" shape: targets ("1"), sector action plans ("N") and supporting measures
/// ("X"). It says only what differs from the dataset's baseline (or from the scenario it extends).
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The description in Chinese, for reports under `--lang zh` (`description_zh:`); empty: none.
    public var descriptionZH = ""
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
    /// Where each lever was set (this file or one it extends), for notes and errors about it. Not part of equality.
    public var leverSources: [String: SourcePosition] = [:]
    /// For a lever set as a delta, where the setting it extends was written (history's notes on that setting's
    /// milestones belong there). Not part of equality.
    public var extendedLeverSources: [String: SourcePosition] = [:]
    /// Where `enforce` was written (this file or one it extends), for errors about it. Not part of equality.
    public var enforceDualControlAt: (file: String, line: Int, column: Int)?
    public var accounting = AccountingSwitches()
    /// What loaded but is probably not what was meant (a fraction typed for a percentage).
    public var warnings: [InputWarning] = []
    /// The texts it was read from, base files (`extends:`) first then its own: what a sweep's identity
    /// includes, so that editing a base file is seen. Not part of equality.
    public var sources: [ScenarioSource] = []

    public init(name: String, description: String = "", file: String) {
        self.name = name
        self.description = description
        self.file = file
    }

    /// The same scenario shown as coming from `file` (equality includes the display name of the file).
    /// Equal in what it says; warnings (which depend on where the text sits) are not part of it.
    public static func == (a: Scenario, b: Scenario) -> Bool {
        a.name == b.name && a.description == b.description && a.descriptionZH == b.descriptionZH && a.file == b.file && a.targets == b.targets
            && a.levers == b.levers && a.assumptions == b.assumptions && a.enforceDualControl == b.enforceDualControl
            && a.accounting == b.accounting
    }

    public func with(file: String) -> Scenario {
        var s = self
        s.file = file
        return s
    }

    /// Lever paths set by this scenario, grouped by family.
    public var families: Set<String> { Set(levers.keys.compactMap { LeverRegistry.lever($0)?.family }) }
}

/// A place in an input file: the file as its reader names it, line and column (1-based).
public struct SourcePosition: Sendable, Equatable {
    public let file: String
    public let line: Int?
    public let column: Int?

    public init(file: String, line: Int?, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Scenarios compare their accounting switches.
extension AccountingSwitches: Equatable {
    public static func == (a: AccountingSwitches, b: AccountingSwitches) -> Bool {
        ScenarioLoader.accountingSwitches.allSatisfy { a[keyPath: $0.field] == b[keyPath: $0.field] }
    }
}

/// One file a scenario was read from: where (as resolved) and its whole text.
public struct ScenarioSource: Sendable, Equatable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
