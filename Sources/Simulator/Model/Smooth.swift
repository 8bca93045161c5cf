/// Smooth stand-ins for min, max and clamp: the adaptive integrator loses accuracy at kinks,
/// so capacity limits and non-negativity are written with these.
public enum Smooth {
    /// max(a, b), rounded over a width `w` (same units as a and b); exact far from a = b.
    @inline(__always)
    public static func max(_ a: Double, _ b: Double, width w: Double) -> Double {
        let d = a - b
        return 0.5 * (a + b + (d * d + w * w).squareRoot())
    }

    /// min(a, b), rounded over a width `w`.
    @inline(__always)
    public static func min(_ a: Double, _ b: Double, width w: Double) -> Double {
        let d = a - b
        return 0.5 * (a + b - (d * d + w * w).squareRoot())
    }

    /// max(x, 0), rounded over `w`; exactly 0 at x = -inf and x at x = +inf.
    @inline(__always)
    public static func positive(_ x: Double, width w: Double) -> Double {
        max(x, 0, width: w)
    }

    /// The smooth pull of `x` down toward `target` beyond its pull toward `baseline`, at least 0: what a lever adds.
    /// `positive` is w/2 at rest, and the baseline has that too, so a lever at its baseline adds exactly nothing.
    @inline(__always)
    public static func positiveBeyond(_ x: Double, target: Double, baseline: Double, width w: Double) -> Double {
        Swift.max(positive(x - target, width: w) - positive(x - baseline, width: w), 0)
    }
}
