import Simulator

/// A "1" target as a table shows it: required, achieved and by how much it is met or missed, in the
/// table's units. The margin is positive when met: years early for peak and neutrality, room left under a
/// ceiling or cap, percentage points above a required cut or share.
public struct TargetPresentation {
    public let required: String
    public let achieved: String?
    public let gap: String?
    /// The margin in the shown units (positive = met), nil when nothing was achieved (no peak, no net zero).
    public let margin: Double?

    public init(_ c: TargetCheck, units: UnitSystem, language l: Language) {
        switch c.kind {
        case .peakYear, .neutralityYear:
            let achievedYear = c.achieved.map { $0.rounded() }
            required = NumberFormat.fixed(c.required, 0)
            // A peak at the run's first year is at or before it: a bound, shown as one.
            achieved = achievedYear.map { (c.atOrBefore ? "≤" : "") + NumberFormat.fixed($0, 0) }
            margin = c.kind.margin(required: c.required, achieved: achievedYear)
            gap = margin.map { (c.atOrBefore ? "≥" : "") + NumberFormat.signed($0, digits: 0) + (l == .zh ? "年" : " yr") }
        case .peakCeiling, .energyCap:
            let shown = units.presented(c.kind == .peakCeiling ? "Mt CO2" : "Mtce")
            let pair = c.achieved.map { NumberFormat.distinct(shown.value(c.required), shown.value($0)) }
            required = pair?.0 ?? NumberFormat.value(shown.value(c.required))
            achieved = pair?.1
            margin = c.kind.margin(required: c.required, achieved: c.achieved).map(shown.value)
            // With its unit, as the other rows' pp and yr: the column mixes kinds of target.
            let unit = Labels.unit(shown.unit, l)
            gap = margin.map { NumberFormat.signed($0) + (l == .zh ? unit : " " + unit) }
        case .energyIntensityCut, .co2IntensityCut, .nonFossilShare:
            let shown = c.achieved.map { NumberFormat.distinct(c.required, $0) }
            required = shown?.0 ?? NumberFormat.value(c.required)
            achieved = shown?.1
            margin = c.kind.margin(required: c.required, achieved: c.achieved)
            gap = margin.map { NumberFormat.points($0, l) }
        }
    }
}

extension TargetPresentation {
    /// A target as a sentence says it ("non-fossil share at least 35 % in 2030", "2030年非化石能源消费比重不低于35%"),
    /// in the model's units: what `solve` reports instead of the `kind:year=value` the command line takes.
    public static func phrase(_ c: TargetCheck, _ l: Language) -> String {
        let v = NumberFormat.trimmed(c.required), zh = l == .zh
        switch c.kind {
        case .peakYear: return zh ? "\(c.year)年前碳达峰" : "CO2 peak by \(c.year)"
        case .neutralityYear: return zh ? "\(c.year)年前实现碳中和" : "net zero by \(c.year)"
        case .peakCeiling: return zh ? "碳排放峰值不超过\(v)百万吨CO2" : "CO2 peak at most \(v) Mt CO2"
        case .energyIntensityCut:
            return zh ? "\(c.period.nameZH)期间能耗强度降低\(v)%（双控考核口径）"
                      : "energy intensity cut by \(v) % over the \(c.period.ordinal) plan (dual-control basis)"
        case .co2IntensityCut:
            return zh ? "\(c.period.nameZH)期间碳排放强度降低\(v)%" : "CO2 intensity cut by \(v) % over the \(c.period.ordinal) plan"
        case .energyCap:
            return zh ? "\(c.year)年能源消费总量不超过\(v)百万吨标准煤（双控考核口径）"
                      : "energy at most \(v) Mtce in \(c.year) (dual-control basis)"
        case .nonFossilShare: return zh ? "\(c.year)年非化石能源消费比重不低于\(v)%" : "non-fossil share at least \(v) % in \(c.year)"
        }
    }

    /// A target's name without its required level, as a margin's row names it: "2030年非化石能源消费比重", "non-fossil
    /// share 2030".
    public static func name(_ kind: TargetCheck.Kind, year: Int, _ l: Language) -> String {
        let period = PlanPeriod.containing(year)
        switch (kind, l) {
        case (.peakYear, .zh): return "碳达峰年份"
        case (.neutralityYear, .zh): return "碳中和年份"
        case (.peakCeiling, .zh): return "碳排放峰值"
        case (.energyIntensityCut, .zh): return "\(period.nameZH)期间能耗强度降低（双控考核口径）"
        case (.co2IntensityCut, .zh): return "\(period.nameZH)期间碳排放强度降低"
        case (.energyCap, .zh): return "\(year)年能耗双控总量"
        case (.nonFossilShare, .zh): return "\(year)年非化石能源消费比重"
        case (.peakYear, _): return "CO2 peak year"
        case (.neutralityYear, _): return "net-zero year"
        case (.peakCeiling, _): return "CO2 peak level"
        case (.energyIntensityCut, _): return "energy intensity cut over the \(period.ordinal) plan"
        case (.co2IntensityCut, _): return "CO2 intensity cut over the \(period.ordinal) plan"
        case (.energyCap, _): return "energy (dual-control basis) in \(year)"
        case (.nonFossilShare, _): return "non-fossil share in \(year)"
        }
    }

    /// The unit of a target's achieved value and margin in the model's units: years, Mt CO2, Mtce, or % and
    /// percentage points.
    public static func units(_ kind: TargetCheck.Kind, _ l: Language) -> (achieved: String, margin: String) {
        let zh = l == .zh
        let margin = zh ? Labels.unit(kind.marginUnit, .zh) : " " + kind.marginUnit
        switch kind {
        case .peakYear, .neutralityYear: return ("", margin)
        case .peakCeiling, .energyCap: return (margin, margin)
        case .energyIntensityCut, .co2IntensityCut, .nonFossilShare: return (zh ? "%" : " %", margin)
        }
    }
}
