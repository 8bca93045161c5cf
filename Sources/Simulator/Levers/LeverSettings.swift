/// The schedule of every registered lever for one scenario, in the core's units. A scenario that says
/// nothing leaves every lever at its baseline.
public struct LeverSettings: Sendable {
    /// By position in `LeverRegistry.all`.
    public private(set) var schedules: [Schedule]

    /// Levers at their baseline levels for the given parameters.
    public init(baselineFor p: ModelParameters) {
        schedules = LeverRegistry.all.map { $0.baselineSchedule(p) }
    }

    public subscript(lever: Lever) -> Schedule {
        get { schedules[LeverRegistry.position(of: lever)] }
        set { schedules[LeverRegistry.position(of: lever)] = newValue }
    }

    /// Sets a lever from a scenario's setting.
    public mutating func set(_ lever: Lever, _ setting: LeverSetting, parameters p: ModelParameters) {
        self[lever] = lever.schedule(setting, p)
    }

    /// Every time at which some lever has a kink or a jump, derived from every registered lever.
    public var breakpoints: [Double] {
        Array(Set(schedules.flatMap(\.breakpoints))).sorted()
    }
}
