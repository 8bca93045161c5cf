#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a lever moves from its baseline level to its target.
public enum RampShape: String, CaseIterable, Sendable, Codable {
    case step, linear, logistic
}

/// A lever's timetable. Years are calendar years; model time `t` is continuous, with calendar year `Y`
/// spanning `[Y, Y+1)`. The ramp starts on 1 January of `start` and is complete on 31 December of `full`.
public struct Schedule: Sendable, Equatable {
    public var start: Int
    public var full: Int
    public var shape: RampShape
    /// Baseline level, before `start`.
    public var from: Double
    /// Target level, from the end of `full` onward.
    public var to: Double

    public init(start: Int, full: Int, shape: RampShape = .linear, from: Double, to: Double) {
        self.start = start
        self.full = max(full, start)
        self.shape = shape
        self.from = from
        self.to = to
    }

    /// A schedule that never departs from `level`.
    public static func constant(_ level: Double) -> Schedule {
        Schedule(start: 2100, full: 2100, shape: .step, from: level, to: level)
    }

    public var isConstant: Bool { from == to }

    /// Share of the way from `from` to `to` at time `t`, in [0, 1].
    @inline(__always)
    public func ramp(at t: Double) -> Double {
        let t0 = Double(start), t1 = Double(full + 1)
        if t < t0 { return 0 }
        switch shape {
        case .step: return 1
        case .linear:
            return t >= t1 ? 1 : (t - t0) / (t1 - t0)
        case .logistic:
            if t >= t1 { return 1 }
            return Schedule.normalisedLogistic((t - t0) / (t1 - t0))
        }
    }

    @inline(__always)
    public func value(at t: Double) -> Double {
        from + (to - from) * ramp(at: t)
    }

    /// Times at which the schedule has a kink or a jump: the integrator restarts there.
    public var breakpoints: [Double] {
        isConstant ? [] : [Double(start), Double(full + 1)]
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

extension Schedule {
    /// d(ramp)/dt: zero for steps (their jump is handled by restarting the integrator).
    @inline(__always)
    public func rampRate(at t: Double) -> Double {
        let t0 = Double(start), t1 = Double(full + 1)
        if t < t0 || t >= t1 { return 0 }
        switch shape {
        case .step: return 0
        case .linear: return 1 / (t1 - t0)
        case .logistic:
            let k = Schedule.logisticSteepness, x = (t - t0) / (t1 - t0)
            let s = 1 / (1 + exp(-k * (x - 0.5)))
            return k * s * (1 - s) / (Schedule.logisticHigh - Schedule.logisticLow) / (t1 - t0)
        }
    }
}
