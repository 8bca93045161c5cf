#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a lever moves from one level to the next.
public enum RampShape: String, CaseIterable, Sendable, Codable {
    case step, linear, logistic
}

/// One move of a lever: `amount` added between 1 January of `start` and 31 December of `full`.
/// Years are calendar years; model time `t` is continuous, with calendar year `Y` spanning `[Y, Y+1)`.
public struct Ramp: Sendable, Equatable {
    public var start: Int
    public var full: Int
    public var shape: RampShape
    public var amount: Double

    public init(start: Int, full: Int, shape: RampShape, amount: Double) {
        self.start = start
        self.full = max(full, start)
        self.shape = shape
        self.amount = amount
    }

    /// Share of the move made at time `t`, in [0, 1]: 0 before 1 January of `start`, 1 from the end of `full`.
    @inline(__always)
    public func progress(at t: Double) -> Double {
        let t0 = Double(start), t1 = Double(full + 1)
        if t < t0 { return 0 }
        if t >= t1 { return 1 }
        switch shape {
        case .step: return 1
        case .linear: return (t - t0) / (t1 - t0)
        case .logistic: return Ramp.normalisedLogistic((t - t0) / (t1 - t0))
        }
    }

    /// Steepness of the logistic ramp, and the raw logistic's values at the ramp's ends.
    static let logisticSteepness = 10.0
    static let logisticLow = 1 / (1 + exp(logisticSteepness * 0.5))
    static let logisticHigh = 1 / (1 + exp(-logisticSteepness * 0.5))

    /// A logistic curve through (0, 0) and (1, 1), steepness 10.
    @inline(__always)
    static func normalisedLogistic(_ x: Double) -> Double {
        (1 / (1 + exp(-logisticSteepness * (x - 0.5))) - logisticLow) / (logisticHigh - logisticLow)
    }
}

/// A lever's level over time in the core's units: a level before any move, plus the moves a scenario makes.
/// A milestone path ("150 GW by 2025, 300 by 2030") is one ramp per milestone; a delta over another
/// scenario adds its own ramps to that scenario's. A schedule with no ramps is the baseline.
public struct Schedule: Sendable, Equatable {
    /// Level before the first move.
    public var from: Double
    public var ramps: [Ramp]

    public init(from: Double, ramps: [Ramp] = []) {
        self.from = from
        self.ramps = ramps
    }

    /// A single move from `from` to `to`.
    public init(start: Int, full: Int, shape: RampShape = .linear, from: Double, to: Double) {
        self.init(from: from, ramps: [Ramp(start: start, full: full, shape: shape, amount: to - from)])
    }

    /// A schedule that never departs from `level`.
    public static func constant(_ level: Double) -> Schedule { Schedule(from: level) }

    /// Whether a scenario moves this lever at all (a move to the same level still counts as set).
    public var isSet: Bool { !ramps.isEmpty }

    /// Level once every move is made.
    public var final: Double { ramps.reduce(from) { $0 + $1.amount } }

    /// First year of the first move (nil: never moves).
    public var firstStart: Int? { ramps.map(\.start).min() }

    @inline(__always)
    public func value(at t: Double) -> Double {
        var v = from
        for r in ramps { v += r.amount * r.progress(at: t) }
        return v
    }

    /// Times at which the schedule has a kink or a jump: the integrator restarts there.
    public var breakpoints: [Double] {
        ramps.flatMap { [Double($0.start), Double($0.full + 1)] }
    }

    /// This schedule with another's moves added (a delta over it).
    public func adding(_ other: Schedule) -> Schedule {
        Schedule(from: from + other.from, ramps: ramps + other.ramps)
    }
}
