import Analysis
import Scenarios
import Simulator

/// Observed figures against the model's lines, one small panel per observed quantity: compared figures as
/// filled dots, lower bounds as open triangles pointing up (the model should be on or above them), figures
/// shown only as grey dots. Levels and stocks are drawn in `units` (Chinese statistical units by default under zh, as
/// the workbook shows them); growth rates in %.
public enum HindcastChart {
    static let panelWidth = 420.0, panelHeight = 250.0, columns = 2, header = 78.0, footer = 34.0
    /// Panels beyond this many would make an unreadable page; the table has them all.
    public static let maximumPanels = 12

    public static func svg(_ h: Hindcast, trajectory: Trajectory, language l: Language = .en, units: UnitSystem? = nil) throws -> String {
        let units = units ?? .default(for: l)
        guard !h.rows.isEmpty, let last = h.lastObservedYear else {
            throw ChartError(message: "nothing to draw: there are no observations to compare with (give --observations FILE)")
        }
        // Quantities with a compared figure first, then those with bounds only, each in catalogue order.
        let drawn = ObservedQuantity.all.filter { q in h.rows.contains { $0.observation.quantity == q && $0.model != nil } }
        let compared = drawn.filter { q in h.rows.contains { $0.observation.quantity == q && $0.isCompared } }
        let quantities = Array((compared + drawn.filter { !compared.contains($0) }).prefix(maximumPanels))
        guard !quantities.isEmpty else { throw ChartError(message: "nothing to draw: no observation falls in the model's years") }
        let years = Array(h.baseYear...min(last + 1, trajectory.years.last ?? last))
        let rowsOfPanels = (quantities.count + columns - 1) / columns
        let width = panelWidth * Double(columns), height = header + panelHeight * Double(rowsOfPanels) + footer
        let title = (l == .zh ? "回算检验：观测值与模型（" : "Hindcast: observed and model (") + "\(h.scenario)" + (l == .zh ? "）" : ")")
        var svg = SVG()
        svg.text(title, width / 2, 26, size: 17, anchor: "middle", weight: "bold")
        let legend: [(String, String)] = l == .zh
            ? [("—", h.history.map { "模型（\(h.scenario)，历史模式：拟合观测至\($0.lastObservedYear)年）" } ?? "模型（\(h.scenario)，自\(h.baseYear)年基年预测）"),
               ("●", "观测值（比较）"), ("△", "下限（部分年份或口径）"), ("○", "仅列示")]
            : [("—", h.history.map { "model (\(h.scenario), history mode: fitted to the observations through \($0.lastObservedYear))" } ?? "model (\(h.scenario), projected from \(h.baseYear))"),
               ("●", "observed, compared"), ("△", "lower bound (partial year or coverage)"), ("○", "shown only")]
        var x = 24.0
        for (mark, label) in legend {
            svg.text(mark + " " + label, x, 52, size: 11, fill: mark == "○" ? "#888888" : "#222222")
            x += Double(displayWidth(label)) * 6.2 + 40
        }
        for (i, q) in quantities.enumerated() {
            let ox = Double(i % columns) * panelWidth, oy = header + Double(i / columns) * panelHeight
            try panel(&svg, q, h, trajectory: trajectory, years: years, ox: ox, oy: oy, l, units)
        }
        let source = l == .zh ? "来源：carbonsim hindcast；观测：\(h.observationsFile ?? "")" : "Source: carbonsim hindcast; observations: \(h.observationsFile ?? "")"
        svg.text(source, 24, height - 12, size: 10, fill: "#555555")
        return svg.document(width: width, height: height, title: title)
    }

    static func panel(_ svg: inout SVG, _ q: ObservedQuantity, _ h: Hindcast, trajectory: Trajectory, years: [Int],
                      ox: Double, oy: Double, _ l: Language, _ units: UnitSystem) throws {
        let left = ox + 62, right = ox + panelWidth - 16, top = oy + 24, bottom = oy + panelHeight - 36
        let shown = q.measure == .growth ? UnitSystem.Presented(unit: "%", factor: 1) : units.presented(q.modelUnit)
        let line = years.map { y in (q.modelValue(year: y) { trajectory.value($0, year: $1) }).map(shown.value) ?? .nan }
        let points = h.rows.filter { $0.observation.quantity == q }
        let values = line + points.map { shown.value($0.observed) }
        let (lo, hi) = try Charts.range(values, includeZero: q.measure == .level)
        let yTicks = Ticks.nice(lo, hi == lo ? lo + 1 : hi + (hi - lo) * 0.05, count: 5)
        let x0 = Double(years.first!), x1 = Double(max(years.last!, years.first! + 1))
        func px(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * (right - left) }
        func py(_ v: Double) -> Double { bottom - (v - yTicks.min) / (yTicks.max - yTicks.min) * (bottom - top) }
        let unit = shown.unit
        let stock = q.isStock ? (l == .zh ? "，年末" : ", year-end") : ""
        let units = l == .zh ? "（\(Labels.unit(unit, l))\(stock)）" : " (\(Labels.unit(unit, l))\(stock))"
        svg.text(HindcastLabels.quantity(q, l) + units, ox + panelWidth / 2, oy + 14, size: 12, anchor: "middle", weight: "bold")
        for v in Ticks.values(yTicks) {
            svg.line(left, py(v), right, py(v), stroke: "#e3e3e3")
            svg.text(Ticks.label(v, step: yTicks.step), left - 6, py(v) + 4, size: 10, anchor: "end")
        }
        for y in years where years.count <= 8 || (y - years.first!) % 2 == 0 {
            svg.line(px(Double(y)), bottom, px(Double(y)), bottom + 4, stroke: "#444444")
            svg.text(String(y), px(Double(y)), bottom + 16, size: 10, anchor: "middle")
        }
        svg.line(left, bottom, right, bottom, stroke: "#444444")
        svg.line(left, top, left, bottom, stroke: "#444444")
        if yTicks.min < 0 && yTicks.max > 0 { svg.line(left, py(0), right, py(0), stroke: "#888888") }
        // Each value at its year's tick: annual totals and rates, and stocks at the end of that year.
        svg.polyline(zip(years, line).filter { $0.1.isFinite }.map { (px(Double($0.0)), py($0.1)) },
                     stroke: Palette.colour(0), width: 2, id: "model \(q.name)")
        for r in points where r.model != nil {
            let cx = px(Double(r.observation.year)), cy = py(shown.value(r.observed))
            if r.isCompared {
                svg.circle(cx, cy, 4, fill: Palette.colour(3), stroke: "#000000")
            } else if let met = r.boundMet {
                svg.raw("<polygon points=\"\(SVG.n(cx)),\(SVG.n(cy - 6)) \(SVG.n(cx - 5)),\(SVG.n(cy + 3)) \(SVG.n(cx + 5)),\(SVG.n(cy + 3))\" fill=\"none\" stroke=\"\(met ? "#000000" : "#D55E00")\" stroke-width=\"1.5\"/>")
            } else {
                svg.circle(cx, cy, 3, fill: "#ffffff", stroke: "#888888")
            }
        }
    }
}
