@preconcurrency import CGSL

/// Interpolation kinds offered by `gsl_interp`.
public enum SplineKind: Sendable {
    case linear, cubic, steffen

    var type: UnsafePointer<gsl_interp_type> {
        switch self {
        case .linear: return gsl_interp_linear
        case .cubic: return gsl_interp_cspline
        case .steffen: return gsl_interp_steffen
        }
    }

    var minimumPoints: Int {
        switch self {
        case .linear: return 2
        case .cubic, .steffen: return 3
        }
    }
}

/// A `gsl_spline` with its accelerator. Values outside the knots are held flat at the end values,
/// so a lever or demand path never produces NaN past its last knot.
public final class Spline {
    private let spline: UnsafeMutablePointer<gsl_spline>
    private let accel: UnsafeMutablePointer<gsl_interp_accel>
    public let lower: Double
    public let upper: Double
    private let lowerValue: Double
    private let upperValue: Double

    public init(x: [Double], y: [Double], kind: SplineKind = .steffen) throws {
        GSLErrorHandler.ensureDisabled()
        guard x.count == y.count, x.count >= kind.minimumPoints else {
            throw GSLError(status: Int32(GSL_EINVAL), function: "gsl_spline_init",
                           context: "a spline needs at least \(kind.minimumPoints) matching points, got \(x.count) x and \(y.count) y")
        }
        guard zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw GSLError(status: Int32(GSL_EINVAL), function: "gsl_spline_init",
                           context: "spline abscissae must increase strictly: \(x)")
        }
        guard let s = gsl_spline_alloc(kind.type, x.count) else {
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_spline_alloc", context: "\(x.count) points")
        }
        guard let a = gsl_interp_accel_alloc() else {
            gsl_spline_free(s)
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_interp_accel_alloc", context: "")
        }
        spline = s
        accel = a
        lower = x[0]
        upper = x[x.count - 1]
        lowerValue = y[0]
        upperValue = y[y.count - 1]
        let status = gsl_spline_init(s, x, y, x.count)
        if status != Int32(GSL_SUCCESS) {
            gsl_spline_free(s)
            gsl_interp_accel_free(a)
            throw GSLError(status: status, function: "gsl_spline_init", context: "\(x.count) points")
        }
    }

    deinit {
        gsl_spline_free(spline)
        gsl_interp_accel_free(accel)
    }

    /// The spline's GSL objects as a plain value, for the right-hand side: valid while this spline lives.
    public var view: SplineView {
        SplineView(spline: spline, accel: accel, lower: lower, upper: upper, lowerValue: lowerValue, upperValue: upperValue)
    }

    @inline(__always)
    public func value(at x: Double) -> Double {
        if x <= lower { return lowerValue }
        if x >= upper { return upperValue }
        return gsl_spline_eval(spline, x, accel)
    }

    @inline(__always)
    public func derivative(at x: Double) -> Double {
        if x <= lower || x >= upper { return 0 }
        return gsl_spline_eval_deriv(spline, x, accel)
    }
}

/// A spline read without reference counting: the owner keeps the `Spline` alive while views of it are used.
public struct SplineView {
    let spline: UnsafeMutablePointer<gsl_spline>
    let accel: UnsafeMutablePointer<gsl_interp_accel>
    let lower: Double, upper: Double, lowerValue: Double, upperValue: Double

    @inline(__always)
    public func value(at x: Double) -> Double {
        if x <= lower { return lowerValue }
        if x >= upper { return upperValue }
        return gsl_spline_eval(spline, x, accel)
    }
}
