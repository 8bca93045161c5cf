import Reports
import Scenarios
import Simulator

/// The page's controls, grouped as "1" targets, "N" sector plans and "X" measures. Levers come from the
/// lever registry (path, unit, range, labels), so a new lever appears on the page without page code; the
/// targets are the scenario schema's target kinds, one control per year or plan period the page offers.
public struct ControlCatalog: Codable, Sendable {
    public struct Group: Codable, Sendable {
        public let key: String
        public let label: String
        public let controls: [Control]
    }

    /// One input. `path` is where its value goes in a scenario document (`sector_plans.power.wind`,
    /// `targets.non_fossil_share.2030`, `measures.dual_control.enforce`).
    public struct Control: Codable, Sendable {
        /// lever (a level reached by a full-effect year, with start and shape), target (a number) or switch.
        public let kind: String
        public let path: String
        public let label: String
        public let description: String
        public let unit: String
        public let min: Double
        public let max: Double
        public let step: Double
        /// Where the lever stands when no scenario moves it, at the end of 2030 (nil for caps, targets).
        public let baseline: Double?
    }

    public let groups: [Group]

    /// Years and plan periods offered for the targets that are set per year or per period.
    static let targetYears = [2025, 2030, 2035]
    static let targetPeriods = ["14th", "15th", "16th"]

    public init(parameters p: ModelParameters, language l: Language) {
        let zh = l == .zh
        /// The level at the end of 2030 as the baseline runs it (its levers set, history's capacities merged in).
        func baseline(_ v: Lever) -> Double? {
            guard v.baselineLevel(p, at: 2031) != nil else { return nil }
            return p.levers.map { v.level($0[v], at: Double(2031).nextDown, p) } ?? v.baselineLevel(p, at: 2031)
        }
        func lever(_ v: Lever) -> Control {
            let range = v.validRange(p), span = range.upperBound - range.lowerBound
            return Control(kind: "lever", path: v.path, label: zh ? v.labelZH : v.label, description: zh ? v.descriptionZH : v.description,
                           unit: zh ? v.unit.chinese : v.unit.rawValue, min: range.lowerBound, max: range.upperBound,
                           step: Self.step(span), baseline: baseline(v).map { ($0 * 1e6).rounded() / 1e6 })
        }
        func target(_ kind: TargetCheck.Kind, _ key: String?, unit: String, range: ClosedRange<Double>, step: Double) -> Control {
            let label = Labels.target(kind.rawValue, l) + (key.map { " \($0)" } ?? "")
            return Control(kind: "target", path: "targets.\(kind.rawValue)" + (key.map { ".\($0)" } ?? ""), label: label,
                           description: "", unit: unit, min: range.lowerBound, max: range.upperBound, step: step, baseline: nil)
        }
        let year = zh ? "年" : "year", mt = zh ? "百万吨CO2" : "Mt CO2", mtce = zh ? "百万吨标准煤" : "Mtce"
        var targets: [Control] = [
            target(.peakYear, nil, unit: year, range: 2021...2060, step: 1),
            target(.peakCeiling, nil, unit: mt, range: 0...3000, step: 1),
            target(.neutralityYear, nil, unit: year, range: 2030...2100, step: 1),
        ]
        for period in Self.targetPeriods {
            let label = Self.periodLabel(period, l)
            targets.append(target(.energyIntensityCut, period, unit: "%", range: 0...60, step: 0.5).relabelled(Labels.target("energy_intensity_cut", l) + " " + label))
            targets.append(target(.co2IntensityCut, period, unit: "%", range: 0...60, step: 0.5).relabelled(Labels.target("co2_intensity_cut", l) + " " + label))
        }
        for y in Self.targetYears {
            targets.append(target(.nonFossilShare, String(y), unit: "%", range: 0...100, step: 0.5))
            targets.append(target(.energyCap, String(y), unit: mtce, range: 0...2000, step: 1))
        }
        let sectorPlans = LeverRegistry.all.filter { $0.path.hasPrefix("sector_plans.") }.map(lever)
        var measures = LeverRegistry.all.filter { $0.path.hasPrefix("measures.") }.map(lever)
        measures.append(Control(kind: "switch", path: "measures.dual_control.enforce",
                                label: zh ? "能耗双控：强制执行（压减高耗能产量）" : "Dual control: enforce the energy cap (curtail energy-intensive output)",
                                description: zh ? "需设置能耗双控总量上限目标" : "needs an energy cap target",
                                unit: "", min: 0, max: 1, step: 1, baseline: nil))
        groups = [
            Group(key: "1", label: zh ? "“1”：目标" : "\"1\": targets", controls: targets),
            Group(key: "N", label: zh ? "“N”：重点领域行动" : "\"N\": sector plans", controls: sectorPlans),
            Group(key: "X", label: zh ? "“X”：保障措施" : "\"X\": supporting measures", controls: measures),
        ]
    }

    /// "15th (2026-30)" or "十五五（2026-30）" for a period key such as "15th".
    static func periodLabel(_ key: String, _ l: Language) -> String {
        let n = Int(key.prefix { $0.isNumber }) ?? 15
        let p = PlanPeriod(number: n)
        return Labels.period(n, start: p.startYear, end: p.endYear, l)
    }

    /// A slider step of about a thousandth of the range, rounded to 1, 2 or 5 times a power of ten.
    static func step(_ span: Double) -> Double {
        guard span > 0 else { return 1 }
        let raw = span / 1000
        var power = 1.0
        while power > raw { power /= 10 }
        while power * 10 <= raw { power *= 10 }
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? power
    }
}

extension ControlCatalog.Control {
    func relabelled(_ label: String) -> Self {
        Self(kind: kind, path: path, label: label, description: description, unit: unit, min: min, max: max, step: step, baseline: baseline)
    }
}
