@preconcurrency import CGSL

/// Nonlinear least squares with `gsl_multifit_nlinear` (trust region, Levenberg-Marquardt steps).
///
/// Residuals and Jacobian are Swift closures; they reach GSL's C callbacks through `params`, and an error
/// they throw is parked there and rethrown after the driver returns (Swift errors cannot unwind through C).
public enum NonlinearLeastSquares {
    public struct Result: Sendable {
        /// The best parameters found.
        public let x: [Double]
        /// Residuals at `x`.
        public let residuals: [Double]
        /// Sum of squared residuals at `x`.
        public let chiSquared: Double
        /// (JᵀJ)⁻¹ at `x`, unscaled: multiply by the residual variance for the parameter covariance.
        public let inverseCurvature: [[Double]]
        public let iterations: Int
        /// Why the driver stopped: 1 small step, 2 small gradient, 3 small change in cost (GSL's `info`).
        public let stopReason: Int
        public let converged: Bool
        /// Why the driver did not converge, if it did not.
        public let failure: String?

        /// Parameter covariance with the residual variance estimated from the fit (n - p degrees of freedom).
        public var covariance: [[Double]] {
            let dof = Double(residuals.count - x.count)
            let s2 = dof > 0 ? chiSquared / dof : .nan
            return inverseCurvature.map { $0.map { $0 * s2 } }
        }

        public var standardErrors: [Double] {
            let c = covariance
            return (0..<x.count).map { c[$0][$0].squareRoot() }
        }
    }

    /// Residuals r(x) into `r`; the Jacobian dr/dx into `jacobian[i][j]` (residual i, parameter j).
    public typealias Residuals = (_ x: [Double], _ r: inout [Double]) throws -> Void
    public typealias Jacobian = (_ x: [Double], _ jacobian: inout [[Double]]) throws -> Void

    final class Context {
        let residuals: Residuals
        let jacobian: Jacobian?
        let n: Int, p: Int
        var error: Error?
        var x: [Double], r: [Double], j: [[Double]]
        init(residuals: @escaping Residuals, jacobian: Jacobian?, n: Int, p: Int) {
            self.residuals = residuals
            self.jacobian = jacobian
            self.n = n
            self.p = p
            x = Array(repeating: 0, count: p)
            r = Array(repeating: 0, count: n)
            j = Array(repeating: Array(repeating: 0, count: p), count: n)
        }

        func load(_ v: UnsafePointer<gsl_vector>?) { for i in 0..<p { x[i] = gsl_vector_get(v, i) } }
    }

    /// Minimises the sum of squared residuals from `start`. Without a Jacobian, GSL uses forward differences.
    /// Stops when a step, the gradient or the change in cost falls below `tolerance`, or after `maxIterations`
    /// (then `converged` is false and the best point is returned).
    public static func fit(n: Int, start: [Double], tolerance: Double = 1e-10, maxIterations: Int = 500,
                           residuals: @escaping Residuals, jacobian: Jacobian? = nil) throws -> Result {
        GSLErrorHandler.ensureDisabled()
        let p = start.count
        guard p >= 1, n >= p else {
            throw GSLError(status: Int32(GSL_EBADLEN), function: "gsl_multifit_nlinear_alloc",
                           context: "\(n) observations cannot determine \(p) parameters")
        }
        var settings = gsl_multifit_nlinear_default_parameters()
        settings.trs = gsl_multifit_nlinear_trs_lm
        guard let w = gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &settings, n, p),
              let x0 = gsl_vector_alloc(p), let covar = gsl_matrix_alloc(p, p) else {
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_multifit_nlinear_alloc", context: "\(n) x \(p)")
        }
        defer { gsl_multifit_nlinear_free(w); gsl_vector_free(x0); gsl_matrix_free(covar) }
        for i in 0..<p { gsl_vector_set(x0, i, start[i]) }

        let context = Context(residuals: residuals, jacobian: jacobian, n: n, p: p)
        // GSL keeps a pointer to the function struct: it must outlive the workspace, so it lives until we return.
        let fdf = UnsafeMutablePointer<gsl_multifit_nlinear_fdf>.allocate(capacity: 1)
        defer { fdf.deallocate() }
        let f: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_vector>?) -> Int32 = { v, params, out in
            let c = Unmanaged<Context>.fromOpaque(params!).takeUnretainedValue()
            if c.error != nil { return Int32(GSL_EBADFUNC) }
            c.load(v)
            do { try c.residuals(c.x, &c.r) } catch {
                c.error = error
                return Int32(GSL_EBADFUNC)
            }
            for i in 0..<c.n {
                guard c.r[i].isFinite else { return Int32(GSL_EBADFUNC) }
                gsl_vector_set(out, i, c.r[i])
            }
            return Int32(GSL_SUCCESS)
        }
        let df: @convention(c) (UnsafePointer<gsl_vector>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<gsl_matrix>?) -> Int32 = { v, params, out in
            let c = Unmanaged<Context>.fromOpaque(params!).takeUnretainedValue()
            if c.error != nil { return Int32(GSL_EBADFUNC) }
            c.load(v)
            do { try c.jacobian!(c.x, &c.j) } catch {
                c.error = error
                return Int32(GSL_EBADFUNC)
            }
            for i in 0..<c.n { for k in 0..<c.p { gsl_matrix_set(out, i, k, c.j[i][k]) } }
            return Int32(GSL_SUCCESS)
        }
        fdf.initialize(to: gsl_multifit_nlinear_fdf(
            f: f, df: jacobian == nil ? nil : df, fvv: nil, n: n, p: p,
            params: Unmanaged.passUnretained(context).toOpaque(), nevalf: 0, nevaldf: 0, nevalfvv: 0))

        let initStatus = gsl_multifit_nlinear_init(x0, fdf, w)
        if let e = context.error { throw e }
        try check(initStatus, "gsl_multifit_nlinear_init", "the residuals at the starting point are not finite")
        var info: Int32 = 0
        let status = gsl_multifit_nlinear_driver(maxIterations, tolerance, tolerance, tolerance, nil, nil, &info, w)
        if let e = context.error { throw e }

        let best = gsl_multifit_nlinear_position(w)!, residual = gsl_multifit_nlinear_residual(w)!
        let x = (0..<p).map { gsl_vector_get(best, $0) }
        let r = (0..<n).map { gsl_vector_get(residual, $0) }
        try check(gsl_multifit_nlinear_covar(gsl_multifit_nlinear_jac(w), 0, covar), "gsl_multifit_nlinear_covar",
                  "the parameter covariance at the best point")
        let failure: String?
        switch Int(status) {
        case Int(GSL_SUCCESS): failure = nil
        case Int(GSL_EMAXITER): failure = "no convergence after \(maxIterations) iterations"
        default: failure = "the trust region stalled (\(String(cString: gsl_strerror(status))))"
        }
        return Result(x: x, residuals: r, chiSquared: r.reduce(0) { $0 + $1 * $1 },
                      inverseCurvature: (0..<p).map { i in (0..<p).map { gsl_matrix_get(covar, i, $0) } },
                      iterations: Int(gsl_multifit_nlinear_niter(w)), stopReason: Int(info),
                      converged: failure == nil, failure: failure)
    }
}
