@preconcurrency import CGSL

/// A first-order system dy/dt = f(t, y) that the integrator can drive.
///
/// `derivatives` is called thousands of times per run: it must not allocate and must not throw.
/// A non-finite derivative is reported by returning `false`; the integrator turns it into an error.
public protocol ODESystem: AnyObject {
    var dimension: Int { get }
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool
}

/// Stepper choice for `gsl_odeiv2`.
public enum ODEMethod: String, CaseIterable, Sendable {
    case rkf45, rkck, rk8pd, msbdf

    var stepType: UnsafePointer<gsl_odeiv2_step_type> {
        switch self {
        case .rkf45: return gsl_odeiv2_step_rkf45
        case .rkck: return gsl_odeiv2_step_rkck
        case .rk8pd: return gsl_odeiv2_step_rk8pd
        case .msbdf: return gsl_odeiv2_step_msbdf
        }
    }
}

/// Adaptive, error-controlled integration with `gsl_odeiv2_driver`.
///
/// The integrator owns the GSL system struct and the driver: GSL keeps pointers to both, so they live
/// exactly as long as this object. One integrator per thread; reuse it across runs with `reset`.
public final class ODEIntegrator {
    public let method: ODEMethod
    public let absoluteTolerance: Double
    public let relativeTolerance: Double
    public let initialStep: Double

    private let box: SystemBox
    private let system: UnsafeMutablePointer<gsl_odeiv2_system>
    private let driver: UnsafeMutablePointer<gsl_odeiv2_driver>
    /// Right-hand-side evaluations since the last `resetCounters()`: the cost of a run.
    public var evaluations: Int { box.evaluations }

    public init<System: ODESystem>(system: System, method: ODEMethod = .rk8pd,
                initialStep: Double = 0.1, absoluteTolerance: Double = 1e-8,
                relativeTolerance: Double = 1e-8) throws {
        GSLErrorHandler.ensureDisabled()
        self.method = method
        self.initialStep = initialStep
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
        let box: SystemBox = TypedSystemBox(system)
        let sys = UnsafeMutablePointer<gsl_odeiv2_system>.allocate(capacity: 1)
        sys.initialize(to: gsl_odeiv2_system(
            function: odeRightHandSide, jacobian: odeJacobian, dimension: system.dimension,
            params: Unmanaged.passUnretained(box).toOpaque()))
        guard let d = gsl_odeiv2_driver_alloc_y_new(sys, method.stepType, initialStep,
                                                    absoluteTolerance, relativeTolerance) else {
            sys.deallocate()
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_odeiv2_driver_alloc_y_new",
                           context: "allocating an ODE driver for \(system.dimension) states")
        }
        // A bound no normal run reaches (a whole run takes 1-2k right-hand-side evaluations, a few steps per
        // interval): a stiff or degenerate input fails with an error within seconds instead of hanging.
        gsl_odeiv2_driver_set_nmax(d, UInt(ODEIntegrator.maximumSteps))
        self.box = box
        self.system = sys
        driver = d
    }

    /// Steps allowed per `advance` call.
    public static let maximumSteps = 20_000
    /// Right-hand-side evaluations allowed between `resetCounters()` calls (one run): a run takes 1-2k, so
    /// this is about 60 runs' worth. Many intervals each under the step limit cannot add up to minutes (a stiff
    /// input fails within about 2 s in a debug build, a fraction of that in release).
    public static let maximumEvaluations = 100_000

    deinit {
        gsl_odeiv2_driver_free(driver)
        system.deallocate()
    }

    /// Forget the stepper history: call at a discontinuity of the right-hand side.
    public func reset() throws {
        try check(gsl_odeiv2_driver_reset(driver), "gsl_odeiv2_driver_reset", "restarting the ODE driver")
    }

    /// Forget everything, the step size too: call before a new run, so that a run never depends on the
    /// run before it on the same integrator.
    public func restart() throws {
        try check(gsl_odeiv2_driver_reset_hstart(driver, initialStep), "gsl_odeiv2_driver_reset_hstart",
                  "restarting the ODE driver for a new run")
    }

    public func resetCounters() { box.evaluations = 0 }

    /// Integrates `y` in place from `t` to `t1`; on return `t == t1`.
    public func advance(_ t: inout Double, to t1: Double, y: UnsafeMutablePointer<Double>) throws {
        box.failedAt = nil
        box.exhausted = false
        let status = gsl_odeiv2_driver_apply(driver, &t, t1, y)
        if status != Int32(GSL_SUCCESS) {
            var context = "integrating from t = \(t) to t = \(t1)"
            if box.exhausted {
                throw GSLError(status: Int32(GSL_EMAXITER), function: "gsl_odeiv2_driver_apply",
                               context: context + "; the run used up its \(ODEIntegrator.maximumEvaluations) right-hand-side evaluations (a normal run takes 1-2 thousand): the inputs make the model stiff or degenerate")
            }
            if let bad = box.failedAt {
                context += "; the right-hand side was not finite at t = \(bad)"
            } else if status == Int32(GSL_EMAXITER) {
                context += "; the step limit (\(ODEIntegrator.maximumSteps) steps) was reached: the inputs make the model stiff or degenerate"
            }
            throw GSLError(status: status, function: "gsl_odeiv2_driver_apply", context: context)
        }
    }
}

/// What the C callback reaches through `params`: C callbacks cannot capture. The system is reached through a
/// subclass that knows its concrete type (`TypedSystemBox`), so the right-hand side calls it without opening an
/// existential or retaining it.
private class SystemBox {
    let dimension: Int
    var evaluations = 0
    var failedAt: Double?
    /// The run's evaluation budget was used up (the callback refused to go on).
    var exhausted = false
    /// Scratch for the finite-difference Jacobian (implicit steppers), allocated once.
    let f0: UnsafeMutablePointer<Double>
    let f1: UnsafeMutablePointer<Double>
    let yShifted: UnsafeMutablePointer<Double>

    init(dimension: Int) {
        self.dimension = dimension
        let n = max(dimension, 1)
        f0 = .allocate(capacity: n)
        f1 = .allocate(capacity: n)
        yShifted = .allocate(capacity: n)
    }

    deinit {
        f0.deallocate()
        f1.deallocate()
        yShifted.deallocate()
    }

    /// The system's derivatives (overridden by `TypedSystemBox`; a bare box has no system and reports failure).
    func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool { false }
}

private final class TypedSystemBox<System: ODESystem>: SystemBox {
    /// The integrator keeps the system alive through its box.
    let system: System

    init(_ system: System) {
        self.system = system
        super.init(dimension: system.dimension)
    }

    override func derivatives(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Bool {
        system.derivatives(t: t, y: y, dydt: dydt)
    }
}

private func odeRightHandSide(t: Double, y: UnsafePointer<Double>?, dydt: UnsafeMutablePointer<Double>?,
                              params: UnsafeMutableRawPointer?) -> Int32 {
    // The integrator owns the box for as long as GSL can call back: borrowed, not retained.
    Unmanaged<SystemBox>.fromOpaque(params!)._withUnsafeGuaranteedRef { box in
        evaluate(box, t: t, y: y!, dydt: dydt!)
    }
}

@inline(__always)
private func evaluate(_ box: SystemBox, t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Int32 {
    box.evaluations &+= 1
    if box.evaluations > ODEIntegrator.maximumEvaluations {
        box.exhausted = true
        return Int32(GSL_EBADFUNC)
    }
    if box.derivatives(t: t, y: y, dydt: dydt) {
        return Int32(GSL_SUCCESS)
    }
    box.failedAt = t
    return Int32(GSL_EBADFUNC)
}

/// Forward-difference Jacobian and time derivative, for implicit steppers (msbdf) on systems that
/// provide only their right-hand side.
private func odeJacobian(t: Double, y: UnsafePointer<Double>?, dfdy: UnsafeMutablePointer<Double>?,
                         dfdt: UnsafeMutablePointer<Double>?, params: UnsafeMutableRawPointer?) -> Int32 {
    let box = Unmanaged<SystemBox>.fromOpaque(params!).takeUnretainedValue()
    let n = box.dimension
    let y = y!, dfdy = dfdy!, dfdt = dfdt!
    box.evaluations &+= 1
    guard box.derivatives(t: t, y: y, dydt: box.f0) else { box.failedAt = t; return Int32(GSL_EBADFUNC) }
    box.yShifted.update(from: y, count: n)
    for j in 0..<n {
        let h = 1e-7 * max(abs(y[j]), 1)
        box.yShifted[j] = y[j] + h
        box.evaluations &+= 1
        guard box.derivatives(t: t, y: box.yShifted, dydt: box.f1) else { box.failedAt = t; return Int32(GSL_EBADFUNC) }
        for i in 0..<n { dfdy[i * n + j] = (box.f1[i] - box.f0[i]) / h }
        box.yShifted[j] = y[j]
    }
    let ht = 1e-7 * max(abs(t), 1)
    box.evaluations &+= 1
    guard box.derivatives(t: t + ht, y: y, dydt: box.f1) else { box.failedAt = t; return Int32(GSL_EBADFUNC) }
    for i in 0..<n { dfdt[i] = (box.f1[i] - box.f0[i]) / ht }
    return Int32(GSL_SUCCESS)
}
