import Simulator

/// One sourced number (or series) of a regional dataset.
public struct DatasetEntry: Sendable {
    public enum Value: Sendable {
        case scalar(Double)
        case series(years: [Double], values: [Double])
        case fuels(FuelVector)
        case text(String)
        case flag(Bool)
    }

    /// Dotted path, for example `products.steel.base_output`.
    public let path: String
    public var value: Value
    public let unit: String
    public let source: String
    /// Not taken from a published table: an uncertain parameter.
    public let estimate: Bool
    /// Plausible range of an estimate (scalar), or of a factor applied to a series.
    public let range: ClosedRange<Double>?
    public let line: Int?

    public init(path: String, value: Value, unit: String, source: String, estimate: Bool, range: ClosedRange<Double>?, line: Int?) {
        self.path = path
        self.value = value
        self.unit = unit
        self.source = source
        self.estimate = estimate
        self.range = range
        self.line = line
    }

    public var scalar: Double? {
        if case .scalar(let v) = value { return v }
        return nil
    }
}
