import Analysis
import Scenarios
import Simulator
import Sweeps

/// A chart that cannot be drawn: say why instead of writing a broken file.
public struct ChartError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// One line of a trajectory chart.
public struct ChartSeries: Sendable {
    public let label: String
    public let years: [Int]
    public let values: [Double]
    /// Peak to mark (model time, value), if any.
    public let peak: (time: Double, value: Double)?

    public init(label: String, years: [Int], values: [Double], peak: (time: Double, value: Double)? = nil) {
        self.label = label
        self.years = years
        self.values = values
        self.peak = peak
    }
}

/// A target to mark on a trajectory chart: a level in a year.
public struct ChartMarker: Sendable {
    public let label: String
    public let year: Double
    public let value: Double?

    public init(label: String, year: Double, value: Double?) {
        self.label = label
        self.year = year
        self.value = value
    }
}

public enum Charts {
    static func range(_ values: [Double], includeZero: Bool = true) throws -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { throw ChartError(message: "nothing to draw: no finite values") }
        return (includeZero ? min(lo, 0) : lo, includeZero ? max(hi, 0) : hi)
    }

    static func path(_ frame: ChartFrame, _ years: [Int], _ values: [Double]) -> [(Double, Double)] {
        zip(years, values).filter { $0.1.isFinite }.map { (frame.px(Double($0.0)), frame.py($0.1)) }
    }

    /// Trajectories of one series for several scenarios, with peaks and target markers.
    public static func trajectories(_ series: [ChartSeries], title: String, yLabel: String, source: String,
                                    markers: [ChartMarker] = [], language: Language = .en) throws -> String {
        guard let first = series.first, !first.years.isEmpty else { throw ChartError(message: "nothing to draw: no series") }
        var (lo, hi) = try range(series.flatMap(\.values) + markers.compactMap(\.value))
        if lo == hi { hi = lo + 1 }
        let frame = ChartFrame(title: title, yLabel: yLabel, xLabel: language == .zh ? "年份" : "Year", source: source,
                               x: ChartFrame.yearAxis(first.years.first!, first.years.last!), y: Ticks.nice(lo, hi * 1.05))
        var svg = SVG()
        frame.draw(&svg)
        var placed: [LabelBox] = []
        for (i, s) in series.enumerated() {
            svg.polyline(path(frame, s.years, s.values), stroke: Palette.colour(i), width: 2.5, dash: Palette.dash(i), id: s.label)
            if let p = s.peak {
                let x = frame.px(p.time - 0.5), y = frame.py(p.value)
                svg.circle(x, y, 4.5, fill: Palette.colour(i))
                let label = "\(language == .zh ? "峰值" : "peak") \(Int(p.time.rounded(.down)))"
                let box = LabelBox.free(x: x + 6, baseline: y - 8, width: Double(displayWidth(label)) * 6, height: 12, avoiding: placed)
                placed.append(box)
                svg.text(label, box.x, box.baseline, size: 10, fill: Palette.colour(i) == "#F0E442" ? "#222222" : Palette.colour(i))
            }
        }
        for m in markers {
            let x = frame.px(m.year)
            // Target labels avoid each other and the peak labels, as the peak labels do.
            let width = Double(displayWidth(m.label)) * 6
            if let v = m.value {
                svg.line(x - 8, frame.py(v), x + 8, frame.py(v), stroke: "#000000", width: 2)
                let box = LabelBox.free(x: x + 10, baseline: frame.py(v) + 4, width: width, height: 12, avoiding: placed)
                placed.append(box)
                svg.text(m.label, box.x, box.baseline, size: 10)
            } else {
                svg.line(x, frame.top, x, frame.top + frame.plotHeight, stroke: "#555555", width: 1, dash: "3 3")
                let box = LabelBox.free(x: x + 4, baseline: frame.top + 12, width: width, height: 12, avoiding: placed, downward: true)
                placed.append(box)
                svg.text(m.label, box.x, box.baseline, size: 10)
            }
        }
        frame.legend(&svg, series.enumerated().map { ($1.label, Palette.colour($0), Palette.dash($0), false) })
        return svg.document(width: frame.width, height: frame.height, title: title)
    }

    /// Stacked areas (emissions by sector or by fuel), with the total as a line.
    public static func stacked(_ layers: [ChartSeries], title: String, yLabel: String, source: String, language: Language = .en) throws -> String {
        guard let first = layers.first, !first.years.isEmpty else { throw ChartError(message: "nothing to draw: no layers") }
        let years = first.years
        var cumulative = [Double](repeating: 0, count: years.count)
        var bands: [([Double], [Double])] = []
        for l in layers {
            let lower = cumulative
            for i in years.indices { cumulative[i] += max(l.values[i].isFinite ? l.values[i] : 0, 0) }
            bands.append((lower, cumulative))
        }
        let (lo, hi) = try range(cumulative)
        let frame = ChartFrame(title: title, yLabel: yLabel, xLabel: language == .zh ? "年份" : "Year", source: source,
                               x: ChartFrame.yearAxis(years.first!, years.last!), y: Ticks.nice(lo, max(hi, 1) * 1.05))
        var svg = SVG()
        frame.draw(&svg)
        for (i, (lower, upper)) in bands.enumerated() {
            let top = path(frame, years, upper), bottom = path(frame, years, lower).reversed()
            svg.polygon(top + bottom, fill: Palette.colour(i), opacity: 0.85, id: layers[i].label, pattern: i >= Palette.colours.count ? "hatch" : nil)
        }
        svg.polyline(path(frame, years, cumulative), stroke: "#000000", width: 1.5, id: language == .zh ? "合计" : "total")
        frame.legend(&svg, layers.enumerated().reversed().map { ($1.label, Palette.colour($0), nil, true) })
        return svg.document(width: frame.width, height: frame.height, title: title)
    }

    /// Wedges: the baseline on top, the policy below, the Shapley wedges of each lever group between them.
    /// `emissions`: the series is CO2, where a wedge that raises it is the one to mark; for another series (a share,
    /// energy, GDP) the marked wedges are those that go against the total change.
    public static func wedges(_ w: WedgeAnalysis, title: String, yLabel: String, source: String, language: Language = .en,
                              scale: Double = 1, emissions: Bool = true) throws -> String {
        guard !w.years.isEmpty else { throw ChartError(message: "nothing to draw: no years") }
        let baselineValues = w.baselineValues.map { $0 * scale }, policyValues = w.policyValues.map { $0 * scale }
        let wedges = w.wedges.map { $0.map { $0 * scale } }
        let (lo, hi) = try range(baselineValues + policyValues)
        let frame = ChartFrame(title: title, yLabel: yLabel, xLabel: language == .zh ? "年份" : "Year", source: source,
                               x: ChartFrame.yearAxis(w.years.first!, w.years.last!), y: Ticks.nice(lo, hi * 1.05))
        var svg = SVG()
        frame.draw(&svg)
        // Largest abatement nearest the baseline.
        let order = w.groups.indices.sorted { wedges[$0].reduce(0, +) < wedges[$1].reduce(0, +) }
        var level = baselineValues
        // A wedge that raises emissions is hatched, so it does not read as abatement; of another series, one against
        // the total change.
        let total = zip(policyValues, baselineValues).map { $0 - $1 }.reduce(0, +)
        let raises = w.groups.indices.map { g in
            let sum = wedges[g].reduce(0, +)
            return emissions ? sum > 0 : sum * total < 0
        }
        for (k, g) in order.enumerated() {
            let upper = level
            for i in level.indices { level[i] += wedges[g][i] }
            svg.polygon(path(frame, w.years, upper) + path(frame, w.years, level).reversed(), fill: Palette.colour(k), opacity: 0.8,
                        id: w.groups[g], pattern: raises[g] ? "hatch" : nil)
        }
        svg.polyline(path(frame, w.years, baselineValues), stroke: "#000000", width: 2, id: w.baseline)
        svg.polyline(path(frame, w.years, policyValues), stroke: "#000000", width: 2, dash: "6 3", id: w.policy)
        var entries: [(String, String, String?, Bool)] = [(Labels.scenario(w.baseline, language), "#000000", nil, false),
                                                          (Labels.scenario(w.policy, language), "#000000", "6 3", false)]
        let raisesLabel = emissions ? (language == .zh ? "（增排）" : " (raises)") : (language == .zh ? "（反向）" : " (against the change)")
        entries += order.enumerated().map { (Labels.family(w.groups[$1], language) + (raises[$1] ? raisesLabel : ""), Palette.colour($0), raises[$1] ? "hatch" : nil, true) }
        frame.legend(&svg, entries)
        return svg.document(width: frame.width, height: frame.height, title: title)
    }

    /// A fan chart: P5-P95 and P25-P75 bands and the median of one series from a sweep.
    public static func fan(_ band: SweepSummary.Band, title: String, yLabel: String, source: String, language: Language = .en,
                           scale: Double = 1) throws -> String {
        guard band.values.count == 5, band.values[2].contains(where: \.isFinite) else {
            throw ChartError(message: "nothing to draw: the sweep has no successful runs for '\(band.series)'")
        }
        let band = SweepSummary.Band(series: band.series, years: band.years, values: band.values.map { $0.map { $0 * scale } })
        let (lo, hi) = try range(band.values.flatMap { $0 })
        let frame = ChartFrame(title: title, yLabel: yLabel, xLabel: language == .zh ? "年份" : "Year", source: source,
                               x: ChartFrame.yearAxis(band.years.first!, band.years.last!), y: Ticks.nice(lo, hi * 1.05))
        var svg = SVG()
        frame.draw(&svg)
        let outer = path(frame, band.years, band.values[4]) + path(frame, band.years, band.values[0]).reversed()
        let inner = path(frame, band.years, band.values[3]) + path(frame, band.years, band.values[1]).reversed()
        svg.polygon(outer, fill: Palette.colour(0), opacity: 0.2, id: "P5-P95")
        svg.polygon(inner, fill: Palette.colour(0), opacity: 0.45, id: "P25-P75")
        svg.polyline(path(frame, band.years, band.values[2]), stroke: Palette.colour(0), width: 2.5, id: "P50")
        frame.legend(&svg, [("P5–P95", Palette.colour(0) + "33", nil, true), ("P25–P75", Palette.colour(0) + "73", nil, true),
                            (language == .zh ? "中位数" : "median", Palette.colour(0), nil, false)])
        return svg.document(width: frame.width, height: frame.height, title: title)
    }

    /// A tornado chart of sensitivities: factors sorted by the size of their effect.
    /// Each factor's label sits next to its bar's end (right of a positive bar, left of a negative one), so the
    /// eye does not travel across the chart; `factorLabel` names a factor path (its Chinese name under zh).
    public static func tornado(_ s: SweepSummary.Sensitivity, title: String, source: String, language: Language = .en,
                               factorLabel: (String) -> String = shortFactor) throws -> String {
        guard !s.factors.isEmpty, s.first.contains(where: { $0.estimate.isFinite }) else {
            // The usual cause in history mode: every run peaks in the same observed year at the same value.
            throw ChartError(message: language == .zh
                ? "没有可画的内容：'\(s.output)' 在各次运行中没有变化（差异小于积分精度，或成功的运行太少），无法估计敏感性"
                : "nothing to draw: '\(s.output)' does not vary across the sweep's runs (by more than the integration's accuracy; or too few ran), so it has no sensitivities")
        }
        let primary = s.method == .sobol ? s.total.map(\.estimate) : s.first.map(\.estimate)
        let order = s.factors.indices.sorted { abs(primary[$0].isFinite ? primary[$0] : 0) > abs(primary[$1].isFinite ? primary[$1] : 0) }
        let all = primary + (s.method == .sobol ? s.first.map(\.estimate) : [])
        var (lo, hi) = try range(all)
        if s.method == .sobol { lo = 0; hi = max(hi, 0.1) }
        // Room left of the most negative bar for its label (the right margin holds the positive ones').
        if lo < 0 { lo -= 0.6 * (hi - lo) }
        let barHeight = 26.0
        let frame = ChartFrame(title: title, yLabel: "", xLabel: s.method == .sobol
                                ? (language == .zh ? "Sobol指数（总效应；深色为一阶）" : "Sobol index (total order; dark: first order)")
                                : (language == .zh ? "标准化回归系数" : "standardized regression coefficient"),
                               source: source, x: Ticks.nice(lo, hi), y: (0, 1, 1))
        var svg = SVG()
        svg.text(title, frame.width / 2, 28, size: 17, anchor: "middle", weight: "bold")
        let x0 = frame.px(0)
        for v in Ticks.values(frame.x) {
            svg.line(frame.px(v), frame.top, frame.px(v), frame.top + frame.plotHeight, stroke: "#e3e3e3")
            svg.text(Ticks.label(v, step: frame.x.step), frame.px(v), frame.top + frame.plotHeight + 18, size: 11, anchor: "middle")
        }
        for (row, i) in order.enumerated() {
            let y = frame.top + 10 + Double(row) * (barHeight + 10)
            let v = primary[i].isFinite ? primary[i] : 0
            svg.rect(min(x0, frame.px(v)), y, abs(frame.px(v) - x0), barHeight, fill: Palette.colour(0) + "99", id: s.factors[i])
            if s.method == .sobol, s.first[i].estimate.isFinite {
                let f = max(s.first[i].estimate, 0)
                svg.rect(x0, y + 6, frame.px(f) - x0, barHeight - 12, fill: Palette.colour(0))
            }
            // Past the longer of the two bars: a first-order estimate above the total (sampling noise) is drawn longer.
            let first = s.method == .sobol && s.first[i].estimate.isFinite ? max(s.first[i].estimate, 0) : 0
            let end = frame.px(v < 0 ? v : max(v, first))
            svg.text(factorLabel(s.factors[i]), v < 0 ? end - 6 : end + 6, y + barHeight / 2 + 4, size: 10, anchor: v < 0 ? "end" : "start")
        }
        svg.line(x0, frame.top, x0, frame.top + frame.plotHeight, stroke: "#444444")
        svg.text(frame.xLabel, frame.left + frame.plotWidth / 2, frame.top + frame.plotHeight + 40, size: 12, anchor: "middle")
        svg.text(source, frame.left, frame.height - 14, size: 10, fill: "#555555")
        return svg.document(width: frame.width, height: frame.height, title: title)
    }

    /// `sector_plans.power.wind.target` -> `power.wind.target`: short enough for a label.
    public static func shortFactor(_ path: String) -> String {
        path.hasPrefix("sector_plans.") ? String(path.dropFirst("sector_plans.".count)) : path
    }

    /// A waterfall of an LMDI decomposition: start, one bar per effect, end.
    public static func decomposition(_ r: LMDI.Result, start: (label: String, value: Double), end: (label: String, value: Double),
                                     title: String, source: String, language: Language = .en, units: UnitSystem = .model) throws -> String {
        let effects = LMDI.Effect.allCases
        let co2 = units.presented("Mt CO2")
        var level = co2.value(start.value)
        var bars: [(String, Double, Double)] = [(start.label, 0, co2.value(start.value))]
        for e in effects {
            let d = co2.value(r.total(e))
            bars.append((Labels.effect(e, language), level, level + d))
            level += d
        }
        bars.append((end.label, 0, co2.value(end.value)))
        let (lo, hi) = try range(bars.flatMap { [$0.1, $0.2] })
        let frame = ChartFrame(title: title, yLabel: Labels.unit(co2.unit, language), xLabel: "", source: source, x: (0, Double(bars.count), 1),
                               y: Ticks.nice(lo, hi * 1.05))
        var svg = SVG()
        frame.draw(&svg, xTicks: [])
        let w = frame.plotWidth / Double(bars.count)
        for (i, b) in bars.enumerated() {
            let x = frame.left + Double(i) * w + w * 0.15
            let isTotal = i == 0 || i == bars.count - 1
            let colour = isTotal ? "#555555" : (b.2 < b.1 ? Palette.colour(2) : Palette.colour(3))
            svg.rect(x, frame.py(max(b.1, b.2)), w * 0.7, abs(frame.py(b.1) - frame.py(b.2)), fill: colour, id: b.0)
            // Labels wider than their bar's slot go on two lines.
            for (k, part) in wrapped(b.0, width: w).enumerated() {
                svg.text(part, x + w * 0.35, frame.top + frame.plotHeight + 18 + 13 * Double(k), size: 10, anchor: "middle")
            }
            let delta = isTotal ? NumberFormat.value(b.2) : NumberFormat.change(100 * (b.2 - b.1) / co2.value(start.value)).replacingOccurrences(of: "%", with: "")
            svg.text(isTotal ? delta : "\(NumberFormat.value(b.2 - b.1))", x + w * 0.35, frame.py(max(b.1, b.2)) - 5, size: 10, anchor: "middle")
        }
        frame.legend(&svg, [(language == .zh ? "减排效应" : "lowers CO2", Palette.colour(2), nil, true),
                            (language == .zh ? "增排效应" : "raises CO2", Palette.colour(3), nil, true)])
        return svg.document(width: frame.width, height: frame.height, title: title)
    }

    /// A label on one line, or on two split at the space nearest its middle when it is wider than `width`
    /// (10-px text: about 6 px a column).
    static func wrapped(_ label: String, width: Double) -> [String] {
        guard Double(displayWidth(label)) * 6 > width * 0.95 else { return [label] }
        let spaces = label.indices.filter { label[$0] == " " }
        let middle = label.count / 2
        guard let split = spaces.min(by: { abs(label.distance(from: label.startIndex, to: $0) - middle)
                                             < abs(label.distance(from: label.startIndex, to: $1) - middle) }) else { return [label] }
        return [String(label[..<split]), String(label[label.index(after: split)...])]
    }
}
