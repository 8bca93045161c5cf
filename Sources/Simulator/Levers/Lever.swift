/// One lever an analyst can pull, declared once: where it sits in a scenario file, its unit and valid
/// range, its baseline, what it means (English and Chinese), its cost family, and how it enters the model.
/// The catalog, validation, breakpoints, `carbonsim levers`, the docs table and the labels all read this.
/// Components read the lever's schedule with `levers[Levers.wind]`.
public struct Lever: Sendable {
    /// Path in a scenario file, for example `sector_plans.industry.capacity_cut.steel`.
    public let path: String
    public let unit: LeverUnit
    public let range: ClosedRange<Double>
    public let label: String
    public let labelZH: String
    public let description: String
    public let descriptionZH: String
    /// Cost and attribution family (wedges, costs).
    public let family: String
    public let baseline: LeverBaseline
    /// A capacity the lever builds out: a milestone below what is installed when its move starts is an
    /// error (tearing capacity down is not what the lever means; retirement has its own levers).
    public let isBuildOut: Bool
    /// A capacity the lever cannot exceed (a transfer out of the region moves at most what the region has);
    /// nil: only the range bounds it.
    public let ceiling: DatasetLevel?
    /// The level of a quantity the lever only lowers (retrofits pull the coal fleet's heat rate down, and nothing in the
    /// lever raises it): a target above it does nothing, and scenario files and sweep specs that ask for one are
    /// warned. nil: the lever moves its quantity either way.
    public let onlyLowers: DatasetLevel?
    /// What the lever acts on in the region's dataset (a product, the fly-ash stock); nil: always there. A dataset
    /// derived from a CEADs inventory has no products, so a product lever there acts on nothing, and a scenario
    /// that sets it is warned.
    public let actsOn: LeverSubject?
    /// How the lever enters the model, for the docs table.
    public let entersModel: String

    public init(path: String, unit: LeverUnit, range: ClosedRange<Double>, label: String, labelZH: String,
                description: String, descriptionZH: String, family: String, baseline: LeverBaseline,
                isBuildOut: Bool = false, ceiling: DatasetLevel? = nil, onlyLowers: DatasetLevel? = nil, actsOn: LeverSubject? = nil,
                entersModel: String) {
        self.path = path
        self.unit = unit
        self.range = range
        self.label = label
        self.labelZH = labelZH
        self.description = description
        self.descriptionZH = descriptionZH
        self.family = family
        self.baseline = baseline
        self.isBuildOut = isBuildOut
        self.ceiling = ceiling
        self.onlyLowers = onlyLowers
        self.actsOn = actsOn
        self.entersModel = entersModel
    }

    public var scale: Double { unit.scale }
}

/// A level from the dataset that bounds what a lever does, in the lever's file units: the capacity it may not exceed
/// (the region's base-year clinker capacity for a transfer out of the region), or the level of a quantity it only
/// lowers (the coal fleet's base-year heat rate).
public struct DatasetLevel: Sendable {
    /// What the level is, for the messages (English and Chinese).
    public let what: String, zh: String
    public let level: @Sendable (ModelParameters) -> Double
    /// For a lever that only lowers its quantity: the output series of that quantity, and the width within which the
    /// lever's pull on it does not bind (the smoothing of the pull). With them the run tells a target the quantity is
    /// already below when the lever starts, and stays below: the lever then changes nothing.
    public let series: String?, pullWidth: Double
    /// Why the quantity can be below the level by then (English and Chinese), for that message.
    public let meanwhile: (@Sendable (ModelParameters) -> (en: String, zh: String))?

    public init(what: String, zh: String, series: String? = nil, pullWidth: Double = 0,
                meanwhile: (@Sendable (ModelParameters) -> (en: String, zh: String))? = nil,
                level: @escaping @Sendable (ModelParameters) -> Double) {
        self.what = what
        self.zh = zh
        self.series = series
        self.pullWidth = pullWidth
        self.meanwhile = meanwhile
        self.level = level
    }
}

/// What a lever acts on, and whether the region's dataset has it.
public struct LeverSubject: Sendable {
    /// What it is, for the warning (English and Chinese).
    public let what: String, zh: String
    public let isPresent: @Sendable (ModelParameters) -> Bool

    public init(what: String, zh: String, isPresent: @escaping @Sendable (ModelParameters) -> Bool) {
        self.what = what
        self.zh = zh
        self.isPresent = isPresent
    }

    /// One product's capacity and output.
    public static func product(_ product: Product) -> LeverSubject {
        LeverSubject(what: "\(product.key) capacity", zh: "\(product.nameZH)产能") { $0.product(product).isPresent && $0.product(product).baseCapacity > 0 }
    }

    /// The industrial products of the dataset (any of them).
    public static let products = LeverSubject(what: "industrial products", zh: "工业产品") { p in
        p.products.contains { $0.isPresent && $0.baseCapacity > 0 }
    }

    /// The electricity-intensive products ladder pricing acts on.
    public static let electricityIntensiveProducts = LeverSubject(what: "electricity-intensive products (aluminium, ferroalloy, carbide ...)",
                                                                   zh: "高载能（电解铝、铁合金、电石等）产品") { p in
        p.products.contains { $0.isPresent && $0.electricityIntensive && $0.baseCapacity > 0 }
    }

    /// Every subject a lever can name, for the messages' translations.
    public static var all: [LeverSubject] { Product.allCases.map(product) + [products, electricityIntensiveProducts, highAluminaFlyAsh] }

    /// The high-alumina fly ash that fly-ash alumina is made from.
    public static let highAluminaFlyAsh = LeverSubject(what: "high-alumina fly ash", zh: "高铝粉煤灰") { p in
        p.flyAsh.highAluminaShare > 0 && p.flyAsh.ashPerTce > 0 || p.flyAsh.baseStock > 0
    }
}

/// Where a lever stands when no scenario moves it, in the file's units.
public enum LeverBaseline: Sendable {
    /// A constant level.
    case level(@Sendable (ModelParameters) -> Double)
    /// A trend: the level at the end of the base year, growing by `rate` per year (wind and solar). The lever's
    /// milestones are levels; the core reads the lever as an offset over the trend, which continues after the
    /// last milestone.
    case trend(@Sendable (ModelParameters) -> (level: Double, rate: Double))
    /// No constraint (caps); a cap moves from `level` (the installed capacity) to its target.
    case none(from: @Sendable (ModelParameters) -> Double)
}

extension Lever {
    /// The schedule of this lever when no scenario moves it, in the core's units.
    public func baselineSchedule(_ p: ModelParameters) -> Schedule {
        switch baseline {
        case .level(let level): return .constant(level(p) * scale)
        case .trend: return .constant(0)
        case .none(let from): return .constant(from(p) * scale)
        }
    }

    /// Baseline level at time t in the file's units (nil: no baseline level, as for caps).
    public func baselineLevel(_ p: ModelParameters, at t: Double) -> Double? {
        switch baseline {
        case .level(let level): return level(p)
        case .trend(let trend):
            let b = trend(p)
            return b.level + b.rate * (t - Lever.trendAnchor(p))
        case .none: return nil
        }
    }

    /// How the baseline reads in `carbonsim levers`.
    public func baselineDescription(_ p: ModelParameters, chinese: Bool = false) -> String {
        func fmt(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e9 ? String(Int(v)) : "\(v)"
        }
        switch baseline {
        case .level(let level): return fmt(level(p))
        case .trend(let trend):
            let b = trend(p)
            return chinese ? "趋势：自\(p.baseYear)年末\(fmt(b.level))\(unit.chinese)起每年增加\(fmt(b.rate))\(unit.chinese)"
                : "trend +\(fmt(b.rate)) \(unit.rawValue)/yr from \(fmt(b.level)) at the end of \(p.baseYear)"
        case .none: return chinese ? "无" : "none"
        }
    }

    /// The trend's level is at the end of the base year (year-end statistics).
    public static func trendAnchor(_ p: ModelParameters) -> Double { Double(p.baseYear + 1) }

    /// The schedule a setting gives, in the core's units.
    public func schedule(_ s: LeverSetting, _ p: ModelParameters) -> Schedule {
        switch s.form {
        case .target, .path:
            var ramps: [Ramp] = []
            let from = baselineSchedule(p).from
            var previous = from, start = s.start
            for m in s.milestones {
                let level = coreLevel(m.value, endOf: m.year, p)
                ramps.append(Ramp(start: start, full: m.year, shape: m.shape, amount: level - previous))
                previous = level
                start = m.year + 1
            }
            return Schedule(from: from, ramps: ramps)
        case .delta:
            let base: Schedule
            switch s.over {
            case .baseline: base = baselineSchedule(p)
            case .setting(let b): base = schedule(b, p)
            }
            var ramps: [Ramp] = [], previous = 0.0, start = s.start
            for m in s.milestones {
                ramps.append(Ramp(start: start, full: m.year, shape: m.shape, amount: (m.value - previous) * scale))
                previous = m.value
                start = m.year + 1
            }
            return base.adding(Schedule(from: 0, ramps: ramps))
        }
    }

    /// A level in the file's units reached at the end of `year`, in the core's terms (an offset over the
    /// trend for trend levers).
    func coreLevel(_ value: Double, endOf year: Int, _ p: ModelParameters) -> Double {
        if case .trend = baseline { return value * scale - baselineLevel(p, at: Double(year + 1))! * scale }
        return value * scale
    }

    /// The lever's level at time t in the file's units, under a schedule.
    public func level(_ schedule: Schedule, at t: Double, _ p: ModelParameters) -> Double {
        let v = schedule.value(at: t) / scale
        if case .trend = baseline { return v + baselineLevel(p, at: t)! }
        return v
    }

    /// The level a setting reaches at the end of its last milestone year, in the file's units: for a delta,
    /// the level of what it extends plus the delta.
    public func finalLevel(_ s: LeverSetting, _ p: ModelParameters) -> Double {
        level(schedule(s, p), at: Double(s.full + 1).nextDown, p)
    }

    /// The setting with its last milestone moved so that the lever reaches `level` (file units) at the end of
    /// that year, whatever its form: solve, optimize and sweeps vary levels, and a delta is kept a delta.
    public func setting(_ s: LeverSetting, reaching level: Double, _ p: ModelParameters) -> LeverSetting {
        var r = s
        if s.form == .delta {
            r.target = 0
            // To 1e-9 of the lever's unit: 200.64 - 196 is 4.64, not 4.64000000000371, in a file written from it.
            r.target = ((level - finalLevel(r, p)) * 1e9).rounded() / 1e9
        } else {
            r.target = level
        }
        return r
    }

    /// The smallest level a setting's last milestone may reach: for a build-out lever, the lowest level at which
    /// no move of the resulting schedule takes capacity down (so that solve and optimize search only settings
    /// that build); otherwise the range's bottom. Usually that is what is installed when the last move starts; where
    /// that level would still dip (a delta, a step or logistic offset over the trend) it is found by bisection (the
    /// level is monotone in the setting).
    public func minimumTarget(_ s: LeverSetting, _ p: ModelParameters) -> Double {
        guard isBuildOut else { return range.lowerBound }
        let lastStart = s.milestones.count > 1 ? s.milestones[s.milestones.count - 2].year + 1 : s.start
        let probe = setting(s, reaching: range.upperBound, p)
        let installed = min(max(range.lowerBound, level(schedule(probe, p), at: Double(lastStart).nextDown, p)), range.upperBound)
        // The level installed when the last move starts is not always enough: a delta over a path can outrun the path's
        // growth, and a step or logistic move is an offset over the trend that can dip below the year before while the
        // trend catches up. The lowest level whose schedule never goes down, then.
        func builds(_ level: Double) -> Bool { teardown(schedule(setting(s, reaching: level, p), p), p) == nil }
        var low = max(range.lowerBound, installed), high = range.upperBound
        if builds(low) { return low }
        guard builds(high) else { return installed }
        while high - low > 1e-9 * max(abs(high), 1) {
            let mid = (low + high) / 2
            if builds(mid) { high = mid } else { low = mid }
        }
        return high
    }

    /// For a build-out lever, the first move that would take the level down: its end year, the level it
    /// reaches, and the level installed when it starts (file units); or, between milestones, the first year whose
    /// year-end level is below the year before's (start and end that year).
    public func teardown(_ schedule: Schedule, _ p: ModelParameters) -> (start: Int, year: Int, target: Double, installed: Double)? {
        guard isBuildOut else { return nil }
        for r in schedule.ramps.sorted(by: { ($0.full, $0.start) < ($1.full, $1.start) }) {
            let before = level(schedule, at: Double(r.start).nextDown, p)
            let after = level(schedule, at: Double(r.full + 1).nextDown, p)
            if after < before - 1e-9 * max(abs(before), 1) { return (r.start, r.full, after, before) }
        }
        // Between milestones too: a trend lever's move is an offset over its trend, so a step or logistic move whose
        // ends are in order can still dip below the last year's level while the trend catches up, and a delta over
        // a path can outrun the path's own growth. No year-end level may fall below the one before.
        guard let first = schedule.ramps.map(\.start).min(), let last = schedule.ramps.map(\.full).max() else { return nil }
        var previous = level(schedule, at: Double(first).nextDown, p)
        for year in first...last {
            let now = level(schedule, at: Double(year + 1).nextDown, p)
            if now < previous - 1e-9 * max(abs(previous), 1) { return (year, year, now, previous) }
            previous = now
        }
        return nil
    }

    /// The levels a setting may reach with this dataset: the range, below the ceiling if the lever has one
    /// (sliders, sweeps, solve and optimize search only these).
    public func validRange(_ p: ModelParameters) -> ClosedRange<Double> {
        guard let ceiling else { return range }
        return range.lowerBound...max(range.lowerBound, min(range.upperBound, ceiling.level(p)))
    }

    /// For a lever with a ceiling, the first milestone (end of a ramp's full year) above it: the year, the level
    /// reached and the ceiling (file units).
    public func aboveCeiling(_ schedule: Schedule, _ p: ModelParameters) -> (year: Int, level: Double, ceiling: Double)? {
        guard let ceiling else { return nil }
        let limit = ceiling.level(p)
        for r in schedule.ramps.sorted(by: { ($0.full, $0.start) < ($1.full, $1.start) }) {
            let reached = level(schedule, at: Double(r.full + 1).nextDown, p)
            if reached > limit + 1e-9 * max(abs(limit), 1) { return (r.full, reached, limit) }
        }
        return nil
    }
}
