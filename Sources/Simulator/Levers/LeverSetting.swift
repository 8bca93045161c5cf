/// A level a lever reaches by the end of a year.
public struct Milestone: Sendable, Equatable {
    public var year: Int
    public var value: Double
    /// How the lever moves from the previous milestone (or the start) to this one.
    public var shape: RampShape

    public init(year: Int, value: Double, shape: RampShape = .linear) {
        self.year = year
        self.value = value
        self.shape = shape
    }
}

/// A lever as a scenario sets it, in the file's units, in one of three forms:
/// - `target`: `{target, start, full, shape}`, one milestone;
/// - `path`: `{path: {2025: 150, 2030: 300}, start, shape}`, milestones reached at the end of their years;
/// - `delta`: `{delta: 40, start, full}` or `{delta: {2025: 10, 2030: 40}}`, added to the setting of the
///   scenario it extends (`over`), or to the baseline where that scenario leaves the lever alone.
public struct LeverSetting: Sendable, Equatable {
    public enum Form: String, Sendable, CaseIterable { case target, path, delta }

    /// What a delta is added to.
    public indirect enum Base: Sendable, Equatable {
        case baseline
        case setting(LeverSetting)
    }

    public var form: Form
    /// First year of the first move (1 January).
    public var start: Int
    /// Sorted by year; never empty. For a delta, the additions.
    public var milestones: [Milestone]
    public var over: Base

    public init(form: Form, start: Int, milestones: [Milestone], over: Base = .baseline) {
        precondition(!milestones.isEmpty, "a lever setting needs at least one milestone")
        self.form = form
        self.start = start
        self.milestones = milestones.sorted { $0.year < $1.year }
        self.over = over
    }

    /// The `{target, start, full, shape}` form.
    public init(target: Double, start: Int, full: Int, shape: RampShape) {
        self.init(form: .target, start: start, milestones: [Milestone(year: max(full, start), value: target, shape: shape)])
    }

    /// The `{delta: change}` form over `inherited` (nil: the baseline). It follows the inherited setting's schedule:
    /// from its start, reached by its full year, unless `start` or `full` are given. It starts in `defaultStart` over
    /// the baseline, or when its own full year comes before the inherited start. Scenario files and sweep factors
    /// build their deltas here (the files refuse a full year before a given start, sweep specs too), so the two run
    /// the same.
    public static func delta(_ change: Double, over inherited: LeverSetting?, start: Int?, full: Int?, shape: RampShape,
                             defaultStart: Int) -> LeverSetting {
        let begin = start ?? deltaStart(over: inherited, firstYear: full, defaultStart: defaultStart)
        return LeverSetting(form: .delta, start: begin,
                            milestones: [Milestone(year: max(full ?? inherited?.full ?? begin, begin), value: change, shape: shape)],
                            over: inherited.map { .setting($0) } ?? .baseline)
    }

    /// Where a delta without its own start begins: with the setting it extends, unless its first year of its own (its
    /// full year, its first milestone) comes before that; then, as over the baseline, in `defaultStart`.
    public static func deltaStart(over inherited: LeverSetting?, firstYear: Int?, defaultStart: Int) -> Int {
        guard let s = inherited?.start, s <= firstYear ?? s else { return defaultStart }
        return s
    }

    /// The last milestone's value: what solve, optimize and sweeps vary.
    public var target: Double {
        get { milestones[milestones.count - 1].value }
        set { milestones[milestones.count - 1].value = newValue }
    }

    /// The last milestone's year.
    public var full: Int {
        get { milestones[milestones.count - 1].year }
        set { milestones[milestones.count - 1].year = newValue }
    }

    public var shape: RampShape {
        get { milestones[milestones.count - 1].shape }
        set { for i in milestones.indices { milestones[i].shape = newValue } }
    }
}
