@preconcurrency import CGSL

/// Ordinary least squares with `gsl_multifit_linear`: y = X c.
public enum LinearLeastSquares {
    public struct Fit: Sendable {
        public let coefficients: [Double]
        /// Each coefficient's standard error: GSL's covariance is σ²(XᵀX)⁻¹ with σ² = χ²/(rows - columns).
        public let standardErrors: [Double]
        public let chiSquared: Double
        public let rSquared: Double
    }

    /// `x` is row-major, `rows` x `columns`.
    public static func fit(x: [Double], rows: Int, columns: Int, y: [Double]) throws -> Fit {
        GSLErrorHandler.ensureDisabled()
        guard rows > columns, x.count == rows * columns, y.count == rows else {
            throw GSLError(status: Int32(GSL_EBADLEN), function: "gsl_multifit_linear",
                           context: "a least-squares fit needs more rows (\(rows)) than columns (\(columns))")
        }
        guard let X = gsl_matrix_alloc(rows, columns), let Y = gsl_vector_alloc(rows), let c = gsl_vector_alloc(columns),
              let cov = gsl_matrix_alloc(columns, columns), let work = gsl_multifit_linear_alloc(rows, columns) else {
            throw GSLError(status: Int32(GSL_ENOMEM), function: "gsl_multifit_linear_alloc", context: "\(rows) x \(columns)")
        }
        defer {
            gsl_matrix_free(X); gsl_vector_free(Y); gsl_vector_free(c); gsl_matrix_free(cov)
            gsl_multifit_linear_free(work)
        }
        for i in 0..<rows {
            gsl_vector_set(Y, i, y[i])
            for j in 0..<columns { gsl_matrix_set(X, i, j, x[i * columns + j]) }
        }
        var chisq = 0.0
        try check(gsl_multifit_linear(X, Y, c, cov, &chisq, work), "gsl_multifit_linear", "fitting \(rows) runs on \(columns) factors")
        let mean = y.reduce(0, +) / Double(rows)
        let total = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return Fit(coefficients: (0..<columns).map { gsl_vector_get(c, $0) },
                   standardErrors: (0..<columns).map { max(gsl_matrix_get(cov, $0, $0), 0).squareRoot() }, chiSquared: chisq,
                   rSquared: total > 0 ? 1 - chisq / total : 1)
    }
}
