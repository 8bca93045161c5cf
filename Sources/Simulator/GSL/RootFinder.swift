@preconcurrency import CGSL

/// Bracketing root finding with `gsl_root_fsolver_brent`.
public enum RootFinder {
    /// A root of `f` in `[a, b]`, where `f(a)` and `f(b)` differ in sign.
    public static func brent(in a: Double, _ b: Double, tolerance: Double = 1e-10, maxIterations: Int = 200,
                             context: @autoclosure () -> String = "",
                             _ f: (Double) -> Double) throws -> Double {
        GSLErrorHandler.ensureDisabled()
        let fa = f(a), fb = f(b)
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard fa.isFinite, fb.isFinite, (fa < 0) != (fb < 0) else {
            throw GSLError(status: Int32(GSL_EINVAL), function: "gsl_root_fsolver_set",
                           context: "no sign change on [\(a), \(b)]: f = \(fa), \(fb). \(context())")
        }
        guard let solver = gsl_root_fsolver_alloc(gsl_root_fsolver_brent) else {
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_root_fsolver_alloc", context: context())
        }
        defer { gsl_root_fsolver_free(solver) }
        return try withoutActuallyEscaping(f) { f in
            var closure = f
            return try withUnsafeMutablePointer(to: &closure) { fp in
                var function = gsl_function(
                    function: { x, params in
                        params!.assumingMemoryBound(to: ((Double) -> Double).self).pointee(x)
                    },
                    params: UnsafeMutableRawPointer(fp))
                try check(gsl_root_fsolver_set(solver, &function, a, b), "gsl_root_fsolver_set", context())
                for _ in 0..<maxIterations {
                    try check(gsl_root_fsolver_iterate(solver), "gsl_root_fsolver_iterate", context())
                    let lo = gsl_root_fsolver_x_lower(solver), hi = gsl_root_fsolver_x_upper(solver)
                    if gsl_root_test_interval(lo, hi, tolerance, 0) == Int32(GSL_SUCCESS) {
                        return gsl_root_fsolver_root(solver)
                    }
                }
                throw GSLError(status: Int32(GSL_EMAXITER), function: "gsl_root_fsolver_iterate",
                               context: "no convergence in \(maxIterations) iterations on [\(a), \(b)]. \(context())")
            }
        }
    }
}
