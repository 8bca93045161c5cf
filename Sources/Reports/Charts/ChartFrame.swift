/// What every chart has: a title, axes with units and ticks at sensible values, a legend and a source line.
struct ChartFrame {
    let width = 860.0, height = 520.0
    let left = 80.0, right = 210.0, top = 56.0, bottom = 84.0
    let title: String
    let yLabel: String
    let xLabel: String
    let source: String
    let x: (min: Double, max: Double, step: Double)
    let y: (min: Double, max: Double, step: Double)

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    func px(_ v: Double) -> Double { left + (v - x.min) / (x.max - x.min) * plotWidth }
    func py(_ v: Double) -> Double { top + plotHeight - (v - y.min) / (y.max - y.min) * plotHeight }

    /// Years on the x axis: ticks every 5 or 10 years.
    static func yearAxis(_ first: Int, _ last: Int) -> (min: Double, max: Double, step: Double) {
        (Double(first), Double(last), last - first > 30 ? 10 : 5)
    }

    func draw(_ svg: inout SVG, xTicks: [Double]? = nil) {
        svg.text(title, width / 2, 28, size: 17, anchor: "middle", weight: "bold")
        for v in Ticks.values(y) {
            svg.line(left, py(v), left + plotWidth, py(v), stroke: "#e3e3e3")
            svg.text(Ticks.label(v, step: y.step), left - 8, py(v) + 4, size: 11, anchor: "end")
        }
        let xs = xTicks ?? Ticks.values(x)
        for v in xs {
            svg.line(px(v), top + plotHeight, px(v), top + plotHeight + 5, stroke: "#444444")
            svg.text(Ticks.label(v, step: x.step), px(v), top + plotHeight + 20, size: 11, anchor: "middle")
        }
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, stroke: "#444444")
        svg.line(left, top, left, top + plotHeight, stroke: "#444444")
        if y.min < 0 && y.max > 0 { svg.line(left, py(0), left + plotWidth, py(0), stroke: "#888888") }
        svg.text(yLabel, 20, top + plotHeight / 2, size: 12, anchor: "middle", rotate: -90)
        svg.text(xLabel, left + plotWidth / 2, top + plotHeight + 42, size: 12, anchor: "middle")
        svg.text(source, left, height - 14, size: 10, fill: "#555555")
    }

    /// Legend entries: a swatch (line or box) and a label, right of the plot.
    /// `style` is a line's dash array, or the fill pattern of a box drawn as its area is (a hatched wedge: the
    /// pattern inside, its colour as the outline).
    func legend(_ svg: inout SVG, _ entries: [(label: String, colour: String, style: String?, box: Bool)]) {
        var yy = top + 8
        for e in entries {
            let xx = left + plotWidth + 16
            if e.box {
                svg.rect(xx, yy - 9, 18, 12, fill: e.style.map { "url(#\($0))" } ?? e.colour, stroke: e.style == nil ? nil : e.colour)
            } else {
                svg.line(xx, yy - 3, xx + 22, yy - 3, stroke: e.colour, width: 2.5, dash: e.style)
            }
            svg.text(e.label, xx + 28, yy + 1, size: 11)
            yy += 20
        }
    }
}
