import Simulator

/// One lever an analyst can pull: where it sits in a scenario file, its unit and valid range, what it
/// does (in English and Chinese), and how it sets the core's schedule.
public struct LeverDefinition: Sendable {
    /// Path in a scenario file, for example `sector_plans.industry.capacity_cut.steel`.
    public let path: String
    /// Lever family, for the attribution scenario files and charts.
    public let family: String
    /// Unit of `target` as written in scenario files.
    public let unit: String
    public let range: ClosedRange<Double>
    /// Factor from the file's unit to the core's (for example % to share: 0.01).
    public let scale: Double
    public let description: String
    public let descriptionZH: String
    /// Baseline level in the file's unit, from the dataset; nil where the baseline is a trend (wind, solar).
    let baseline: @Sendable (ModelParameters) -> Double?
    /// How the baseline reads in `carbonsim levers`.
    let baselineText: @Sendable (ModelParameters) -> String
    let apply: @Sendable (inout LeverSettings, Schedule) -> Void

    public func baselineLevel(_ p: ModelParameters) -> Double? { baseline(p) }
    public func baselineDescription(_ p: ModelParameters) -> String { baselineText(p) }
}

/// A lever as a scenario sets it, in the file's units.
public struct LeverSetting: Sendable, Equatable {
    public var target: Double
    public var start: Int
    public var full: Int
    public var shape: RampShape

    public init(target: Double, start: Int, full: Int, shape: RampShape) {
        self.target = target
        self.start = start
        self.full = full
        self.shape = shape
    }
}
