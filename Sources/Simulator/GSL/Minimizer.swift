@preconcurrency import CGSL

/// Derivative-free minimisation with `gsl_multimin_fminimizer_nmsimplex2`.
///
/// The objective is a Swift closure; it reaches GSL's C callback through `params`, and an error it throws
/// is parked there and rethrown after the iteration (Swift errors cannot unwind through C frames).
public enum Minimizer {
    public struct Result: Sendable {
        public let x: [Double]
        public let value: Double
        public let iterations: Int
        public let converged: Bool
    }

    final class Context {
        let f: ([Double]) throws -> Double
        let n: Int
        var error: Error?
        var x: [Double]
        init(_ f: @escaping ([Double]) throws -> Double, n: Int) {
            self.f = f
            self.n = n
            x = Array(repeating: 0, count: n)
        }
    }

    /// Minimises `f` from `start` with initial simplex steps `steps`, until the simplex size is below
    /// `tolerance` or `maxIterations` pass (then `converged` is false and the best point is returned).
    public static func nelderMead(start: [Double], steps: [Double], tolerance: Double = 1e-8, maxIterations: Int = 2000,
                                  _ f: @escaping ([Double]) throws -> Double) throws -> Result {
        GSLErrorHandler.ensureDisabled()
        let n = start.count
        guard n >= 1, steps.count == n else {
            throw GSLError(status: Int32(GSL_EBADLEN), function: "gsl_multimin_fminimizer_set", context: "\(n) start values, \(steps.count) steps")
        }
        guard let s = gsl_multimin_fminimizer_alloc(gsl_multimin_fminimizer_nmsimplex2, n),
              let x0 = gsl_vector_alloc(n), let ss = gsl_vector_alloc(n) else {
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_multimin_fminimizer_alloc", context: "\(n) dimensions")
        }
        defer { gsl_multimin_fminimizer_free(s); gsl_vector_free(x0); gsl_vector_free(ss) }
        for i in 0..<n {
            gsl_vector_set(x0, i, start[i])
            gsl_vector_set(ss, i, steps[i])
        }
        let context = Context(f, n: n)
        // GSL keeps the function struct: it must outlive the minimiser, so it lives until we return.
        let function = UnsafeMutablePointer<gsl_multimin_function>.allocate(capacity: 1)
        defer { function.deallocate() }
        function.initialize(to: gsl_multimin_function(
            f: { v, params in
                let c = Unmanaged<Context>.fromOpaque(params!).takeUnretainedValue()
                if c.error != nil { return .nan }
                for i in 0..<c.n { c.x[i] = gsl_vector_get(v, i) }
                do { return try c.f(c.x) } catch {
                    c.error = error
                    return .nan
                }
            },
            n: n, params: Unmanaged.passUnretained(context).toOpaque()))
        let status = gsl_multimin_fminimizer_set(s, function, x0, ss)
        if let e = context.error { throw e }  // the objective's own error first: it says more than GSL's status
        try check(status, "gsl_multimin_fminimizer_set", "starting the simplex")
        var iterations = 0, converged = false
        while iterations < maxIterations {
            iterations += 1
            let status = gsl_multimin_fminimizer_iterate(s)
            if let e = context.error { throw e }
            if status != Int32(GSL_SUCCESS) { break }
            if gsl_multimin_test_size(gsl_multimin_fminimizer_size(s), tolerance) == Int32(GSL_SUCCESS) {
                converged = true
                break
            }
        }
        let best = gsl_multimin_fminimizer_x(s)!
        return Result(x: (0..<n).map { gsl_vector_get(best, $0) }, value: gsl_multimin_fminimizer_minimum(s),
                      iterations: iterations, converged: converged)
    }
}
