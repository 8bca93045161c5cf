import CGSL

/// First- and total-order Sobol indices from a Saltelli design: outputs on the matrices A, B and AB_i
/// (A with column i from B). First order: Saltelli et al. 2010, S_i = mean(f_B (f_ABi - f_A)) / V.
/// Total order: Jansen 1999, ST_i = mean((f_A - f_ABi)^2) / (2V). V is the variance of f over A and B.
/// Confidence intervals come from a bootstrap over the n base rows.
public struct SobolIndices: Sendable {
    public struct Index: Sendable, Equatable {
        public let estimate: Double
        public let lower: Double
        public let upper: Double

        public init(estimate: Double, lower: Double, upper: Double) {
            self.estimate = estimate
            self.lower = lower
            self.upper = upper
        }
    }

    public let first: [Index]
    public let total: [Index]

    /// `a`, `b`: n outputs each; `ab[i]`: n outputs for factor i. Rows with a non-finite output are dropped.
    /// `resolution`: outputs whose spread is below it relative to their size count as equal (1e-12: rounding; a
    /// sweep passes its integration's accuracy), and no index is estimated.
    public init(a rawA: [Double], b rawB: [Double], ab rawAB: [[Double]], bootstrap: Int = 500, seed: UInt64 = 1,
                confidence: Double = 0.95, resolution: Double = 1e-12) {
        let n = rawA.count, d = rawAB.count
        // Centre the outputs first: the estimators are shift-invariant in expectation, but their variance
        // grows with the mean (emissions around 900 Mt make uncentred first-order estimates useless).
        let finite = (rawA + rawB).filter(\.isFinite)
        let centre = finite.isEmpty ? 0 : finite.reduce(0, +) / Double(finite.count)
        // Below this variance the outputs are equal but for rounding (or the integration's accuracy): no index.
        let noise = { (x: Double) in x * x }(resolution * (finite.map(abs).max() ?? 0))
        let a = rawA.map { $0 - centre }, b = rawB.map { $0 - centre }
        let ab = rawAB.map { $0.map { $0 - centre } }
        let rows = (0..<n).filter { r in a[r].isFinite && b[r].isFinite && ab.allSatisfy { $0[r].isFinite } }
        func estimate(_ sample: [Int]) -> (first: [Double], total: [Double]) {
            let m = Double(sample.count)
            var mean = 0.0
            for r in sample { mean += a[r] + b[r] }
            mean /= 2 * m
            var variance = 0.0
            for r in sample { variance += (a[r] - mean) * (a[r] - mean) + (b[r] - mean) * (b[r] - mean) }
            variance /= 2 * m - 1
            guard variance > noise else { return (Array(repeating: .nan, count: d), Array(repeating: .nan, count: d)) }
            var first = [Double](repeating: 0, count: d), total = first
            for i in 0..<d {
                var s = 0.0, t = 0.0
                for r in sample {
                    s += b[r] * (ab[i][r] - a[r])
                    t += (a[r] - ab[i][r]) * (a[r] - ab[i][r])
                }
                first[i] = s / m / variance
                total[i] = t / m / (2 * variance)
            }
            return (first, total)
        }
        let point = estimate(rows)
        var firstDraws = Array(repeating: [Double](), count: d), totalDraws = firstDraws
        let rng = RandomGenerator(seed: seed)
        if !rows.isEmpty {
            for _ in 0..<max(bootstrap, 0) {
                let sample = rows.indices.map { _ in rows[rng.index(below: rows.count)] }
                let e = estimate(sample)
                for i in 0..<d {
                    firstDraws[i].append(e.first[i])
                    totalDraws[i].append(e.total[i])
                }
            }
        }
        let lo = (1 - confidence) / 2, hi = 1 - lo
        func index(_ value: Double, _ draws: [Double]) -> Index {
            let q = Percentiles.of(draws, at: [lo, hi])
            return Index(estimate: value, lower: q[0], upper: q[1])
        }
        first = (0..<d).map { index(point.first[$0], firstDraws[$0]) }
        total = (0..<d).map { index(point.total[$0], totalDraws[$0]) }
    }
}

/// Standardized regression coefficients: the linear sensitivity of an output to each factor, in units of
/// standard deviations. With R^2 near 1 they rank factors like first-order indices.
public struct RegressionSensitivity: Sendable {
    public let coefficients: [Double]
    /// 95 % confidence intervals of the coefficients (Student's t on the fit's residual degrees of freedom): one that
    /// holds 0 is not told apart from no effect at this number of runs.
    public let intervals: [(lower: Double, upper: Double)]
    public let rSquared: Double

    /// `x[r][k]`: factor k of run r. Rows with a non-finite output are dropped; a constant factor gets 0 when others vary.
    /// An output whose spread is below `resolution` of its size counts as constant (see `SobolIndices`).
    public init(x: [[Double]], y: [Double], resolution: Double = 1e-12) throws {
        let rows = y.indices.filter { y[$0].isFinite }
        let d = x.first?.count ?? 0
        func standardize(_ v: [Double], resolution: Double = 1e-12) -> (values: [Double], sd: Double) {
            let m = v.reduce(0, +) / Double(v.count)
            var sd = (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(v.count - 1, 1))).squareRoot()
            // Equal values whose mean is not exactly representable spread by rounding (1e-13 on 933.63): constant.
            if sd <= resolution * (v.map(abs).max() ?? 0) { sd = 0 }
            return (v.map { sd > 0 ? ($0 - m) / sd : 0 }, sd)
        }
        let ys = standardize(rows.map { y[$0] }, resolution: resolution)
        let columns = (0..<d).map { k in standardize(rows.map { x[$0][k] }) }
        let varying = (0..<d).filter { columns[$0].sd > 0 }
        // An output that does not vary, or no factor that does (every run failed, one point, a constant factor): no
        // sensitivity can be estimated, and NaN says so where 0 would say "no influence".
        guard rows.count >= 2, ys.sd > 0, !varying.isEmpty else {
            coefficients = Array(repeating: .nan, count: d)
            intervals = Array(repeating: (.nan, .nan), count: d)
            rSquared = .nan
            return
        }
        var design = [Double]()
        design.reserveCapacity(rows.count * varying.count)
        for r in rows.indices { for k in varying { design.append(columns[k].values[r]) } }
        let fit = try LinearLeastSquares.fit(x: design, rows: rows.count, columns: varying.count, y: ys.values)
        var c = [Double](repeating: 0, count: d)
        var ci = [(lower: Double, upper: Double)](repeating: (0, 0), count: d)
        // Standardizing spent one degree of freedom on the mean (the fit has no intercept): n - k - 1 are left, where
        // GSL's covariance divides by n - k.
        let df = rows.count - varying.count - 1
        let t = df > 0 ? gsl_cdf_tdist_Pinv(0.975, Double(df)) : .nan
        let scale = df > 0 ? (Double(df + 1) / Double(df)).squareRoot() : .nan
        for (j, k) in varying.enumerated() {
            c[k] = fit.coefficients[j]
            let half = t * scale * fit.standardErrors[j]
            ci[k] = (c[k] - half, c[k] + half)
        }
        coefficients = c
        intervals = ci
        rSquared = fit.rSquared
    }
}
