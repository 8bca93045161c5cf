import Scenarios
import Simulator

/// The units numbers are shown in. The model computes in its own units (Mt CO2, Mtce, GW, TWh); a Chinese
/// statistical report writes 万吨, 万吨标准煤, 万千瓦, 亿千瓦时 and 亿元. Only renderers convert, at the
/// presentation boundary, so every number a script reads from JSON stays in the model's units.
public enum UnitSystem: String, CaseIterable, Sendable {
    /// The model's units: Mt CO2, Mtce, GW, TWh, 10^8 yuan.
    case model
    /// Chinese statistical units: 10^4 t (万吨), 10^4 tce (万吨标准煤), 10^4 kW (万千瓦), 10^8 kWh (亿千瓦时), 10^8 yuan (亿元).
    case cn

    /// Chinese labels read as a Chinese report by default; English ones keep the model's units.
    public static func `default`(for language: Language) -> UnitSystem { language == .zh ? .cn : .model }

    /// A model unit as shown: the unit's key (for `Labels.unit`) and the factor a model value is multiplied by.
    public struct Presented: Equatable, Sendable {
        public let unit: String
        public let factor: Double
        public func value(_ v: Double) -> Double { v * factor }
    }

    /// Model unit -> Chinese statistical unit (`StatisticalUnit`); intensities (per 10^4 yuan) and 10^8 yuan are
    /// already the statistical units.
    static let cnUnits: [String: Presented] = StatisticalUnit.table.mapValues { Presented(unit: $0.symbol, factor: $0.factor) }

    public func presented(_ modelUnit: String) -> Presented {
        switch self {
        case .model: return Presented(unit: modelUnit, factor: 1)
        case .cn: return Self.cnUnits[modelUnit] ?? Presented(unit: modelUnit, factor: 1)
        }
    }

    /// A "1" target's required and achieved values as shown: ceilings and caps in this system's CO2 and energy units,
    /// years and cuts and shares as they are (the margin of a cut or share is in points).
    public func targetPresented(_ kind: TargetCheck.Kind) -> Presented {
        switch kind {
        case .peakCeiling: return presented("Mt CO2")
        case .energyCap: return presented("Mtce")
        case .peakYear, .neutralityYear: return Presented(unit: "year", factor: 1)
        case .energyIntensityCut, .co2IntensityCut, .nonFossilShare: return Presented(unit: "%", factor: 1)
        }
    }

    public func targetFactor(_ kind: TargetCheck.Kind) -> Double { targetPresented(kind).factor }
    public func targetUnit(_ kind: TargetCheck.Kind) -> String { targetPresented(kind).unit }

    /// Large totals (cumulative emissions): 亿吨 (10^8 t) in Chinese statistical units, 1 Mt = 0.01 亿吨.
    public func largeTotal(_ modelUnit: String) -> Presented {
        guard self == .cn, modelUnit == "Mt CO2" else { return presented(modelUnit) }
        return Presented(unit: "10^8 t CO2", factor: 0.01)
    }
}

extension StatisticalUnit {
    /// A lever value in the unit Chinese statistics write it, for Chinese answers whose number is in the lever's
    /// (the scenario file's) unit: "（合13067万千瓦）" after "130.670吉瓦"; empty for units written alike (%).
    public static func equivalentZH(_ value: Double, leverUnit: LeverUnit) -> String {
        guard let u = of(leverUnit.rawValue) else { return "" }
        let shown = value * u.factor
        return "（合\(NumberFormat.fixed(shown, abs(shown) >= 100 ? 0 : 1))\(u.chinese)）"
    }
}
