/// Peak, plateau and zero crossing of an annual series at mid-years (t = Y + 0.5): the peak is the largest annual
/// total; the plateau's edges and crossings are roots of a cubic spline through the series minus the threshold.
public enum TrajectoryAnalysis {
    public struct Peak: Sendable, Equatable {
        /// Model time of the peak, inside the peak year (see `peak`); its calendar year is `Int(time.rounded(.down))`.
        public let time: Double
        public let value: Double
        /// The largest value lies at the end of the horizon: emissions are still rising.
        public let stillRising: Bool
        /// The largest value is the first year's: emissions fall from the start of the run, so the peak is at or
        /// before that year, which the run cannot date (the base year is the run's first point).
        public var atStart = false
        public var year: Int { Int(time.rounded(.down)) }
    }

    public struct Plateau: Sendable, Equatable {
        public let start: Double, end: Double
        /// Plateau band: values within this share of the peak.
        public let band: Double
        public var years: Double { end - start }
    }

    /// The cubic spline through an annual series at mid-years, on which peaks and crossings are refined.
    public static func spline(_ years: [Int], _ values: [Double]) throws -> Spline {
        try Spline(x: years.map { Double($0) + 0.5 }, y: values, kind: .cubic)
    }

    /// The peak: the year of the largest annual total, and that total, as statistics date a peak (碳达峰: the year of
    /// the highest annual emissions). An interpolant's maximum is no year's total (a spline through the whole series
    /// put announced's peak at 939 Mt in "2023" while its annual totals were 928 in 2023 and 930 in 2024), and it made
    /// the peak depend on years long after it. `time`, for the margins solve and optimize move continuously, is the
    /// vertex of the parabola through the peak year and its neighbours, kept inside the peak year: it depends on
    /// those three years only, and moves continuously when the largest total passes from one year to the next.
    public static func peak(years: [Int], values: [Double]) -> Peak {
        let n = values.count
        let i = values.indices.max { values[$0] < values[$1] }!
        let mid = Double(years[i]) + 0.5
        if i == n - 1 { return Peak(time: mid, value: values[i], stillRising: true) }
        if i == 0 { return Peak(time: mid, value: values[0], stillRising: false, atStart: true) }
        // Annual samples: through (-1, a), (0, b), (1, c) in years from the peak year's middle, the vertex at x.
        let a = values[i - 1], b = values[i], c = values[i + 1], curvature = a - 2 * b + c
        let x = curvature < 0 ? -(c - a) / (2 * curvature) : 0
        let time = min(max(mid + x, Double(years[i])), Double(years[i] + 1).nextDown)
        return Peak(time: time, value: b, stillRising: false)
    }

    /// The span around the peak where values stay within `band` (for example 0.02) of the peak.
    public static func plateau(years: [Int], values: [Double], peak: Peak, band: Double = 0.02,
                               spline prebuilt: Spline? = nil) throws -> Plateau {
        let s = try prebuilt ?? spline(years, values)
        let level = peak.value * (1 - band)
        let t = years.map { Double($0) + 0.5 }
        func crossing(from start: Double, step: Double) throws -> Double {
            var a = start
            while true {
                let b = a + step
                if b < t.first! || b > t.last! { return a }
                if s.value(at: b) < level {
                    return try RootFinder.brent(in: min(a, b), max(a, b), tolerance: 1e-9,
                                                context: "finding the plateau edge") { s.value(at: $0) - level }
                }
                a = b
            }
        }
        let start = try crossing(from: peak.time, step: -0.5)
        let end = try crossing(from: peak.time, step: 0.5)
        return Plateau(start: start, end: end, band: band)
    }

    /// The year whose annual value a crossing at model time `t` first brings to the threshold: the crossing of the spline
    /// through mid-years lies in (Y - 0.5, Y + 0.5] for the first year Y at or past it.
    public static func annualYear(ofCrossing t: Double) -> Int { Int((t - 0.5).rounded(.up)) }

    /// Model time at which the series first falls to zero or below, or nil if it never does.
    public static func firstZeroCrossing(years: [Int], values: [Double]) throws -> Double? {
        guard let j = values.firstIndex(where: { $0 <= 0 }) else { return nil }
        if j == 0 { return Double(years[0]) + 0.5 }
        let s = try spline(years, values)
        let a = Double(years[j - 1]) + 0.5, b = Double(years[j]) + 0.5
        return try RootFinder.brent(in: a, b, tolerance: 1e-9, context: "finding the neutrality year") {
            s.value(at: $0)
        }
    }
}
