/// Peak, plateau and zero crossing of an annual series, refined on a cubic spline through the mid-year
/// samples (t = Y + 0.5): the peak is the root of the spline's derivative next to the largest sample,
/// not just the argmax; crossings are roots of the spline minus the threshold.
public enum TrajectoryAnalysis {
    public struct Peak: Sendable, Equatable {
        /// Model time of the peak; its calendar year is `Int(time.rounded(.down))`.
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

    /// `spline`: the series' spline if the caller has one (from `spline(_:_:)`), to build it once.
    public static func peak(years: [Int], values: [Double], spline prebuilt: Spline? = nil) throws -> Peak {
        let n = values.count
        let i = values.indices.max { values[$0] < values[$1] }!
        let t = years.map { Double($0) + 0.5 }
        if i == n - 1 { return Peak(time: t[i], value: values[i], stillRising: true) }
        if i == 0 { return Peak(time: t[0], value: values[0], stillRising: false, atStart: true) }
        let s = try prebuilt ?? spline(years, values)
        // The derivative changes sign somewhere in [t(i-1), t(i+1)]; take the best root there.
        var best = (time: t[i], value: values[i])
        for (a, b) in [(t[i - 1], t[i]), (t[i], t[i + 1])] {
            let da = s.derivative(at: a), db = s.derivative(at: b)
            guard da.isFinite, db.isFinite, (da > 0) != (db > 0) else { continue }
            let root = try RootFinder.brent(in: a, b, tolerance: 1e-9, context: "refining the emissions peak") {
                s.derivative(at: $0)
            }
            let v = s.value(at: root)
            if v > best.value { best = (root, v) }
        }
        return Peak(time: best.time, value: best.value, stillRising: false)
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
