/// A path through (year, value) points, linear between them and flat outside. Used for targets
/// and caps stated at a few milestone years.
public struct PiecewiseLinear: Sendable, Equatable {
    public let x: [Double]
    public let y: [Double]

    public init(points: [(Double, Double)]) {
        let sorted = points.sorted { $0.0 < $1.0 }
        x = sorted.map(\.0)
        y = sorted.map(\.1)
    }

    public var isEmpty: Bool { x.isEmpty }

    @inline(__always)
    public func value(at t: Double) -> Double {
        let n = x.count
        if n == 0 { return .infinity }
        if t <= x[0] { return y[0] }
        if t >= x[n - 1] { return y[n - 1] }
        var i = 1
        while x[i] < t { i += 1 }
        let w = (t - x[i - 1]) / (x[i] - x[i - 1])
        return y[i - 1] + w * (y[i] - y[i - 1])
    }
}
