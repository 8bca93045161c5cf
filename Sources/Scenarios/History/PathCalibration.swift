import Simulator

/// History mode's calibration of a demand path to observed annual levels and growth rates: the knots of one
/// dataset series (in-region new load, a product's demand index), one a year from the base year's successor to
/// the last observed year, are fitted by nonlinear least squares (GSL) so that the model's annual value meets
/// each figure, with everything else of history mode in place. A level counts as the relative error m/o - 1, a
/// growth rate g as (m_Y / m_Y-1) / (1 + g) - 1, the same scale. Years without a figure are held by a light
/// term on the path's year-on-year change (`smoothness` times the change, relative to the level it drives): the
/// path changes no more than the figures need, and a growth observed in one year is not spread over the
/// unobserved years around it. The figures are then met to about 0.1 % (the term's pull).
///
/// Every figure counts, two for one year included (they are met in the least-squares sense). The fitted path:
/// the dataset's knots up to the base year, the fitted yearly knots, and then the dataset's knots after both N
/// and every year the observations of the quantity cover (`coverageEnd`), so a leave-last-years-out fit never
/// sees a knot derived from the years it leaves out. After the last fitted knot, `later` says what the dataset's
/// remaining knots mean.
struct PathCalibration: Sendable {
    enum Later: Sendable {
        /// Absolute values (TWh/yr of planned load): kept as they are; the path runs from its last fitted knot to
        /// the next kept one (and holds its last value after them).
        case kept
        /// Relative to the base year (a demand index): rescaled by the fitted over the dataset's value in the
        /// last observed year, so the dataset's growth after it starts from the observed level.
        case rescaled
    }

    /// Where the fitted path goes in the core's parameters.
    enum Target: Sendable {
        case newLoad
        case imports
        case renewableHours
        case demand(Product)

        func set(years: [Double], values: [Double], in p: inout ModelParameters) {
            switch self {
            case .newLoad:
                p.power.newLoadYears = years
                p.power.newLoad = values
            case .imports:
                p.power.importYears = years
                p.power.imports = values
            case .renewableHours:
                p.power.renewableHoursYears = years
                p.power.renewableHours = values
            case .demand(let product):
                p.demand[product.rawValue] = DemandPath(years: years, index: values)
                // Bayer alumina's reference path is the smelters' (as the dataset reads it).
                if product == .aluminium && p.products[Product.alumina.rawValue].isPresent {
                    p.demand[Product.alumina.rawValue] = p.demand[product.rawValue]
                }
            }
        }
    }

    /// The dataset series fitted (`power.new_load`, `products.coke.demand_index`).
    let path: String
    let target: Target
    /// The observed level quantity; its `_growth` counterpart counts too.
    let quantity: String
    let later: Later
    /// What the path is, for the fitted entry's source, and in Chinese for the footnotes under zh.
    let what: String
    let whatZH: String
    /// The dataset entry whose value is the level one unit of the path drives, per unit (the base-year
    /// consumption for new load, TWh per TWh; nil: the path is an index of the level, its base-year knot).
    let levelEntry: String?

    /// Weight of the term on the path's year-on-year change against the relative errors of the figures (0: the
    /// figures alone, for a known-answer check with one figure a year).
    var smoothness = 0.01
    /// Whether a knot moves only the annual values of its own year and the next (a year-end level, linear within
    /// years; a state may carry a trace on, as the coal fleet does through its must-run floor, far below the fit's
    /// tolerance): the fit's differences then move every third knot at once.
    var local = false
    static let residualScale = 1e3
    /// Relative step of the central differences (at least this much in absolute terms).
    static let differenceStep = 1e-4

    var quantities: Set<String> { [quantity, quantity + "_growth"] }

    /// The knot values of the fitted path at `years`, clamped at zero like the model's use of the series.
    struct Fitted {
        let years: [Int]
        let values: [Double]
        let used: [Observation]
    }

    /// The dataset with the path fitted; unchanged (nil) when the dataset lacks the series or nothing is observed.
    func fitted(_ dataset: Dataset, observations set: ObservationSet, through: Int) throws -> (Dataset, Fitted?) {
        let first = dataset.baseYear + 1
        guard through >= first else { return (dataset, nil) }
        // A level of zero or a fall of 100 % has no relative error to fit.
        let used = set.comparedAsTheyStand(quantities, in: first...through).filter(Self.fittable)
        guard !used.isEmpty, let entry = dataset.entry(path), case .series(let years, let values) = entry.value,
              !years.isEmpty else { return (dataset, nil) }
        let knots = Array(first...used.map(\.year).max()!)
        let anchor = Self.linear(years: years, values: values, at: Double(dataset.baseYear))
        let level = levelEntry.flatMap { dataset.entry($0)?.scalar } ?? anchor
        let weight = level > 0 ? smoothness / level : smoothness
        let coverageEnd = set.lastYear(of: quantities) ?? through
        let baseline = Scenario(name: "baseline", file: dataset.file)
        let history = dataset.history

        func series(_ x: [Double]) -> (years: [Double], values: [Double]) {
            Self.path(years: years, values: values, knots: knots, fitted: x.map { max($0, 0) },
                      coverageEnd: max(coverageEnd, through), later: later)
        }
        // Prepared once; each evaluation sets the path in the core's parameters and runs (no dataset round trip).
        var shortened = dataset.ending(after: knots.last!)
        shortened.history = history
        let prepared = try PreparedScenario(baseline, dataset: shortened).parameters
        func run(_ x: [Double]) throws -> Trajectory {
            let s = series(x)
            var p = prepared
            target.set(years: s.years, values: s.values, in: &p)
            return try Simulation(model: try CarbonModel(parameters: p)).run()
        }
        let start = knots.map { Self.linear(years: years, values: values, at: Double($0)) }
        func residuals(_ x: [Double]) throws -> [Double] {
            let t = try run(x)
            var r = used.map { o in Self.residual(o) { t.value($0, year: $1) } }
            for j in knots.indices {
                r.append(weight * (x[j] - (j == 0 ? anchor : x[j - 1])))
            }
            // GSL's gradient test is relative to max(cost, 1): at a cost near 1e-6 it would stop before the smoothness
            // settles. Scaling the residuals moves no minimum.
            return r.map { $0 * Self.residualScale }
        }
        // Central differences with a step far above the integrator's noise: the annual values are close to linear
        // in the knots, and GSL's default forward step (sqrt(eps) x) differences that noise. A path whose knot moves
        // only its own two years is differenced three knots at a time (every third knot together: no figure or
        // term depends on two of them), a third of the runs.
        let rows = used.map { o in Set((o.quantity.measure == .level ? o.year - 1 : o.year - 2)...o.year).map { $0 - first } }
            + knots.indices.map { [$0 - 1, $0] }
        let groups = local ? (0..<3).map { c in knots.indices.filter { $0 % 3 == c } } : knots.indices.map { [$0] }
        let result = try NonlinearLeastSquares.fit(n: used.count + knots.count, start: start, tolerance: 1e-12,
                                                   residuals: { x, r in r = try residuals(x) },
                                                   jacobian: { x, jac in
            for i in jac.indices { for k in jac[i].indices { jac[i][k] = 0 } }
            for group in groups where !group.isEmpty {
                var up = x, down = x
                for k in group {
                    up[k] += Self.differenceStep * max(1, abs(x[k]))
                    down[k] -= Self.differenceStep * max(1, abs(x[k]))
                }
                let (a, b) = (try residuals(up), try residuals(down))
                for i in a.indices {
                    for k in group where !local || rows[i].contains(k) {
                        jac[i][k] = (a[i] - b[i]) / (up[k] - down[k])
                    }
                }
            }
        })
        let x = result.x.map { max($0, 0) }
        let s = series(x)
        let lines = used.map { String($0.line) }.joined(separator: ", ")
        let source = "fitted to observations \(HistoryMode.span(Set(used.map(\.year)))) (history mode: \(what), yearly knots, unobserved years held by a term on the year-on-year change, \(set.file) lines \(lines)): "
            + zip(knots, x).map { "\($0) \(format(($1 * 1e4).rounded() / 1e4))" }.joined(separator: ", ")
            + "; before: \(entry.source)"
        var out = try dataset.setting([(Self.entry(entry, years: s.years, values: s.values, source: source), "")])
        out.history = history
        return (out, Fitted(years: knots, values: x, used: used))
    }

    /// Whether a figure has a relative error to fit: a positive level, a growth above -100 %.
    static func fittable(_ o: Observation) -> Bool {
        o.quantity.measure == .level ? o.modelUnitValue > 0 : o.modelUnitValue > -100
    }

    /// The error of the model against one figure, on the relative scale (see the type's comment); 1 where the
    /// model has no value (a growth from zero).
    static func residual(_ o: Observation, _ value: (String, Int) -> Double?) -> Double {
        guard let m = o.quantity.modelValue(year: o.year, value), m.isFinite else { return 1 }
        switch o.quantity.measure {
        case .level: return m / o.modelUnitValue - 1
        case .growth: return (1 + m / 100) / (1 + o.modelUnitValue / 100) - 1
        }
    }

    /// The fitted series (see the type's comment).
    static func path(years: [Double], values: [Double], knots: [Int], fitted: [Double], coverageEnd: Int,
                     later: Later) -> (years: [Double], values: [Double]) {
        let firstKnot = Double(knots.first!), lastKnot = Double(knots.last!)
        var ys: [Double] = [], vs: [Double] = []
        for (y, v) in zip(years, values) where y < firstKnot {
            ys.append(y)
            vs.append(v)
        }
        for (k, v) in zip(knots, fitted) {
            ys.append(Double(k))
            vs.append(v)
        }
        let scale: Double
        switch later {
        case .kept: scale = 1
        case .rescaled:
            let own = linear(years: years, values: values, at: lastKnot)
            scale = own > 0 ? fitted.last! / own : 1
        }
        for (y, v) in zip(years, values) where y > max(lastKnot, Double(coverageEnd)) {
            ys.append(y)
            vs.append(v * scale)
        }
        // A series needs three points (a monotone cubic does): hold the last value a year on.
        while ys.count < 3 {
            ys.append(ys.last! + 1)
            vs.append(vs.last!)
        }
        return (ys, vs)
    }

    /// The series' value at `year`, linear between its knots and flat outside them (the fit's start).
    static func linear(years: [Double], values: [Double], at year: Double) -> Double {
        PiecewiseLinear(points: Array(zip(years, values))).value(at: year)
    }

    static func entry(_ e: DatasetEntry, years: [Double], values: [Double], source: String) -> DatasetEntry {
        DatasetEntry(path: e.path, value: .series(years: years, values: values), unit: e.unit, source: source,
                     estimate: e.estimate, range: e.range, line: e.line)
    }
}
