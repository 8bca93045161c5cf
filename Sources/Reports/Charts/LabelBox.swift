/// Where a small label sits on a chart, so that labels placed one after another never overlap.
struct LabelBox: Equatable {
    let x: Double
    /// The text baseline; the box spans baseline - height ... baseline.
    let baseline: Double
    let width: Double
    let height: Double

    func overlaps(_ o: LabelBox) -> Bool {
        x < o.x + o.width && o.x < x + width && baseline - height < o.baseline && o.baseline - o.height < baseline
    }

    /// The first free place at (x, baseline), else moved up (then down) a line at a time: peaks of scenarios
    /// in the same year and at similar levels get stacked labels, not one blot.
    /// `downward`: only move down (labels hung from the top of the plot).
    static func free(x: Double, baseline: Double, width: Double, height: Double, avoiding placed: [LabelBox], downward: Bool = false) -> LabelBox {
        let step = height + 2
        for k in 0..<40 {
            // 0, -1, +1, -2, +2, … lines (0, +1, +2, … downward).
            let shift = downward ? Double(k) * step : Double((k + 1) / 2) * (k % 2 == 1 ? -step : step)
            let box = LabelBox(x: x, baseline: baseline + shift, width: width, height: height)
            if !placed.contains(where: box.overlaps) { return box }
        }
        return LabelBox(x: x, baseline: baseline, width: width, height: height)
    }
}
